import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  SELF,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";

describe("the Worker's handlers", () => {
  it("serves GET /healthz with D1 ok and a request id", async () => {
    const res = await SELF.fetch("http://local.test/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", d1: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps a sane caller request id and answers unknown routes with the JSON error shape", async () => {
    const res = await SELF.fetch("http://local.test/nope", { headers: { "X-Request-Id": "abc-12345678" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toBe("abc-12345678");
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found", requestId: "abc-12345678" } });
  });

  it("acknowledges a malformed queue message instead of retrying it forever", async () => {
    const batch = createMessageBatch("sizewise-email", [{ id: "m1", timestamp: Date.now(), attempts: 1, body: { nope: 1 } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m1"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("marks an outbox row dead when its message arrives on the dead-letter queue", async () => {
    await env.DB.prepare(
      "INSERT INTO email_outbox (id, kind, recipient, idempotency_key, status, attempts) VALUES ('o-dead', 'proposal', 'a@b.pl', 'k-dead', 'pending', 5)",
    ).run();
    const batch = createMessageBatch("sizewise-email-dlq", [
      { id: "m2", timestamp: Date.now(), attempts: 1, body: { outboxId: "o-dead" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);
    const row = await env.DB.prepare("SELECT status FROM email_outbox WHERE id = 'o-dead'").first<{ status: string }>();
    expect(row?.status).toBe("dead");
  });

  it("expires quotes past their validity when the cron runs", async () => {
    await env.DB.batch([
      env.DB.prepare("INSERT INTO leads (id, company, contact_name, email) VALUES ('l-cron', 'ACME', 'Jan', 'jan@acme.pl')"),
      env.DB.prepare(
        "INSERT INTO quotes (id, lead_id, year, seq, revision, number, status, valid_until, total_net_grosze, total_vat_grosze, total_gross_grosze, total_net_low_grosze, total_net_high_grosze, engine_snapshot, price_list_version, settings_version, access_token) VALUES ('q-old', 'l-cron', 2026, 900, 1, 'OF/2026/00900', 'sent', '2026-01-31', 100, 23, 123, 100, 100, '{}', 1, 1, 'tok-old'), ('q-new', 'l-cron', 2026, 901, 1, 'OF/2026/00901', 'sent', '2099-01-31', 100, 23, 123, 100, 100, '{}', 1, 1, 'tok-new')",
      ),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date("2026-12-04T10:07:00Z"), cron: "7 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const rows = await env.DB.prepare("SELECT id, status FROM quotes WHERE lead_id = 'l-cron' ORDER BY id").all<{
      id: string;
      status: string;
    }>();
    expect(rows.results).toEqual([
      { id: "q-new", status: "sent" },
      { id: "q-old", status: "expired" },
    ]);
  });
});
