// The sales admin API under /admin: every route is described for the OpenAPI document and
// guarded by requireRole. Sales may read and work leads; admins also change prices and erase.
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { LeadContactRow } from "../db/rows";
import { priceListItemSchema } from "../domain/pricing/price-list";
import { settingsSchema } from "../domain/pricing/settings";
import { retryOutboxRow } from "../email/outbox";
import { ApiError } from "../http/errors";
import { validate } from "../http/validation";
import { loadPricing } from "../pricing/load";
import { type AdminEnv, type Role, requireRole } from "./auth";
import { describeRoute, errorSchema, type RouteDoc } from "./openapi";
import {
  assigneeSchema,
  leadDetailSchema,
  leadListQuery,
  leadListSchema,
  noteSchema,
  okSchema,
  outboxQuery,
  priceListUpdateSchema,
  quoteRefSchema,
  revisionSchema,
  settingsUpdateSchema,
  statsSchema,
  statusChangeSchema,
  versionListSchema,
} from "./schemas";
import { auditStatement, changeLeadStatus, eraseLead, reviseQuote, savePriceList, saveSettings, sendQuote, stats, toCsv } from "./service";

export const admin = new Hono<AdminEnv>();

const notFound = { 404: { description: "Not found", schema: errorSchema } };
const invalid = { 422: { description: "Invalid input", schema: errorSchema } };

function route(doc: Omit<RouteDoc, "auth"> & { auth: Role }, handler: MiddlewareHandler<AdminEnv>) {
  describeRoute(doc);
  admin.on(doc.method.toUpperCase(), doc.path, requireRole(doc.auth), handler);
}

async function jsonBody<T extends z.ZodType>(
  c: { req: { header: (k: string) => string | undefined; text: () => Promise<string> } },
  schema: T,
): Promise<z.output<T>> {
  if (!(c.req.header("content-type") ?? "").startsWith("application/json"))
    throw new ApiError(415, "unsupported_media_type", "Send application/json");
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, "malformed_json", "The request body is not valid JSON");
  }
  return validate(schema, data, "en");
}

const queryOf = <T extends z.ZodType>(c: { req: { query: () => Record<string, string> } }, schema: T) =>
  validate(schema, c.req.query(), "en");

const LATEST_QUOTE = "(SELECT id FROM quotes WHERE lead_id = l.id ORDER BY revision DESC, created_at DESC LIMIT 1)";

function leadFilter(q: z.output<typeof leadListQuery>) {
  const where: string[] = ["l.erased_at IS NULL"];
  const args: unknown[] = [];
  if (q.status) where.push("l.status = ?") && args.push(q.status);
  if (q.tier) where.push("q.tier = ?") && args.push(q.tier);
  if (q.from) where.push("l.created_at >= ?") && args.push(q.from);
  if (q.to) where.push("l.created_at < date(?, '+1 day')") && args.push(q.to);
  if (q.assignee) where.push("l.assignee = ?") && args.push(q.assignee);
  if (q.q) {
    where.push("(l.company LIKE ? ESCAPE '\\' OR l.contact_name LIKE ? ESCAPE '\\' OR l.email LIKE ? ESCAPE '\\')");
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    args.push(like, like, like);
  }
  return { where, args };
}

const LEAD_COLUMNS = `l.id, l.created_at, l.company, l.contact_name, l.email, l.phone, l.nip, l.city, l.language, l.status, l.assignee, l.lost_reason,
  l.marketing_consent, q.tier, q.number AS quote_number, q.total_net_grosze, q.total_gross_grosze`;

type LeadListRow = LeadContactRow & {
  id: string;
  created_at: string;
  language: string;
  status: "new";
  assignee: string | null;
  lost_reason: string | null;
  marketing_consent: number;
  tier: string | null;
  quote_number: string | null;
  total_net_grosze: number | null;
  total_gross_grosze: number | null;
};

