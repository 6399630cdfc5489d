import { env } from "cloudflare:test";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import * as t from "../../src/db/schema";
import { DEFAULT_PRICE_LIST } from "../../src/domain/pricing/price-list";
import { DEFAULT_SETTINGS } from "../../src/domain/pricing/settings";

describe("the D1 data model", () => {
  it("stores a lead with a submission, a quote in two revisions with lines, an outbox row and an audit entry", async () => {
    const db = createDb(env.DB);
    const quoteBase = {
      leadId: "lead-1",
      submissionId: "sub-1",
      year: 2026,
      seq: 42,
      number: "OF/2026/00042",
      validUntil: "2027-01-03",
      totalNetGrosze: 3_079_800,
      totalVatGrosze: 708_354,
      totalGrossGrosze: 3_788_154,
      totalNetLowGrosze: 3_079_800,
      totalNetHighGrosze: 3_400_000,
      engineSnapshot: { tier: "prototype" },
      priceListVersion: 1,
      settingsVersion: 1,
    };
    await db.batch([
      db.insert(t.leads).values({
        id: "lead-1",
        company: "Żółć Sp. z o.o.",
        contactName: "Łucja Wąs",
        email: "lucja@zolc.pl",
        nip: "8567346215",
        language: "pl",
        marketingConsent: true,
        marketingConsentTextVersion: "marketing-2026-12-v1",
        marketingConsentAt: "2026-12-04T10:00:00.000Z",
        utmSource: "newsletter",
      }),
      db.insert(t.workloadSubmissions).values({ id: "sub-1", leadId: "lead-1", inputJson: { concurrentStreams: 2 } }),
      db.insert(t.quotes).values({ ...quoteBase, id: "q-r1", revision: 1, status: "sent", accessToken: "a".repeat(43) }),
      db.insert(t.quotes).values({ ...quoteBase, id: "q-r2", revision: 2, number: "OF/2026/00042/R2", accessToken: "b".repeat(43) }),
      db.insert(t.quoteLines).values([
        {
          id: "ql-1",
          quoteId: "q-r1",
          position: 1,
          sku: "MSI-EDGEXPERT",
          description: "MSI EdgeXpert",
          quantity: 2,
          unitNetGrosze: 1_539_900,
          unitNetLowGrosze: 1_539_900,
          unitNetHighGrosze: 1_700_000,
          vatRateBasisPoints: 2_300,
        },
        {
          id: "ql-2",
          quoteId: "q-r2",
          position: 1,
          sku: "MSI-EDGEXPERT",
          description: "MSI EdgeXpert",
          quantity: 2,
          unitNetGrosze: 1_463_000,
          unitNetLowGrosze: 1_463_000,
          unitNetHighGrosze: 1_463_000,
          vatRateBasisPoints: 2_300,
        },
        {
          id: "ql-3",
          quoteId: "q-r2",
          position: 2,
          sku: null,
          description: "Instalacja",
          quantity: 1,
          unitNetGrosze: 200_000,
          unitNetLowGrosze: 200_000,
          unitNetHighGrosze: 200_000,
          vatRateBasisPoints: 2_300,
        },
      ]),
      db.insert(t.emailOutbox).values({
        id: "out-1",
        kind: "proposal",
        recipient: "lucja@zolc.pl",
        leadId: "lead-1",
        quoteId: "q-r1",
        idempotencyKey: "proposal:q-r1",
      }),
      db.insert(t.auditLog).values({
        id: "aud-1",
        actor: "token:sales-1",
        action: "quote.revise",
        entityType: "quote",
        entityId: "q-r2",
        beforeJson: { revision: 1 },
        afterJson: { revision: 2 },
      }),
    ]);

    const lead = await db.query.leads.findFirst({ where: eq(t.leads.id, "lead-1") });
    expect(lead).toMatchObject({ company: "Żółć Sp. z o.o.", contactName: "Łucja Wąs", status: "new", marketingConsent: true });
    const submission = await db.query.workloadSubmissions.findFirst({ where: eq(t.workloadSubmissions.leadId, "lead-1") });
    expect(submission?.inputJson).toEqual({ concurrentStreams: 2 });
    const revisions = await db.select().from(t.quotes).where(eq(t.quotes.seq, 42)).orderBy(asc(t.quotes.revision));
    expect(revisions.map((q) => [q.number, q.revision, q.status])).toEqual([
      ["OF/2026/00042", 1, "sent"],
      ["OF/2026/00042/R2", 2, "draft"],
    ]);
    expect(revisions[0]?.engineSnapshot).toEqual({ tier: "prototype" });
    const lines = await db.select().from(t.quoteLines).where(eq(t.quoteLines.quoteId, "q-r2")).orderBy(asc(t.quoteLines.position));
    expect(lines.map((l) => l.description)).toEqual(["MSI EdgeXpert", "Instalacja"]);
    const outbox = await db.query.emailOutbox.findFirst({ where: eq(t.emailOutbox.id, "out-1") });
    expect(outbox).toMatchObject({ status: "pending", attempts: 0, idempotencyKey: "proposal:q-r1" });
    const audit = await db.query.auditLog.findFirst({ where: eq(t.auditLog.entityId, "q-r2") });
    expect(audit).toMatchObject({ actor: "token:sales-1", beforeJson: { revision: 1 }, afterJson: { revision: 2 } });
  });

  it("refuses a second quote with the same number and revision", async () => {
    const db = createDb(env.DB);
    await db.insert(t.leads).values({ id: "lead-2", company: "A", contactName: "B", email: "b@a.pl" });
    const row = {
      leadId: "lead-2",
      year: 2026,
      seq: 7,
      revision: 1,
      number: "OF/2026/00007",
      validUntil: "2027-01-03",
      totalNetGrosze: 1,
      totalVatGrosze: 0,
      totalGrossGrosze: 1,
      totalNetLowGrosze: 1,
      totalNetHighGrosze: 1,
      engineSnapshot: {},
      priceListVersion: 1,
      settingsVersion: 1,
    };
    await db.insert(t.quotes).values({ ...row, id: "x1", accessToken: "t1" });
    await expect(db.insert(t.quotes).values({ ...row, id: "x2", accessToken: "t2" })).rejects.toThrow();
  });

  it("seeds price list v1 and settings v1 exactly from the typed defaults", async () => {
    const db = createDb(env.DB);
    const items = await db.select().from(t.priceListItems).where(eq(t.priceListItems.version, 1));
    const bySku = Object.fromEntries(items.map(({ version: _v, ...i }) => [i.sku, i]));
    expect(bySku).toEqual(Object.fromEntries(DEFAULT_PRICE_LIST.map((i) => [i.sku, i])));
    const settings = await db.select().from(t.settingsVersions).where(eq(t.settingsVersions.version, 1));
    expect(settings[0]?.settingsJson).toEqual(DEFAULT_SETTINGS);
  });
});
