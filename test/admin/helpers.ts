import { env, SELF } from "cloudflare:test";
import { sha256Hex } from "../../src/intake/idempotency";

export async function makeToken(role: "sales" | "admin", opts: { revoked?: boolean } = {}) {
  const token = `sw_test_${crypto.randomUUID()}`;
  await env.DB.prepare("INSERT INTO api_tokens (id, name, role, token_hash, revoked_at) VALUES (?, ?, ?, ?, ?)")
    .bind(crypto.randomUUID(), `${role}-${token.slice(-6)}`, role, await sha256Hex(token), opts.revoked ? new Date().toISOString() : null)
    .run();
  return token;
}

let ip = 0;
export function adminFetch(token: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { "cf-connecting-ip": `203.0.113.${ip++ % 250}` };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return SELF.fetch(`http://local.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
