// Loads a quote by its public token with everything a page, a PDF or an e-mail shows.

import type { LeadContactRow } from "../db/rows";
import { type Settings, settingsSchema } from "../domain/pricing/settings";
import type { QuoteLineDraft } from "../domain/quote/build";
import type { SizingResult } from "../domain/sizing/engine";

export type QuoteStatus = "draft" | "sent" | "accepted" | "declined" | "expired";

export interface QuoteView {
  id: string;
  leadId: string;
  number: string;
  revision: number;
  status: QuoteStatus;
  storedStatus: QuoteStatus;
  createdAt: string;
  validUntil: string;
  totals: { netGrosze: number; vatGrosze: number; grossGrosze: number; netLowGrosze: number; netHighGrosze: number };
  customerComment: string | null;
  accessToken: string;
  lines: QuoteLineDraft[];
  lead: {
    company: string;
    contactName: string;
    email: string;
    phone: string | null;
    nip: string | null;
    city: string | null;
    language: "pl" | "en";
    createdAt: string;
  };
  settings: Settings;
  result: SizingResult;
}

interface QuoteRow extends LeadContactRow {
  id: string;
  lead_id: string;
  number: string;
  revision: number;
  status: QuoteStatus;
  created_at: string;
  valid_until: string;
  total_net_grosze: number;
  total_vat_grosze: number;
  total_gross_grosze: number;
  total_net_low_grosze: number;
  total_net_high_grosze: number;
  customer_comment: string | null;
  access_token: string;
  engine_snapshot: string;
  settings_json: string;
  language: "pl" | "en";
  lead_created_at: string;
}

/** A sent quote past its validity date is expired, whether or not the cron has run yet. */
export function effectiveStatus(stored: QuoteStatus, validUntil: string, today: string): QuoteStatus {
  return (stored === "sent" || stored === "draft") && validUntil < today ? "expired" : stored;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function loadQuoteByToken(db: D1Database, token: string, now: Date): Promise<QuoteView | null> {
  if (!TOKEN.test(token)) return null;
  return loadQuote(db, "q.access_token = ?", token, now);
}

export async function loadQuoteById(db: D1Database, id: string, now: Date): Promise<QuoteView | null> {
  return loadQuote(db, "q.id = ?", id, now);
}

async function loadQuote(db: D1Database, where: string, arg: string, now: Date): Promise<QuoteView | null> {
  const row = await db
    .prepare(
      `SELECT q.*, s.settings_json, l.company, l.contact_name, l.email, l.phone, l.nip, l.city, l.language, l.created_at AS lead_created_at
       FROM quotes q JOIN leads l ON l.id = q.lead_id JOIN settings_versions s ON s.version = q.settings_version WHERE ${where}`,
    )
    .bind(arg)
    .first<QuoteRow>();
  if (!row) return null;
  const lines = await db
    .prepare(
      "SELECT position, sku, description, quantity, unit_net_grosze, unit_net_low_grosze, unit_net_high_grosze, vat_rate_bp, is_estimate FROM quote_lines WHERE quote_id = ? ORDER BY position",
    )
    .bind(row.id)
    .all<{
      position: number;
      sku: string | null;
      description: string;
      quantity: number;
      unit_net_grosze: number;
      unit_net_low_grosze: number;
      unit_net_high_grosze: number;
      vat_rate_bp: number;
      is_estimate: number;
    }>();
  return {
    id: row.id,
    leadId: row.lead_id,
    number: row.number,
    revision: row.revision,
    storedStatus: row.status,
    status: effectiveStatus(row.status, row.valid_until, now.toISOString().slice(0, 10)),
    createdAt: row.created_at,
    validUntil: row.valid_until,
    totals: {
      netGrosze: row.total_net_grosze,
      vatGrosze: row.total_vat_grosze,
      grossGrosze: row.total_gross_grosze,
      netLowGrosze: row.total_net_low_grosze,
      netHighGrosze: row.total_net_high_grosze,
    },
    customerComment: row.customer_comment,
    accessToken: row.access_token,
    lines: lines.results.map((l) => ({
      position: l.position,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unitNetGrosze: l.unit_net_grosze,
      unitNetLowGrosze: l.unit_net_low_grosze,
      unitNetHighGrosze: l.unit_net_high_grosze,
      vatRateBasisPoints: l.vat_rate_bp,
      isEstimate: l.is_estimate === 1,
    })),
    lead: {
      company: row.company,
      contactName: row.contact_name,
      email: row.email,
      phone: row.phone,
      nip: row.nip,
      city: row.city,
      language: row.language,
      createdAt: row.lead_created_at,
    },
    settings: settingsSchema.parse(JSON.parse(row.settings_json)),
    result: JSON.parse(row.engine_snapshot) as SizingResult,
  };
}
