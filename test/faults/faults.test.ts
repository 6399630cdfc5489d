// Faults: storage failing in the middle of intake, the e-mail provider down for a while, the
// queue consumer failing in the middle of a batch, slow or broken request bodies.
import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { counts, freshIp, postJson, validRequest } from "../intake/helpers";

afterEach(() => vi.restoreAllMocks());

/** A submitted lead whose own two e-mails the real queue has already delivered (so nothing runs in the background). */
async function settledLead(): Promise<string> {
  const res = await postJson("/api/quote-requests", validRequest);
  const { leadId } = (await res.json()) as { leadId: string };
  for (let i = 0; i < 100; i++) {
    const sent = await env.DB.prepare("SELECT COUNT(*) AS n FROM email_outbox WHERE lead_id = ? AND status = 'sent'")
      .bind(leadId)
      .first<{ n: number }>();
    if (sent?.n === 2) return leadId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the queue did not deliver the lead's e-mails");
}

/** The real D1, except that its next batch gets a failing statement in the middle. */
function d1FailingMidBatch(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const middle = Math.floor(statements.length / 2);
          const poisoned = [
            ...statements.slice(0, middle),
            target.prepare("INSERT INTO no_such_table VALUES (1)"),
            ...statements.slice(middle),
          ];
          return target.batch(poisoned);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("faults", () => {
  it("leaves no partial rows when D1 fails in the middle of intake, answers 503, and the retry succeeds", async () => {
    const before = await counts();
    const key = crypto.randomUUID();
    const request = () =>
      new Request("http://local.test/api/quote-requests", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key, "cf-connecting-ip": freshIp() },
        body: JSON.stringify(validRequest),
      });
    const ctx = createExecutionContext();
    const failed = await worker.fetch(request(), { ...env, DB: d1FailingMidBatch(env.DB) }, ctx);
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("5");
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(await counts()).toEqual(before);
    const keys = await env.DB.prepare("SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = ?").bind(key).first<{ n: number }>();
    expect(keys?.n).toBe(0);
    const retried = await worker.fetch(request(), env, createExecutionContext());
    expect(retried.status).toBe(201);
    const after = await counts();
    expect(after.leads - before.leads).toBe(1);
    expect(after.quotes - before.quotes).toBe(1);
  });

  it("delivers every e-mail exactly once when the provider is down for a stretch and then back", async () => {
    const leadId = await settledLead();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      await env.DB.prepare(
        "INSERT INTO email_outbox (id, kind, recipient, language, lead_id, quote_id, idempotency_key) SELECT ?, 'proposal', 'x@example.pl', 'pl', ?, (SELECT id FROM quotes WHERE lead_id = ?), ?",
      )
        .bind(id, leadId, leadId, `proposal:${id}`)
        .run();
    }
    // Simulated clock: the provider is down for the first 3 "minutes" of retries, then back.
    let minute = 0;
    const delivered = new Map<string, number>();
    vi.spyOn(globalThis, "fetch").mockImplementation(async (_url, init) => {
      if (minute < 3) return new Response("unavailable", { status: 503 });
      const key = new Headers(init?.headers).get("idempotency-key") ?? "";
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
      return Response.json({ id: `re_${key}` });
    });
    const pending = new Set(ids);
    for (let attempt = 1; pending.size > 0 && attempt <= 6; attempt++, minute++) {
      const batch = createMessageBatch(
        "sizewise-email",
        [...pending].map((outboxId, i) => ({
          id: `${outboxId}-${attempt}-${i}`,
          timestamp: Date.now(),
          attempts: attempt,
          body: { outboxId },
        })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch, { ...env, EMAIL_PROVIDER: "resend", RESEND_API_KEY: "k" }, ctx);
      const result = await getQueueResult(batch, ctx);
      for (const m of batch.messages) if (result.explicitAcks.includes(m.id)) pending.delete((m.body as { outboxId: string }).outboxId);
    }
    expect(pending.size).toBe(0);
    expect([...delivered.values()]).toEqual([1, 1, 1, 1, 1]);
    const rows = await env.DB.prepare(`SELECT status, attempts FROM email_outbox WHERE id IN (${ids.map(() => "?").join(",")})`)
      .bind(...ids)
      .all();
    expect(rows.results).toEqual(Array(5).fill({ status: "sent", attempts: 4 }));
  });

  it("loses and doubles nothing when the consumer fails in the middle of a batch", async () => {
    const leadId = await settledLead();
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) {
      await env.DB.prepare(
        "INSERT INTO email_outbox (id, kind, recipient, language, lead_id, quote_id, idempotency_key) SELECT ?, 'proposal', 'x@example.pl', 'pl', ?, (SELECT id FROM quotes WHERE lead_id = ?), ?",
      )
        .bind(id, leadId, leadId, `proposal:${id}`)
        .run();
    }
    const sends = new Map<string, number>();
    vi.spyOn(globalThis, "fetch").mockImplementation(async (_url, init) => {
      const key = new Headers(init?.headers).get("idempotency-key") ?? "";
      sends.set(key, (sends.get(key) ?? 0) + 1);
      return Response.json({ id: "re" });
    });
    // D1 fails while the consumer handles the second message.
    const brokenFor = ids[1];
    const flakyDb = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "prepare") {
          return (sql: string) => {
            const stmt = target.prepare(sql);
            return new Proxy(stmt, {
              get(s, p) {
                if (p === "bind") {
                  return (...args: unknown[]) => {
                    if (args.includes(brokenFor) && sql.startsWith("UPDATE email_outbox SET status = 'sending'"))
                      throw new Error("D1_ERROR: network connection lost");
                    return s.bind(...args);
                  };
                }
                const v = Reflect.get(s, p);
                return typeof v === "function" ? v.bind(s) : v;
              },
            });
          };
        }
        const v = Reflect.get(target, prop);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    const run = async (db: D1Database, attempt: number) => {
      const batch = createMessageBatch(
        "sizewise-email",
        ids.map((outboxId, i) => ({ id: `b${attempt}-${i}`, timestamp: Date.now(), attempts: attempt, body: { outboxId } })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch, { ...env, DB: db, EMAIL_PROVIDER: "resend", RESEND_API_KEY: "k" }, ctx);
      return getQueueResult(batch, ctx);
    };
    const first = await run(flakyDb, 1);
    expect(first.explicitAcks.sort()).toEqual(["b1-0", "b1-2"]);
    expect(first.retryMessages.map((m) => m.msgId)).toEqual(["b1-1"]);
    // The queue redelivers the whole batch's unacknowledged message; redelivering all three is harmless too.
    const second = await run(env.DB, 2);
    expect(second.explicitAcks.sort()).toEqual(["b2-0", "b2-1", "b2-2"]);
    expect(ids.map((id) => sends.get(`proposal:${id}`))).toEqual([1, 1, 1]);
  });

  it("keeps no state for a body that breaks off half-way", async () => {
    const before = await counts();
    const key = crypto.randomUUID();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"company":"ACME","concurrentUsers":'));
        controller.error(new Error("client went away"));
      },
    });
    const res = await SELF.fetch("http://local.test/api/quote-requests", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key, "cf-connecting-ip": freshIp() },
      body,
      // @ts-expect-error: workerd needs duplex for streamed request bodies
      duplex: "half",
    }).catch(() => null);
    if (res) expect(res.status).toBeLessThan(600);
    expect(await counts()).toEqual(before);
    const keys = await env.DB.prepare("SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = ?").bind(key).first<{ n: number }>();
    expect(keys?.n).toBe(0);
  });

  it("puts a content security policy, nosniff and frame-ancestors on pages", async () => {
    for (const path of ["/", "/?lang=en", "/docs", "/q/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      const res = await SELF.fetch(`http://local.test${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });
});
