// The short explanation in Polish and English, written from the numbers of a result.
import { formatPln } from "../pricing/money";
import type { Settings } from "../pricing/settings";
import type { SizingResult } from "./engine";

const TIER_NAMES = {
  prototype: { pl: "prototyp / R&D", en: "prototype / R&D" },
  development: { pl: "rozwój i fine-tuning", en: "development and fine-tuning" },
  production: { pl: "produkcja (inferencja)", en: "production inference" },
  "multi-agent": { pl: "produkcja wieloagentowa", en: "multi-agent production" },
  enterprise: { pl: "klaster", en: "cluster" },
} as const;

export function describeResult(r: SizingResult, _settings: Settings): { pl: string; en: string } {
  const c = r.recommendation;
  if (!c?.configuration || !c.performance || !c.cost) {
    const why = [...r.warnings, ...r.candidates.map((x) => x.rejection).filter((x) => x !== null)].slice(0, 3);
    return {
      pl: `Żadna standardowa konfiguracja nie obsłuży tego obciążenia: ${why.map((w) => w.pl).join(" ")} Przygotujemy projekt indywidualny.`,
      en: `No standard configuration serves this workload: ${why.map((w) => w.en).join(" ")} We will prepare a custom project.`,
    };
  }
  const k = c.configuration;
  const p = c.performance;
  const t = c.cost.totals;
  const units = k.units > 1 ? `${k.units}× ` : "";
  const range = t.netLowGrosze !== t.netHighGrosze;
  const pricePl = range ? `${formatPln(t.netLowGrosze)} – ${formatPln(t.netHighGrosze)} netto` : `${formatPln(t.netGrosze)} netto`;
  const priceEn = range
    ? `${formatPln(t.netLowGrosze, "en")} – ${formatPln(t.netHighGrosze, "en")} net`
    : `${formatPln(t.netGrosze, "en")} net`;
  const ft = c.fineTuning && c.fineTuning.method !== "none" ? c.fineTuning : null;
  const pl = [
    `Rekomendacja: ${units}${k.systemName} (poziom: ${TIER_NAMES[k.tier].pl}), ${r.model.name} w formacie ${k.formatLabel} (${Math.round(k.weightsBytes / 1e9)} GB wag) na ${k.runtime}.`,
    `Przy ${p.designStreams} równoczesnych strumieniach po ${r.request.contextTokens} tokenów kontekstu każdy dostaje ok. ${p.decodeTokensPerSecondPerStream} tok/s (łącznie ${p.aggregateTokensPerSecond} tok/s); pierwszy token po ok. ${p.timeToFirstTokenSeconds} s dla promptu ${p.promptTokens} tokenów.`,
    `Cel ${r.request.targetDecodeTokensPerSecond} tok/s utrzyma się do ${p.maxStreamsMeetingTarget} strumieni.`,
    ft ? `Fine-tuning ${ft.method.toUpperCase()} modelu ${ft.target}: ${ft.fits ? "mieści się" : "nie mieści się"} w pamięci.` : "",
    `Cena: ${pricePl}; energia ok. ${formatPln(c.cost.monthlyEnergyGrosze)} miesięcznie.`,
  ];
  const en = [
    `Recommendation: ${units}${k.systemName} (tier: ${TIER_NAMES[k.tier].en}), ${r.model.name} in ${k.formatLabel} (${Math.round(k.weightsBytes / 1e9)} GB of weights) on ${k.runtime}.`,
    `With ${p.designStreams} concurrent streams of ${r.request.contextTokens} context tokens each gets about ${p.decodeTokensPerSecondPerStream} tok/s (${p.aggregateTokensPerSecond} tok/s in total); first token after about ${p.timeToFirstTokenSeconds} s for a ${p.promptTokens}-token prompt.`,
    `The ${r.request.targetDecodeTokensPerSecond} tok/s target holds up to ${p.maxStreamsMeetingTarget} streams.`,
    ft ? `${ft.method.toUpperCase()} fine-tuning of ${ft.target}: ${ft.fits ? "fits" : "does not fit"} in memory.` : "",
    `Price: ${priceEn}; energy about ${formatPln(c.cost.monthlyEnergyGrosze, "en")} a month.`,
  ];
  return { pl: pl.filter(Boolean).join(" "), en: en.filter(Boolean).join(" ") };
}