route(
  {
    method: "get",
    path: "/admin/leads",
    summary: "List leads with filters, sorting and cursor pagination",
    tag: "Leads",
    auth: "sales",
    query: leadListQuery,
    responses: { 200: { description: "A page of leads", schema: leadListSchema }, ...invalid },
  },
  async (c) => {
    const q = queryOf(c, leadListQuery);
    const { where, args } = leadFilter(q);
    const desc = q.sort === "-created_at";
    if (q.cursor) {
      const [at, id] = atob(q.cursor).split("|");
      if (!at || !id) throw new ApiError(422, "validation", "Invalid cursor", { cursor: "invalid" });
      where.push(desc ? "(l.created_at < ? OR (l.created_at = ? AND l.id < ?))" : "(l.created_at > ? OR (l.created_at = ? AND l.id > ?))");
      args.push(at, at, id);
    }
    const rows = await c.env.DB.prepare(
      `SELECT ${LEAD_COLUMNS} FROM leads l LEFT JOIN quotes q ON q.id = ${LATEST_QUOTE} WHERE ${where.join(" AND ")}
       ORDER BY l.created_at ${desc ? "DESC" : "ASC"}, l.id ${desc ? "DESC" : "ASC"} LIMIT ?`,
    )
      .bind(...args, q.limit + 1)
      .all<LeadListRow>();
    const page = rows.results.slice(0, q.limit);
    const last = page.at(-1);
    return c.json({
      items: page.map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        company: r.company,
        contactName: r.contact_name,
        email: r.email,
        status: r.status,
        assignee: r.assignee,
        tier: r.tier,
        quoteNumber: r.quote_number,
        netGrosze: r.total_net_grosze,
      })),
      nextCursor: rows.results.length > q.limit && last ? btoa(`${last.created_at}|${last.id}`) : null,
    });
  },
);

route(
  {
    method: "get",
    path: "/admin/leads.csv",
    summary: "Export leads as CSV (UTF-8 with BOM, RFC 4180, formula-safe) with the list's filters",
    tag: "Leads",
    auth: "sales",
    query: leadListQuery.omit({ cursor: true, limit: true }),
    responses: { 200: { description: "CSV file", contentType: "text/csv" } },
  },
  async (c) => {
    const q = queryOf(c, leadListQuery);
    const { where, args } = leadFilter(q);
    const rows = await c.env.DB.prepare(
      `SELECT ${LEAD_COLUMNS} FROM leads l LEFT JOIN quotes q ON q.id = ${LATEST_QUOTE} WHERE ${where.join(" AND ")} ORDER BY l.created_at DESC LIMIT 10000`,
    )
      .bind(...args)
      .all<LeadListRow>();
    const header = [
      "id",
      "created_at",
      "company",
      "contact_name",
      "email",
      "phone",
      "nip",
      "city",
      "language",
      "status",
      "assignee",
      "lost_reason",
      "marketing_consent",
      "tier",
      "quote_number",
      "net_pln",
      "gross_pln",
    ];
    const pln = (g: number | null) => (g === null ? "" : (g / 100).toFixed(2));
    const csv = toCsv(
      header,
      rows.results.map((r) => [
        r.id,
        r.created_at,
        r.company,
        r.contact_name,
        r.email,
        r.phone,
        r.nip,
        r.city,
        r.language,
        r.status,
        r.assignee,
        r.lost_reason,
        r.marketing_consent ? "yes" : "no",
        r.tier,
        r.quote_number,
        pln(r.total_net_grosze),
        pln(r.total_gross_grosze),
      ]),
    );
    return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="leads.csv"' });
  },
);

