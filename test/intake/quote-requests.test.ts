import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { counts, freshIp, postJson, validRequest } from "./helpers";

describe("POST /api/quote-requests", () => {
  it("stores one lead, submission, quote with lines and two outbox rows for a valid JSON request", async () => {
    const before = await counts();
    const res = await postJson("/api/quote-requests", validRequest);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { leadId: string; quoteNumber: string; quoteUrl: string; summary: { tier: string } };
    expect(body.quoteNumber).toMatch(/^OF\/\d{4}\/\d{5}$/);
    expect(body.quoteUrl).toMatch(/^http:\/\/localhost:8787\/q\/[A-Za-z0-9_-]{43}$/);
    const after = await counts();
    expect(after.leads - before.leads).toBe(1);
    expect(after.submissions - before.submissions).toBe(1);
    expect(after.quotes - before.quotes).toBe(1);
    expect(after.lines - before.lines).toBeGreaterThanOrEqual(1);
    expect(after.outbox - before.outbox).toBe(2);
    const lead = await env.DB.prepare(
      "SELECT company, contact_name, nip, marketing_consent, marketing_consent_text_version FROM leads WHERE id = ?",
    )
      .bind(body.leadId)
      .first();
    expect(lead).toEqual({
      company: "Żółta Łódź sp. z o.o.",
      contact_name: "Łukasz Ząb",
      nip: "856-734-62-15",
      marketing_consent: 1,
      marketing_consent_text_version: "marketing-2026-12-v1",
    });
    const outbox = await env.DB.prepare("SELECT kind, recipient, status FROM email_outbox WHERE lead_id = ? ORDER BY kind")
      .bind(body.leadId)
      .all();
    expect(outbox.results).toEqual([
      { kind: "proposal", recipient: "lukasz@example.pl", status: "pending" },
      { kind: "sales_new_lead", recipient: "sprzedaz@sizewise.example", status: "pending" },
    ]);
    const quote = await env.DB.prepare("SELECT total_net_grosze, total_gross_grosze, engine_snapshot FROM quotes WHERE lead_id = ?")
      .bind(body.leadId)
      .first<{ total_net_grosze: number; total_gross_grosze: number; engine_snapshot: string }>();
    const lines = await env.DB.prepare(
      "SELECT SUM(unit_net_grosze * quantity) AS net FROM quote_lines q JOIN quotes x ON x.id = q.quote_id WHERE x.lead_id = ?",
    )
      .bind(body.leadId)
      .first<{ net: number }>();
    expect(quote?.total_net_grosze).toBe(lines?.net);
    expect(JSON.parse(quote?.engine_snapshot ?? "{}").recommendation.tier).toBe(body.summary.tier);
  });

  it("accepts the same request form-encoded, and sends a browser to the quote page", async () => {
    const form = new URLSearchParams({
      language: "en",
      useCase: "rag",
      concurrentUsers: "30",
      company: "ACME",
      contactName: "Anna Nowak",
      email: "anna@acme.example",
      marketingConsent: "on",
      website: "",
    });
    const before = await counts();
    const api = await SELF.fetch("http://local.test/api/quote-requests", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": freshIp() },
      body: form.toString(),
    });
    expect(api.status).toBe(201);
    const browser = await SELF.fetch("http://local.test/api/quote-requests", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", "cf-connecting-ip": freshIp() },
      body: form.toString(),
      redirect: "manual",
    });
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toMatch(/^\/q\/[A-Za-z0-9_-]{43}\?new=1&lang=en$/);
    const after = await counts();
    expect(after.leads - before.leads).toBe(2);
    expect(after.quotes - before.quotes).toBe(2);
    expect(after.outbox - before.outbox).toBe(4);
    const page = await SELF.fetch(`http://local.test${browser.headers.get("location")}`);
    const html = await page.text();
    expect(html).toContain("Thank you! Your quote is ready.");
    expect(html).toMatch(/OF\/\d{4}\/\d{5}/);
  });

  it("numbers 50 concurrent requests consecutively, without gaps or duplicates", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postJson("/api/quote-requests", { ...validRequest, company: `Firma ${i}` })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = await Promise.all(responses.map(async (r) => ((await r.json()) as { quoteNumber: string }).quoteNumber));
    const seqs = numbers.map((n) => Number(n.split("/")[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(50);
    expect((seqs.at(-1) ?? 0) - (seqs[0] ?? 0)).toBe(49);
  });

  it("replays the first response for the same Idempotency-Key and refuses another body with 422", async () => {
    const key = crypto.randomUUID();
    const before = await counts();
    const first = await postJson("/api/quote-requests", validRequest, { "Idempotency-Key": key });
    const second = await postJson("/api/quote-requests", validRequest, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.text()).toBe(await first.text());
    expect((await counts()).leads - before.leads).toBe(1);
    const other = await postJson("/api/quote-requests", { ...validRequest, concurrentUsers: 3 }, { "Idempotency-Key": key });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("idempotency_mismatch");
    expect((await counts()).leads - before.leads).toBe(1);
  });

  it("answers 409 while a request with the same key is still in flight", async () => {
    const key = crypto.randomUUID();
    const { requestHashOf } = await import("../../src/intake/submit");
    const { quoteRequestSchema } = await import("../../src/domain/intake/schema");
    await env.DB.prepare(
      "INSERT INTO idempotency_keys (key, scope, request_hash, state, expires_at) VALUES (?, 'quote-requests', ?, 'in_flight', '2999-01-01')",
    )
      .bind(key, await requestHashOf(quoteRequestSchema.parse(validRequest)))
      .run();
    const before = await counts();
    const res = await postJson("/api/quote-requests", validRequest, { "Idempotency-Key": key });
    expect(res.status).toBe(409);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await counts()).toEqual(before);
  });

  it("drops honeypot and too-fast submissions quietly, storing nothing", async () => {
    const before = await counts();
    const bot = await postJson("/api/quote-requests", { ...validRequest, website: "http://spam.example" });
    expect(bot.status).toBe(202);
    const fast = await postJson("/api/quote-requests", { ...validRequest, formStartedAt: Date.now() - 500 });
    expect(fast.status).toBe(202);
    expect(await counts()).toEqual(before);
  });

  it("limits each client and answers 429 with Retry-After", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await postJson("/api/quote-requests", { concurrentUsers: "x" }, { "cf-connecting-ip": ip });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get("retry-after")).toBe("60");
    }
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
