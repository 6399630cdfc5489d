// Builds each outbox e-mail from D1: template props, HTML and plain text rendered with React
// Email, and the PDF quote attached to proposals.
import { render } from "@react-email/render";
import { createElement } from "react";
import Proposal from "../../emails/proposal";
import type { DecisionProps, ProposalProps, SalesLeadProps, SellerProps } from "../../emails/props";
import QuoteDecision from "../../emails/quote-decision";
import SalesNewLead from "../../emails/sales-new-lead";
import type { LeadContactRow } from "../db/rows";
import { formatNip } from "../domain/nip";
import { formatPln } from "../domain/pricing/money";
import type { Settings } from "../domain/pricing/settings";
import type { SizingResult } from "../domain/sizing/engine";
import { TIER_NAMES } from "../domain/sizing/explain";
import type { Lang } from "../i18n/messages";
import { renderQuotePdf } from "../pdf/quote-pdf";
import { loadPricing } from "../pricing/load";
import { loadQuoteById, type QuoteView } from "../quote/view";
import { formatDate } from "../web/quote-page";
import type { OutgoingEmail } from "./providers";

export interface OutboxRow {
  id: string;
  kind: "proposal" | "sales_new_lead" | "quote_accepted" | "quote_declined";
  recipient: string;
  language: Lang;
  lead_id: string | null;
  quote_id: string | null;
  idempotency_key: string;
}

export type ComposedEmail = Omit<OutgoingEmail, "from" | "idempotencyKey">;

/** Subjects are one line: a name can never add a header. */
export const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();

const sellerProps = (s: Settings): SellerProps => ({ ...s.seller, nip: formatNip(s.seller.nip) });

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const n = (x: number, lang: Lang) => x.toLocaleString(lang === "pl" ? "pl-PL" : "en-GB");

/** Amounts are in pl-PL format in both languages: a PLN document for the Polish market. */
export function proposalProps(q: QuoteView | null, lead: LeadRow, settings: Settings, lang: Lang, baseUrl: string): ProposalProps {
  const rec = q?.result.recommendation;
  const perf = rec?.performance;
  return {
    lang,
    contactName: lead.contact_name,
    company: lead.company,
    quoteNumber: q?.number ?? null,
    quoteUrl: q ? `${baseUrl}/q/${q.accessToken}` : null,
    validUntil: q ? formatDate(q.validUntil, lang) : null,
    customProject: q?.result.status !== "recommended",
    recommendation:
      q && rec?.configuration && perf
        ? {
            systemName: `${rec.configuration.units > 1 ? `${rec.configuration.units}× ` : ""}${rec.configuration.systemName}`,
            tier: TIER_NAMES[rec.tier][lang],
            why: q.result.explanation[lang],
            speed: `${n(perf.decodeTokensPerSecondPerStream, lang)} tok/s ${lang === "pl" ? "na osobę" : "per person"}`,
            context: `${n(q.result.request.contextTokens, lang)} ${lang === "pl" ? "tokenów" : "tokens"}`,
            people: `${n(perf.designStreams, lang)} (${lang === "pl" ? "cel spełniony do" : "target met up to"} ${n(perf.maxStreamsMeetingTarget, lang)})`,
          }
        : null,
    rows: (q?.lines ?? []).map((l) => ({ description: l.description, quantity: l.quantity, net: formatPln(l.unitNetGrosze * l.quantity) })),
    totals: q
      ? {
          net: formatPln(q.totals.netGrosze),
          vat: formatPln(q.totals.vatGrosze),
          gross: formatPln(q.totals.grossGrosze),
          range:
            q.totals.netLowGrosze !== q.totals.netHighGrosze
              ? `${formatPln(q.totals.netLowGrosze)} – ${formatPln(q.totals.netHighGrosze)}`
              : null,
        }
      : null,
    hasEstimates: q?.lines.some((l) => l.isEstimate) ?? false,
    seller: sellerProps(settings),
  };
}

interface LeadRow extends LeadContactRow {
  id: string;
  language: Lang;
  message: string | null;
  marketing_consent: number;
}

