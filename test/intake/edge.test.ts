// The public API's edges with third parties and other origins: Turnstile and CORS.
import { createExecutionContext, env, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { adminFetch, makeToken } from "../admin/helpers";
import { counts, freshIp, validRequest } from "./helpers";

afterEach(() => vi.restoreAllMocks());

function submit(body: Record<string, unknown>, overrides: Partial<Env>) {
  const req = new Request("http://local.test/api/quote-requests", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.10" },
    body: JSON.stringify(body),
  });
  return worker.fetch(req, { ...env, ...overrides }, createExecutionContext());
}

describe("Turnstile when a secret is configured", () => {
  it("sends the token, secret and client address to siteverify and stores the request when it passes", async () => {
    const sent: FormData[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (url, init) => {
      expect(String(url)).toBe("https://challenges.cloudflare.com/turnstile/v0/siteverify");
      sent.push(init?.body as FormData);
      return Response.json({ success: true });
    });
    const res = await submit(
      { ...validRequest, turnstileToken: "tok-ok" },
      { TURNSTILE_SECRET_KEY: "1x0000000000000000000000000000000AA" },
    );
    expect(res.status).toBe(201);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.get("secret")).toBe("1x0000000000000000000000000000000AA");
    expect(sent[0]?.get("response")).toBe("tok-ok");
    expect(sent[0]?.get("remoteip")).toBe("192.0.2.10");
    expect(sent[0]?.get("idempotency_key")).toBeTruthy();
  });

  it("refuses with 403 and stores nothing when siteverify says no, or when the token is missing", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async () =>
      Response.json({ success: false, "error-codes": ["invalid-input-response"] }),
    );
    const before = await counts();
    const failed = await submit(
      { ...validRequest, turnstileToken: "tok-bad" },
      { TURNSTILE_SECRET_KEY: "2x0000000000000000000000000000000AA" },
    );
    expect(failed.status).toBe(403);
    expect(((await failed.json()) as { error: { code: string; fields: Record<string, string> } }).error.fields.turnstileToken).toContain(
      "antyspam",
    );
    const missing = await submit(validRequest, { TURNSTILE_SECRET_KEY: "2x0000000000000000000000000000000AA" });
    expect(missing.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe("CORS for the company's own site", () => {
  it("answers a preflight from an origin allowed in the settings, and not from others", async () => {
    const admin = await makeToken("admin");
    const current = (await (await adminFetch(admin, "GET", "/admin/settings")).json()) as { settings: Record<string, unknown> };
    const put = await adminFetch(admin, "PUT", "/admin/settings", {
      settings: { ...current.settings, allowedOrigins: ["https://firma.example"] },
      note: "site",
    });
    expect(put.status).toBe(201);
    const preflight = (origin: string) =>
      SELF.fetch("http://local.test/api/estimate", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "cf-connecting-ip": freshIp() },
      });
    const ok = await preflight("https://firma.example");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://firma.example");
    expect(ok.headers.get("access-control-allow-headers")).toContain("Idempotency-Key");
    const other = await preflight("https://evil.example");
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
