import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { monthsBefore } from "../../src/cron/scheduled";
import worker from "../../src/index";

async function insertLead(id: string, status: string, updatedAt: string) {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO leads (id, company, contact_name, email, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).bind(id, `Firma ${id}`, `Osoba ${id}`, `${id}@example.pl`, status, updatedAt, updatedAt),
    env.DB.prepare(
      "INSERT INTO quotes (id, lead_id, year, seq, revision, number, status, valid_until, total_net_grosze, total_vat_grosze, total_gross_grosze, total_net_low_grosze, total_net_high_grosze, engine_snapshot, price_list_version, settings_version, access_token, customer_comment) VALUES (?, ?, 2024, ?, 1, ?, 'sent', '2024-06-30', 100, 23, 123, 100, 100, '{}', 1, 1, ?, 'komentarz')",
    ).bind(`q-${id}`, id, Math.floor(Math.random() * 1e6) + 10_000, `OF/2024/${id}`, `tok-${id}`),
  ]);
}

describe("retention through the scheduled handler", () => {
  it("anonymises leads past the retention period except won ones, keeps recent ones, and expires old quotes", async () => {
    const now = new Date("2026-12-04T03:07:00Z");
    const old = monthsBefore(now, 25);
    const recent = monthsBefore(now, 3);
    await insertLead("ret-old", "lost", old);
    await insertLead("ret-won", "won", old);
    await insertLead("ret-new", "contacted", recent);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "7 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const rows = await env.DB.prepare("SELECT id, company, email, erased_at FROM leads WHERE id LIKE 'ret-%' ORDER BY id").all<{
      id: string;
      company: string;
      email: string;
      erased_at: string | null;
    }>();
    const byId = Object.fromEntries(rows.results.map((r) => [r.id, r]));
    expect(byId["ret-old"]?.company).toBe("[erased]");
    expect(byId["ret-old"]?.email).toBe("erased-ret-old@invalid");
    expect(byId["ret-old"]?.erased_at).not.toBeNull();
    expect(byId["ret-won"]?.company).toBe("Firma ret-won");
    expect(byId["ret-new"]?.company).toBe("Firma ret-new");
    const quotes = await env.DB.prepare("SELECT id, status, customer_comment FROM quotes WHERE lead_id LIKE 'ret-%' ORDER BY id").all();
    expect(quotes.results).toEqual([
      { id: "q-ret-new", status: "expired", customer_comment: "komentarz" },
      { id: "q-ret-old", status: "expired", customer_comment: null },
      { id: "q-ret-won", status: "expired", customer_comment: "komentarz" },
    ]);
    const log = await env.DB.prepare("SELECT actor FROM audit_log WHERE action = 'lead.erase' AND entity_id = 'ret-old'").first<{
      actor: string;
    }>();
    expect(log?.actor).toBe("system:retention");
  });
});
