// GET /healthz: the Worker is up and D1 answers.
import { Hono } from "hono";
import type { AppEnv } from "../env";

export const health = new Hono<AppEnv>().get("/healthz", async (c) => {
  const started = Date.now();
  try {
    await c.env.DB.prepare("SELECT 1 AS ok").first();
    return c.json({ status: "ok", d1: "ok", d1LatencyMs: Date.now() - started });
  } catch (err) {
    console.error("healthz: D1 check failed", err);
    return c.json({ status: "degraded", d1: "error" }, 503);
  }
});
