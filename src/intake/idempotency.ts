// Idempotency-Key for POST endpoints (IETF draft; Stripe's rules): the same key and body replay
// the first response; the same key with another body is 422; a key still in flight is 409.
// The "done" write happens in the same D1 batch as the work itself, so a retry never repeats it.
import { ApiError } from "../http/errors";
import { ERRORS, type Lang } from "../i18n/messages";

export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,256}$/;

export interface Claim {
  scope: string;
  key: string;
}

export type ClaimResult = { kind: "claimed"; claim: Claim } | { kind: "replay"; status: number; body: string };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function parseIdempotencyKey(header: string | undefined, lang: Lang): string | null {
  if (header === undefined) return null;
  if (!KEY.test(header)) {
    throw new ApiError(
      400,
      "invalid_idempotency_key",
      lang === "pl" ? "Nieprawidłowy nagłówek Idempotency-Key." : "Invalid Idempotency-Key header.",
      {
        "Idempotency-Key": lang === "pl" ? "1-256 znaków ASCII" : "1-256 printable ASCII characters",
      },
    );
  }
  return header;
}

export async function claimKey(
  db: D1Database,
  scope: string,
  key: string,
  requestHash: string,
  now: Date,
  lang: Lang,
): Promise<ClaimResult> {
  const expires = new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString();
  await db.prepare("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND expires_at < ?").bind(scope, key, now.toISOString()).run();
  const inserted = await db
    .prepare(
      "INSERT INTO idempotency_keys (key, scope, request_hash, state, expires_at) VALUES (?, ?, ?, 'in_flight', ?) ON CONFLICT DO NOTHING",
    )
    .bind(key, scope, requestHash, expires)
    .run();
  if ((inserted.meta.changes ?? 0) === 1) return { kind: "claimed", claim: { scope, key } };
  const row = await db
    .prepare("SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE scope = ? AND key = ?")
    .bind(scope, key)
    .first<{ request_hash: string; state: string; response_status: number | null; response_body: string | null }>();
  if (!row) return claimKey(db, scope, key, requestHash, now, lang);
  if (row.request_hash !== requestHash) throw new ApiError(422, "idempotency_mismatch", ERRORS[lang].idempotency_mismatch);
  if (row.state !== "done" || row.response_status === null || row.response_body === null) {
    throw new ApiError(409, "idempotency_in_flight", ERRORS[lang].idempotency_in_flight, undefined, { "Retry-After": "1" });
  }
  return { kind: "replay", status: row.response_status, body: row.response_body };
}

/** Frees a key whose request failed before anything was stored, so the client can retry. */
export async function releaseKey(db: D1Database, claim: Claim): Promise<void> {
  await db.prepare("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'in_flight'").bind(claim.scope, claim.key).run();
}
