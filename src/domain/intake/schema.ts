// The public quote request: the workload in the customer's words plus contact details.
// One zod schema gives validation, types, the OpenAPI component and per-field messages.
import { z } from "zod";
import { normalizeNip } from "../nip";

export const USE_CASES = ["chat", "rag", "agents", "coding", "vision"] as const;
export const SPEEDS = ["relaxed", "standard", "fast"] as const;
export const TIMELINES = ["asap", "quarter", "half_year", "exploring"] as const;
export const AMOUNT_UNITS = ["pages", "tokens"] as const;
export const DEPLOYMENTS = ["pilot", "production"] as const;

/** Marks a custom issue with a key of the intake dictionary, translated when errors are shown. */
const i18n = (key: string) => ({ params: { i18n: key } });

const trimmed = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  trimmed(max)
    .optional()
    .transform((v) => (v === "" ? undefined : v));
/** Markup or control characters (a line break in a name could end up in an e-mail header). */
export function hasMarkupOrControl(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x3c || code === 0x3e) return true;
  }
  return false;
}

/** Names and places: plain text only. */
const plainText = (max: number) => trimmed(max).refine((v) => !hasMarkupOrControl(v), { message: "plain_text", ...i18n("plain_text") });

export const workloadRequestSchema = z.object({
  useCase: z.enum(USE_CASES).default("chat"),
  /** People (or agents) generating at the same moment. */
  concurrentUsers: z.number().int().min(1).max(100_000),
  totalUsers: z.number().int().min(1).max(1_000_000).optional(),
  typicalAmount: z.number().positive().max(1_000_000).optional(),
  longestAmount: z.number().positive().max(1_010_000).optional(),
  amountUnit: z.enum(AMOUNT_UNITS).default("pages"),
  fineTuning: z.enum(["none", "lora", "qlora", "full"]).default("none"),
  modality: z.enum(["text", "image", "video"]).optional(),
  quality: z.enum(["max", "balanced", "economy"]).default("balanced"),
  speed: z.enum(SPEEDS).default("standard"),
  deployment: z.enum(DEPLOYMENTS).optional(),
  budgetPln: z.number().int().min(0).max(1_000_000_000).optional(),
  timeline: z.enum(TIMELINES).default("exploring"),
});

export const quoteRequestSchema = workloadRequestSchema
  .extend({
    language: z.enum(["pl", "en"]).default("pl"),
    company: plainText(200).pipe(z.string().min(1)),
    contactName: plainText(120).pipe(z.string().min(1)),
    email: z.string().trim().max(254).pipe(z.email()),
    phone: optionalText(40).refine((v) => v === undefined || /^[+\d][\d\s()-]{5,39}$/.test(v), {
      message: "phone_invalid",
      ...i18n("phone_invalid"),
    }),
    nip: optionalText(20).refine((v) => v === undefined || normalizeNip(v) !== null, { message: "nip_invalid", ...i18n("nip_invalid") }),
    city: optionalText(120).refine((v) => v === undefined || !hasMarkupOrControl(v), {
      message: "plain_text",
      ...i18n("plain_text"),
    }),
    message: optionalText(5_000),
    marketingConsent: z.boolean().default(false),
    /** Honeypot: people never see it, bots fill it. */
    website: z.string().max(500).optional(),
    /** When the form was rendered (ms since epoch), for the minimum fill time. */
    formStartedAt: z.number().int().positive().optional(),
    turnstileToken: z.string().max(4_096).optional(),
    sourcePage: optionalText(500),
    referrer: optionalText(500),
    utmSource: optionalText(100),
    utmMedium: optionalText(100),
    utmCampaign: optionalText(100),
  })
  .strict();

export type WorkloadRequest = z.output<typeof workloadRequestSchema>;
export type QuoteRequest = z.output<typeof quoteRequestSchema>;
export type QuoteRequestInput = z.input<typeof quoteRequestSchema>;
