// Every response carries X-Request-Id: the caller's (if sane) or a fresh UUID.
import { createMiddleware } from "hono/factory";

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

export const requestId = createMiddleware<{ Variables: { requestId: string } }>(async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const id = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  await next();
  c.header("X-Request-Id", id);
});
