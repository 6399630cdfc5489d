// Hourly maintenance: quotes past their validity become expired; outbox rows stuck in
// "pending" are enqueued again.
import { requeueStuckRows } from "../email/outbox";

export async function runMaintenance(env: Env, now: Date): Promise<{ expiredQuotes: number; requeuedEmails: number }> {
  const today = now.toISOString().slice(0, 10);
  const expired = await env.DB.prepare(
    "UPDATE quotes SET status = 'expired', updated_at = ? WHERE status IN ('draft', 'sent') AND valid_until < ?",
  )
    .bind(now.toISOString(), today)
    .run();
  const requeuedEmails = await requeueStuckRows(env, now);
  return { expiredQuotes: expired.meta.changes ?? 0, requeuedEmails };
}
