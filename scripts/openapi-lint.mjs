// Fetches /openapi.json from the Worker under `wrangler dev` and lints it with Redocly's
// recommended rules. Exits non-zero when the document has errors.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { serveLocal } from "./serve-local.mjs";

const server = await serveLocal({ port: 8793 });
let status = 1;
try {
  const doc = await (await fetch(`${server.base}/openapi.json`)).json();
  mkdirSync("dist", { recursive: true });
  writeFileSync("dist/openapi.json", JSON.stringify(doc, null, 2));
  const lint = spawnSync("redocly", ["lint", "dist/openapi.json", "--format", "stylish"], {
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  status = lint.status ?? 1;
} finally {
  server.stop();
}
process.exit(status);
