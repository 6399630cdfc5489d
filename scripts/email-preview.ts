// Writes every e-mail template with its preview props to email-previews/*.html (and .txt).
// The proposal goes out in the prospect's language, so it is written in Polish and English; the
// sales team's notifications are Polish only.
import { mkdirSync, writeFileSync } from "node:fs";
import { render } from "@react-email/render";
import { createElement } from "react";
import Proposal from "../emails/proposal";
import QuoteDecision from "../emails/quote-decision";
import SalesNewLead from "../emails/sales-new-lead";

const out = new URL("../email-previews/", import.meta.url);
mkdirSync(out, { recursive: true });

const previews: [string, ReturnType<typeof createElement>][] = [
  ["proposal.pl", createElement(Proposal, Proposal.PreviewProps)],
  [
    "proposal.en",
    createElement(Proposal, {
      ...Proposal.PreviewProps,
      lang: "en",
      validUntil: "3 January 2027",
      recommendation: Proposal.PreviewProps.recommendation && {
        ...Proposal.PreviewProps.recommendation,
        tier: "prototype / R&D",
        why: "Two EdgeXperts joined by ConnectX-7 hold Qwen3.5-397B-A17B at 4 bits with room for context.",
        speed: "18 tok/s per person",
        context: "16,384 tokens",
        people: "2 people",
      },
    }),
  ],
  ["sales-new-lead.pl", createElement(SalesNewLead, SalesNewLead.PreviewProps)],
  ["quote-accepted.pl", createElement(QuoteDecision, QuoteDecision.PreviewProps)],
  [
    "quote-declined.pl",
    createElement(QuoteDecision, { ...QuoteDecision.PreviewProps, decision: "declined", comment: "Za drogo na ten rok." }),
  ],
];

for (const [name, element] of previews) {
  writeFileSync(new URL(`${name}.html`, out), await render(element));
  writeFileSync(new URL(`${name}.txt`, out), await render(element, { plainText: true }));
  console.log(`email-previews/${name}.html`);
}
