import { describe, expect, it } from "vitest";
import { ROUTES } from "../../src/admin/openapi";
import { createApp } from "../../src/app";
import { adminFetch, makeToken } from "./helpers";

const concrete = (path: string) => path.replace(/:([A-Za-z_]+)/g, "00000000-0000-0000-0000-000000000000");

describe("authentication on every /admin route", () => {
  const app = createApp();
  const adminRoutes = app.routes.filter((r) => r.path.startsWith("/admin") && r.method !== "ALL");
  const adminOnly = new Set(ROUTES.filter((r) => r.auth === "admin").map((r) => `${r.method.toUpperCase()} ${r.path}`));

  it("finds the admin routes to walk", () => {
    expect(adminRoutes.length).toBeGreaterThanOrEqual(15);
  });

  it("answers 401 with no token, a wrong token and a revoked token, and 403 for the wrong role", async () => {
    const revoked = await makeToken("admin", { revoked: true });
    const sales = await makeToken("sales");
    for (const r of adminRoutes) {
      const path = concrete(r.path);
      for (const token of [null, "sw_wrong_token", revoked]) {
        const res = await adminFetch(token, r.method, path, r.method === "GET" ? undefined : {});
        expect(res.status, `${r.method} ${r.path} with ${token ?? "no token"}`).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
      }
      if (adminOnly.has(`${r.method} ${r.path}`)) {
        const res = await adminFetch(sales, r.method, path, {});
        expect(res.status, `${r.method} ${r.path} as sales`).toBe(403);
      }
    }
    expect(adminOnly.size).toBeGreaterThanOrEqual(3);
  });

  it("limits repeated failed sign-ins from one client with 429", async () => {
    const { SELF } = await import("cloudflare:test");
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await SELF.fetch("http://local.test/admin/stats", {
        headers: { authorization: "Bearer nope", "cf-connecting-ip": "192.0.2.77" },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
