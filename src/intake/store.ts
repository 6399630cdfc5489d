// Stores a quote request in one D1 batch (one transaction): lead, workload submission, quote with
// its lines and engine snapshot, outbox rows, and the idempotency record with the response.
// The quote's sequence number is taken inside the batch, so numbers are consecutive and unique.

import type { QuoteRequest } from "../domain/intake/schema";
import type { QuoteDraft, QuoteLineDraft } from "../domain/quote/build";
import type { SizingInput } from "../domain/sizing/schema";
import type { Claim } from "./idempotency";

export interface NewQuote {
  id: string;
  draft: QuoteDraft;
  year: number;
  snapshot: unknown;
  priceListVersion: number;
  settingsVersion: number;
  accessToken: string;
}

export interface NewOutbox {
  id: string;
  kind: "proposal" | "sales_new_lead" | "quote_accepted" | "quote_declined";
  recipient: string;
  language: "pl" | "en";
}

export interface StoreArgs {
  leadId: string;
  submissionId: string;
  request: QuoteRequest;
  sizingInput: SizingInput;
  quote: NewQuote | null;
  outbox: NewOutbox[];
  consentTextVersion: string;
  now: Date;
  claim: Claim | null;
  /** The 201 body without the quote number, which the batch fills in. */
  responseBody: Record<string, unknown>;
}

export function randomToken(bytes = 32): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** One quote line as an INSERT, for a D1 batch. */
export function quoteLineStatement(db: D1Database, quoteId: string, l: QuoteLineDraft): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO quote_lines (id, quote_id, position, sku, description, quantity, unit_net_grosze, unit_net_low_grosze,
        unit_net_high_grosze, vat_rate_bp, is_estimate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      crypto.randomUUID(),
      quoteId,
      l.position,
      l.sku,
      l.description,
      l.quantity,
      l.unitNetGrosze,
      l.unitNetLowGrosze,
      l.unitNetHighGrosze,
      l.vatRateBasisPoints,
      l.isEstimate ? 1 : 0,
    );
}

export async function storeQuoteRequest(db: D1Database, a: StoreArgs): Promise<{ quoteNumber: string | null; responseBody: string }> {
  const r = a.request;
  const now = a.now.toISOString();
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `INSERT INTO leads (id, company, contact_name, email, phone, nip, city, language, message, marketing_consent,
          marketing_consent_text_version, marketing_consent_at, source_page, referrer, utm_source, utm_medium, utm_campaign, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        a.leadId,
        r.company,
        r.contactName,
        r.email,
        r.phone ?? null,
        r.nip ?? null,
        r.city ?? null,
        r.language,
        r.message ?? null,
        r.marketingConsent ? 1 : 0,
        r.marketingConsent ? a.consentTextVersion : null,
        r.marketingConsent ? now : null,
        r.sourcePage ?? null,
        r.referrer ?? null,
        r.utmSource ?? null,
        r.utmMedium ?? null,
        r.utmCampaign ?? null,
        now,
        now,
      ),
    db
      .prepare("INSERT INTO workload_submissions (id, lead_id, input_json, created_at) VALUES (?, ?, ?, ?)")
      .bind(a.submissionId, a.leadId, JSON.stringify({ request: workloadOnly(r), sizingInput: a.sizingInput }), now),
  ];
  const q = a.quote;
  if (q) {
    const t = q.draft.totals;
    statements.push(
      db
        .prepare(
          `INSERT INTO quotes (id, lead_id, submission_id, year, seq, revision, number, status, valid_until, currency,
            total_net_grosze, total_vat_grosze, total_gross_grosze, total_net_low_grosze, total_net_high_grosze, tier,
            engine_snapshot, price_list_version, settings_version, access_token, sent_at, created_at, updated_at)
           SELECT ?, ?, ?, ?, s.next, 1, printf('OF/%d/%05d', ?, s.next), 'sent', ?, 'PLN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
           FROM (SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM quotes WHERE year = ?) AS s`,
        )
        .bind(
          q.id,
          a.leadId,
          a.submissionId,
          q.year,
          q.year,
          q.draft.validUntil,
          t.netGrosze,
          t.vatGrosze,
          t.grossGrosze,
          t.netLowGrosze,
          t.netHighGrosze,
          q.draft.tier,
          JSON.stringify(q.snapshot),
          q.priceListVersion,
          q.settingsVersion,
          q.accessToken,
          now,
          now,
          now,
          q.year,
        ),
    );
    for (const l of q.draft.lines) statements.push(quoteLineStatement(db, q.id, l));
  }
  for (const o of a.outbox) {
    statements.push(
      db
        .prepare(
          "INSERT INTO email_outbox (id, kind, recipient, language, lead_id, quote_id, status, idempotency_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
        )
        .bind(o.id, o.kind, o.recipient, o.language, a.leadId, q?.id ?? null, `${o.kind}:${o.id}`, now, now),
    );
  }
  const bodyJson = JSON.stringify(a.responseBody);
  const numberSql = q ? "(SELECT number FROM quotes WHERE id = ?)" : "NULL";
  if (a.claim) {
    statements.push(
      db
        .prepare(
          `UPDATE idempotency_keys SET state = 'done', response_status = 201, response_body = json_set(?, '$.quoteNumber', ${numberSql}) WHERE scope = ? AND key = ?`,
        )
        .bind(...(q ? [bodyJson, q.id] : [bodyJson]), a.claim.scope, a.claim.key),
    );
  }
  statements.push(db.prepare(`SELECT json_set(?, '$.quoteNumber', ${numberSql}) AS body`).bind(...(q ? [bodyJson, q.id] : [bodyJson])));
  const results = await db.batch(statements);
  const last = results[results.length - 1]?.results?.[0] as { body: string } | undefined;
  const responseBody = last?.body ?? bodyJson;
  return { quoteNumber: (JSON.parse(responseBody) as { quoteNumber: string | null }).quoteNumber, responseBody };
}

function workloadOnly(r: QuoteRequest) {
  const {
    company: _c,
    contactName: _n,
    email: _e,
    phone: _p,
    nip: _nip,
    city: _city,
    message: _m,
    website: _w,
    turnstileToken: _t,
    ...rest
  } = r;
  return rest;
}
