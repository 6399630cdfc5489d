// The quote request use case: anti-abuse checks, idempotency, the engine, one D1 batch, and the
// emails enqueued. Shared by the JSON API and the plain HTML form.
import { toSizingInput } from "../domain/intake/presets";
import type { QuoteRequest } from "../domain/intake/schema";
import { draftQuote } from "../domain/quote/build";
import { recommend, type SizingResult } from "../domain/sizing/engine";
import { ApiError } from "../http/errors";
import { ERRORS, type Lang } from "../i18n/messages";
import { currentPricing } from "../pricing/load";
import { type Claim, claimKey, releaseKey, sha256Hex } from "./idempotency";
import { type NewOutbox, randomToken, storeQuoteRequest } from "./store";
import { verifyTurnstile } from "./turnstile";

/** People take longer than this to fill in the form; bots do not (the form stamps its render time). */
export const MIN_FILL_MILLISECONDS = 3_000;
export const IDEMPOTENCY_SCOPE = "quote-requests";

export type SubmitOutcome =
  | { kind: "created"; status: number; body: string; quoteUrl: string | null }
  | { kind: "dropped" }
  | { kind: "replayed"; status: number; body: string };

export interface QuoteCreated {
  leadId: string;
  quoteNumber: string | null;
  quoteUrl: string | null;
  pdfUrl: string | null;
  status: SizingResult["status"];
  summary: ReturnType<typeof summarize>;
}

export function summarize(result: SizingResult) {
  const c = result.recommendation;
  return {
    status: result.status,
    tier: c?.tier ?? null,
    systemName: c?.systemName ?? null,
    units: c?.configuration?.units ?? null,
    formatLabel: c?.configuration?.formatLabel ?? null,
    tokensPerSecond: c?.performance?.decodeTokensPerSecondPerStream ?? null,
    maxStreams: c?.performance?.maxStreamsMeetingTarget ?? null,
    contextTokens: result.request.contextTokens,
    netGrosze: c?.cost?.totals.netGrosze ?? null,
    grossGrosze: c?.cost?.totals.grossGrosze ?? null,
    netLowGrosze: c?.cost?.totals.netLowGrosze ?? null,
    netHighGrosze: c?.cost?.totals.netHighGrosze ?? null,
    explanation: result.explanation,
  };
}

/** What makes two requests "the same" for Idempotency-Key: the validated body minus one-time tokens. */
export function requestHashOf(request: QuoteRequest): Promise<string> {
  return sha256Hex(JSON.stringify({ ...request, turnstileToken: undefined, formStartedAt: undefined }));
}

export interface SubmitContext {
  env: Env;
  lang: Lang;
  remoteIp: string | undefined;
  idempotencyKey: string | null;
  now: Date;
  baseUrl: string;
  /** Work that may finish after the response (ExecutionContext.waitUntil). */
  waitUntil: (promise: Promise<unknown>) => void;
}

export async function submitQuoteRequest(ctx: SubmitContext, request: QuoteRequest): Promise<SubmitOutcome> {
  const { env, lang, now } = ctx;
  // Bots: the honeypot is filled, or the form came back faster than a person can type.
  if (request.website || (request.formStartedAt !== undefined && now.getTime() - request.formStartedAt < MIN_FILL_MILLISECONDS)) {
    console.log("intake: dropped a likely bot submission", { honeypot: Boolean(request.website) });
    return { kind: "dropped" };
  }
  let claim: Claim | null = null;
  if (ctx.idempotencyKey) {
    const requestHash = await requestHashOf(request);
    const claimed = await claimKey(env.DB, IDEMPOTENCY_SCOPE, ctx.idempotencyKey, requestHash, now, lang);
    if (claimed.kind === "replay") return { kind: "replayed", status: claimed.status, body: claimed.body };
    claim = claimed.claim;
  }
  try {
    if (env.TURNSTILE_SECRET_KEY) {
      const ok = await verifyTurnstile(
        env.TURNSTILE_SECRET_KEY,
        request.turnstileToken,
        ctx.remoteIp,
        ctx.idempotencyKey ?? crypto.randomUUID(),
      );
      if (!ok)
        throw new ApiError(403, "turnstile_failed", ERRORS[lang].turnstile_failed, { turnstileToken: ERRORS[lang].turnstile_failed });
    }
    const pricing = await currentPricing(env.DB);
    const sizingInput = toSizingInput(request);
    const result = recommend(sizingInput, pricing);
    const draft = draftQuote(result, pricing.settings, now);
    const leadId = crypto.randomUUID();
    const quoteId = crypto.randomUUID();
    const accessToken = randomToken();
    const quoteUrl = draft ? `${ctx.baseUrl}/q/${accessToken}` : null; // the public origin, as e-mails link it
    const outbox: NewOutbox[] = [
      { id: crypto.randomUUID(), kind: "proposal", recipient: request.email, language: request.language },
      { id: crypto.randomUUID(), kind: "sales_new_lead", recipient: pricing.settings.salesEmail, language: "pl" },
    ];
    const body: Omit<QuoteCreated, "quoteNumber"> = {
      leadId,
      quoteUrl,
      pdfUrl: quoteUrl ? `${quoteUrl}/pdf` : null,
      status: result.status,
      summary: summarize(result),
    };
    const stored = await storeQuoteRequest(env.DB, {
      leadId,
      submissionId: crypto.randomUUID(),
      request,
      sizingInput,
      quote: draft
        ? {
            id: quoteId,
            draft,
            year: now.getUTCFullYear(),
            snapshot: result,
            priceListVersion: pricing.priceListVersion,
            settingsVersion: pricing.settingsVersion,
            accessToken,
          }
        : null,
      outbox,
      consentTextVersion: pricing.settings.marketingConsentTextVersion,
      now,
      claim,
      responseBody: body as unknown as Record<string, unknown>,
    });
    // The rows are stored: the answer need not wait for the queue. If the enqueue is lost, the
    // hourly cron enqueues rows still pending, so no e-mail is lost.
    ctx.waitUntil(
      enqueueOutbox(
        env,
        outbox.map((o) => o.id),
      ),
    );
    return { kind: "created", status: 201, body: stored.responseBody, quoteUrl };
  } catch (err) {
    if (claim) await releaseKey(env.DB, claim).catch((e) => console.error("intake: could not release idempotency key", e));
    if (err instanceof ApiError) throw err;
    console.error("intake: failed to store a quote request", err);
    throw new ApiError(503, "unavailable", ERRORS[lang].unavailable, undefined, { "Retry-After": "5" });
  }
}

/** Enqueues outbox rows; if the queue is unavailable the rows stay pending and the cron re-enqueues them. */
export async function enqueueOutbox(env: Env, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    await env.EMAIL_QUEUE.sendBatch(ids.map((outboxId) => ({ body: { outboxId } })));
  } catch (err) {
    console.error("intake: enqueue failed; the cron will retry", err);
  }
}
