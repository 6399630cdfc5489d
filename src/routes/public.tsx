// Public routes: the form, the live estimate, quote requests, and the quote online (page, PDF,
// accept/decline).
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { toSizingInput } from "../domain/intake/presets";
import { quoteRequestSchema, workloadRequestSchema } from "../domain/intake/schema";
import { recommend } from "../domain/sizing/engine";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { readBody, validate } from "../http/validation";
import { ERRORS, type Lang, MESSAGES, pickLang } from "../i18n/messages";
import { parseIdempotencyKey } from "../intake/idempotency";
import { enqueueOutbox, submitQuoteRequest, summarize } from "../intake/submit";
import { renderQuotePdf } from "../pdf/quote-pdf";
import { currentPricing } from "../pricing/load";
import { loadQuoteByToken } from "../quote/view";
import { APP_CSS, FORM_JS, QUOTE_JS } from "../web/assets";
import { FormPage } from "../web/form-page";
import { NotFoundPage, QuotePage } from "../web/quote-page";

/** Largest request body accepted before parsing, bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => {
    throw new ApiError(
      413,
      "payload_too_large",
      ERRORS[pickLang(c.req.query("lang"), c.req.header("accept-language"))].payload_too_large ?? "",
    );
  },
});

const langOf = (c: { req: { query: (k: string) => string | undefined; header: (k: string) => string | undefined } }): Lang =>
  pickLang(c.req.query("lang"), c.req.header("accept-language"));

const wantsHtml = (accept: string | undefined) => (accept ?? "").includes("text/html");

async function rateLimit(limiter: RateLimit, key: string, lang: Lang) {
  const { success } = await limiter.limit({ key });
  if (!success) throw new ApiError(429, "rate_limited", ERRORS[lang].rate_limited, undefined, { "Retry-After": "60" });
}

const clientIp = (h: (k: string) => string | undefined) => h("cf-connecting-ip") ?? h("x-forwarded-for")?.split(",")[0]?.trim();

export const publicRoutes = new Hono<AppEnv>()
  .get("/assets/app.css", (c) =>
    c.body(APP_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=3600" }),
  )
  .get("/assets/form.js", (c) =>
    c.body(FORM_JS, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" }),
  )
  .get("/assets/quote.js", (c) =>
    c.body(QUOTE_JS, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" }),
  )
  .get("/favicon.ico", (c) => c.body(null, 204))
  .get("/", async (c) => {
    const lang = langOf(c);
    const pricing = await currentPricing(c.env.DB);
    const q = c.req.query();
    return c.html(
      <FormPage
        lang={lang}
        settings={pricing.settings}
        retentionMonths={Number(c.env.RETENTION_MONTHS) || 24}
        values={{}}
        errors={{}}
        turnstileSiteKey={c.env.TURNSTILE_SITE_KEY}
        startedAt={Date.now()}
        source={{
          sourcePage: c.req.url,
          referrer: c.req.header("referer"),
          utmSource: q.utm_source,
          utmMedium: q.utm_medium,
          utmCampaign: q.utm_campaign,
        }}
      />,
    );
  })
  .post("/api/estimate", limitBody, async (c) => {
    const lang = langOf(c);
    await rateLimit(c.env.ESTIMATE_LIMITER, `estimate:${clientIp(c.req.header.bind(c.req)) ?? "unknown"}`, lang);
    const { data } = await readBody(c, lang);
    const workload = validate(workloadRequestSchema.strict(), data, lang);
    const pricing = await currentPricing(c.env.DB);
    const result = recommend(toSizingInput(workload), pricing);
    return c.json({ summary: summarize(result), result });
  })
  .post("/api/quote-requests", limitBody, async (c) => {
    let lang = langOf(c);
    const ip = clientIp(c.req.header.bind(c.req));
    // The rate-limit check and reading the body run side by side.
    const limited = rateLimit(c.env.INTAKE_LIMITER, `intake:${ip ?? "unknown"}`, lang);
    const [, { kind, data }] = await Promise.all([limited, readBody(c, lang)]);
    const bodyLang = (data as { language?: unknown } | null)?.language;
    if (bodyLang === "pl" || bodyLang === "en") lang = bodyLang;
    const html = kind === "form" && wantsHtml(c.req.header("accept"));
    const idempotencyKey = parseIdempotencyKey(c.req.header("idempotency-key"), lang);
    let request: ReturnType<typeof quoteRequestSchema.parse>;
    try {
      request = validate(quoteRequestSchema, data, lang);
    } catch (err) {
      if (!(html && err instanceof ApiError && err.fields)) throw err;
      const pricing = await currentPricing(c.env.DB);
      return c.html(
        <FormPage
          lang={lang}
          settings={pricing.settings}
          retentionMonths={Number(c.env.RETENTION_MONTHS) || 24}
          values={data as Record<string, unknown>}
          errors={err.fields}
          errorMessage={err.message}
          turnstileSiteKey={c.env.TURNSTILE_SITE_KEY}
          startedAt={Number((data as { formStartedAt?: number }).formStartedAt) || Date.now()}
          source={{}}
        />,
        422,
      );
    }
    const outcome = await submitQuoteRequest(
      {
        env: c.env,
        lang,
        remoteIp: ip,
        idempotencyKey,
        now: new Date(),
        baseUrl: c.env.PUBLIC_BASE_URL,
        waitUntil: (p) => c.executionCtx.waitUntil(p),
      },
      request,
    );
    if (outcome.kind === "dropped") {
      return html ? c.redirect(`/?lang=${lang}`, 303) : c.json({ status: "received" }, 202);
    }
    if (html) {
      const body = JSON.parse(outcome.body) as { quoteUrl: string | null };
      return c.redirect(body.quoteUrl ? `${new URL(body.quoteUrl).pathname}?new=1&lang=${lang}` : `/?lang=${lang}`, 303);
    }
    return c.body(outcome.body, outcome.status as 201, {
      "content-type": "application/json; charset=utf-8",
      ...(outcome.kind === "replayed" ? { "Idempotent-Replayed": "true" } : {}),
    });
  })
  .get("/q/:token", async (c) => {
    const quote = await loadQuoteByToken(c.env.DB, c.req.param("token"), new Date());
    const lang = c.req.query("lang") ? langOf(c) : (quote?.lead.language ?? langOf(c));
    if (!quote) return c.html(<NotFoundPage lang={lang} />, 404);
    const flag = c.req.query("new")
      ? "new"
      : c.req.query("done") === "accepted"
        ? "accepted"
        : c.req.query("done") === "declined"
          ? "declined"
          : null;
    return c.html(<QuotePage lang={lang} quote={quote} banner={flag} baseUrl={c.env.PUBLIC_BASE_URL} />);
  })
  .get("/q/:token/pdf", async (c) => {
    const quote = await loadQuoteByToken(c.env.DB, c.req.param("token"), new Date());
    const lang = c.req.query("lang") ? langOf(c) : (quote?.lead.language ?? langOf(c));
    if (!quote) throw new ApiError(404, "not_found", MESSAGES[lang].notFound);
    const pdf = await renderQuotePdf(quote, lang, c.env.PUBLIC_BASE_URL);
    return c.body(pdf.slice().buffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${quote.number.replaceAll("/", "-")}.pdf"`,
      "cache-control": "private, no-store",
    });
  })
  .post("/q/:token/decision", limitBody, async (c) => {
    const lang = langOf(c);
    const now = new Date();
    const token = c.req.param("token");
    const quote = await loadQuoteByToken(c.env.DB, token, now);
    if (!quote) throw new ApiError(404, "not_found", MESSAGES[lang].notFound);
    const { data } = await readBody(c, lang);
    const body = data as { decision?: unknown; comment?: unknown };
    const decision = body.decision === "accept" ? "accepted" : body.decision === "decline" ? "declined" : null;
    if (!decision)
      throw new ApiError(422, "validation", ERRORS[lang].validation, {
        decision: lang === "pl" ? "Wybierz: accept lub decline." : "Choose accept or decline.",
      });
    const comment = typeof body.comment === "string" ? body.comment.trim().slice(0, 2_000) || null : null;
    if (quote.status === "expired") throw new ApiError(409, "quote_expired", MESSAGES[lang].expiredNotice);
    if (quote.status !== "sent")
      throw new ApiError(
        409,
        "quote_locked",
        lang === "pl" ? "Decyzja w sprawie tej wyceny została już podjęta." : "This quote has already been decided.",
      );
    const today = now.toISOString().slice(0, 10);
    const outboxId = crypto.randomUUID();
    const kind = decision === "accepted" ? "quote_accepted" : "quote_declined";
    const pricing = await currentPricing(c.env.DB);
    const [updated] = await c.env.DB.batch([
      c.env.DB.prepare(
        "UPDATE quotes SET status = ?, customer_comment = ?, decided_at = ?, updated_at = ? WHERE id = ? AND status = 'sent' AND valid_until >= ?",
      ).bind(decision, comment, now.toISOString(), now.toISOString(), quote.id, today),
      c.env.DB.prepare(
        `INSERT INTO email_outbox (id, kind, recipient, language, lead_id, quote_id, status, idempotency_key, created_at, updated_at)
         SELECT ?, ?, ?, 'pl', ?, ?, 'pending', ?, ?, ? WHERE changes() = 1`,
      ).bind(
        outboxId,
        kind,
        pricing.settings.salesEmail,
        quote.leadId,
        quote.id,
        `${kind}:${quote.id}`,
        now.toISOString(),
        now.toISOString(),
      ),
      c.env.DB.prepare(
        "INSERT INTO audit_log (id, actor, action, entity_type, entity_id, before_json, after_json, created_at) SELECT ?, 'customer', ?, 'quote', ?, ?, ?, ? WHERE (SELECT status FROM quotes WHERE id = ?) = ?",
      ).bind(
        crypto.randomUUID(),
        `quote.${decision === "accepted" ? "accept" : "decline"}`,
        quote.id,
        JSON.stringify({ status: "sent" }),
        JSON.stringify({ status: decision, comment }),
        now.toISOString(),
        quote.id,
        decision,
      ),
    ]);
    if ((updated?.meta.changes ?? 0) !== 1) {
      throw new ApiError(
        409,
        "quote_locked",
        lang === "pl" ? "Decyzja w sprawie tej wyceny została już podjęta." : "This quote has already been decided.",
      );
    }
    await enqueueOutbox(c.env, [outboxId]);
    if (wantsHtml(c.req.header("accept"))) {
      return c.redirect(`/q/${token}?done=${decision}&lang=${lang}`, 303);
    }
    return c.json({ status: decision });
  });
