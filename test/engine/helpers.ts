import { DEFAULT_PRICE_LIST } from "../../src/domain/pricing/price-list";
import { DEFAULT_SETTINGS } from "../../src/domain/pricing/settings";
import { type Candidate, recommend, type SizingResult } from "../../src/domain/sizing/engine";
import type { SizingInput } from "../../src/domain/sizing/schema";

export const DEFAULT_DATA = { priceList: DEFAULT_PRICE_LIST, settings: DEFAULT_SETTINGS };

export function size(input: SizingInput): SizingResult {
  return recommend(input, DEFAULT_DATA);
}

export function candidate(result: SizingResult, systemId: string): Candidate {
  const c = result.candidates.find((x) => x.systemId === systemId);
  if (!c) throw new Error(`no candidate ${systemId}`);
  return c;
}

export const GB = 1e9;

/** |actual − expected| / expected */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected;
}
