// Business settings that price a quote. Versioned in D1; these defaults seed a fresh database.
import { z } from "zod";

const sourced = <T extends z.ZodType>(value: T) => z.object({ value, source: z.string(), isEstimate: z.boolean() });

export const sellerSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  nip: z.string().min(1),
  krs: z.string(),
  registryCourt: z.string(),
  shareCapital: z.string(),
  email: z.string().email(),
  phone: z.string(),
  website: z.string(),
});

export const settingsSchema = z.object({
  /** PLN per one unit of the currency, in ten-thousandths (NBP table A quotes four decimals). */
  fxRates: z.record(z.string().length(3), sourced(z.number().int().positive())),
  /** Mark-up on list prices, basis points. */
  marginBasisPoints: sourced(z.number().int().min(0).max(20_000)),
  vatRateBasisPoints: sourced(z.number().int().min(0).max(10_000)),
  /** Net energy price, grosze per kWh. */
  energyPriceGroszePerKwh: sourced(z.number().int().min(0).max(10_000)),
  /** Average share of rated power drawn over a month (0-1). */
  averageLoadFraction: sourced(z.number().min(0).max(1)),
  /** Data-centre overhead on top of IT power (PUE), for rack servers. */
  powerUsageEffectiveness: sourced(z.number().min(1).max(3)),
  quoteValidityDays: z.number().int().min(1).max(365),
  seller: sellerSchema,
  salesEmail: z.string().email(),
  allowedOrigins: z.array(z.string()).default([]),
  marketingConsentTextVersion: z.string(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  fxRates: {
    USD: {
      value: 36_500,
      source: "Sizewise default 3.65 PLN/USD; replace with the NBP table A mid rate on the quote day",
      isEstimate: true,
    },
  },
  marginBasisPoints: { value: 0, source: "USD figures are list prices (MSRP); sales sets any mark-up", isEstimate: false },
  vatRateBasisPoints: { value: 2_300, source: "Polish standard VAT rate 23% (ustawa o VAT, art. 146ef)", isEstimate: false },
  energyPriceGroszePerKwh: {
    value: 110,
    source: "Sizewise estimate of a 2026 business tariff, 1.10 PLN/kWh net; set the customer's own",
    isEstimate: true,
  },
  averageLoadFraction: {
    value: 0.6,
    source: "Sizewise assumption: average draw 60% of rated power over a working month",
    isEstimate: true,
  },
  powerUsageEffectiveness: {
    value: 1.4,
    source: "Sizewise assumption: PUE 1.4 for a small server room (Uptime Institute survey average ~1.5)",
    isEstimate: true,
  },
  quoteValidityDays: 30,
  seller: {
    name: "Sizewise Demo sp. z o.o.",
    address: "ul. Przykładowa 1, 00-001 Warszawa",
    nip: "8567346215",
    krs: "0000000000",
    registryCourt: "Sąd Rejonowy dla m.st. Warszawy, XII Wydział Gospodarczy KRS",
    shareCapital: "5 000,00 zł",
    email: "oferty@sizewise.example",
    phone: "+48 22 000 00 00",
    website: "https://sizewise.example",
  },
  salesEmail: "sprzedaz@sizewise.example",
  allowedOrigins: [],
  marketingConsentTextVersion: "marketing-2026-12-v1",
};
