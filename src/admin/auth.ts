// Authentication for /admin: bearer API tokens (stored as SHA-256 hashes, with a role, last use
// and revocation), or a Cloudflare Access JWT when a team domain and audience are configured.
// Failed attempts are rate-limited per client.
import { createMiddleware } from "hono/factory";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { sha256Hex } from "../intake/idempotency";

export type Role = "sales" | "admin";
export interface Actor {
  id: string;
  role: Role;
}

export type AdminEnv = AppEnv & { Variables: AppEnv["Variables"] & { actor: Actor } };

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

async function fromToken(env: Env, token: string): Promise<Actor | null> {
  const hash = await sha256Hex(token);
  const row = await env.DB.prepare("SELECT id, name, role FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
    .bind(hash)
    .first<{ id: string; name: string; role: Role }>();
  if (!row) return null;
  await env.DB.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").bind(new Date().toISOString(), row.id).run();
  return { id: `token:${row.name}`, role: row.role };
}

async function fromAccess(env: Env, jwt: string): Promise<Actor | null> {
  const team = env.ACCESS_TEAM_DOMAIN.replace(/\/+$/, "");
  if (!team || !env.ACCESS_AUD) return null;
  let jwks = jwksCache.get(team);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(`${team}/cdn-cgi/access/certs`));
    jwksCache.set(team, jwks);
  }
  try {
    const { payload } = await jwtVerify(jwt, jwks, { issuer: team, audience: env.ACCESS_AUD });
    const email = typeof payload.email === "string" ? payload.email : String(payload.sub ?? "unknown");
    const admins = (env.ACCESS_ADMIN_EMAILS ?? "").split(",").map((e) => e.trim().toLowerCase());
    return { id: `access:${email}`, role: admins.includes(email.toLowerCase()) ? "admin" : "sales" };
  } catch {
    return null;
  }
}

const clientIp = (h: (k: string) => string | undefined) => h("cf-connecting-ip") ?? "unknown";

/** Requires a valid credential with at least `role` (admin includes sales). */
export const requireRole = (role: Role) =>
  createMiddleware<AdminEnv>(async (c, next) => {
    const auth = c.req.header("authorization");
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const accessJwt = c.req.header("cf-access-jwt-assertion");
    let actor: Actor | null = null;
    if (bearer) actor = await fromToken(c.env, bearer);
    else if (accessJwt) actor = await fromAccess(c.env, accessJwt);
    if (!actor) {
      const { success } = await c.env.ADMIN_AUTH_LIMITER.limit({ key: `admin-fail:${clientIp(c.req.header.bind(c.req))}` });
      if (!success) throw new ApiError(429, "rate_limited", "Too many failed sign-in attempts", undefined, { "Retry-After": "60" });
      throw new ApiError(
        401,
        "unauthorized",
        bearer || accessJwt ? "Invalid or revoked credentials" : "Authentication required",
        undefined,
        {
          "WWW-Authenticate": 'Bearer realm="sizewise-admin"',
        },
      );
    }
    if (role === "admin" && actor.role !== "admin") throw new ApiError(403, "forbidden", "This action needs the admin role");
    c.set("actor", actor);
    await next();
  });
