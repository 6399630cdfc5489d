import { env, SELF } from "cloudflare:test";

let ipCounter = 0;
/** A fresh client address per call, so the per-client rate limit does not mix tests. */
export const freshIp = () => `198.51.100.${(ipCounter++ % 250) + 1}-${ipCounter}`;

export const validRequest = {
  language: "pl",
  useCase: "chat",
  concurrentUsers: 2,
  company: "Żółta Łódź sp. z o.o.",
  contactName: "Łukasz Ząb",
  email: "lukasz@example.pl",
  nip: "856-734-62-15",
  city: "Kraków",
  marketingConsent: true,
};

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`http://local.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": freshIp(), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function counts() {
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM leads) AS leads, (SELECT COUNT(*) FROM workload_submissions) AS submissions,
            (SELECT COUNT(*) FROM quotes) AS quotes, (SELECT COUNT(*) FROM quote_lines) AS lines,
            (SELECT COUNT(*) FROM email_outbox) AS outbox`,
  ).first<{ leads: number; submissions: number; quotes: number; lines: number; outbox: number }>();
  if (!row) throw new Error("no counts");
  return row;
}
