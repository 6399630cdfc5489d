// Request and response schemas of the admin API: validation, types and the OpenAPI document.
import { z } from "zod";
import { LEAD_STATUSES } from "../db/schema";
import { priceListItemSchema } from "../domain/pricing/price-list";
import { settingsSchema } from "../domain/pricing/settings";

export const leadStatusSchema = z.enum(LEAD_STATUSES);

export const leadListQuery = z.object({
  status: leadStatusSchema.optional(),
  tier: z.enum(["prototype", "development", "production", "multi-agent", "enterprise"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  assignee: z.string().max(120).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(["-created_at", "created_at"]).default("-created_at"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const leadSummarySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    company: z.string(),
    contactName: z.string(),
    email: z.string(),
    status: leadStatusSchema,
    assignee: z.string().nullable(),
    tier: z.string().nullable(),
    quoteNumber: z.string().nullable(),
    netGrosze: z.number().int().nullable(),
  })
  .meta({ id: "LeadSummary" });

export const leadListSchema = z.object({ items: z.array(leadSummarySchema), nextCursor: z.string().nullable() }).meta({ id: "LeadList" });

export const leadDetailSchema = z
  .object({
    lead: z.record(z.string(), z.unknown()),
    submissions: z.array(z.record(z.string(), z.unknown())),
    quotes: z.array(z.record(z.string(), z.unknown())),
    emails: z.array(z.record(z.string(), z.unknown())),
    notes: z.array(z.record(z.string(), z.unknown())),
    audit: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: "LeadDetail" });

export const statusChangeSchema = z
  .object({ status: leadStatusSchema, lostReason: z.string().trim().min(1).max(500).optional() })
  .strict()
  .refine((b) => b.status !== "lost" || b.lostReason, { message: "a lost lead needs a reason", path: ["lostReason"] });

export const assigneeSchema = z.object({ assignee: z.string().trim().min(1).max(120).nullable() }).strict();
export const noteSchema = z.object({ body: z.string().trim().min(1).max(5_000) }).strict();

export const extraLineSchema = z
  .object({
    description: z.string().trim().min(1).max(300),
    quantity: z.number().int().min(1).max(10_000),
    unitNetGrosze: z.number().int().min(0).max(1e12),
    vatRateBasisPoints: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

export const revisionSchema = z
  .object({
    /** Another configuration: a catalog system id (e.g. cg290-h200x4). */
    systemId: z.string().max(60).optional(),
    discountPercent: z.number().min(0).max(90).optional(),
    extraLines: z.array(extraLineSchema).max(20).optional(),
    validityDays: z.number().int().min(1).max(365).optional(),
  })
  .strict();

export const quoteRefSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    revision: z.number().int(),
    status: z.string(),
    netGrosze: z.number().int(),
    grossGrosze: z.number().int(),
    url: z.string(),
  })
  .meta({ id: "QuoteRef" });

export const priceListUpdateSchema = z
  .object({ items: z.array(priceListItemSchema).min(1).max(500), note: z.string().max(500).optional() })
  .strict();
export const settingsUpdateSchema = z.object({ settings: settingsSchema, note: z.string().max(500).optional() }).strict();

export const versionListSchema = z
  .object({
    current: z.number().int(),
    versions: z.array(z.object({ version: z.number().int(), createdBy: z.string(), createdAt: z.string(), note: z.string().nullable() })),
  })
  .meta({ id: "VersionList" });

export const statsSchema = z
  .object({
    leadsByStatus: z.record(z.string(), z.number()),
    leadsByTier: z.record(z.string(), z.number()),
    leadsByWeek: z.array(z.object({ week: z.string(), leads: z.number() })),
    pipelineNetGrosze: z.number().int(),
    quotesSent: z.number().int(),
    quotesAccepted: z.number().int(),
    acceptanceRate: z.number().nullable(),
    failedEmails: z.number().int(),
  })
  .meta({ id: "Stats" });

export const outboxQuery = z.object({
  status: z.enum(["pending", "sending", "sent", "failed", "dead"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const okSchema = z.object({ ok: z.boolean() }).meta({ id: "Ok" });
