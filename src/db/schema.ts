// The one place the D1 tables are described. drizzle-kit generates migrations/ from it.
// Money columns are integer minor units (grosze for PLN); times are ISO-8601 UTC strings.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const createdAt = () => text("created_at").notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);

export const LEAD_STATUSES = ["new", "contacted", "qualified", "proposal_sent", "won", "lost"] as const;
export const QUOTE_STATUSES = ["draft", "sent", "accepted", "declined", "expired"] as const;
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "dead"] as const;
export const EMAIL_KINDS = ["proposal", "sales_new_lead", "quote_accepted", "quote_declined"] as const;
export const ROLES = ["sales", "admin"] as const;

export const leads = sqliteTable(
  "leads",
  {
    id: text("id").primaryKey(),
    company: text("company").notNull(),
    contactName: text("contact_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    nip: text("nip"),
    city: text("city"),
    language: text("language", { enum: ["pl", "en"] })
      .notNull()
      .default("pl"),
    message: text("message"),
    marketingConsent: integer("marketing_consent", { mode: "boolean" }).notNull().default(false),
    marketingConsentTextVersion: text("marketing_consent_text_version"),
    marketingConsentAt: text("marketing_consent_at"),
    status: text("status", { enum: LEAD_STATUSES }).notNull().default("new"),
    lostReason: text("lost_reason"),
    assignee: text("assignee"),
    sourcePage: text("source_page"),
    referrer: text("referrer"),
    utmSource: text("utm_source"),
    utmMedium: text("utm_medium"),
    utmCampaign: text("utm_campaign"),
    erasedAt: text("erased_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("leads_status_idx").on(t.status), index("leads_created_idx").on(t.createdAt)],
);

export const leadNotes = sqliteTable("lead_notes", {
  id: text("id").primaryKey(),
  leadId: text("lead_id")
    .notNull()
    .references(() => leads.id),
  author: text("author").notNull(),
  body: text("body").notNull(),
  createdAt: createdAt(),
});

/** The validated sizing input exactly as the engine received it. */
export const workloadSubmissions = sqliteTable("workload_submissions", {
  id: text("id").primaryKey(),
  leadId: text("lead_id")
    .notNull()
    .references(() => leads.id),
  inputJson: text("input_json", { mode: "json" }).notNull(),
  createdAt: createdAt(),
});

/**
 * A quote revision. `number` is OF/YYYY/NNNNN, shared by all revisions of one quote;
 * (year, seq) is consecutive within a year, `revision` counts from 1.
 */
export const quotes = sqliteTable(
  "quotes",
  {
    id: text("id").primaryKey(),
    leadId: text("lead_id")
      .notNull()
      .references(() => leads.id),
    submissionId: text("submission_id").references(() => workloadSubmissions.id),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    revision: integer("revision").notNull().default(1),
    number: text("number").notNull(),
    status: text("status", { enum: QUOTE_STATUSES }).notNull().default("draft"),
    validUntil: text("valid_until").notNull(),
    currency: text("currency").notNull().default("PLN"),
    totalNetGrosze: integer("total_net_grosze").notNull(),
    totalVatGrosze: integer("total_vat_grosze").notNull(),
    totalGrossGrosze: integer("total_gross_grosze").notNull(),
    totalNetLowGrosze: integer("total_net_low_grosze").notNull(),
    totalNetHighGrosze: integer("total_net_high_grosze").notNull(),
    tier: text("tier"),
    engineSnapshot: text("engine_snapshot", { mode: "json" }).notNull(),
    priceListVersion: integer("price_list_version").notNull(),
    settingsVersion: integer("settings_version").notNull(),
    accessToken: text("access_token").notNull(),
    customerComment: text("customer_comment"),
    sentAt: text("sent_at"),
    decidedAt: text("decided_at"),
    createdBy: text("created_by").notNull().default("intake"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("quotes_year_seq_rev_uq").on(t.year, t.seq, t.revision),
    uniqueIndex("quotes_access_token_uq").on(t.accessToken),
    index("quotes_lead_idx").on(t.leadId),
  ],
);

export const quoteLines = sqliteTable(
  "quote_lines",
  {
    id: text("id").primaryKey(),
    quoteId: text("quote_id")
      .notNull()
      .references(() => quotes.id),
    position: integer("position").notNull(),
    sku: text("sku"),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitNetGrosze: integer("unit_net_grosze").notNull(),
    unitNetLowGrosze: integer("unit_net_low_grosze").notNull(),
    unitNetHighGrosze: integer("unit_net_high_grosze").notNull(),
    vatRateBasisPoints: integer("vat_rate_bp").notNull(),
    isEstimate: integer("is_estimate", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("quote_lines_quote_idx").on(t.quoteId)],
);

export const priceListVersions = sqliteTable("price_list_versions", {
  version: integer("version").primaryKey(),
  note: text("note"),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
});

export const priceListItems = sqliteTable(
  "price_list_items",
  {
    version: integer("version")
      .notNull()
      .references(() => priceListVersions.version),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    currency: text("currency").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    unitPriceLowMinor: integer("unit_price_low_minor").notNull(),
    unitPriceHighMinor: integer("unit_price_high_minor").notNull(),
    source: text("source").notNull(),
    isEstimate: integer("is_estimate", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.sku] })],
);

/** Business settings (FX, margin, VAT, energy price, validity, seller, sales e-mail) as one versioned JSON document. */
export const settingsVersions = sqliteTable("settings_versions", {
  version: integer("version").primaryKey(),
  settingsJson: text("settings_json", { mode: "json" }).notNull(),
  note: text("note"),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
});

export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: EMAIL_KINDS }).notNull(),
    recipient: text("recipient").notNull(),
    language: text("language", { enum: ["pl", "en"] })
      .notNull()
      .default("pl"),
    leadId: text("lead_id").references(() => leads.id),
    quoteId: text("quote_id").references(() => quotes.id),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    subject: text("subject"),
    renderedHtml: text("rendered_html"),
    renderedText: text("rendered_text"),
    attachmentName: text("attachment_name"),
    attachmentBase64: text("attachment_base64"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: text("sent_at"),
  },
  (t) => [uniqueIndex("email_outbox_idem_uq").on(t.idempotencyKey), index("email_outbox_status_idx").on(t.status)],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["in_flight", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    beforeJson: text("before_json", { mode: "json" }),
    afterJson: text("after_json", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash)],
);
