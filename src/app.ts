// The HTTP application: middleware, the error shape, and the feature routes.
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { admin } from "./admin/routes";
import { createDb } from "./db/client";
import type { AppEnv } from "./env";
import { cors } from "./http/cors";
import { ApiError, errorResponse } from "./http/errors";
import { requestId } from "./http/request-id";
import { devOutbox } from "./routes/dev-outbox";
import { docs } from "./routes/docs";
import { health } from "./routes/health";
import { publicRoutes } from "./routes/public";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://challenges.cloudflare.com",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src https://challenges.cloudflare.com",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(requestId);
  app.use(
    secureHeaders({
      xFrameOptions: "DENY",
      referrerPolicy: "strict-origin-when-cross-origin",
    }),
  );
  // Pages get this policy unless a route sets its own (the local mailbox sandboxes e-mail HTML).
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has("content-security-policy")) c.res.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  });
  app.use("/api/*", cors);
  app.use(async (c, next) => {
    c.set("db", createDb(c.env.DB));
    await next();
  });

  app.route("/", health);
  app.route("/", publicRoutes);
  app.route("/", devOutbox);
  app.route("/", docs);
  app.route("/", admin);

  app.notFound((c) => errorResponse(c, new ApiError(404, "not_found", "Not found")));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      const status = err.status;
      return errorResponse(c, new ApiError(status, status === 413 ? "payload_too_large" : "http_error", err.message || "Request error"));
    }
    console.error("unhandled error", c.get("requestId"), err);
    return errorResponse(c, new ApiError(500, "internal_error", "Internal error"));
  });
  return app;
}
