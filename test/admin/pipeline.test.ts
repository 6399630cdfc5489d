import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { postJson, validRequest } from "../intake/helpers";
import { adminFetch, makeToken } from "./helpers";

async function newLead(body: Record<string, unknown> = validRequest) {
  const res = await postJson("/api/quote-requests", body);
  expect(res.status).toBe(201);
  return (await res.json()) as { leadId: string; quoteNumber: string; quoteUrl: string };
}

describe("the sales pipeline", () => {
  it("walks a lead from new to won: revised, discounted quote sent, accepted by the customer, audited and counted", async () => {
    const sales = await makeToken("sales");
    const lead = await newLead({ ...validRequest, concurrentUsers: 30, useCase: "rag" });
    const statsBefore = (await (await adminFetch(sales, "GET", "/admin/stats")).json()) as {
      quotesAccepted: number;
      leadsByStatus: Record<string, number>;
    };

    const detail = (await (await adminFetch(sales, "GET", `/admin/leads/${lead.leadId}`)).json()) as {
      lead: { status: string };
      quotes: { id: string; number: string; total_net_grosze: number }[];
    };
    expect(detail.lead.status).toBe("new");
    const first = detail.quotes[0];
    if (!first) throw new Error("no quote");

    expect((await adminFetch(sales, "PATCH", `/admin/leads/${lead.leadId}/status`, { status: "won" })).status).toBe(409);
    expect((await adminFetch(sales, "PATCH", `/admin/leads/${lead.leadId}/status`, { status: "contacted" })).status).toBe(200);
    expect((await adminFetch(sales, "POST", `/admin/leads/${lead.leadId}/notes`, { body: "Klient chce rabat i instalację." })).status).toBe(
      201,
    );
    expect((await adminFetch(sales, "PATCH", `/admin/leads/${lead.leadId}/assignee`, { assignee: "anna" })).status).toBe(200);

    const revised = await adminFetch(sales, "POST", `/admin/quotes/${first.id}/revisions`, {
      discountPercent: 10,
      extraLines: [{ description: "Instalacja i konfiguracja vLLM", quantity: 1, unitNetGrosze: 800_000 }],
      validityDays: 14,
    });
    expect(revised.status).toBe(201);
    const r2 = (await revised.json()) as { id: string; number: string; netGrosze: number; url: string };
    expect(r2.number).toBe(`${lead.quoteNumber}/R2`);
    const hardware = first.total_net_grosze;
    expect(r2.netGrosze).toBe(hardware - Math.round(hardware * 0.1) + 800_000);

    const sent = await adminFetch(sales, "POST", `/admin/quotes/${r2.id}/send`);
    expect(sent.status).toBe(200);
    const original = await env.DB.prepare("SELECT status, total_net_grosze FROM quotes WHERE id = ?").bind(first.id).first();
    expect(original).toEqual({ status: "sent", total_net_grosze: hardware });

    const token = r2.url.split("/q/")[1];
    const accept = await SELF.fetch(`http://local.test/q/${token}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ decision: "accept", comment: "Akceptujemy" }),
    });
    expect(accept.status).toBe(200);
    expect((await adminFetch(sales, "POST", `/admin/quotes/${r2.id}/revisions`, {})).status).toBe(409);
    expect((await adminFetch(sales, "PATCH", `/admin/leads/${lead.leadId}/status`, { status: "won" })).status).toBe(200);

    const after = (await (await adminFetch(sales, "GET", `/admin/leads/${lead.leadId}`)).json()) as {
      lead: { status: string; assignee: string };
      quotes: { number: string; status: string }[];
      notes: { body: string }[];
      audit: { actor: string; action: string }[];
    };
    expect(after.lead).toMatchObject({ status: "won", assignee: "anna" });
    expect(after.quotes.map((q) => [q.number, q.status])).toEqual([
      [lead.quoteNumber, "sent"],
      [`${lead.quoteNumber}/R2`, "accepted"],
    ]);
    expect(after.notes.map((n) => n.body)).toEqual(["Klient chce rabat i instalację."]);
    const actions = after.audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["lead.status", "lead.note", "lead.assign", "quote.revise", "quote.send", "quote.accept"]),
    );
    expect(after.audit.find((a) => a.action === "quote.accept")?.actor).toBe("customer");
    expect(after.audit.find((a) => a.action === "quote.revise")?.actor).toMatch(/^token:sales-/);

    const statsAfter = (await (await adminFetch(sales, "GET", "/admin/stats")).json()) as {
      quotesAccepted: number;
      leadsByStatus: Record<string, number>;
      acceptanceRate: number;
    };
    expect(statsAfter.quotesAccepted).toBe(statsBefore.quotesAccepted + 1);
    expect(statsAfter.leadsByStatus.won).toBe((statsBefore.leadsByStatus.won ?? 0) + 1);
    expect(statsAfter.acceptanceRate).toBeGreaterThan(0);
  });

  it("lists leads with filters and cursor pagination", async () => {
    const sales = await makeToken("sales");
    const marker = `Filtr ${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) await newLead({ ...validRequest, company: `${marker} ${i}` });
    const page1 = (await (await adminFetch(sales, "GET", `/admin/leads?q=${encodeURIComponent(marker)}&limit=2`)).json()) as {
      items: { company: string }[];
      nextCursor: string;
    };
    expect(page1.items).toHaveLength(2);
    const page2 = (await (
      await adminFetch(sales, "GET", `/admin/leads?q=${encodeURIComponent(marker)}&limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`)
    ).json()) as { items: { company: string }[]; nextCursor: string | null };
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((l) => l.company))).toEqual(new Set([0, 1, 2].map((i) => `${marker} ${i}`)));
    const bad = await adminFetch(sales, "GET", "/admin/leads?status=nonsense");
    expect(bad.status).toBe(422);
  });
});

