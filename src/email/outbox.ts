// Outbox operations shared by the admin API and the cron: retry a row, re-enqueue stuck rows.
export async function retryOutboxRow(env: Env, id: string): Promise<boolean> {
  const updated = await env.DB.prepare(
    "UPDATE email_outbox SET status = 'pending', last_error = NULL, updated_at = ? WHERE id = ? AND status IN ('failed', 'dead')",
  )
    .bind(new Date().toISOString(), id)
    .run();
  if ((updated.meta.changes ?? 0) !== 1) return false;
  await env.EMAIL_QUEUE.send({ outboxId: id });
  return true;
}

/** Rows still pending long after they were written (the enqueue failed, or a message was lost). */
export async function requeueStuckRows(env: Env, now: Date, olderThanMinutes = 15): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanMinutes * 60_000).toISOString();
  const rows = await env.DB.prepare("SELECT id FROM email_outbox WHERE status = 'pending' AND updated_at < ? LIMIT 100")
    .bind(cutoff)
    .all<{ id: string }>();
  if (rows.results.length === 0) return 0;
  await env.DB.prepare(`UPDATE email_outbox SET updated_at = ? WHERE id IN (${rows.results.map(() => "?").join(",")})`)
    .bind(now.toISOString(), ...rows.results.map((r) => r.id))
    .run();
  await env.EMAIL_QUEUE.sendBatch(rows.results.map((r) => ({ body: { outboxId: r.id } })));
  return rows.results.length;
}