route(
  {
    method: "get",
    path: "/admin/leads/:id",
    summary: "One lead with its submissions, quotes and revisions, e-mails, notes and audit trail",
    tag: "Leads",
    auth: "sales",
    responses: { 200: { description: "The lead", schema: leadDetailSchema }, ...notFound },
  },
  async (c) => {
    const id = c.req.param("id") ?? "";
    const db = c.env.DB;
    const [lead, submissions, quotes, lines, emails, notes, audit] = await db.batch([
      db.prepare("SELECT * FROM leads WHERE id = ?").bind(id),
      db.prepare("SELECT id, input_json, created_at FROM workload_submissions WHERE lead_id = ? ORDER BY created_at").bind(id),
      db
        .prepare(
          "SELECT id, number, revision, status, valid_until, total_net_grosze, total_vat_grosze, total_gross_grosze, tier, price_list_version, settings_version, access_token, customer_comment, sent_at, decided_at, created_by, created_at FROM quotes WHERE lead_id = ? ORDER BY seq, revision",
        )
        .bind(id),
      db.prepare("SELECT ql.* FROM quote_lines ql JOIN quotes q ON q.id = ql.quote_id WHERE q.lead_id = ? ORDER BY ql.position").bind(id),
      db
        .prepare(
          "SELECT id, kind, recipient, status, attempts, last_error, provider, provider_message_id, subject, created_at, sent_at FROM email_outbox WHERE lead_id = ? ORDER BY created_at",
        )
        .bind(id),
      db.prepare("SELECT id, author, body, created_at FROM lead_notes WHERE lead_id = ? ORDER BY created_at").bind(id),
      db
        .prepare(
          "SELECT actor, action, entity_type, entity_id, before_json, after_json, created_at FROM audit_log WHERE entity_id = ? OR entity_id IN (SELECT id FROM quotes WHERE lead_id = ?) ORDER BY created_at",
        )
        .bind(id, id),
    ]);
    const row = lead?.results[0];
    if (!row) throw new ApiError(404, "not_found", "Lead not found");
    const linesByQuote = new Map<string, unknown[]>();
    for (const l of (lines?.results ?? []) as { quote_id: string }[])
      linesByQuote.set(l.quote_id, [...(linesByQuote.get(l.quote_id) ?? []), l]);
    const base = c.env.PUBLIC_BASE_URL;
    return c.json({
      lead: row,
      submissions: (submissions?.results ?? []).map((s) => ({
        ...(s as object),
        input_json: JSON.parse((s as { input_json: string }).input_json),
      })),
      quotes: ((quotes?.results ?? []) as { id: string; access_token: string }[]).map(({ access_token, ...q }) => ({
        ...q,
        url: `${base}/q/${access_token}`,
        lines: linesByQuote.get(q.id) ?? [],
      })),
      emails: emails?.results ?? [],
      notes: notes?.results ?? [],
      audit: ((audit?.results ?? []) as { before_json: string | null; after_json: string | null }[]).map((a) => ({
        ...a,
        before_json: a.before_json ? JSON.parse(a.before_json) : null,
        after_json: a.after_json ? JSON.parse(a.after_json) : null,
      })),
    });
  },
);

route(
  {
    method: "patch",
    path: "/admin/leads/:id/status",
    summary: "Move a lead along the pipeline (409 for an invalid move)",
    tag: "Leads",
    auth: "sales",
    body: statusChangeSchema,
    responses: {
      200: { description: "New status", schema: z.object({ status: z.string() }) },
      409: { description: "Invalid move", schema: errorSchema },
      ...notFound,
      ...invalid,
    },
  },
  async (c) => {
    const body = await jsonBody(c, statusChangeSchema);
    return c.json(await changeLeadStatus(c.env.DB, c.get("actor"), c.req.param("id") ?? "", body.status, body.lostReason));
  },
);

