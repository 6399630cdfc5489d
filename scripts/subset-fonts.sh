#!/usr/bin/env bash
# Regenerates assets/fonts: Noto Sans (SIL OFL 1.1, from the npm package @expo-google-fonts/noto-sans)
# cut down to Latin, Latin-1, Latin Extended-A (all Polish letters) and common punctuation, so the
# PDF quote parses and subsets a 28 KB font instead of a 630 KB one. Needs Debian's python3-fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
for weight in 400Regular 700Bold; do
  /usr/bin/python3 -m fontTools.subset "node_modules/@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf" \
    --unicodes="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+00D7,U+2248,U+2264-2265" \
    --layout-features='' --no-hinting --drop-tables+=GSUB,GPOS,GDEF,STAT --output-file="assets/fonts/NotoSans-${weight}-latin-ext.ttf"
done
