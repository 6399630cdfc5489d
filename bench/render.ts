// Proposal rendering in process: the e-mail's HTML and text (React Email) and the PDF (pdf-lib),
// what the queue consumer does for each proposal.
import { render } from "@react-email/render";
import { createElement } from "react";
import Proposal from "../emails/proposal";
import { DEFAULT_PRICE_LIST } from "../src/domain/pricing/price-list";
import { DEFAULT_SETTINGS } from "../src/domain/pricing/settings";
import { draftQuote } from "../src/domain/quote/build";
import { recommend } from "../src/domain/sizing/engine";
import { proposalProps } from "../src/email/compose";
import { renderQuotePdf } from "../src/pdf/quote-pdf";
import type { QuoteView } from "../src/quote/view";

export function sampleQuote(): QuoteView {
  const result = recommend(
    { concurrentStreams: 30, contextTokens: 32_768, promptTokens: 8_000, production: true },
    { priceList: DEFAULT_PRICE_LIST, settings: DEFAULT_SETTINGS },
  );
  const draft = draftQuote(result, DEFAULT_SETTINGS, new Date("2026-12-04T10:00:00Z"));
  if (!draft) throw new Error("no quote");
  return {
    id: "q",
    leadId: "l",
    number: "OF/2026/00042",
    revision: 1,
    status: "sent",
    storedStatus: "sent",
    createdAt: "2026-12-04T10:00:00Z",
    validUntil: draft.validUntil,
    totals: draft.totals,
    customerComment: null,
    accessToken: "token",
    lines: draft.lines,
    lead: {
      company: "Żółta Łódź sp. z o.o.",
      contactName: "Łukasz Ząb",
      email: "l@example.pl",
      phone: null,
      nip: "8567346215",
      city: "Kraków",
      language: "pl",
      createdAt: "2026-12-04T10:00:00Z",
    },
    settings: DEFAULT_SETTINGS,
    result,
  };
}

export async function renderProposalOnce(q: QuoteView): Promise<number> {
  const lead = {
    id: "l",
    company: q.lead.company,
    contact_name: q.lead.contactName,
    email: q.lead.email,
    phone: null,
    nip: null,
    city: null,
    language: "pl" as const,
    message: null,
    marketing_consent: 0,
  };
  const element = createElement(Proposal, proposalProps(q, lead, q.settings, "pl", "https://sizewise.example"));
  const [html, text, pdf] = await Promise.all([
    render(element),
    render(element, { plainText: true }),
    renderQuotePdf(q, "pl", "https://sizewise.example"),
  ]);
  return html.length + text.length + pdf.length;
}

export async function benchRender(runs = 40) {
  const q = sampleQuote();
  for (let i = 0; i < 5; i++) await renderProposalOnce(q);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = await renderProposalOnce(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 10) / 10;
  return { medianMs: at(0.5), p99Ms: at(0.99), runs, outputBytes: bytes };
}
