import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { retryOutboxRow } from "../../src/email/outbox";
import worker from "../../src/index";
import { postJson, validRequest } from "../intake/helpers";

type Row = {
  id: string;
  kind: string;
  recipient: string;
  status: string;
  attempts: number;
  last_error: string | null;
  subject: string | null;
  rendered_html: string | null;
  rendered_text: string | null;
  attachment_name: string | null;
  attachment_base64: string | null;
};

async function submit(body: Record<string, unknown> = validRequest) {
  const res = await postJson("/api/quote-requests", body);
  expect(res.status).toBe(201);
  return (await res.json()) as { leadId: string; quoteNumber: string; quoteUrl: string; summary: { systemName: string; tier: string } };
}

async function waitForSent(leadId: string, count: number): Promise<Row[]> {
  for (let i = 0; i < 100; i++) {
    const rows = (await env.DB.prepare("SELECT * FROM email_outbox WHERE lead_id = ? ORDER BY kind").bind(leadId).all<Row>()).results;
    if (rows.filter((r) => r.status === "sent").length >= count) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("emails were not delivered by the queue");
}

/** A fresh outbox row for an existing lead and quote, not enqueued: the test drives the consumer. */
async function extraRow(leadId: string, kind = "proposal", recipient = "lukasz@example.pl") {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    "INSERT INTO email_outbox (id, kind, recipient, language, lead_id, quote_id, idempotency_key) SELECT ?, ?, ?, 'pl', ?, (SELECT id FROM quotes WHERE lead_id = ?), ?",
  )
    .bind(id, kind, recipient, leadId, leadId, `${kind}:${id}`)
    .run();
  return id;
}

/** Runs the real queue handler on one message; returns the queue's ack/retry state and the retry delays asked for. */
async function runConsumer(outboxId: string, attempts: number, overrides: Partial<Env> = {}) {
  const batch = createMessageBatch("sizewise-email", [{ id: `m-${attempts}`, timestamp: Date.now(), attempts, body: { outboxId } }]);
  const delays: (number | undefined)[] = [];
  for (const m of batch.messages) {
    const retry = m.retry.bind(m);
    m.retry = (options) => {
      delays.push(options?.delaySeconds);
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...overrides }, ctx);
  return { ...(await getQueueResult(batch, ctx)), delays };
}

const row = async (id: string) => (await env.DB.prepare("SELECT * FROM email_outbox WHERE id = ?").bind(id).first<Row>()) as Row;
const resend = { EMAIL_PROVIDER: "resend", RESEND_API_KEY: "re_test_key" } as Partial<Env>;

afterEach(() => vi.restoreAllMocks());

