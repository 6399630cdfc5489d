// Starts `wrangler dev` on a fresh local D1 (migrations applied) for scripts that test or load
// the running Worker; returns its base URL and a stop function.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A copy of wrangler.toml for load runs: the same Worker and bindings, with the rate limits raised
 * (a load generator is one client) and without queue consumers (so thousands of e-mails are not
 * rendered while the intake is measured; the outbox rows stay pending).
 */
export function loadConfig() {
  const path = "wrangler.load.generated.toml";
  let text = readFileSync("wrangler.toml", "utf8").replace(
    /simple = \{ limit = \d+, period = 60 \}/g,
    "simple = { limit = 1000000, period = 60 }",
  );
  text = text.replace(/\[\[queues\.consumers\]\][\s\S]*?(?=\n\[\[|\n\[(?!\[))/g, "");
  writeFileSync(path, text);
  return path;
}

export async function serveLocal({ port = 8790, vars = {}, config = "wrangler.toml" } = {}) {
  const persist = mkdtempSync(join(tmpdir(), "sizewise-"));
  const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" };
  const migrate = spawnSync(
    "npx",
    ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist, "--config", config],
    {
      env,
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
  const varArgs = Object.entries({ PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...vars }).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const child = spawn(
    "npx",
    ["wrangler", "dev", "--port", String(port), "--persist-to", persist, "--config", config, "--test-scheduled", ...varArgs],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() - started > 90_000) {
      process.kill(-child.pid, "SIGTERM");
      throw new Error(`wrangler dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const sql = (command) => {
    const out = spawnSync(
      "npx",
      ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", persist, "--config", config, "--json", "--command", command],
      { env, encoding: "utf8" },
    );
    if (out.status !== 0) throw new Error(`d1 execute failed: ${out.stderr}`);
    return JSON.parse(out.stdout)[0].results;
  };
  return {
    base,
    sql,
    log: () => log,
    stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      rmSync(persist, { recursive: true, force: true });
    },
  };
}
