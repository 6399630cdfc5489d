import { env, SELF } from "cloudflare:test";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { postJson, validRequest } from "./helpers";

async function newQuote(body: Record<string, unknown> = validRequest) {
  const res = await postJson("/api/quote-requests", body);
  expect(res.status).toBe(201);
  const json = (await res.json()) as { quoteUrl: string; quoteNumber: string };
  return { token: json.quoteUrl.split("/q/")[1] ?? "", number: json.quoteNumber };
}

const decide = (token: string, decision: string, comment = "") =>
  SELF.fetch(`http://local.test/q/${token}/decision`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ decision, comment }).toString(),
  });

/** The text a person reads in a cell of the page: tags removed, entities decoded. */
function cell(html: string, testId: string): string {
  const m = new RegExp(`data-testid="${testId}"[^>]*>(.*?)</td>`, "s").exec(html);
  return (m?.[1] ?? "")
    .replace(/<[^>]+>/g, "")
    .replaceAll("&nbsp;", "\u00a0")
    .trim();
}

describe("the quote online", () => {
  it("shows seller, buyer, lines, totals, key figures, validity and the not-an-offer statement", async () => {
    const { token, number } = await newQuote();
    const res = await SELF.fetch(`http://local.test/q/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await res.text();
    for (const text of [
      number,
      "Sprzedawca",
      "Nabywca",
      "Żółta Łódź sp. z o.o.",
      "NIP 856-734-62-15",
      "Ważna do",
      "Razem brutto",
      "Kluczowe parametry",
      "art. 66 § 1 Kodeksu cywilnego",
    ]) {
      expect(html).toContain(text);
    }
    expect(cell(html, "total-gross")).toMatch(/^\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0zł$/);
  });

  it("makes a PDF whose text holds the Polish diacritics, the quote number and the gross total as the page shows it", async () => {
    const { token, number } = await newQuote();
    const html = await (await SELF.fetch(`http://local.test/q/${token}`)).text();
    const gross = cell(html, "total-gross");
    const res = await SELF.fetch(`http://local.test/q/${token}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain(number);
    expect(text).toContain("Żółta Łódź sp. z o.o.");
    expect(text).toContain("Łukasz Ząb");
    expect(text).toContain("Ważna do");
    expect(text.replaceAll(" ", "\u00a0")).toContain(gross);
  });

  it("accepts once, then is locked; declining needs an open quote too", async () => {
    const { token } = await newQuote();
    const first = await decide(token, "accept", "Zamawiamy, proszę o kontakt.");
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "accepted" });
    expect((await decide(token, "accept")).status).toBe(409);
    expect((await decide(token, "decline")).status).toBe(409);
    const row = await env.DB.prepare("SELECT status, customer_comment FROM quotes WHERE access_token = ?").bind(token).first();
    expect(row).toEqual({ status: "accepted", customer_comment: "Zamawiamy, proszę o kontakt." });
    const notice = await env.DB.prepare(
      "SELECT kind FROM email_outbox WHERE quote_id = (SELECT id FROM quotes WHERE access_token = ?) AND kind LIKE 'quote_%'",
    )
      .bind(token)
      .all();
    expect(notice.results).toEqual([{ kind: "quote_accepted" }]);
    const page = await (await SELF.fetch(`http://local.test/q/${token}`)).text();
    expect(page).toContain("Zaakceptowana");
    expect(page).not.toContain('name="decision"');
  });

  it("records a decline with the customer's comment", async () => {
    const { token } = await newQuote();
    expect((await decide(token, "decline", "Za drogo")).status).toBe(200);
    const row = await env.DB.prepare("SELECT status, customer_comment FROM quotes WHERE access_token = ?").bind(token).first();
    expect(row).toEqual({ status: "declined", customer_comment: "Za drogo" });
  });

  it("says an expired quote has expired and refuses to accept it", async () => {
    const { token } = await newQuote();
    await env.DB.prepare("UPDATE quotes SET valid_until = '2020-01-01' WHERE access_token = ?").bind(token).run();
    const page = await (await SELF.fetch(`http://local.test/q/${token}`)).text();
    expect(page).toContain("Ta wycena wygasła");
    const res = await decide(token, "accept");
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("quote_expired");
  });

  it("answers unknown tokens with a 404 page", async () => {
    const res = await SELF.fetch("http://local.test/q/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Nie znaleziono wyceny.");
  });
});
