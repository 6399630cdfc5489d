// Hourly maintenance: quotes past their validity become expired.
export async function runMaintenance(env: Env, now: Date): Promise<{ expiredQuotes: number }> {
  const today = now.toISOString().slice(0, 10);
  const expired = await env.DB.prepare(
    "UPDATE quotes SET status = 'expired', updated_at = ? WHERE status IN ('draft', 'sent') AND valid_until < ?",
  )
    .bind(now.toISOString(), today)
    .run();
  return { expiredQuotes: expired.meta.changes ?? 0 };
}
