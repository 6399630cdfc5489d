// The HTTP application: middleware, the error shape, and the feature routes.
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { createDb } from "./db/client";
import type { AppEnv } from "./env";
import { cors } from "./http/cors";
import { ApiError, errorResponse } from "./http/errors";
import { requestId } from "./http/request-id";
import { health } from "./routes/health";
import { publicRoutes } from "./routes/public";

export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(requestId);
  app.use(
    secureHeaders({
      xFrameOptions: "DENY",
      referrerPolicy: "strict-origin-when-cross-origin",
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "https://challenges.cloudflare.com"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameSrc: ["https://challenges.cloudflare.com"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use("/api/*", cors);
  app.use(async (c, next) => {
    c.set("db", createDb(c.env.DB));
    await next();
  });

  app.route("/", health);
  app.route("/", publicRoutes);

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
