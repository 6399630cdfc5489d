// The quote as an A4 PDF made inside the Worker with pdf-lib. Standard PDF fonts are WinAnsi
// only ("Ł" cannot be encoded), so Noto Sans is embedded, pre-cut to Latin Extended-A
// (scripts/subset-fonts.sh).

import fontkit from "@pdf-lib/fontkit";
import { PDFContext, PDFDocument, type PDFFont, type PDFPage, type PDFRawStream, rgb } from "pdf-lib";
import notoRegular from "../../assets/fonts/NotoSans-400Regular-latin-ext.ttf";
import notoBold from "../../assets/fonts/NotoSans-700Bold-latin-ext.ttf";
import { formatNip } from "../domain/nip";
import { formatPln } from "../domain/pricing/money";
import { type Lang, MESSAGES } from "../i18n/messages";
import { keyFigures } from "../quote/figures";
import type { QuoteView } from "../quote/view";
import { formatDate, placeOf } from "../web/quote-page";

const A4: [number, number] = [595.28, 841.89];
/** Latin text needs no shaping; turning fontkit's default features off makes each line cheaper. */
const NO_SHAPING = { liga: false, kern: false, calt: false, clig: false, rlig: false, mark: false, mkmk: false, ccmp: false, locl: false };

/**
 * pdf-lib deflates the embedded font file on every save with pure-JS zlib, which was two thirds of
 * a quote's render time (bench/results.md). Deflating the same bytes always gives the same stream,
 * so the two font files are deflated once per isolate; every other stream goes through as before.
 */
const FONT_DATA = new Set<ArrayBufferLike>([notoRegular, notoBold]);
const deflatedFonts = new WeakMap<ArrayBufferLike, Uint8Array>();
const flateStream = PDFContext.prototype.flateStream;
PDFContext.prototype.flateStream = function (this: PDFContext, contents, dict = {}) {
  if (contents instanceof Uint8Array && FONT_DATA.has(contents.buffer) && contents.byteLength === contents.buffer.byteLength) {
    let packed = deflatedFonts.get(contents.buffer);
    if (!packed) {
      packed = (flateStream.call(this, contents, dict) as PDFRawStream).contents;
      deflatedFonts.set(contents.buffer, packed);
    }
    return this.stream(packed, { ...dict, Filter: "FlateDecode" });
  }
  return flateStream.call(this, contents, dict);
};

/** fontkit parses a font on every embed; the two fonts never change, so parse each once per isolate. */
const parsedFonts = new WeakMap<ArrayBufferLike, ReturnType<typeof fontkit.create>>();
const cachedFontkit: typeof fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    // pdf-lib passes a fresh view over the same module data each time: key on the data itself.
    let font = postscriptName ? undefined : parsedFonts.get(buffer.buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      if (!postscriptName) parsedFonts.set(buffer.buffer, font);
    }
    return font;
  },
};
const MARGIN = 48;
const INK = rgb(0.1, 0.12, 0.14);
const MUTED = rgb(0.36, 0.4, 0.44);

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private footer: string,
  ) {
    this.page = this.newPage();
    this.y = A4[1] - MARGIN;
  }
  private newPage(): PDFPage {
    const page = this.doc.addPage(A4);
    const n = this.doc.getPageCount();
    page.drawText(`${this.footer} · ${n}`, { x: MARGIN, y: 24, size: 8, font: this.regular, color: MUTED });
    return page;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.newPage();
      this.y = A4[1] - MARGIN;
    }
  }
  /** Characters the embedded font lacks (emoji, other scripts) become "?" instead of breaking the PDF. */
  private printable(text: string): string {
    this.supported ??= new Set(this.regular.getCharacterSet());
    const supported = this.supported;
    return [...text].map((ch) => (ch === "\n" || supported.has(ch.codePointAt(0) ?? 0) ? ch : "?")).join("");
  }
  private supported: Set<number> | undefined;
  private advance = new Map<PDFFont, Map<string, number>>();
  /** Text width from cached per-character advances (the font has no kerning tables). */
  width(text: string, font: PDFFont, size: number): number {
    let cache = this.advance.get(font);
    if (!cache) {
      cache = new Map();
      this.advance.set(font, cache);
    }
    let em = 0;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) {
        w = font.widthOfTextAtSize(ch, 1);
        cache.set(ch, w);
      }
      em += w;
    }
    return em * size;
  }
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.printable(text).split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/)) {
        const next = line ? `${line} ${word}` : word;
        if (this.width(next, font, size) > width && line) {
          lines.push(line);
          line = word;
        } else line = next;
      }
      lines.push(line);
    }
    return lines;
  }
  text(
    text: string,
    opts: { size?: number; bold?: boolean; x?: number; width?: number; color?: ReturnType<typeof rgb>; gap?: number } = {},
  ) {
    const size = opts.size ?? 9.5;
    const font = opts.bold ? this.bold : this.regular;
    const x = opts.x ?? MARGIN;
    const width = opts.width ?? A4[0] - MARGIN - x;
    for (const line of this.wrap(text, font, size, width)) {
      this.ensure(size * 1.35);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: opts.color ?? INK });
      this.y -= size * 1.35;
    }
    this.y -= opts.gap ?? 0;
  }
  /** Columns on one row: each cell wrapped within its width; right-aligned cells for amounts. */
  row(cells: { text: string; x: number; width: number; right?: boolean; bold?: boolean }[], size = 9) {
    const wrapped = cells.map((c) => this.wrap(c.text, c.bold ? this.bold : this.regular, size, c.width));
    const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.3 + 3;
    this.ensure(height);
    cells.forEach((c, i) => {
      const font = c.bold ? this.bold : this.regular;
      (wrapped[i] ?? []).forEach((line, j) => {
        const w = this.width(line, font, size);
        this.page.drawText(line, { x: c.right ? c.x + c.width - w : c.x, y: this.y - size - j * size * 1.3, size, font, color: INK });
      });
    });
    this.y -= height;
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 1 }, end: { x: A4[0] - MARGIN, y: this.y + 1 }, thickness: 0.3, color: MUTED });
  }
}

