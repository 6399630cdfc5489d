/** @jsxImportSource react */
// The sales team's new-lead notification: contact, workload, recommendation and alternatives,
// quote number, and the link to the lead in the admin API. Always in Polish.
import { Body, Container, Head, Heading, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { SalesLeadProps } from "./props";
import { s } from "./styles";

/** Label–value rows as a two-column table (mail clients lay tables out reliably). */
function KeyValueTable({ rows }: { rows: [string, string][] }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <td style={s.cell}>{k}</td>
            <td style={s.cell}>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SalesNewLead(p: SalesLeadProps) {
  const c = p.contact;
  const contactRows: [string, string][] = [
    ["Firma", c.company],
    ["Osoba", c.contactName],
    ["E-mail", c.email],
    ["Telefon", c.phone ?? "—"],
    ["NIP", c.nip ?? "—"],
    ["Miasto", c.city ?? "—"],
    ["Język", c.language],
    ["Zgoda marketingowa", c.marketingConsent ? "tak" : "nie"],
  ];
  return (
    <Html lang="pl">
      <Head />
      <Preview>{`Nowy lead: ${c.company}${p.quoteNumber ? ` (${p.quoteNumber})` : ""}`}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Heading style={s.h1}>Nowy lead: {c.company}</Heading>
          <Text style={s.p}>
            Wycena: <strong>{p.quoteNumber ?? "projekt indywidualny"}</strong>
            {p.net ? ` · ${p.net} netto · ${p.gross} brutto` : ""}
          </Text>
          <Heading as="h2" style={s.h2}>
            Kontakt
          </Heading>
          <KeyValueTable rows={contactRows} />
          {c.message ? <Text style={s.p}>„{c.message}”</Text> : null}
          <Heading as="h2" style={s.h2}>
            Obciążenie
          </Heading>
          <KeyValueTable rows={p.workload} />
          <Heading as="h2" style={s.h2}>
            Rekomendacja
          </Heading>
          <Text style={s.p}>{p.recommendation}</Text>
          {p.alternatives.length > 0 ? (
            <Section>
              <Text style={s.p}>
                <strong>Alternatywy</strong>
              </Text>
              {p.alternatives.map((a) => (
                <Text key={a} style={s.small}>
                  • {a}
                </Text>
              ))}
            </Section>
          ) : null}
          <Text style={s.p}>
            Lead w panelu: <Link href={p.adminUrl}>{p.adminUrl}</Link>
            {p.quoteUrl ? (
              <>
                <br />
                Wycena online: <Link href={p.quoteUrl}>{p.quoteUrl}</Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

SalesNewLead.PreviewProps = {
  leadId: "7fadff0e-655d-48e6-ab31-4478815caf20",
  adminUrl: "https://sizewise.example/admin/leads/7fadff0e-655d-48e6-ab31-4478815caf20",
  contact: {
    company: "Żółta Łódź sp. z o.o.",
    contactName: "Łukasz Ząb",
    email: "lukasz@example.pl",
    phone: "+48 600 000 000",
    nip: "856-734-62-15",
    city: "Kraków",
    language: "pl",
    message: "Chcemy zacząć od pilotażu dla działu prawnego.",
    marketingConsent: true,
  },
  workload: [
    ["Zastosowanie", "RAG"],
    ["Osoby jednocześnie", "30"],
    ["Kontekst", "33 548 tokenów"],
  ],
  recommendation: "MSI CG290-S3063, 4x RTX PRO 6000, NVFP4, 23,9 tok/s na osobę",
  alternatives: ["MSI CG480-S5063, 8x RTX PRO 6000: +198 049,00 zł, szybciej: 28,9 tok/s"],
  quoteNumber: "OF/2026/00042",
  quoteUrl: "https://sizewise.example/q/preview-token",
  net: "216 299,00 zł",
  gross: "266 047,77 zł",
} satisfies SalesLeadProps;
