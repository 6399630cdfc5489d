// The Worker: HTTP (Hono), the email queue consumer and the maintenance cron.
import { createApp } from "./app";
import { runMaintenance } from "./cron/scheduled";
import { handleQueue } from "./queue/consumer";

const app = createApp();

export default {
  fetch: app.fetch,
  async queue(batch, env, _ctx) {
    await handleQueue(batch, env);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runMaintenance(env, new Date(controller.scheduledTime)).then((r) => console.log("maintenance", r)));
  },
} satisfies ExportedHandler<Env, unknown>;
