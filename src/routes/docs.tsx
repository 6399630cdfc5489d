// The OpenAPI 3.1 document of the whole API (/openapi.json) and readable docs (/docs).
// Public routes are described here; admin routes describe themselves in src/admin/routes.ts.
import { Hono } from "hono";
import { z } from "zod";
import { buildOpenApi, describeRoute, errorSchema, ROUTES } from "../admin/openapi";
import { quoteRequestSchema, workloadRequestSchema } from "../domain/intake/schema";
import type { AppEnv } from "../env";
import { PlainPage } from "../web/layout";

const page = (summary: string, path: string, tag = "Pages") =>
  describeRoute({ method: "get", path, summary, tag, responses: { 200: { description: "HTML page", contentType: "text/html" } } });

describeRoute({
  method: "get",
  path: "/healthz",
  summary: "The Worker is up and D1 answers",
  tag: "Operations",
  responses: {
    200: { description: "Healthy", schema: z.object({ status: z.string(), d1: z.string(), d1LatencyMs: z.number() }) },
    503: { description: "D1 unavailable", schema: z.object({ status: z.string(), d1: z.string() }) },
  },
});
page("The quote request form (Polish by default, ?lang=en)", "/");
describeRoute({
  method: "get",
  path: "/favicon.ico",
  summary: "No favicon",
  tag: "Assets",
  responses: { 204: { description: "Nothing" } },
});
for (const [path, type] of [
  ["/assets/app.css", "text/css"],
  ["/assets/form.js", "text/javascript"],
  ["/assets/quote.js", "text/javascript"],
] as const) {
  describeRoute({
    method: "get",
    path,
    summary: `Static asset ${path}`,
    tag: "Assets",
    responses: { 200: { description: "Asset", contentType: type } },
  });
}
const problems = {
  400: { description: "Malformed JSON", schema: errorSchema },
  413: { description: "Body too large", schema: errorSchema },
  415: { description: "Unsupported content type", schema: errorSchema },
  422: { description: "Invalid fields, messages per field", schema: errorSchema },
  429: { description: "Rate limited (Retry-After)", schema: errorSchema },
};
describeRoute({
  method: "post",
  path: "/api/estimate",
  summary: "The engine's result for a workload; stores nothing",
  tag: "Intake",
  body: workloadRequestSchema,
  bodyTypes: ["application/json", "application/x-www-form-urlencoded"],
  responses: {
    200: {
      description: "Summary and the full engine result",
      schema: z.object({ summary: z.record(z.string(), z.unknown()), result: z.record(z.string(), z.unknown()) }),
    },
    ...problems,
  },
});
describeRoute({
  method: "post",
  path: "/api/quote-requests",
  summary: "Submit a quote request (JSON or form); honours Idempotency-Key",
  tag: "Intake",
  body: quoteRequestSchema,
  bodyTypes: ["application/json", "application/x-www-form-urlencoded"],
  responses: {
    201: {
      description: "Lead and quote stored",
      schema: z.object({
        leadId: z.string(),
        quoteNumber: z.string().nullable(),
        quoteUrl: z.string().nullable(),
        pdfUrl: z.string().nullable(),
        status: z.string(),
        summary: z.record(z.string(), z.unknown()),
      }),
    },
    202: { description: "Received (dropped as likely automated)", schema: z.object({ status: z.string() }) },
    303: { description: "A browser's form post: redirect to the quote page" },
    403: { description: "Turnstile check failed", schema: errorSchema },
    409: { description: "A request with this Idempotency-Key is in flight", schema: errorSchema },
    503: { description: "Storage unavailable: retry", schema: errorSchema },
    ...problems,
  },
});
page("The quote online, printable on A4", "/q/:token", "Quotes");
describeRoute({
  method: "get",
  path: "/q/:token/pdf",
  summary: "The quote as a PDF",
  tag: "Quotes",
  responses: { 200: { description: "PDF", contentType: "application/pdf" }, 404: { description: "Unknown quote", schema: errorSchema } },
});
describeRoute({
  method: "post",
  path: "/q/:token/decision",
  summary: "Accept or decline a quote (once, before it expires)",
  tag: "Quotes",
  body: z.object({ decision: z.enum(["accept", "decline"]), comment: z.string().max(2000).optional() }),
  bodyTypes: ["application/x-www-form-urlencoded", "application/json"],
  responses: {
    200: { description: "Decided", schema: z.object({ status: z.string() }) },
    303: { description: "Back to the quote page" },
    409: { description: "Already decided or expired", schema: errorSchema },
    404: { description: "Unknown quote", schema: errorSchema },
  },
});
page("Local mailbox (EMAIL_PROVIDER=local only)", "/dev/outbox", "Development");
page("One e-mail of the local mailbox", "/dev/outbox/:id", "Development");
describeRoute({
  method: "get",
  path: "/dev/outbox/:id/attachment",
  summary: "The attachment of a local e-mail",
  tag: "Development",
  responses: { 200: { description: "PDF", contentType: "application/pdf" } },
});
describeRoute({
  method: "get",
  path: "/openapi.json",
  summary: "This document",
  tag: "Operations",
  responses: { 200: { description: "OpenAPI 3.1", schema: z.record(z.string(), z.unknown()) } },
});
page("Readable API docs", "/docs", "Operations");

export const docs = new Hono<AppEnv>()
  .get("/openapi.json", (c) => c.json(buildOpenApi(ROUTES, c.env.PUBLIC_BASE_URL)))
  .get("/docs", (c) => {
    const doc = buildOpenApi(ROUTES, c.env.PUBLIC_BASE_URL) as {
      paths: Record<string, Record<string, { summary: string; tags: string[]; security: unknown[] }>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, ...op })),
    );
    const tags = [...new Set(ops.map((o) => o.tags[0] ?? ""))];
    return c.html(
      <PlainPage title="Sizewise API">
        <p>
          Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Admin routes need{" "}
          <code>Authorization: Bearer &lt;token&gt;</code> (from <code>npm run admin:token</code>) or a Cloudflare Access JWT.
        </p>
        {tags.map((tag) => (
          <section>
            <h2>{tag}</h2>
            <table>
              <tbody>
                {ops
                  .filter((o) => o.tags[0] === tag)
                  .map((o) => (
                    <tr>
                      <td>
                        <code>{o.method.toUpperCase()}</code>
                      </td>
                      <td>
                        <code>{o.path}</code>
                      </td>
                      <td>{o.summary}</td>
                      <td>{o.security.length > 0 ? "auth" : "public"}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))}
      </PlainPage>,
    );
  });
