// Prices a bill of materials from the price list and settings: PLN net per line (point and
// range), VAT on the total, gross. Integer grosze throughout.
import { applyBasisPoints, convertToGrosze } from "./money";
import type { PriceListItem } from "./price-list";
import type { Settings } from "./settings";

export interface PricedLine {
  sku: string;
  description: string;
  quantity: number;
  unitNetGrosze: number;
  unitNetLowGrosze: number;
  unitNetHighGrosze: number;
  lineNetGrosze: number;
  vatRateBasisPoints: number;
  isEstimate: boolean;
  source: string;
}

export interface Totals {
  netGrosze: number;
  vatGrosze: number;
  grossGrosze: number;
  netLowGrosze: number;
  netHighGrosze: number;
  grossLowGrosze: number;
  grossHighGrosze: number;
}

export type PricingResult = { ok: true; lines: PricedLine[]; totals: Totals } | { ok: false; missing: string[] };

/** Converts a list price to PLN net grosze with the settings' FX rate and margin; null if no rate. */
export function unitNetGrosze(amountMinor: number, currency: string, settings: Settings): number | null {
  let grosze = amountMinor;
  if (currency !== "PLN") {
    const rate = settings.fxRates[currency]?.value;
    if (rate === undefined) return null;
    grosze = convertToGrosze(amountMinor, rate);
  }
  return grosze + applyBasisPoints(grosze, settings.marginBasisPoints.value);
}

export function priceLine(item: PriceListItem, quantity: number, settings: Settings, description = item.name): PricedLine | null {
  const unit = unitNetGrosze(item.unitPriceMinor, item.currency, settings);
  const low = unitNetGrosze(item.unitPriceLowMinor, item.currency, settings);
  const high = unitNetGrosze(item.unitPriceHighMinor, item.currency, settings);
  if (unit === null || low === null || high === null) return null;
  return {
    sku: item.sku,
    description,
    quantity,
    unitNetGrosze: unit,
    unitNetLowGrosze: low,
    unitNetHighGrosze: high,
    lineNetGrosze: unit * quantity,
    vatRateBasisPoints: settings.vatRateBasisPoints.value,
    isEstimate: item.isEstimate,
    source: item.source,
  };
}

/** Totals of priced lines: VAT computed per rate on the summed net (art. 106e ust. 1 pkt 14 VAT act). */
export function totalsOf(
  lines: readonly Pick<PricedLine, "quantity" | "unitNetGrosze" | "unitNetLowGrosze" | "unitNetHighGrosze" | "vatRateBasisPoints">[],
): Totals {
  const byRate = new Map<number, { net: number; low: number; high: number }>();
  for (const l of lines) {
    const t = byRate.get(l.vatRateBasisPoints) ?? { net: 0, low: 0, high: 0 };
    t.net += l.unitNetGrosze * l.quantity;
    t.low += l.unitNetLowGrosze * l.quantity;
    t.high += l.unitNetHighGrosze * l.quantity;
    byRate.set(l.vatRateBasisPoints, t);
  }
  let netGrosze = 0;
  let vatGrosze = 0;
  let netLowGrosze = 0;
  let netHighGrosze = 0;
  let vatLow = 0;
  let vatHigh = 0;
  for (const [rate, t] of byRate) {
    netGrosze += t.net;
    netLowGrosze += t.low;
    netHighGrosze += t.high;
    vatGrosze += applyBasisPoints(t.net, rate);
    vatLow += applyBasisPoints(t.low, rate);
    vatHigh += applyBasisPoints(t.high, rate);
  }
  return {
    netGrosze,
    vatGrosze,
    grossGrosze: netGrosze + vatGrosze,
    netLowGrosze,
    netHighGrosze,
    grossLowGrosze: netLowGrosze + vatLow,
    grossHighGrosze: netHighGrosze + vatHigh,
  };
}

export function priceBom(
  bom: readonly { sku: string; quantity: number; description?: string }[],
  priceList: readonly PriceListItem[],
  settings: Settings,
): PricingResult {
  const lines: PricedLine[] = [];
  const missing: string[] = [];
  for (const entry of bom) {
    const item = priceList.find((p) => p.sku === entry.sku);
    const line = item ? priceLine(item, entry.quantity, settings, entry.description ?? item.name) : null;
    if (line) lines.push(line);
    else missing.push(entry.sku);
  }
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, lines, totals: totalsOf(lines) };
}
