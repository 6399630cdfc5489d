import { SELF } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { counts, freshIp, postJson, validRequest } from "./helpers";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe("bad input to POST /api/quote-requests", () => {
  const cases: [string, unknown, number, string, string[]][] = [
    [
      "wrong types",
      { ...validRequest, concurrentUsers: "dwa", marketingConsent: "yes" },
      422,
      "validation",
      ["concurrentUsers", "marketingConsent"],
    ],
    ["missing fields", { concurrentUsers: 2 }, 422, "validation", ["company", "contactName", "email"]],
    ["a huge number", { ...validRequest, concurrentUsers: 1e12 }, 422, "validation", ["concurrentUsers"]],
    ["a negative number", { ...validRequest, concurrentUsers: -5, budgetPln: -1 }, 422, "validation", ["concurrentUsers", "budgetPln"]],
    ["an invalid NIP", { ...validRequest, nip: "8567346216" }, 422, "validation", ["nip"]],
    ["an invalid e-mail", { ...validRequest, email: "not-an-email" }, 422, "validation", ["email"]],
    [
      "HTML and script in names",
      { ...validRequest, company: "<script>alert(1)</script>", contactName: 'Jan "<b>" Kowalski' },
      422,
      "validation",
      ["company", "contactName"],
    ],
    [
      "a line break in a name (header injection)",
      { ...validRequest, contactName: "Jan\r\nBcc: x@evil.example" },
      422,
      "validation",
      ["contactName"],
    ],
    ["unknown fields", { ...validRequest, isAdmin: true }, 422, "validation", ["isAdmin"]],
  ];
  for (const [what, body, status, code, fields] of cases) {
    it(`answers ${what} with ${status}, a message per field, and stores nothing`, async () => {
      const before = await counts();
      const res = await postJson("/api/quote-requests", body);
      expect(res.status).toBe(status);
      const err = (await res.json()) as ErrorBody;
      expect(err.error.code).toBe(code);
      expect(Object.keys(err.error.fields ?? {}).sort()).toEqual([...fields].sort());
      expect(JSON.stringify(err)).not.toContain("<script>");
      expect(await counts()).toEqual(before);
    });
  }

  it("speaks Polish by default and English when asked", async () => {
    const pl = (await (await postJson("/api/quote-requests", { ...validRequest, nip: "123" })).json()) as ErrorBody;
    expect(pl.error.message).toBe("Popraw zaznaczone pola.");
    expect(pl.error.fields?.nip).toBe("Nieprawidłowy NIP (błędna suma kontrolna).");
    const en = (await (
      await postJson("/api/quote-requests", { ...validRequest, language: "en", nip: "123", email: "x" })
    ).json()) as ErrorBody;
    expect(en.error.fields?.nip).toBe("Invalid NIP (wrong checksum).");
    expect(en.error.fields?.email).toMatch(/email/i);
    const header = (await (await postJson("/api/quote-requests?lang=en", { concurrentUsers: 0 })).json()) as ErrorBody;
    expect(header.error.message).toBe("Please correct the marked fields.");
  });

  it("refuses a 1 MB body with 413 before parsing it", async () => {
    const before = await counts();
    const res = await postJson("/api/quote-requests", JSON.stringify({ ...validRequest, message: "x".repeat(1_000_000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe("payload_too_large");
    expect(await counts()).toEqual(before);
  });

  it("refuses a wrong content type with 415 and broken JSON with 400", async () => {
    const xml = await SELF.fetch("http://local.test/api/quote-requests", {
      method: "POST",
      headers: { "content-type": "text/xml", "cf-connecting-ip": freshIp() },
      body: "<a/>",
    });
    expect(xml.status).toBe(415);
    const broken = await postJson("/api/quote-requests", '{"company": "ACME",');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).error.code).toBe("malformed_json");
  });

  it("never answers 5xx, whatever the body (fast-check, 1,000 runs)", async () => {
    const field = fc.constantFrom(...Object.keys(validRequest), "typicalAmount", "longestAmount", "budgetPln", "speed", "fineTuning", "x");
    const value = fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    const body = fc.oneof(
      fc.dictionary(field, value).map((patch) => ({ ...validRequest, ...patch })),
      fc.anything().map((v) => v),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await postJson("/api/quote-requests", typeof b === "string" ? b : JSON.stringify(b ?? null));
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 1_000 },
    );
  });
});
