// Delivers one outbox row: compose, send through the configured provider with the row's
// idempotency key, record the outcome. Transient failures are retried by the queue with backoff
// (honouring Retry-After); permanent ones stop; after the last retry the dead-letter queue marks
// the row dead.
import { composeEmail, type OutboxRow } from "./compose";
import { providerFor } from "./providers";

export type DeliveryOutcome =
  | { kind: "sent" }
  | { kind: "skipped"; reason: string }
  | { kind: "retry"; delaySeconds: number; error: string }
  | { kind: "failed"; error: string };

/** Exponential backoff for attempt n (1-based): 30 s, 60 s, 120 s, ... capped at 1 hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3_600, 30 * 2 ** Math.max(0, attempt - 1));
}

const nowIso = () => new Date().toISOString();

/** A consumer that died mid-send leaves the row "sending"; after this long another may take it. */
export const SENDING_LEASE_SECONDS = 120;

export async function deliverOutboxEmail(env: Env, outboxId: string): Promise<DeliveryOutcome> {
  const row = await env.DB.prepare(
    "SELECT id, kind, recipient, language, lead_id, quote_id, idempotency_key, status, attempts FROM email_outbox WHERE id = ?",
  )
    .bind(outboxId)
    .first<OutboxRow & { status: string; attempts: number }>();
  if (!row) return { kind: "skipped", reason: "no such outbox row" };
  // Claim the row; a row left "sending" by a crashed consumer can be claimed again after a lease.
  const lease = new Date(Date.now() - SENDING_LEASE_SECONDS * 1_000).toISOString();
  const claimed = await env.DB.prepare(
    "UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND updated_at < ?))",
  )
    .bind(nowIso(), row.id, lease)
    .run();
  if ((claimed.meta.changes ?? 0) !== 1) return { kind: "skipped", reason: `status ${row.status}` };
  const attempts = row.attempts + 1;
  let outcome: DeliveryOutcome;
  const provider = providerFor(env);
  try {
    const email = await composeEmail(env.DB, row, env.PUBLIC_BASE_URL, new Date());
    if (!email) {
      await env.DB.prepare("UPDATE email_outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?")
        .bind("nothing to send: the lead or quote is gone", nowIso(), row.id)
        .run();
      return { kind: "failed", error: "nothing to send" };
    }
    const result = await provider.send({ ...email, from: env.EMAIL_FROM, idempotencyKey: row.idempotency_key });
    if (result.ok) {
      await env.DB.prepare(
        `UPDATE email_outbox SET status = 'sent', provider = ?, provider_message_id = ?, subject = ?, rendered_html = ?, rendered_text = ?,
           attachment_name = ?, attachment_base64 = ?, last_error = NULL, sent_at = ?, updated_at = ? WHERE id = ?`,
      )
        .bind(
          provider.name,
          result.providerMessageId,
          email.subject,
          email.html,
          email.text,
          email.attachment?.filename ?? null,
          // Only the local provider keeps the attachment: the outbox is its mailbox.
          provider.name === "local" ? (email.attachment?.contentBase64 ?? null) : null,
          nowIso(),
          nowIso(),
          row.id,
        )
        .run();
      return { kind: "sent" };
    }
    outcome = result.permanent
      ? { kind: "failed", error: result.error }
      : { kind: "retry", delaySeconds: result.retryAfterSeconds ?? backoffSeconds(attempts), error: result.error };
  } catch (err) {
    outcome = { kind: "retry", delaySeconds: backoffSeconds(attempts), error: `render: ${(err as Error).message}` };
  }
  await env.DB.prepare("UPDATE email_outbox SET status = ?, last_error = ?, provider = ?, updated_at = ? WHERE id = ?")
    .bind(outcome.kind === "failed" ? "failed" : "pending", outcome.error.slice(0, 1_000), provider.name, nowIso(), row.id)
    .run();
  console.log("email: delivery did not succeed", { outboxId: row.id, attempts, outcome: outcome.kind, error: outcome.error.slice(0, 200) });
  return outcome;
}