route(
  {
    method: "patch",
    path: "/admin/leads/:id/assignee",
    summary: "Assign a lead to a salesperson (null to unassign)",
    tag: "Leads",
    auth: "sales",
    body: assigneeSchema,
    responses: { 200: { description: "Assigned", schema: okSchema }, ...notFound, ...invalid },
  },
  async (c) => {
    const { assignee } = await jsonBody(c, assigneeSchema);
    const id = c.req.param("id") ?? "";
    const before = await c.env.DB.prepare("SELECT assignee FROM leads WHERE id = ?").bind(id).first<{ assignee: string | null }>();
    if (!before) throw new ApiError(404, "not_found", "Lead not found");
    const at = new Date().toISOString();
    await c.env.DB.batch([
      c.env.DB.prepare("UPDATE leads SET assignee = ?, updated_at = ? WHERE id = ?").bind(assignee, at, id),
      auditStatement(c.env.DB, c.get("actor"), "lead.assign", "lead", id, before, { assignee }, at),
    ]);
    return c.json({ ok: true });
  },
);

route(
  {
    method: "post",
    path: "/admin/leads/:id/notes",
    summary: "Add a note to a lead",
    tag: "Leads",
    auth: "sales",
    body: noteSchema,
    responses: { 201: { description: "Note added", schema: z.object({ id: z.string() }) }, ...notFound, ...invalid },
  },
  async (c) => {
    const { body } = await jsonBody(c, noteSchema);
    const leadId = c.req.param("id") ?? "";
    const exists = await c.env.DB.prepare("SELECT 1 AS ok FROM leads WHERE id = ?").bind(leadId).first();
    if (!exists) throw new ApiError(404, "not_found", "Lead not found");
    const id = crypto.randomUUID();
    const at = new Date().toISOString();
    const actor = c.get("actor");
    await c.env.DB.batch([
      c.env.DB.prepare("INSERT INTO lead_notes (id, lead_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)").bind(
        id,
        leadId,
        actor.id,
        body,
        at,
      ),
      auditStatement(c.env.DB, actor, "lead.note", "lead", leadId, null, { noteId: id }, at),
    ]);
    return c.json({ id }, 201);
  },
);

route(
  {
    method: "post",
    path: "/admin/leads/:id/erase",
    summary: "Erase a lead's personal data (RODO); quotes stay anonymised",
    tag: "Leads",
    auth: "admin",
    responses: { 200: { description: "Erased", schema: z.object({ erasedAt: z.string() }) }, ...notFound },
  },
  async (c) => c.json(await eraseLead(c.env.DB, c.get("actor"), c.req.param("id") ?? "")),
);

route(
  {
    method: "post",
    path: "/admin/quotes/:id/revisions",
    summary: "Create a new revision computed by the engine with overrides (configuration, discount, extra lines, validity)",
    tag: "Quotes",
    auth: "sales",
    body: revisionSchema,
    responses: {
      201: { description: "The new revision (draft)", schema: quoteRefSchema },
      409: { description: "The quote is accepted and locked", schema: errorSchema },
      ...notFound,
      ...invalid,
    },
  },
  async (c) => {
    const overrides = await jsonBody(c, revisionSchema);
    return c.json(await reviseQuote(c.env, c.get("actor"), c.req.param("id") ?? "", overrides, new Date()), 201);
  },
);

route(
  {
    method: "post",
    path: "/admin/quotes/:id/send",
    summary: "Send (or resend) a quote revision to the customer by e-mail",
    tag: "Quotes",
    auth: "sales",
    responses: {
      200: { description: "Queued", schema: z.object({ id: z.string(), number: z.string(), status: z.string(), outboxId: z.string() }) },
      409: { description: "Locked or expired", schema: errorSchema },
      ...notFound,
    },
  },
  async (c) => c.json(await sendQuote(c.env, c.get("actor"), c.req.param("id") ?? "", new Date())),
);

async function versions(db: D1Database, table: "price_list_versions" | "settings_versions") {
  const rows = await db
    .prepare(`SELECT version, created_by, created_at, note FROM ${table} ORDER BY version DESC`)
    .all<{ version: number; created_by: string; created_at: string; note: string | null }>();
  return {
    current: rows.results[0]?.version ?? 0,
    versions: rows.results.map((r) => ({ version: r.version, createdBy: r.created_by, createdAt: r.created_at, note: r.note })),
  };
}

