// Reads the current price list and settings versions from D1.
import { type PriceListItem, priceListItemSchema } from "../domain/pricing/price-list";
import { type Settings, settingsSchema } from "../domain/pricing/settings";

export interface Pricing {
  priceList: PriceListItem[];
  priceListVersion: number;
  settings: Settings;
  settingsVersion: number;
}

interface ItemRow {
  version: number;
  sku: string;
  name: string;
  currency: string;
  unit_price_minor: number;
  unit_price_low_minor: number;
  unit_price_high_minor: number;
  source: string;
  is_estimate: number;
}

/** How long an isolate may reuse the price list and settings for quoting (seconds). Admin changes
 *  clear the cache of the isolate that made them; other isolates follow within this time. */
export const PRICING_CACHE_SECONDS = 30;
let cached: { at: number; value: Pricing } | null = null;

export function clearPricingCache(): void {
  cached = null;
}

/** The current pricing, from this isolate's cache when it is fresh enough (the intake's hot path). */
export async function currentPricing(db: D1Database, now = Date.now()): Promise<Pricing> {
  if (cached && now - cached.at < PRICING_CACHE_SECONDS * 1_000) return cached.value;
  const value = await loadPricing(db);
  cached = { at: now, value };
  return value;
}

export async function loadPricing(db: D1Database): Promise<Pricing> {
  const [items, settings] = await db.batch([
    db.prepare("SELECT * FROM price_list_items WHERE version = (SELECT MAX(version) FROM price_list_versions)"),
    db.prepare("SELECT version, settings_json FROM settings_versions ORDER BY version DESC LIMIT 1"),
  ]);
  const rows = (items?.results ?? []) as ItemRow[];
  const settingsRow = (settings?.results ?? [])[0] as { version: number; settings_json: string } | undefined;
  if (!settingsRow || rows.length === 0) throw new Error("pricing: no price list or settings in D1 (migrations not applied?)");
  return {
    priceList: rows.map((r) =>
      priceListItemSchema.parse({
        sku: r.sku,
        name: r.name,
        currency: r.currency,
        unitPriceMinor: r.unit_price_minor,
        unitPriceLowMinor: r.unit_price_low_minor,
        unitPriceHighMinor: r.unit_price_high_minor,
        source: r.source,
        isEstimate: r.is_estimate === 1,
      }),
    ),
    priceListVersion: rows[0]?.version ?? 0,
    settings: settingsSchema.parse(JSON.parse(settingsRow.settings_json)),
    settingsVersion: settingsRow.version,
  };
}
