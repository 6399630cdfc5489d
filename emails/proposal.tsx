/** @jsxImportSource react */
// The prospect's proposal: the recommendation in plain words, the price table, next steps,
// the online quote link and the seller's details. Polish or English as the request was.
import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { formatNip } from "../src/domain/nip";
import { DEFAULT_SETTINGS } from "../src/domain/pricing/settings";
import type { ProposalProps } from "./props";
import { s } from "./styles";

const T = {
  pl: {
    preview: (n: string | null) => (n ? `Wycena ${n}: konfiguracja AI dopasowana do Państwa obciążenia` : "Dziękujemy za zapytanie"),
    hello: (name: string) => `Dzień dobry ${name},`,
    intro: "dziękujemy za zapytanie. Na podstawie opisanego obciążenia policzyliśmy, jaki sprzęt je obsłuży:",
    custom:
      "opisane obciążenie przekracza nasze standardowe konfiguracje. Przygotujemy projekt indywidualny i skontaktujemy się w ciągu jednego dnia roboczego.",
    recommendation: "Rekomendacja",
    tier: "Poziom",
    speed: "Szybkość",
    context: "Kontekst",
    people: "Równocześnie",
    price: "Cena",
    item: "Pozycja",
    qty: "Ilość",
    net: "Netto",
    totalNet: "Razem netto",
    vat: "VAT 23%",
    gross: "Razem brutto",
    range: "Zakres (ceny szacunkowe)",
    estimates: "Część cen to szacunki; dokument nie stanowi oferty w rozumieniu art. 66 § 1 Kodeksu cywilnego.",
    next: "Co dalej",
    nextSteps: [
      "Wycena jest dostępna online i w załączniku (PDF). Można ją zaakceptować jednym kliknięciem.",
      "Nasz inżynier odezwie się, aby potwierdzić założenia i termin dostawy.",
      "Na życzenie przygotujemy wersję z instalacją, wsparciem i szkoleniem.",
    ],
    open: "Zobacz wycenę online",
    valid: (d: string) => `Wycena ważna do ${d}.`,
    regards: "Z pozdrowieniami",
    team: "Zespół sprzedaży",
  },
  en: {
    preview: (n: string | null) => (n ? `Quote ${n}: an AI configuration sized for your workload` : "Thank you for your inquiry"),
    hello: (name: string) => `Dear ${name},`,
    intro: "thank you for your inquiry. From the workload you described we worked out the hardware that serves it:",
    custom:
      "the workload you described goes beyond our standard configurations. We will prepare a custom project and contact you within one working day.",
    recommendation: "Recommendation",
    tier: "Tier",
    speed: "Speed",
    context: "Context",
    people: "At once",
    price: "Price",
    item: "Item",
    qty: "Qty",
    net: "Net",
    totalNet: "Total net",
    vat: "VAT 23%",
    gross: "Total gross",
    range: "Range (estimated prices)",
    estimates: "Some prices are estimates; this document is not an offer within the meaning of art. 66 §1 of the Polish Civil Code.",
    next: "Next steps",
    nextSteps: [
      "The quote is online and attached as a PDF. You can accept it with one click.",
      "Our engineer will contact you to confirm the assumptions and the delivery date.",
      "On request we add installation, support and training.",
    ],
    open: "View the quote online",
    valid: (d: string) => `The quote is valid until ${d}.`,
    regards: "Kind regards",
    team: "Sales team",
  },
};

