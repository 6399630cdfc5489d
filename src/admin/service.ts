// The sales team's operations on D1: pipeline moves, notes, quote revisions and sending,
// versioned prices and settings, statistics, CSV export and erasure. Every change is audited.

import { totalsOf } from "../domain/pricing/bom";
import type { PriceListItem } from "../domain/pricing/price-list";
import type { Settings } from "../domain/pricing/settings";
import { addDays, linesFromPriced, type QuoteLineDraft, quoteNumber } from "../domain/quote/build";
import { recommend } from "../domain/sizing/engine";
import type { SizingInput } from "../domain/sizing/schema";
import { ApiError } from "../http/errors";
import { quoteLineStatement, randomToken } from "../intake/store";
import { enqueueOutbox } from "../intake/submit";
import { clearPricingCache, loadPricing } from "../pricing/load";
import type { Actor } from "./auth";

type LeadStatus = "new" | "contacted" | "qualified" | "proposal_sent" | "won" | "lost";

/** Allowed pipeline moves. Won is final; a lost lead can be reopened as contacted. */
export const TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ["contacted", "qualified", "proposal_sent", "lost"],
  contacted: ["qualified", "proposal_sent", "lost"],
  qualified: ["proposal_sent", "lost"],
  proposal_sent: ["qualified", "won", "lost"],
  won: [],
  lost: ["contacted"],
};

export function auditStatement(
  db: D1Database,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
  at: string,
) {
  return db
    .prepare(
      "INSERT INTO audit_log (id, actor, action, entity_type, entity_id, before_json, after_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(
      crypto.randomUUID(),
      actor.id,
      action,
      entityType,
      entityId,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
      at,
    );
}

export async function changeLeadStatus(db: D1Database, actor: Actor, leadId: string, status: LeadStatus, lostReason: string | undefined) {
  const lead = await db
    .prepare("SELECT status, lost_reason, erased_at FROM leads WHERE id = ?")
    .bind(leadId)
    .first<{ status: LeadStatus; lost_reason: string | null; erased_at: string | null }>();
  if (!lead) throw new ApiError(404, "not_found", "Lead not found");
  if (lead.status === status) return { status };
  if (!TRANSITIONS[lead.status].includes(status)) {
    throw new ApiError(409, "invalid_transition", `A lead cannot move from ${lead.status} to ${status}`, {
      status: `allowed: ${TRANSITIONS[lead.status].join(", ") || "none"}`,
    });
  }
  const now = new Date().toISOString();
  await db.batch([
    db
      .prepare("UPDATE leads SET status = ?, lost_reason = ?, updated_at = ? WHERE id = ? AND status = ?")
      .bind(status, status === "lost" ? (lostReason ?? null) : null, now, leadId, lead.status),
    auditStatement(db, actor, "lead.status", "lead", leadId, { status: lead.status }, { status, lostReason: lostReason ?? null }, now),
  ]);
  return { status };
}

interface QuoteRow {
  id: string;
  lead_id: string;
  submission_id: string | null;
  year: number;
  seq: number;
  revision: number;
  status: string;
  valid_until: string;
}

