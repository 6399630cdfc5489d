// A small route registry: each API route is described once (method, path, zod schemas) and the
// OpenAPI 3.1 document is generated from those descriptions with zod's JSON Schema output.
import { z } from "zod";

export interface RouteDoc {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Hono path syntax (/admin/leads/:id); converted to OpenAPI's {id}. */
  path: string;
  summary: string;
  tag: string;
  auth?: "sales" | "admin";
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyTypes?: string[];
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

export const ROUTES: RouteDoc[] = [];

export function describeRoute(doc: RouteDoc): RouteDoc {
  ROUTES.push(doc);
  return doc;
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });

/** Named schemas (.meta({ id })) found while converting; they become components.schemas. */
type Components = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), its named parts moved to components. */
function jsonSchema(schema: z.ZodType, components: Components): Record<string, unknown> {
  const converted = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "input" }) as Record<string, unknown>;
  const text = JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _s, $defs, ...rest } = JSON.parse(text) as Record<string, unknown> & { $defs?: Record<string, unknown> };
  for (const [name, def] of Object.entries($defs ?? {})) components[name] = def;
  return rest;
}

export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, "{$1}");

export function buildOpenApi(routes: readonly RouteDoc[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Components = {};
  const { id: _id, ...errorJson } = jsonSchema(errorSchema, components) as Record<string, unknown> & { id?: string };
  components.Error = errorJson;
  for (const r of routes) {
    const params = [...r.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams = r.query
      ? Object.entries(r.query.shape).map(([name, schema]) => ({
          name,
          in: "query",
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(schema as z.ZodType, components),
        }))
      : [];
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      responses[status] = {
        description: res.description,
        ...(res.schema || res.contentType
          ? {
              content: {
                [res.contentType ?? "application/json"]: { schema: res.schema ? jsonSchema(res.schema, components) : { type: "string" } },
              },
            }
          : {}),
      };
    }
    if (!Object.keys(responses).some((code) => code.startsWith("4"))) {
      responses["4XX"] = {
        description: "Client error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    if (r.auth) {
      responses["401"] ??= {
        description: "Missing, wrong or revoked credentials",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
      responses["403"] ??= {
        description: `Needs the ${r.auth} role`,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    const op: Record<string, unknown> = {
      operationId: `${r.method}${r.path.replace(/[/:{}.-]+(\w)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ""))}`,
      summary: r.summary,
      tags: [r.tag],
      ...(params.length + queryParams.length > 0 ? { parameters: [...params, ...queryParams] } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                (r.bodyTypes ?? ["application/json"]).map((t) => [t, { schema: jsonSchema(r.body as z.ZodType, components) }]),
              ),
            },
          }
        : {}),
      responses,
      ...(r.auth ? { security: [{ bearerAuth: [] }, { cloudflareAccess: [] }] } : { security: [] }),
    };
    const p = toOpenApiPath(r.path);
    paths[p] = { ...(paths[p] ?? {}), [r.method]: op };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sizewise API",
      version: "1.0.0",
      description: "Sizing, quoting and the sales pipeline for on-premises AI hardware.",
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: serverUrl }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: `${name} operations` })),
    security: [],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "API token created with `npm run admin:token`" },
        cloudflareAccess: { type: "apiKey", in: "header", name: "Cf-Access-Jwt-Assertion", description: "Cloudflare Access JWT" },
      },
      schemas: components,
    },
  };
}
