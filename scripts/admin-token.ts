// Creates (or revokes) an admin API token in the local or the remote D1. The token is printed
// once; only its SHA-256 hash is stored.
//   npm run admin:token -- --name alice --role sales [--remote]
//   npm run admin:token -- --revoke alice [--remote]
import { execFileSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    role: { type: "string", default: "sales" },
    remote: { type: "boolean", default: false },
    revoke: { type: "string" },
  },
});
const where = values.remote ? "--remote" : "--local";
const sqlText = (v: string) => `'${v.replaceAll("'", "''")}'`;
const run = (sql: string) =>
  execFileSync("wrangler", ["d1", "execute", "DB", where, "--command", sql], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
  });

if (values.revoke) {
  run(
    `UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE name = ${sqlText(values.revoke)} AND revoked_at IS NULL`,
  );
  console.log(`revoked tokens named ${values.revoke} (${where.slice(2)})`);
} else {
  if (!values.name || !/^[\w.@-]{1,80}$/.test(values.name)) throw new Error("--name is required: letters, digits, . @ _ -");
  if (values.role !== "sales" && values.role !== "admin") throw new Error("--role is sales or admin");
  const token = `sw_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  run(
    `INSERT INTO api_tokens (id, name, role, token_hash) VALUES (${sqlText(randomUUID())}, ${sqlText(values.name)}, ${sqlText(values.role)}, ${sqlText(hash)})`,
  );
  console.log(`token for ${values.name} (${values.role}, ${where.slice(2)} database), shown once:\n${token}`);
}