export async function reviseQuote(
  env: Env,
  actor: Actor,
  quoteId: string,
  overrides: {
    systemId?: string;
    discountPercent?: number;
    extraLines?: { description: string; quantity: number; unitNetGrosze: number; vatRateBasisPoints?: number }[];
    validityDays?: number;
  },
  now: Date,
) {
  const db = env.DB;
  const base = await db
    .prepare("SELECT id, lead_id, submission_id, year, seq, revision, status, valid_until FROM quotes WHERE id = ?")
    .bind(quoteId)
    .first<QuoteRow>();
  if (!base) throw new ApiError(404, "not_found", "Quote not found");
  const family = await db
    .prepare("SELECT MAX(revision) AS last, SUM(status = 'accepted') AS accepted FROM quotes WHERE year = ? AND seq = ?")
    .bind(base.year, base.seq)
    .first<{ last: number; accepted: number }>();
  if ((family?.accepted ?? 0) > 0) throw new ApiError(409, "quote_locked", "An accepted quote is locked: no more revisions");
  const submission = base.submission_id
    ? await db.prepare("SELECT input_json FROM workload_submissions WHERE id = ?").bind(base.submission_id).first<{ input_json: string }>()
    : null;
  const stored = JSON.parse(submission?.input_json ?? "{}") as { sizingInput?: SizingInput };
  const input: SizingInput = { ...(stored.sizingInput ?? {}), ...(overrides.systemId ? { systems: [overrides.systemId] } : {}) };
  const pricing = await loadPricing(db);
  const result = recommend(input, pricing);
  const rec = result.recommendation;
  if (!rec?.cost) {
    const why = result.candidates[0]?.rejection?.en ?? result.warnings[0]?.en ?? "no configuration serves this workload";
    throw new ApiError(422, "not_feasible", `This configuration cannot serve the workload: ${why}`, { systemId: why });
  }
  const vat = pricing.settings.vatRateBasisPoints.value;
  const lines: QuoteLineDraft[] = linesFromPriced(rec.cost.lines);
  if (overrides.discountPercent && overrides.discountPercent > 0) {
    const pct = overrides.discountPercent;
    const cut = (key: "unitNetGrosze" | "unitNetLowGrosze" | "unitNetHighGrosze") =>
      -Math.round((lines.reduce((s, l) => s + l[key] * l.quantity, 0) * pct) / 100);
    lines.push({
      position: lines.length + 1,
      sku: "DISCOUNT",
      description: `Rabat ${pct}% / Discount ${pct}%`,
      quantity: 1,
      unitNetGrosze: cut("unitNetGrosze"),
      unitNetLowGrosze: cut("unitNetLowGrosze"),
      unitNetHighGrosze: cut("unitNetHighGrosze"),
      vatRateBasisPoints: vat,
      isEstimate: false,
    });
  }
  for (const extra of overrides.extraLines ?? []) {
    lines.push({
      position: lines.length + 1,
      sku: null,
      description: extra.description,
      quantity: extra.quantity,
      unitNetGrosze: extra.unitNetGrosze,
      unitNetLowGrosze: extra.unitNetGrosze,
      unitNetHighGrosze: extra.unitNetGrosze,
      vatRateBasisPoints: extra.vatRateBasisPoints ?? vat,
      isEstimate: false,
    });
  }
  const totals = totalsOf(lines);
  const revision = (family?.last ?? base.revision) + 1;
  const id = crypto.randomUUID();
  const token = randomToken();
  const number = quoteNumber(base.year, base.seq, revision);
  const at = now.toISOString();
  const validUntil = addDays(now, overrides.validityDays ?? pricing.settings.quoteValidityDays);
  await db.batch([
    db
      .prepare(
        `INSERT INTO quotes (id, lead_id, submission_id, year, seq, revision, number, status, valid_until, currency, total_net_grosze, total_vat_grosze,
          total_gross_grosze, total_net_low_grosze, total_net_high_grosze, tier, engine_snapshot, price_list_version, settings_version, access_token, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, 'PLN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        id,
        base.lead_id,
        base.submission_id,
        base.year,
        base.seq,
        revision,
        number,
        validUntil,
        totals.netGrosze,
        totals.vatGrosze,
        totals.grossGrosze,
        totals.netLowGrosze,
        totals.netHighGrosze,
        rec.tier,
        JSON.stringify(result),
        pricing.priceListVersion,
        pricing.settingsVersion,
        token,
        actor.id,
        at,
        at,
      ),
    ...lines.map((l) => quoteLineStatement(db, id, l)),
    auditStatement(
      db,
      actor,
      "quote.revise",
      "quote",
      id,
      { from: base.id, revision: base.revision },
      { number, revision, overrides, netGrosze: totals.netGrosze },
      at,
    ),
  ]);
  return {
    id,
    number,
    revision,
    status: "draft",
    netGrosze: totals.netGrosze,
    grossGrosze: totals.grossGrosze,
    url: `${env.PUBLIC_BASE_URL}/q/${token}`,
  };
}

export async function sendQuote(env: Env, actor: Actor, quoteId: string, now: Date) {
  const db = env.DB;
  const q = await db
    .prepare(
      "SELECT q.id, q.lead_id, q.number, q.status, q.valid_until, q.access_token, l.email, l.language, l.status AS lead_status FROM quotes q JOIN leads l ON l.id = q.lead_id WHERE q.id = ?",
    )
    .bind(quoteId)
    .first<{
      id: string;
      lead_id: string;
      number: string;
      status: string;
      valid_until: string;
      access_token: string;
      email: string;
      language: "pl" | "en";
      lead_status: LeadStatus;
    }>();
  if (!q) throw new ApiError(404, "not_found", "Quote not found");
  if (!["draft", "sent"].includes(q.status)) throw new ApiError(409, "quote_locked", `A ${q.status} quote cannot be sent`);
  if (q.valid_until < now.toISOString().slice(0, 10)) throw new ApiError(409, "quote_expired", "The quote has expired; revise it first");
  const sends = await db
    .prepare("SELECT COUNT(*) AS n FROM email_outbox WHERE quote_id = ? AND kind = 'proposal'")
    .bind(q.id)
    .first<{ n: number }>();
  const outboxId = crypto.randomUUID();
  const at = now.toISOString();
  const moveLead = ["new", "contacted", "qualified"].includes(q.lead_status);
  await db.batch([
    db.prepare("UPDATE quotes SET status = 'sent', sent_at = ?, updated_at = ? WHERE id = ?").bind(at, at, q.id),
    db
      .prepare(
        "INSERT INTO email_outbox (id, kind, recipient, language, lead_id, quote_id, status, idempotency_key, created_at, updated_at) VALUES (?, 'proposal', ?, ?, ?, ?, 'pending', ?, ?, ?)",
      )
      .bind(outboxId, q.email, q.language, q.lead_id, q.id, `proposal:${q.id}:${(sends?.n ?? 0) + 1}`, at, at),
    ...(moveLead ? [db.prepare("UPDATE leads SET status = 'proposal_sent', updated_at = ? WHERE id = ?").bind(at, q.lead_id)] : []),
    auditStatement(db, actor, "quote.send", "quote", q.id, { status: q.status }, { status: "sent", outboxId }, at),
  ]);
  await enqueueOutbox(env, [outboxId]);
  return { id: q.id, number: q.number, status: "sent", outboxId };
}

export async function savePriceList(db: D1Database, actor: Actor, items: PriceListItem[], note: string | undefined) {
  const at = new Date().toISOString();
  const current = await db.prepare("SELECT MAX(version) AS v FROM price_list_versions").first<{ v: number }>();
  const version = (current?.v ?? 0) + 1;
  await db.batch([
    db
      .prepare("INSERT INTO price_list_versions (version, note, created_by, created_at) VALUES (?, ?, ?, ?)")
      .bind(version, note ?? null, actor.id, at),
    ...items.map((i) =>
      db
        .prepare(
          "INSERT INTO price_list_items (version, sku, name, currency, unit_price_minor, unit_price_low_minor, unit_price_high_minor, source, is_estimate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(
          version,
          i.sku,
          i.name,
          i.currency,
          i.unitPriceMinor,
          i.unitPriceLowMinor,
          i.unitPriceHighMinor,
          i.source,
          i.isEstimate ? 1 : 0,
        ),
    ),
    auditStatement(
      db,
      actor,
      "price_list.update",
      "price_list",
      String(version),
      { version: version - 1 },
      { version, items: items.length },
      at,
    ),
  ]);
  clearPricingCache();
  return version;
}

export async function saveSettings(db: D1Database, actor: Actor, settings: Settings, note: string | undefined) {
  const at = new Date().toISOString();
  const current = await db.prepare("SELECT MAX(version) AS v FROM settings_versions").first<{ v: number }>();
  const version = (current?.v ?? 0) + 1;
  await db.batch([
    db
      .prepare("INSERT INTO settings_versions (version, settings_json, note, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind(version, JSON.stringify(settings), note ?? null, actor.id, at),
    auditStatement(db, actor, "settings.update", "settings", String(version), { version: version - 1 }, { version }, at),
  ]);
  clearPricingCache();
  return version;
}

export async function stats(db: D1Database) {
  const [byStatus, byTier, byWeek, pipeline, quotes, failed] = await db.batch([
    db.prepare("SELECT status, COUNT(*) AS n FROM leads WHERE erased_at IS NULL GROUP BY status"),
    db.prepare(
      `SELECT COALESCE(q.tier, 'custom') AS tier, COUNT(*) AS n FROM leads l LEFT JOIN quotes q ON q.id = (
         SELECT id FROM quotes WHERE lead_id = l.id ORDER BY revision DESC, created_at DESC LIMIT 1) GROUP BY 1`,
    ),
    db.prepare("SELECT strftime('%Y-W%W', created_at) AS week, COUNT(*) AS n FROM leads GROUP BY 1 ORDER BY 1 DESC LIMIT 26"),
    db.prepare(
      `SELECT COALESCE(SUM(q.total_net_grosze), 0) AS net FROM leads l JOIN quotes q ON q.id = (
         SELECT id FROM quotes WHERE lead_id = l.id ORDER BY revision DESC, created_at DESC LIMIT 1)
       WHERE l.status IN ('new', 'contacted', 'qualified', 'proposal_sent')`,
    ),
    db.prepare(
      "SELECT SUM(status IN ('sent', 'accepted', 'declined', 'expired')) AS sent, SUM(status = 'accepted') AS accepted FROM quotes",
    ),
    db.prepare("SELECT COUNT(*) AS n FROM email_outbox WHERE status IN ('failed', 'dead')"),
  ]);
  const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[];
  const sent = rows<{ sent: number | null; accepted: number | null }>(quotes)[0];
  const quotesSent = sent?.sent ?? 0;
  const quotesAccepted = sent?.accepted ?? 0;
  return {
    leadsByStatus: Object.fromEntries(rows<{ status: string; n: number }>(byStatus).map((r) => [r.status, r.n])),
    leadsByTier: Object.fromEntries(rows<{ tier: string; n: number }>(byTier).map((r) => [r.tier, r.n])),
    leadsByWeek: rows<{ week: string; n: number }>(byWeek).map((r) => ({ week: r.week, leads: r.n })),
    pipelineNetGrosze: rows<{ net: number }>(pipeline)[0]?.net ?? 0,
    quotesSent,
    quotesAccepted,
    acceptanceRate: quotesSent > 0 ? Math.round((quotesAccepted / quotesSent) * 1_000) / 1_000 : null,
    failedEmails: rows<{ n: number }>(failed)[0]?.n ?? 0,
  };
}

/** RODO erasure: personal data replaced everywhere; quotes stay, anonymised, for statistics. */
export async function eraseLead(db: D1Database, actor: Actor, leadId: string) {
  const lead = await db
    .prepare("SELECT id, erased_at FROM leads WHERE id = ?")
    .bind(leadId)
    .first<{ id: string; erased_at: string | null }>();
  if (!lead) throw new ApiError(404, "not_found", "Lead not found");
  const at = new Date().toISOString();
  const erased = "[erased]";
  const submissions = await db
    .prepare("SELECT id, input_json FROM workload_submissions WHERE lead_id = ?")
    .bind(leadId)
    .all<{ id: string; input_json: string }>();
  await db.batch([
    db
      .prepare(
        `UPDATE leads SET company = ?, contact_name = ?, email = ?, phone = NULL, nip = NULL, city = NULL, message = NULL, assignee = NULL,
           source_page = NULL, referrer = NULL, utm_source = NULL, utm_medium = NULL, utm_campaign = NULL, lost_reason = NULL, erased_at = ?, updated_at = ? WHERE id = ?`,
      )
      .bind(erased, erased, `erased-${leadId}@invalid`, at, at, leadId),
    db.prepare("UPDATE lead_notes SET body = ? WHERE lead_id = ?").bind(erased, leadId),
    db.prepare("UPDATE quotes SET customer_comment = NULL, updated_at = ? WHERE lead_id = ?").bind(at, leadId),
    db
      .prepare(
        "UPDATE email_outbox SET recipient = ?, subject = NULL, rendered_html = NULL, rendered_text = NULL, attachment_base64 = NULL, last_error = NULL, updated_at = ? WHERE lead_id = ?",
      )
      .bind(erased, at, leadId),
    // Audit entries about this lead and its quotes may quote what was erased.
    db
      .prepare(
        "UPDATE audit_log SET before_json = NULL, after_json = NULL WHERE entity_id = ? OR entity_id IN (SELECT id FROM quotes WHERE lead_id = ?) OR entity_id IN (SELECT id FROM lead_notes WHERE lead_id = ?)",
      )
      .bind(leadId, leadId, leadId),
    ...submissions.results.map((s) => {
      const parsed = JSON.parse(s.input_json) as { request?: Record<string, unknown>; sizingInput?: unknown };
      const { sourcePage: _a, referrer: _b, utmSource: _c, utmMedium: _d, utmCampaign: _e, ...workload } = parsed.request ?? {};
      return db
        .prepare("UPDATE workload_submissions SET input_json = ? WHERE id = ?")
        .bind(JSON.stringify({ request: workload, sizingInput: parsed.sizingInput }), s.id);
    }),
    auditStatement(db, actor, "lead.erase", "lead", leadId, null, { erasedAt: at }, at),
  ]);
  return { erasedAt: at };
}

/** OWASP CSV injection: a cell that starts (after spaces) with = + - @ tab or CR is prefixed with '. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text.trimStart())) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
