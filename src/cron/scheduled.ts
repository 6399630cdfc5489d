// Hourly maintenance: quotes past their validity become expired; leads older than the retention
// period (except won ones) are anonymised; outbox rows stuck in "pending" are enqueued again.
import { eraseLead } from "../admin/service";
import { requeueStuckRows } from "../email/outbox";

export const RETENTION_ACTOR = { id: "system:retention", role: "admin" } as const;

export interface MaintenanceReport {
  expiredQuotes: number;
  anonymisedLeads: number;
  requeuedEmails: number;
}

/** The date `months` before `now` (ISO), for the retention cut-off. */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

export async function runMaintenance(env: Env, now: Date): Promise<MaintenanceReport> {
  const today = now.toISOString().slice(0, 10);
  const expired = await env.DB.prepare(
    "UPDATE quotes SET status = 'expired', updated_at = ? WHERE status IN ('draft', 'sent') AND valid_until < ?",
  )
    .bind(now.toISOString(), today)
    .run();
  const months = Number(env.RETENTION_MONTHS) > 0 ? Number(env.RETENTION_MONTHS) : 24;
  // A lead's age counts from its last change (the last contact), as the information clause says.
  const old = await env.DB.prepare("SELECT id FROM leads WHERE erased_at IS NULL AND status <> 'won' AND updated_at < ? LIMIT 200")
    .bind(monthsBefore(now, months))
    .all<{ id: string }>();
  for (const lead of old.results) await eraseLead(env.DB, RETENTION_ACTOR, lead.id);
  const requeuedEmails = await requeueStuckRows(env, now);
  return { expiredQuotes: expired.meta.changes ?? 0, anonymisedLeads: old.results.length, requeuedEmails };
}