route(
  {
    method: "get",
    path: "/admin/price-list",
    summary: "The current price list and its version history",
    tag: "Pricing",
    auth: "sales",
    responses: {
      200: {
        description: "Price list",
        schema: z.object({ version: z.number(), items: z.array(priceListItemSchema), history: versionListSchema }),
      },
    },
  },
  async (c) => {
    const p = await loadPricing(c.env.DB);
    return c.json({ version: p.priceListVersion, items: p.priceList, history: await versions(c.env.DB, "price_list_versions") });
  },
);

route(
  {
    method: "put",
    path: "/admin/price-list",
    summary: "Replace the price list: a new version (admins)",
    tag: "Pricing",
    auth: "admin",
    body: priceListUpdateSchema,
    responses: { 201: { description: "New version", schema: z.object({ version: z.number() }) }, ...invalid },
  },
  async (c) => {
    const { items, note } = await jsonBody(c, priceListUpdateSchema);
    return c.json({ version: await savePriceList(c.env.DB, c.get("actor"), items, note) }, 201);
  },
);

route(
  {
    method: "get",
    path: "/admin/settings",
    summary: "Current settings (FX, margin, VAT, energy, validity, seller, sales e-mail) and history",
    tag: "Pricing",
    auth: "sales",
    responses: {
      200: { description: "Settings", schema: z.object({ version: z.number(), settings: settingsSchema, history: versionListSchema }) },
    },
  },
  async (c) => {
    const p = await loadPricing(c.env.DB);
    return c.json({ version: p.settingsVersion, settings: p.settings, history: await versions(c.env.DB, "settings_versions") });
  },
);

route(
  {
    method: "put",
    path: "/admin/settings",
    summary: "Replace the settings: a new version (admins)",
    tag: "Pricing",
    auth: "admin",
    body: settingsUpdateSchema,
    responses: { 201: { description: "New version", schema: z.object({ version: z.number() }) }, ...invalid },
  },
  async (c) => {
    const { settings, note } = await jsonBody(c, settingsUpdateSchema);
    return c.json({ version: await saveSettings(c.env.DB, c.get("actor"), settings, note) }, 201);
  },
);

route(
  {
    method: "get",
    path: "/admin/stats",
    summary: "Leads by status, tier and week; pipeline value; acceptance rate; failed e-mails",
    tag: "Statistics",
    auth: "sales",
    responses: { 200: { description: "Statistics", schema: statsSchema } },
  },
  async (c) => c.json(await stats(c.env.DB)),
);

route(
  {
    method: "get",
    path: "/admin/outbox",
    summary: "E-mail outbox rows, e.g. the failed ones",
    tag: "E-mail",
    auth: "sales",
    query: outboxQuery,
    responses: { 200: { description: "Rows", schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } },
  },
  async (c) => {
    const q = queryOf(c, outboxQuery);
    const rows = await c.env.DB.prepare(
      `SELECT id, kind, recipient, status, attempts, last_error, provider, lead_id, quote_id, created_at, updated_at, sent_at FROM email_outbox ${q.status ? "WHERE status = ?" : ""} ORDER BY updated_at DESC LIMIT ?`,
    )
      .bind(...(q.status ? [q.status, q.limit] : [q.limit]))
      .all();
    return c.json({ items: rows.results });
  },
);

route(
  {
    method: "post",
    path: "/admin/outbox/:id/retry",
    summary: "Retry a failed or dead-lettered e-mail",
    tag: "E-mail",
    auth: "sales",
    responses: { 200: { description: "Queued again", schema: okSchema }, 409: { description: "Not failed", schema: errorSchema } },
  },
  async (c) => {
    const id = c.req.param("id") ?? "";
    if (!(await retryOutboxRow(c.env, id))) throw new ApiError(409, "not_retryable", "Only failed or dead e-mails can be retried");
    const at = new Date().toISOString();
    await auditStatement(c.env.DB, c.get("actor"), "email.retry", "email", id, null, { status: "pending" }, at).run();
    return c.json({ ok: true });
  },
);
