// E-mail providers behind one interface, chosen by EMAIL_PROVIDER: "local" keeps the rendered
// e-mail in the outbox row (no account needed), "resend" calls the Resend HTTP API, "cloudflare"
// uses the send_email binding. Each classifies failures as transient or permanent.

export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  attachment: { filename: string; contentBase64: string; type: string } | null;
  /** Passed to the provider so that a retried send is not delivered twice. */
  idempotencyKey: string;
}

export type SendResult =
  | { ok: true; providerMessageId: string | null }
  | { ok: false; permanent: boolean; error: string; retryAfterSeconds?: number };

export interface EmailProvider {
  name: "local" | "resend" | "cloudflare";
  send(email: OutgoingEmail): Promise<SendResult>;
}

export const RESEND_URL = "https://api.resend.com/emails";

export function resendProvider(apiKey: string): EmailProvider {
  return {
    name: "resend",
    async send(email) {
      let res: Response;
      try {
        res = await fetch(RESEND_URL, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${apiKey}`,
            "Content-Type": "application/json",
            "Idempotency-Key": email.idempotencyKey,
          },
          body: JSON.stringify({
            from: email.from,
            to: [email.to],
            ...(email.replyTo ? { reply_to: email.replyTo } : {}),
            subject: email.subject,
            html: email.html,
            text: email.text,
            ...(email.attachment
              ? { attachments: [{ filename: email.attachment.filename, content: email.attachment.contentBase64 }] }
              : {}),
          }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (err) {
        return { ok: false, permanent: false, error: `network: ${(err as Error).message}` };
      }
      const body = await res.text();
      if (res.ok) {
        const id = (JSON.parse(body || "{}") as { id?: string }).id ?? null;
        return { ok: true, providerMessageId: id };
      }
      const error = `resend ${res.status}: ${body.slice(0, 300)}`;
      if (res.status === 429) {
        const retryAfter = Number(res.headers.get("retry-after"));
        return {
          ok: false,
          permanent: false,
          error,
          retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        };
      }
      // 5xx and timeouts are transient; a 4xx (invalid address, bad request, auth) will not get better.
      return { ok: false, permanent: res.status < 500 && res.status !== 408, error };
    },
  };
}

export function cloudflareProvider(binding: SendEmail): EmailProvider {
  return {
    name: "cloudflare",
    async send(email) {
      try {
        const result = await binding.send({
          from: email.from,
          to: email.to,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: { "X-Idempotency-Key": email.idempotencyKey },
          ...(email.attachment
            ? {
                attachments: [
                  {
                    disposition: "attachment" as const,
                    filename: email.attachment.filename,
                    type: email.attachment.type,
                    content: email.attachment.contentBase64,
                  },
                ],
              }
            : {}),
        });
        return { ok: true, providerMessageId: result.messageId };
      } catch (err) {
        const message = (err as Error).message ?? String(err);
        // Unverified or malformed recipients are permanent; anything else may pass on a retry.
        return { ok: false, permanent: /recipient|address|verified/i.test(message), error: `cloudflare: ${message}` };
      }
    },
  };
}

/** Local development: the outbox row itself is the mailbox (see GET /dev/outbox). */
export const localProvider: EmailProvider = {
  name: "local",
  async send() {
    return { ok: true, providerMessageId: null };
  },
};

export function providerFor(env: Env): EmailProvider {
  if (env.EMAIL_PROVIDER === "resend" && env.RESEND_API_KEY) return resendProvider(env.RESEND_API_KEY);
  if (env.EMAIL_PROVIDER === "cloudflare") return cloudflareProvider(env.EMAIL);
  return localProvider;
}
