// Reads a request body (JSON or form-encoded) and validates it with a zod schema, turning
// issues into the error shape with one message per field in the request's language.
import type { Context } from "hono";
import { z } from "zod";
import { ERRORS, type ErrorKey, type Lang } from "../i18n/messages";
import { ApiError } from "./errors";

const LOCALES = { pl: z.locales.pl(), en: z.locales.en() } as const;

export type BodyKind = "json" | "form";

/** Form fields that carry numbers or booleans; empty form fields count as absent. */
const FORM_NUMBERS = new Set(["concurrentUsers", "totalUsers", "typicalAmount", "longestAmount", "budgetPln", "formStartedAt"]);
const FORM_BOOLEANS = new Set(["marketingConsent"]);
const FORM_RENAMES: Record<string, string> = { "cf-turnstile-response": "turnstileToken" };

export function formToObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of params) {
    const key = FORM_RENAMES[rawKey] ?? rawKey;
    if (value === "") continue;
    if (FORM_NUMBERS.has(key)) {
      const n = Number(value.replace(/\s/g, "").replace(",", "."));
      out[key] = Number.isFinite(n) ? n : value;
    } else if (FORM_BOOLEANS.has(key)) out[key] = value === "on" || value === "true" || value === "1";
    else out[key] = value;
  }
  return out;
}

export async function readBody(c: Context, lang: Lang): Promise<{ kind: BodyKind; data: unknown; raw: string }> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && type !== "application/x-www-form-urlencoded") {
    throw new ApiError(415, "unsupported_media_type", ERRORS[lang].unsupported_media_type);
  }
  const raw = await c.req.text();
  if (type === "application/json") {
    try {
      return { kind: "json", data: JSON.parse(raw), raw };
    } catch {
      throw new ApiError(400, "malformed_json", ERRORS[lang].malformed_json);
    }
  }
  return { kind: "form", data: formToObject(new URLSearchParams(raw)), raw };
}

export function fieldErrors(error: z.ZodError, lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] = ERRORS[lang].unrecognized;
      continue;
    }
    const key = issue.path.join(".") || "body";
    const custom = issue.code === "custom" ? (issue.params as { i18n?: string } | undefined)?.i18n : undefined;
    fields[key] ??= (custom && ERRORS[lang][custom as ErrorKey]) || issue.message;
  }
  return fields;
}

export function validate<T extends z.ZodType>(schema: T, data: unknown, lang: Lang): z.output<T> {
  const parsed = schema.safeParse(data, { error: LOCALES[lang].localeError });
  if (!parsed.success) {
    throw new ApiError(422, "validation", ERRORS[lang].validation, fieldErrors(parsed.error, lang));
  }
  return parsed.data;
}
