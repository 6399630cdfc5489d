import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { formatPln } from "../../src/domain/pricing/money";
import { TIER_NAMES } from "../../src/domain/sizing/explain";
import { composeEmail, type OutboxRow } from "../../src/email/compose";
import { resendProvider } from "../../src/email/providers";
import { postJson, validRequest } from "../intake/helpers";

const BASE = "https://sizewise.example";
const PLN = /\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0zł/;

async function quoteFor(language: "pl" | "en") {
  const res = await postJson("/api/quote-requests", { ...validRequest, language });
  const body = (await res.json()) as { leadId: string; quoteNumber: string; quoteUrl: string };
  const q = await env.DB.prepare("SELECT id, access_token, total_gross_grosze, tier FROM quotes WHERE lead_id = ?")
    .bind(body.leadId)
    .first<{ id: string; access_token: string; total_gross_grosze: number; tier: string }>();
  if (!q) throw new Error("no quote");
  return { ...body, quoteId: q.id, token: q.access_token, gross: q.total_gross_grosze, tier: q.tier };
}

const row = (
  kind: OutboxRow["kind"],
  language: "pl" | "en",
  leadId: string,
  quoteId: string | null,
  recipient = "x@example.pl",
): OutboxRow => ({
  id: crypto.randomUUID(),
  kind,
  recipient,
  language,
  lead_id: leadId,
  quote_id: quoteId,
  idempotency_key: "k",
});

describe("what the e-mails say", () => {
  for (const [lang, tierLabel, hello] of [
    ["pl", "Poziom", "Dzień dobry Łukasz Ząb,"],
    ["en", "Tier", "Dear Łukasz Ząb,"],
  ] as const) {
    it(`writes the ${lang} proposal with pl-PL amounts, the quote number, the link and the tier`, async () => {
      const q = await quoteFor(lang);
      const email = await composeEmail(env.DB, row("proposal", lang, q.leadId, q.quoteId), BASE, new Date());
      if (!email) throw new Error("no email");
      const link = `${BASE}/q/${q.token}`;
      const gross = formatPln(q.gross);
      expect(gross).toMatch(PLN);
      for (const part of [email.text, email.html]) {
        expect(part).toContain(q.quoteNumber);
        expect(part).toContain(link);
      }
      expect(email.text).toContain(gross);
      expect(email.text).toContain(hello);
      expect(email.text).toContain(`${tierLabel}: ${TIER_NAMES[q.tier as keyof typeof TIER_NAMES][lang]}`);
      expect(email.subject).toContain(q.quoteNumber);
      expect(email.attachment?.contentBase64.length).toBeGreaterThan(1_000);
      expect(email.html).not.toMatch(/<img[^>]+(width="1"|height="1")/);
    });
  }

  it("escapes HTML and quotes in names and keeps line breaks out of the subject and headers", async () => {
    const leadId = crypto.randomUUID();
    await env.DB.prepare("INSERT INTO leads (id, company, contact_name, email, language, message) VALUES (?, ?, ?, ?, 'pl', ?)")
      .bind(
        leadId,
        'Evil <b>Co</b> "quoted"\r\nBcc: victim@example.com',
        "<script>alert(1)</script>",
        "evil@example.com",
        "<img src=x onerror=alert(1)>",
      )
      .run();
    const email = await composeEmail(env.DB, row("sales_new_lead", "pl", leadId, null, "sprzedaz@sizewise.example"), BASE, new Date());
    if (!email) throw new Error("no email");
    expect(email.html).not.toContain("<b>Co</b>");
    expect(email.html).not.toContain("<script>alert(1)</script>");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;b&gt;Co&lt;/b&gt;");
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe('Nowy lead: Evil <b>Co</b> "quoted" Bcc: victim@example.com (projekt indywidualny)');
    // What reaches the provider: JSON fields, one recipient, a one-line subject; no header of ours carries a name.
    let sent: { headers: Headers; body: { to: string[]; subject: string } } | null = null;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent = { headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) };
      return Response.json({ id: "re_1" });
    }) as typeof fetch;
    try {
      await resendProvider("k").send({ ...email, from: "a@b.pl", idempotencyKey: "sales:1" });
    } finally {
      globalThis.fetch = realFetch;
    }
    const got = sent as unknown as { headers: Headers; body: { to: string[]; subject: string } };
    expect(got.body.to).toEqual(["sprzedaz@sizewise.example"]);
    expect(got.body.subject).not.toMatch(/[\r\n]/);
    expect([...got.headers.keys()].sort()).toEqual(["authorization", "content-type", "idempotency-key"]);
  });
});

describe("the local mailbox", () => {
  it("lists sent e-mails at /dev/outbox and shows each with its PDF", async () => {
    const { SELF } = await import("cloudflare:test");
    const res = await postJson("/api/quote-requests", validRequest);
    const { leadId } = (await res.json()) as { leadId: string };
    let id: string | undefined;
    for (let i = 0; i < 100 && !id; i++) {
      id = (
        await env.DB.prepare("SELECT id FROM email_outbox WHERE lead_id = ? AND kind = 'proposal' AND status = 'sent'")
          .bind(leadId)
          .first<{ id: string }>()
      )?.id;
      if (!id) await new Promise((r) => setTimeout(r, 100));
    }
    const list = await (await SELF.fetch("http://local.test/dev/outbox")).text();
    expect(list).toContain(`/dev/outbox/${id}`);
    const email = await SELF.fetch(`http://local.test/dev/outbox/${id}`);
    expect(email.headers.get("content-security-policy")).toContain("sandbox");
    expect(await email.text()).toContain("Dzień dobry");
    const pdf = await SELF.fetch(`http://local.test/dev/outbox/${id}/attachment`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });
});
