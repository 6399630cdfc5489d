// Queue consumer for outgoing email. Messages carry an outbox row id; the row is the truth.
import { z } from "zod";
import { backoffSeconds, deliverOutboxEmail } from "../email/deliver";

export const emailMessageSchema = z.object({ outboxId: z.string().min(1).max(64) });
export type EmailMessage = z.infer<typeof emailMessageSchema>;

export const EMAIL_QUEUE = "sizewise-email";
export const EMAIL_DLQ = "sizewise-email-dlq";

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const deadLetter = batch.queue === EMAIL_DLQ;
  for (const message of batch.messages) {
    const parsed = emailMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      // A malformed message can never succeed: acknowledge it so it is not retried forever.
      console.error("queue: malformed message acknowledged", { queue: batch.queue, id: message.id });
      message.ack();
      continue;
    }
    if (deadLetter) {
      await env.DB.prepare(
        "UPDATE email_outbox SET status = 'dead', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND status <> 'sent'",
      )
        .bind(parsed.data.outboxId)
        .run();
      message.ack();
      continue;
    }
    try {
      const outcome = await deliverOutboxEmail(env, parsed.data.outboxId);
      if (outcome.kind === "retry") message.retry({ delaySeconds: outcome.delaySeconds });
      else message.ack();
    } catch (err) {
      // D1 or the runtime failed for this message only: retry it, keep going with the rest.
      console.error("queue: delivery crashed; the message will be retried", { id: message.id, error: String(err) });
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
}