describe("CSV export", () => {
  it("exports a formula as plain text and keeps Polish characters (UTF-8 with BOM)", async () => {
    const sales = await makeToken("sales");
    const marker = `Ząbkowice ${crypto.randomUUID().slice(0, 6)}`;
    const lead = await newLead({ ...validRequest, company: marker, city: "Łódź" });
    // The form refuses markup, but a formula is plain text: exactly what CSV injection uses.
    await env.DB.prepare("UPDATE leads SET company = ? WHERE id = ?").bind('=HYPERLINK("http://x")', lead.leadId).run();
    await env.DB.prepare("UPDATE leads SET contact_name = ? WHERE id = ?").bind(`Łukasz "Ząb", ${marker}`, lead.leadId).run();
    const res = await adminFetch(sales, "GET", `/admin/leads.csv?q=${encodeURIComponent(marker)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes);
    const line = text.split("\r\n").find((l) => l.includes(lead.leadId)) ?? "";
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(`"Łukasz ""Ząb"", ${marker}"`);
    expect(line).toContain(",Łódź,");
    expect(text.split("\r\n")[0]?.replace("\uFEFF", "")).toBe(
      "id,created_at,company,contact_name,email,phone,nip,city,language,status,assignee,lost_reason,marketing_consent,tier,quote_number,net_pln,gross_pln",
    );
  });
});

describe("versioned prices", () => {
  it("prices new quotes with a changed price list and leaves earlier quotes as they were", async () => {
    const admin = await makeToken("admin");
    const before = await newLead({ ...validRequest, concurrentUsers: 30, useCase: "rag", deployment: "production" });
    const lineBefore = await env.DB.prepare(
      "SELECT ql.sku, ql.unit_net_grosze FROM quote_lines ql JOIN quotes q ON q.id = ql.quote_id WHERE q.lead_id = ? AND ql.sku = 'NVIDIA-RTX-PRO-6000-SE'",
    )
      .bind(before.leadId)
      .first<{ unit_net_grosze: number }>();
    expect(lineBefore).not.toBeNull();
    const current = (await (await adminFetch(admin, "GET", "/admin/price-list")).json()) as {
      version: number;
      items: { sku: string; unitPriceMinor: number; unitPriceLowMinor: number; unitPriceHighMinor: number }[];
    };
    const items = current.items.map((i) =>
      i.sku === "NVIDIA-RTX-PRO-6000-SE" ? { ...i, unitPriceMinor: 900_000, unitPriceLowMinor: 850_000, unitPriceHighMinor: 950_000 } : i,
    );
    const put = await adminFetch(admin, "PUT", "/admin/price-list", { items, note: "RTX PRO 6000 up" });
    expect(put.status).toBe(201);
    const { version } = (await put.json()) as { version: number };
    expect(version).toBe(current.version + 1);
    const after = await newLead({ ...validRequest, concurrentUsers: 30, useCase: "rag", deployment: "production" });
    const rows = await env.DB.prepare(
      "SELECT q.lead_id, q.price_list_version, ql.unit_net_grosze FROM quote_lines ql JOIN quotes q ON q.id = ql.quote_id WHERE q.lead_id IN (?, ?) AND ql.sku = 'NVIDIA-RTX-PRO-6000-SE'",
    )
      .bind(before.leadId, after.leadId)
      .all<{ lead_id: string; price_list_version: number; unit_net_grosze: number }>();
    const old = rows.results.find((r) => r.lead_id === before.leadId);
    const fresh = rows.results.find((r) => r.lead_id === after.leadId);
    expect(old).toEqual({ lead_id: before.leadId, price_list_version: current.version, unit_net_grosze: lineBefore?.unit_net_grosze });
    expect(fresh?.price_list_version).toBe(version);
    expect(fresh?.unit_net_grosze).toBe(Math.round((900_000 * 36_500) / 10_000));
    const history = (await (await adminFetch(admin, "GET", "/admin/price-list")).json()) as {
      history: { versions: { version: number; note: string | null }[] };
    };
    expect(history.history.versions[0]).toMatchObject({ version, note: "RTX PRO 6000 up" });
  });
});

describe("erasure (RODO)", () => {
  it("leaves neither the e-mail nor the name anywhere in the database, keeps the quote, logs the erasure", async () => {
    const admin = await makeToken("admin");
    const email = `erase-me-${crypto.randomUUID().slice(0, 8)}@example.pl`;
    const name = `Zenon Ęłóś ${crypto.randomUUID().slice(0, 6)}`;
    const lead = await newLead({ ...validRequest, email, contactName: name, message: `Proszę dzwonić, ${name}` });
    for (let i = 0; i < 100; i++) {
      const sent = await env.DB.prepare("SELECT COUNT(*) AS n FROM email_outbox WHERE lead_id = ? AND status = 'sent'")
        .bind(lead.leadId)
        .first<{ n: number }>();
      if ((sent?.n ?? 0) === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await adminFetch(admin, "POST", `/admin/leads/${lead.leadId}/notes`, { body: `Rozmowa z ${name}` });
    const res = await adminFetch(admin, "POST", `/admin/leads/${lead.leadId}/erase`);
    expect(res.status).toBe(200);
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    ).all<{ name: string }>();
    expect(tables.results.length).toBeGreaterThanOrEqual(12);
    for (const { name: table } of tables.results) {
      const rows = await env.DB.prepare(`SELECT * FROM "${table}"`).all();
      const dump = JSON.stringify(rows.results);
      expect(dump.includes(email), `${table} still holds the e-mail`).toBe(false);
      expect(dump.includes(name), `${table} still holds the name`).toBe(false);
    }
    const quote = await env.DB.prepare("SELECT number, total_net_grosze FROM quotes WHERE lead_id = ?")
      .bind(lead.leadId)
      .first<{ number: string }>();
    expect(quote?.number).toBe(lead.quoteNumber);
    const log = await env.DB.prepare("SELECT actor FROM audit_log WHERE action = 'lead.erase' AND entity_id = ?")
      .bind(lead.leadId)
      .first<{ actor: string }>();
    expect(log?.actor).toMatch(/^token:admin-/);
  });
});
