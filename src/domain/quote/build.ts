// Turns an engine result into quote lines and totals, and numbers quotes OF/YYYY/NNNNN[/Rn].
import { type PricedLine, type Totals, totalsOf } from "../pricing/bom";
import type { Settings } from "../pricing/settings";
import type { SizingResult } from "../sizing/engine";

export interface QuoteLineDraft {
  position: number;
  sku: string | null;
  description: string;
  quantity: number;
  unitNetGrosze: number;
  unitNetLowGrosze: number;
  unitNetHighGrosze: number;
  vatRateBasisPoints: number;
  isEstimate: boolean;
}

export interface QuoteDraft {
  lines: QuoteLineDraft[];
  totals: Totals;
  validUntil: string;
  tier: string;
}

export function quoteNumber(year: number, seq: number, revision = 1): string {
  const base = `OF/${year}/${String(seq).padStart(5, "0")}`;
  return revision > 1 ? `${base}/R${revision}` : base;
}

export function addDays(date: Date, days: number): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

export function linesFromPriced(priced: readonly PricedLine[]): QuoteLineDraft[] {
  return priced.map((l, i) => ({
    position: i + 1,
    sku: l.sku,
    description: l.description,
    quantity: l.quantity,
    unitNetGrosze: l.unitNetGrosze,
    unitNetLowGrosze: l.unitNetLowGrosze,
    unitNetHighGrosze: l.unitNetHighGrosze,
    vatRateBasisPoints: l.vatRateBasisPoints,
    isEstimate: l.isEstimate,
  }));
}

/** The quote for a recommendation, or null when the result is a custom project. */
export function draftQuote(result: SizingResult, settings: Settings, today: Date): QuoteDraft | null {
  const rec = result.recommendation;
  if (!rec?.cost || !rec.configuration) return null;
  const lines = linesFromPriced(rec.cost.lines);
  return { lines, totals: totalsOf(lines), validUntil: addDays(today, settings.quoteValidityDays), tier: rec.tier };
}
