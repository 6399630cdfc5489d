// CORS for /api/*: the company's own site may call the estimate and intake endpoints.
// Allowed origins: the ALLOWED_ORIGINS var plus the settings' list.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { currentPricing } from "../pricing/load";

export const cors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header("origin");
  const self = new URL(c.req.url).origin;
  if (!origin || origin === self) return next();
  const fromVar = c.env.ALLOWED_ORIGINS.split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  let allowed = fromVar.includes(origin);
  if (!allowed) {
    const { settings } = await currentPricing(c.env.DB);
    allowed = settings.allowedOrigins.includes(origin);
  }
  if (c.req.method === "OPTIONS") {
    if (!allowed) return c.body(null, 403);
    return c.body(null, 204, {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key, Accept-Language",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    });
  }
  await next();
  if (allowed) {
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Idempotent-Replayed");
  }
  c.header("Vary", "Origin", { append: true });
});