function salesProps(
  lead: LeadRow,
  q: QuoteView | null,
  result: SizingResult | null,
  workload: Record<string, unknown>,
  baseUrl: string,
): SalesLeadProps {
  const rec = result?.recommendation;
  const alternatives = (result?.candidates ?? [])
    .filter((c) => c !== rec && c.systemId !== rec?.systemId)
    .slice(0, 4)
    .map((c) =>
      c.feasible
        ? `${c.systemName}: +${formatPln(c.extraNetGrosze ?? 0)}${c.adds.length ? `, ${c.adds.map((a) => a.pl).join("; ")}` : ""}`
        : `${c.systemName}: ${c.rejection?.pl ?? "odrzucona"}`,
    );
  return {
    leadId: lead.id,
    adminUrl: `${baseUrl}/admin/leads/${lead.id}`,
    contact: {
      company: lead.company,
      contactName: lead.contact_name,
      email: lead.email,
      phone: lead.phone,
      nip: lead.nip,
      city: lead.city,
      language: lead.language,
      message: lead.message,
      marketingConsent: lead.marketing_consent === 1,
    },
    workload: Object.entries(workload).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]),
    recommendation: result?.explanation.pl ?? "Projekt indywidualny",
    alternatives,
    quoteNumber: q?.number ?? null,
    quoteUrl: q ? `${baseUrl}/q/${q.accessToken}` : null,
    net: q ? formatPln(q.totals.netGrosze) : null,
    gross: q ? formatPln(q.totals.grossGrosze) : null,
  };
}

async function html(element: ReturnType<typeof createElement>) {
  return { html: await render(element), text: await render(element, { plainText: true }) };
}

/** Composes the e-mail of an outbox row, or null when what it refers to no longer exists. */
export async function composeEmail(db: D1Database, row: OutboxRow, baseUrl: string, now: Date): Promise<ComposedEmail | null> {
  const lead = row.lead_id ? await db.prepare("SELECT * FROM leads WHERE id = ?").bind(row.lead_id).first<LeadRow>() : null;
  if (!lead) return null;
  const q = row.quote_id ? await loadQuoteById(db, row.quote_id, now) : null;
  // A quote carries the settings it was priced with; only a custom project needs the current ones.
  const settings = q?.settings ?? (await loadPricing(db)).settings;
  const lang = row.language;
  if (row.kind === "proposal") {
    const props = proposalProps(q, lead, settings, lang, baseUrl);
    const rendered = await html(createElement(Proposal, props));
    const subject = q
      ? lang === "pl"
        ? `Wycena ${q.number}: ${props.recommendation?.systemName ?? ""} dla ${lead.company}`
        : `Quote ${q.number}: ${props.recommendation?.systemName ?? ""} for ${lead.company}`
      : lang === "pl"
        ? `Dziękujemy za zapytanie, ${lead.company}`
        : `Thank you for your inquiry, ${lead.company}`;
    const pdf = q ? await renderQuotePdf(q, lang, baseUrl) : null;
    return {
      to: row.recipient,
      replyTo: settings.seller.email,
      subject: oneLine(subject),
      ...rendered,
      attachment:
        pdf && q ? { filename: `${q.number.replaceAll("/", "-")}.pdf`, contentBase64: toBase64(pdf), type: "application/pdf" } : null,
    };
  }
  if (row.kind === "sales_new_lead") {
    const submission = await db
      .prepare("SELECT input_json FROM workload_submissions WHERE lead_id = ? ORDER BY created_at DESC LIMIT 1")
      .bind(lead.id)
      .first<{ input_json: string }>();
    const parsed = JSON.parse(submission?.input_json ?? "{}") as { request?: Record<string, unknown> };
    const props = salesProps(lead, q, q?.result ?? null, parsed.request ?? {}, baseUrl);
    return {
      to: row.recipient,
      replyTo: lead.email,
      subject: oneLine(`Nowy lead: ${lead.company}${q ? ` (${q.number})` : " (projekt indywidualny)"}`),
      ...(await html(createElement(SalesNewLead, props))),
      attachment: null,
    };
  }
  if (!q) return null;
  const props: DecisionProps = {
    decision: row.kind === "quote_accepted" ? "accepted" : "declined",
    quoteNumber: q.number,
    company: lead.company,
    contactName: lead.contact_name,
    email: lead.email,
    comment: q.customerComment,
    gross: formatPln(q.totals.grossGrosze),
    adminUrl: `${baseUrl}/admin/leads/${lead.id}`,
    quoteUrl: `${baseUrl}/q/${q.accessToken}`,
  };
  return {
    to: row.recipient,
    replyTo: lead.email,
    subject: oneLine(`Wycena ${q.number} ${props.decision === "accepted" ? "zaakceptowana" : "odrzucona"}: ${lead.company}`),
    ...(await html(createElement(QuoteDecision, props))),
    attachment: null,
  };
}
