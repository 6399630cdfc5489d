/** @jsxImportSource react */
// Tells the sales team that a customer accepted or declined a quote, with their comment.
import { Body, Container, Head, Heading, Html, Link, Preview, Text } from "@react-email/components";
import type { DecisionProps } from "./props";
import { s } from "./styles";

export default function QuoteDecision(p: DecisionProps) {
  const accepted = p.decision === "accepted";
  const title = `${accepted ? "Zaakceptowana" : "Odrzucona"} wycena ${p.quoteNumber}: ${p.company}`;
  return (
    <Html lang="pl">
      <Head />
      <Preview>{title}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Heading style={s.h1}>{title}</Heading>
          <Text style={s.p}>
            {p.contactName} ({p.email}) {accepted ? "zaakceptował(a)" : "odrzucił(a)"} wycenę {p.quoteNumber} na {p.gross} brutto.
          </Text>
          <Text style={s.p}>Komentarz klienta: {p.comment ? `„${p.comment}”` : "brak"}</Text>
          <Text style={s.p}>
            Lead: <Link href={p.adminUrl}>{p.adminUrl}</Link>
            <br />
            Wycena: <Link href={p.quoteUrl}>{p.quoteUrl}</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

QuoteDecision.PreviewProps = {
  decision: "accepted",
  quoteNumber: "OF/2026/00042",
  company: "Żółta Łódź sp. z o.o.",
  contactName: "Łukasz Ząb",
  email: "lukasz@example.pl",
  comment: "Zamawiamy, proszę o kontakt w sprawie dostawy.",
  gross: "266 047,77 zł",
  adminUrl: "https://sizewise.example/admin/leads/7fadff0e",
  quoteUrl: "https://sizewise.example/q/preview-token",
} satisfies DecisionProps;