export default function Proposal(p: ProposalProps) {
  const t = T[p.lang];
  const r = p.recommendation;
  return (
    <Html lang={p.lang}>
      <Head />
      <Preview>{t.preview(p.quoteNumber)}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Heading style={s.h1}>{p.quoteNumber ? `${p.lang === "pl" ? "Wycena" : "Quote"} ${p.quoteNumber}` : p.company}</Heading>
          <Text style={s.p}>{t.hello(p.contactName)}</Text>
          <Text style={s.p}>{p.customProject ? t.custom : t.intro}</Text>
          {r ? (
            <Section>
              <Heading as="h2" style={s.h2}>
                {t.recommendation}: {r.systemName}
              </Heading>
              <Text style={s.small}>
                {t.tier}: {r.tier}
              </Text>
              <Text style={s.p}>{r.why}</Text>
              <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
                <tbody>
                  <tr>
                    <td style={s.cell}>{t.speed}</td>
                    <td style={s.num}>{r.speed}</td>
                  </tr>
                  <tr>
                    <td style={s.cell}>{t.context}</td>
                    <td style={s.num}>{r.context}</td>
                  </tr>
                  <tr>
                    <td style={s.cell}>{t.people}</td>
                    <td style={s.num}>{r.people}</td>
                  </tr>
                </tbody>
              </table>
            </Section>
          ) : null}
          {p.totals ? (
            <Section>
              <Heading as="h2" style={s.h2}>
                {t.price}
              </Heading>
              <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
                <thead>
                  <tr>
                    <th style={s.cell}>{t.item}</th>
                    <th style={s.num}>{t.qty}</th>
                    <th style={s.num}>{t.net}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((row) => (
                    <tr key={row.description}>
                      <td style={s.cell}>{row.description}</td>
                      <td style={s.num}>{row.quantity}</td>
                      <td style={s.num}>{row.net}</td>
                    </tr>
                  ))}
                  <tr>
                    <td style={s.cell} colSpan={2}>
                      {t.totalNet}
                    </td>
                    <td style={s.num}>{p.totals.net}</td>
                  </tr>
                  <tr>
                    <td style={s.cell} colSpan={2}>
                      {t.vat}
                    </td>
                    <td style={s.num}>{p.totals.vat}</td>
                  </tr>
                  <tr>
                    <td style={{ ...s.cell, fontWeight: "bold" }} colSpan={2}>
                      {t.gross}
                    </td>
                    <td style={{ ...s.num, fontWeight: "bold" }}>{p.totals.gross}</td>
                  </tr>
                </tbody>
              </table>
              {p.totals.range ? (
                <Text style={s.small}>
                  {t.range}: {p.totals.range}
                </Text>
              ) : null}
              {p.hasEstimates ? <Text style={s.small}>{t.estimates}</Text> : null}
            </Section>
          ) : null}
          <Heading as="h2" style={s.h2}>
            {t.next}
          </Heading>
          {t.nextSteps.map((step) => (
            <Text key={step} style={s.p}>
              • {step}
            </Text>
          ))}
          {p.quoteUrl ? (
            <Section style={{ margin: "16px 0" }}>
              <Button href={p.quoteUrl} style={s.button}>
                {t.open}
              </Button>
              <Text style={s.small}>{p.quoteUrl}</Text>
            </Section>
          ) : null}
          {p.validUntil ? <Text style={s.p}>{t.valid(p.validUntil)}</Text> : null}
          <Text style={s.p}>
            {t.regards},
            <br />
            {t.team} {p.seller.name}
          </Text>
          <Hr style={s.hr} />
          <Text style={s.small}>
            {p.seller.name}, {p.seller.address}, NIP {p.seller.nip}, KRS {p.seller.krs}, {p.seller.registryCourt},{" "}
            {p.lang === "pl" ? "kapitał zakładowy" : "share capital"} {p.seller.shareCapital}. {p.seller.email}, {p.seller.phone},{" "}
            {p.seller.website}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

Proposal.PreviewProps = {
  lang: "pl",
  contactName: "Łukasz Ząb",
  company: "Żółta Łódź sp. z o.o.",
  quoteNumber: "OF/2026/00042",
  quoteUrl: "https://sizewise.example/q/preview-token",
  validUntil: "3 stycznia 2027",
  customProject: false,
  recommendation: {
    systemName: "2× MSI EdgeXpert MS-C931",
    tier: "prototyp / R&D",
    why: "Dwa EdgeXperty połączone ConnectX-7 mieszczą Qwen3.5-397B-A17B w 4 bitach z zapasem na kontekst.",
    speed: "18 tok/s na osobę",
    context: "16 384 tokenów",
    people: "2 osoby",
  },
  rows: [
    { description: "MSI EdgeXpert MS-C931 (NVIDIA GB10, 128 GB)", quantity: 2, net: "30 798,00 zł" },
    { description: "QSFP 200G direct-attach cable", quantity: 1, net: "547,50 zł" },
  ],
  totals: { net: "31 345,50 zł", vat: "7 209,47 zł", gross: "38 554,97 zł", range: "31 163,00 zł – 35 095,00 zł" },
  hasEstimates: true,
  seller: { ...DEFAULT_SETTINGS.seller, nip: formatNip(DEFAULT_SETTINGS.seller.nip) },
} satisfies ProposalProps;