describe("proposal e-mails through the queue", () => {
  it("delivers exactly one proposal (PDF attached, quote link) to the prospect and one notification to sales", async () => {
    const q = await submit();
    const rows = await waitForSent(q.leadId, 2);
    expect(rows.map((r) => [r.kind, r.recipient, r.status, r.attempts])).toEqual([
      ["proposal", "lukasz@example.pl", "sent", 1],
      ["sales_new_lead", "sprzedaz@sizewise.example", "sent", 1],
    ]);
    const [proposal, sales] = rows as [Row, Row];
    expect(proposal.subject).toBe(`Wycena ${q.quoteNumber}: ${q.summary.systemName} dla Żółta Łódź sp. z o.o.`);
    expect(proposal.rendered_html).toContain(q.quoteUrl);
    expect(proposal.rendered_text).toContain(q.quoteUrl);
    expect(proposal.attachment_name).toBe(`${q.quoteNumber.replaceAll("/", "-")}.pdf`);
    expect(atob(proposal.attachment_base64 ?? "").startsWith("%PDF-")).toBe(true);
    expect(sales.subject).toBe(`Nowy lead: Żółta Łódź sp. z o.o. (${q.quoteNumber})`);
    expect(sales.rendered_html).toContain(`/admin/leads/${q.leadId}`);
    // A second run of the same messages sends nothing more.
    const again = await runConsumer(proposal.id, 2);
    expect(again.explicitAcks).toEqual(["m-2"]);
    expect((await row(proposal.id)).attempts).toBe(1);
  });

  it("sends through Resend with to, from, reply-to, subject, html, text, the base64 PDF and the Idempotency-Key", async () => {
    const q = await submit();
    await waitForSent(q.leadId, 2);
    const id = await extraRow(q.leadId);
    const calls: { url: string; init: RequestInit }[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      return Response.json({ id: "re_123" });
    });
    const result = await runConsumer(id, 1, resend);
    expect(result.explicitAcks).toEqual(["m-1"]);
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.url).toBe("https://api.resend.com/emails");
    const headers = new Headers(call?.init.headers);
    expect(headers.get("authorization")).toBe("Bearer re_test_key");
    expect(headers.get("idempotency-key")).toBe(`proposal:${id}`);
    const payload = JSON.parse(String(call?.init.body));
    expect(payload.to).toEqual(["lukasz@example.pl"]);
    expect(payload.from).toBe("Sizewise <oferty@sizewise.example>");
    expect(payload.reply_to).toBe("oferty@sizewise.example");
    expect(payload.subject).toBe(`Wycena ${q.quoteNumber}: ${q.summary.systemName} dla Żółta Łódź sp. z o.o.`);
    expect(payload.html).toContain(q.quoteUrl);
    expect(payload.text).toContain(q.quoteUrl);
    expect(payload.attachments).toHaveLength(1);
    expect(payload.attachments[0].filename).toBe(`${q.quoteNumber.replaceAll("/", "-")}.pdf`);
    expect(atob(payload.attachments[0].content).slice(0, 5)).toBe("%PDF-");
    const stored = await row(id);
    expect(stored.status).toBe("sent");
    expect(stored.attachment_base64).toBeNull();
  });

  it("retries a failing provider with backoff and sends once when it recovers: three attempts", async () => {
    const q = await submit();
    await waitForSent(q.leadId, 2);
    const id = await extraRow(q.leadId);
    const answers = [new Response("down", { status: 500 }), new Response("down", { status: 503 }), Response.json({ id: "re_ok" })];
    const fetchMock = vi.spyOn(globalThis, "fetch").mockImplementation(async () => answers.shift() ?? Response.json({ id: "re_extra" }));
    const first = await runConsumer(id, 1, resend);
    expect(first.retryMessages.map((m) => m.msgId)).toEqual(["m-1"]);
    expect(first.delays).toEqual([30]);
    const second = await runConsumer(id, 2, resend);
    expect(second.retryMessages.map((m) => m.msgId)).toEqual(["m-2"]);
    expect(second.delays).toEqual([60]);
    const third = await runConsumer(id, 3, resend);
    expect(third.explicitAcks).toEqual(["m-3"]);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    const stored = await row(id);
    expect([stored.status, stored.attempts, stored.last_error]).toEqual(["sent", 3, null]);
  });

  it("honours Retry-After on 429", async () => {
    const q = await submit();
    await waitForSent(q.leadId, 2);
    const id = await extraRow(q.leadId);
    vi.spyOn(globalThis, "fetch").mockImplementation(
      async () => new Response("slow down", { status: 429, headers: { "retry-after": "17" } }),
    );
    const result = await runConsumer(id, 1, resend);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["m-1"]);
    expect(result.delays).toEqual([17]);
  });

  it("dead-letters a provider that always answers 500, shows it in the outbox, and can retry it", async () => {
    const q = await submit();
    await waitForSent(q.leadId, 2);
    const id = await extraRow(q.leadId);
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("boom", { status: 500 }));
    for (let attempt = 1; attempt <= 6; attempt++) {
      const r = await runConsumer(id, attempt, resend);
      expect(r.retryMessages).toHaveLength(1);
    }
    // After max_retries the queue moves the message to the dead-letter queue, whose consumer marks the row.
    const dlq = createMessageBatch("sizewise-email-dlq", [{ id: "d-1", timestamp: Date.now(), attempts: 1, body: { outboxId: id } }]);
    const ctx = createExecutionContext();
    await worker.queue(dlq, env, ctx);
    await getQueueResult(dlq, ctx);
    const dead = await row(id);
    expect([dead.status, dead.attempts]).toEqual(["dead", 6]);
    expect(dead.last_error).toContain("resend 500");
    expect(await retryOutboxRow(env, id)).toBe(true);
    expect((await row(id)).status).toBe("pending");
  });

  it("marks an invalid address (422) failed without retrying", async () => {
    const q = await submit();
    await waitForSent(q.leadId, 2);
    const id = await extraRow(q.leadId, "proposal", "bad@invalid");
    vi.spyOn(globalThis, "fetch").mockImplementation(async () =>
      Response.json({ name: "validation_error", message: "Invalid `to` field" }, { status: 422 }),
    );
    const result = await runConsumer(id, 1, resend);
    expect(result.explicitAcks).toEqual(["m-1"]);
    expect(result.retryMessages).toEqual([]);
    const stored = await row(id);
    expect(stored.status).toBe("failed");
    expect(stored.last_error).toContain("422");
  });
});
