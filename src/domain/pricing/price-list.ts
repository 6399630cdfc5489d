// Price list items (unit prices in their own currency's minor units) and the defaults that seed
// a fresh database. Every figure is editable by admins; estimates are marked and shown as ranges.
import { z } from "zod";

export const priceListItemSchema = z
  .object({
    sku: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    currency: z.string().length(3),
    unitPriceMinor: z.number().int().min(0),
    unitPriceLowMinor: z.number().int().min(0),
    unitPriceHighMinor: z.number().int().min(0),
    source: z.string().trim().min(1).max(500),
    isEstimate: z.boolean(),
  })
  .refine((i) => i.unitPriceLowMinor <= i.unitPriceMinor && i.unitPriceMinor <= i.unitPriceHighMinor, {
    message: "low ≤ price ≤ high",
    path: ["unitPriceMinor"],
  });

export type PriceListItem = z.infer<typeof priceListItemSchema>;
export const priceListSchema = z.array(priceListItemSchema).min(1).max(500);

const usd = (dollars: number) => Math.round(dollars * 100);
const pln = (zloty: number) => Math.round(zloty * 100);

export const DEFAULT_PRICE_LIST: readonly PriceListItem[] = [
  {
    sku: "MSI-EDGEXPERT",
    name: "MSI EdgeXpert MS-C931 (NVIDIA GB10, 128 GB)",
    currency: "PLN",
    unitPriceMinor: pln(30_798 / 2),
    unitPriceLowMinor: pln(30_798 / 2),
    unitPriceHighMinor: pln(34_000 / 2),
    source: "Seed article: 30,798 PLN net per pair (its summary rounds to 34 thousand PLN)",
    isEstimate: false,
  },
  {
    sku: "MSI-WS300",
    name: "MSI XpertStation WS300 (NVIDIA GB300, 252 GB HBM3e + 496 GB LPDDR5X)",
    currency: "USD",
    unitPriceMinor: usd(85_000),
    unitPriceLowMinor: usd(85_000),
    unitPriceHighMinor: usd(99_999),
    source: "WS300 launch price 85,000 USD (Mar 2026); US resellers 96,996-99,999 USD (sizing-facts §4)",
    isEstimate: true,
  },
  {
    sku: "NVIDIA-H200-NVL",
    name: "NVIDIA H200 NVL 141 GB",
    currency: "USD",
    unitPriceMinor: usd(35_000),
    unitPriceLowMinor: usd(30_000),
    unitPriceHighMinor: usd(40_000),
    source: "~30,000-40,000 USD a card, low confidence (sizing-facts §4)",
    isEstimate: true,
  },
  {
    sku: "NVIDIA-RTX-PRO-6000-SE",
    name: "NVIDIA RTX PRO 6000 Blackwell Server Edition 96 GB",
    currency: "USD",
    unitPriceMinor: usd(8_565),
    unitPriceLowMinor: usd(8_000),
    unitPriceHighMinor: usd(9_200),
    source: "MSRP 8,565 USD; retail 8,000-9,200 USD (sizing-facts §4)",
    isEstimate: true,
  },
  {
    sku: "MSI-CG290-BASE",
    name: "MSI CG290-S3063 2U, Intel Xeon 6, 512 GB DDR5, NVMe (no GPUs)",
    currency: "USD",
    unitPriceMinor: usd(25_000),
    unitPriceLowMinor: usd(18_000),
    unitPriceHighMinor: usd(35_000),
    source: "Sizewise estimate: no public chassis price found (sizing-facts §4)",
    isEstimate: true,
  },
  {
    sku: "MSI-CG480-BASE",
    name: "MSI CG480-S5063 4U, 2x Intel Xeon 6, 1 TB DDR5, NVMe (no GPUs)",
    currency: "USD",
    unitPriceMinor: usd(45_000),
    unitPriceLowMinor: usd(35_000),
    unitPriceHighMinor: usd(60_000),
    source: "Sizewise estimate: no public chassis price found (sizing-facts §4)",
    isEstimate: true,
  },
  {
    sku: "NVLINK-BRIDGE-4W",
    name: "NVIDIA NVLink bridge, 4-way, for H200 NVL",
    currency: "USD",
    unitPriceMinor: usd(3_000),
    unitPriceLowMinor: usd(2_000),
    unitPriceHighMinor: usd(5_000),
    source: "Sizewise estimate",
    isEstimate: true,
  },
  {
    sku: "QSFP-DAC-200G",
    name: "QSFP 200G direct-attach cable (ConnectX-7 link between two EdgeXpert units)",
    currency: "USD",
    unitPriceMinor: usd(150),
    unitPriceLowMinor: usd(100),
    unitPriceHighMinor: usd(300),
    source: "Sizewise estimate",
    isEstimate: true,
  },
  {
    sku: "CLUSTER-NET-PORT",
    name: "Cluster networking per additional server (Spectrum-X NICs, switch ports, optics)",
    currency: "USD",
    unitPriceMinor: usd(20_000),
    unitPriceLowMinor: usd(12_000),
    unitPriceHighMinor: usd(30_000),
    source: "Sizewise estimate",
    isEstimate: true,
  },
];
