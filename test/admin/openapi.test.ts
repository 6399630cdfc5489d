import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { toOpenApiPath } from "../../src/admin/openapi";
import { createApp } from "../../src/app";

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with its security schemes and lists every route of the app", async () => {
    const res = await SELF.fetch("http://local.test/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "cloudflareAccess"]);
    const routes = createApp().routes.filter((r) => r.method !== "ALL" && r.path !== "/*");
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((r) => !doc.paths[toOpenApiPath(r.path)]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it("serves readable docs at /docs", async () => {
    const html = await (await SELF.fetch("http://local.test/docs")).text();
    expect(html).toContain("/admin/leads/{id}/status");
    expect(html).toContain("Move a lead along the pipeline");
  });
});