export async function renderQuotePdf(q: QuoteView, lang: Lang, baseUrl: string): Promise<Uint8Array> {
  const t = MESSAGES[lang];
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachedFontkit);
  doc.setTitle(`${t.quote} ${q.number}`);
  doc.setAuthor(q.settings.seller.name);
  doc.setLanguage(lang === "pl" ? "pl-PL" : "en-GB");
  // Already cut to ~23 KB without layout tables: embedding it whole is faster than subsetting.
  const regular = await doc.embedFont(notoRegular, { subset: false, features: NO_SHAPING });
  const bold = await doc.embedFont(notoBold, { subset: false, features: NO_SHAPING });
  const w = new Writer(doc, regular, bold, `${t.quote} ${q.number}`);
  const s = q.settings.seller;
  const link = `${baseUrl}/q/${q.accessToken}`;

  w.text(`${t.quote} ${q.number}`, { size: 18, bold: true, gap: 4 });
  w.text(
    `${placeOf(s.address)}, ${formatDate(q.createdAt, lang)} · ${t.validUntil}: ${formatDate(q.validUntil, lang)} · ${t.status}: ${t.statuses[q.status]}`,
    { gap: 2 },
  );
  w.text(`${t.inquiry}: ${formatDate(q.lead.createdAt, lang)}`, { color: MUTED, gap: 8 });

  const top = w.y;
  w.text(t.seller, { bold: true });
  w.text(
    `${s.name}\n${s.address}\nNIP ${formatNip(s.nip)}, KRS ${s.krs}\n${s.registryCourt}\n${lang === "pl" ? "Kapitał zakładowy" : "Share capital"}: ${s.shareCapital}\n${s.email}, ${s.phone}`,
    {
      width: 240,
    },
  );
  const afterSeller = w.y;
  w.y = top;
  const buyer = [
    q.lead.company,
    q.lead.contactName,
    q.lead.email,
    q.lead.phone,
    q.lead.nip ? `NIP ${formatNip(q.lead.nip.replace(/\D/g, ""))}` : null,
    q.lead.city,
  ]
    .filter(Boolean)
    .join("\n");
  w.text(t.buyer, { bold: true, x: 320 });
  w.text(buyer, { x: 320 });
  w.y = Math.min(w.y, afterSeller) - 10;

  w.text(t.subject, { bold: true, size: 11 });
  w.text(q.result.explanation[lang], { gap: 8 });

  const cols = { lp: MARGIN, item: MARGIN + 22, qty: 330, unit: 360, net: 440, vat: 515 };
  w.row(
    [
      { text: t.lp, x: cols.lp, width: 20, bold: true },
      { text: t.item, x: cols.item, width: 300, bold: true },
      { text: t.qty, x: cols.qty, width: 25, right: true, bold: true },
      { text: t.unitNet, x: cols.unit, width: 75, right: true, bold: true },
      { text: t.net, x: cols.net, width: 70, right: true, bold: true },
      { text: t.vat, x: cols.vat, width: 32, right: true, bold: true },
    ],
    8.5,
  );
  for (const l of q.lines) {
    w.row([
      { text: String(l.position), x: cols.lp, width: 20 },
      { text: `${l.description}${l.isEstimate ? " *" : ""}`, x: cols.item, width: 300 },
      { text: String(l.quantity), x: cols.qty, width: 25, right: true },
      { text: formatPln(l.unitNetGrosze, lang), x: cols.unit, width: 75, right: true },
      { text: formatPln(l.unitNetGrosze * l.quantity, lang), x: cols.net, width: 70, right: true },
      { text: `${l.vatRateBasisPoints / 100}%`, x: cols.vat, width: 32, right: true },
    ]);
  }
  const total = (label: string, amount: number, bold = false) =>
    w.row([
      { text: label, x: cols.item, width: 300, bold },
      { text: formatPln(amount, lang), x: cols.unit, width: 145, right: true, bold },
    ]);
  total(`${t.total} ${t.net.toLowerCase()}`, q.totals.netGrosze);
  total(t.vat, q.totals.vatGrosze);
  total(`${t.total} ${t.gross.toLowerCase()}`, q.totals.grossGrosze, true);
  if (q.totals.netLowGrosze !== q.totals.netHighGrosze) {
    w.text(`${t.range}: ${formatPln(q.totals.netLowGrosze, lang)} – ${formatPln(q.totals.netHighGrosze, lang)} ${t.net.toLowerCase()}`, {
      color: MUTED,
    });
  }
  w.y -= 4;
  if (q.lines.some((l) => l.isEstimate)) w.text(`* ${t.estimateNotice}`, { size: 8.5, color: MUTED });
  w.text(t.deliveryTerms, { size: 8.5, color: MUTED, gap: 8 });

  w.text(t.keyFigures, { bold: true, size: 11 });
  for (const [k, v] of keyFigures(q.result, lang))
    w.row([
      { text: k, x: MARGIN, width: 180, bold: true },
      { text: v, x: MARGIN + 185, width: 315 },
    ]);
  w.y -= 8;
  w.text(t.assumptions, { bold: true, size: 11 });
  for (const a of [...q.result.assumptions, ...q.result.warnings.filter((x) => x.code !== "estimate")])
    w.text(`• ${a[lang]}`, { size: 8.5 });
  w.y -= 6;
  w.text(`${t.onlineLink}: ${link}`, { size: 9 });
  return doc.save();
}
