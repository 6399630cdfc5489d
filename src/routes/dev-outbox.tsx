// The local mailbox: with EMAIL_PROVIDER=local, e-mails stay in the outbox and are viewable here.
// Answers 404 with any other provider, so it is never exposed in production.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { PlainPage } from "../web/layout";

export const devOutbox = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.EMAIL_PROVIDER !== "local") throw new ApiError(404, "not_found", "Not found");
    await next();
  })
  .get("/dev/outbox", async (c) => {
    const rows = await c.env.DB.prepare(
      "SELECT id, kind, recipient, status, attempts, subject, attachment_name, created_at, last_error FROM email_outbox ORDER BY created_at DESC LIMIT 200",
    ).all<{
      id: string;
      kind: string;
      recipient: string;
      status: string;
      attempts: number;
      subject: string | null;
      attachment_name: string | null;
      created_at: string;
      last_error: string | null;
    }>();
    return c.html(
      <PlainPage title="Local outbox">
        <table>
          <thead>
            <tr>
              <th>when</th>
              <th>kind</th>
              <th>to</th>
              <th>status</th>
              <th>subject</th>
              <th>attachment</th>
            </tr>
          </thead>
          <tbody>
            {rows.results.map((r) => (
              <tr>
                <td>{r.created_at}</td>
                <td>{r.kind}</td>
                <td>{r.recipient}</td>
                <td>
                  {r.status} ({r.attempts}){r.last_error ? ` ${r.last_error}` : ""}
                </td>
                <td>{r.subject ? <a href={`/dev/outbox/${r.id}`}>{r.subject}</a> : "—"}</td>
                <td>{r.attachment_name ? <a href={`/dev/outbox/${r.id}/attachment`}>{r.attachment_name}</a> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PlainPage>,
    );
  })
  .get("/dev/outbox/:id", async (c) => {
    const row = await c.env.DB.prepare("SELECT rendered_html FROM email_outbox WHERE id = ?")
      .bind(c.req.param("id"))
      .first<{ rendered_html: string | null }>();
    if (!row?.rendered_html) throw new ApiError(404, "not_found", "Not found");
    // The e-mail's own markup, shown as the recipient's client would: sandboxed by CSP.
    return c.body(row.rendered_html, 200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    });
  })
  .get("/dev/outbox/:id/attachment", async (c) => {
    const row = await c.env.DB.prepare("SELECT attachment_name, attachment_base64 FROM email_outbox WHERE id = ?")
      .bind(c.req.param("id"))
      .first<{ attachment_name: string | null; attachment_base64: string | null }>();
    if (!row?.attachment_base64) throw new ApiError(404, "not_found", "Not found");
    const bytes = Uint8Array.from(atob(row.attachment_base64), (ch) => ch.charCodeAt(0));
    return c.body(bytes.buffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${row.attachment_name ?? "attachment.pdf"}"`,
    });
  });
