// Load correctness against the Worker under `wrangler dev` (bounded, loopback only):
// 2,000 quote requests at concurrency 50 with distinct Idempotency-Keys give exactly 2,000 leads
// and quotes with consecutive numbers, two outbox rows each and no 5xx; then 500 retries of
// answered requests create nothing new.
import { loadConfig, serveLocal } from "./serve-local.mjs";

const TOTAL = Number(process.env.LOAD_TOTAL ?? 2_000);
const CONCURRENCY = 50;
const RETRIES = Math.min(500, TOTAL);

const results = [];
const check = (name, ok, detail = "") => {
  results.push(ok);
  console.log(`${ok ? "✓" : "✗"} ${name}${detail ? ` (${detail})` : ""}`);
};

async function pool(items, worker) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await worker(items[i], i);
      }
    }),
  );
  return out;
}

const server = await serveLocal({ port: 8794, config: loadConfig() });
try {
  const requests = Array.from({ length: TOTAL }, (_, i) => ({
    key: `load-${i}-${Math.random().toString(36).slice(2)}`,
    body: JSON.stringify({
      useCase: "chat",
      concurrentUsers: 1 + (i % 40),
      company: `Obciążenie ${i} sp. z o.o.`,
      contactName: "Łucja Test",
      email: `load${i}@example.pl`,
    }),
  }));
  const post = (r) =>
    fetch(`${server.base}/api/quote-requests`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": r.key },
      body: r.body,
    }).then(async (res) => ({
      status: res.status,
      text: await res.text(),
      replayed: res.headers.get("idempotent-replayed") === "true",
    }));
  const started = Date.now();
  const first = await pool(requests, post);
  const seconds = (Date.now() - started) / 1000;
  const statuses = {};
  for (const r of first) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  check(
    `${TOTAL} requests at concurrency ${CONCURRENCY} all answered 201, none 5xx`,
    statuses[201] === TOTAL,
    `${JSON.stringify(statuses)} in ${seconds.toFixed(1)} s`,
  );

  const [db] = server.sql(
    "SELECT (SELECT COUNT(*) FROM leads) AS leads, (SELECT COUNT(*) FROM quotes) AS quotes, (SELECT COUNT(DISTINCT seq) FROM quotes) AS seqs, (SELECT MAX(seq) - MIN(seq) + 1 FROM quotes) AS span, (SELECT COUNT(*) FROM email_outbox) AS outbox, (SELECT COUNT(*) FROM workload_submissions) AS submissions",
  );
  check(
    "exactly one lead, submission and quote per request",
    db.leads === TOTAL && db.quotes === TOTAL && db.submissions === TOTAL,
    JSON.stringify(db),
  );
  check(
    "quote numbers consecutive, no gaps or duplicates",
    db.seqs === TOTAL && db.span === TOTAL,
    `${db.seqs} distinct over a span of ${db.span}`,
  );
  check("two outbox rows per request (proposal and sales notification)", db.outbox === 2 * TOTAL, `${db.outbox} rows`);

  const again = await pool(requests.slice(0, RETRIES), post);
  const identical = again.every((r, i) => r.status === 201 && r.replayed && r.text === first[i].text);
  check(`${RETRIES} retries of answered requests replay the first response`, identical);
  const [after] = server.sql(
    "SELECT (SELECT COUNT(*) FROM leads) AS leads, (SELECT COUNT(*) FROM quotes) AS quotes, (SELECT COUNT(*) FROM email_outbox) AS outbox",
  );
  check(
    "the retries created nothing new",
    after.leads === TOTAL && after.quotes === TOTAL && after.outbox === 2 * TOTAL,
    JSON.stringify(after),
  );
} finally {
  server.stop();
}
const failed = results.filter((ok) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
