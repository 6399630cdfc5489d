// `npm run size -- --users 30 --context 32k --fine-tune lora`: the engine from the command line,
// on the default price list and settings. `--json` prints the whole result.
import { parseArgs } from "node:util";
import { WEIGHT_FORMATS } from "../domain/catalog/formats";
import { MODELS } from "../domain/catalog/models";
import { formatPln } from "../domain/pricing/money";
import { DEFAULT_PRICE_LIST } from "../domain/pricing/price-list";
import { DEFAULT_SETTINGS } from "../domain/pricing/settings";
import { recommend } from "../domain/sizing/engine";
import { type SizingInput, sizingInputSchema } from "../domain/sizing/schema";

const OPTIONS = {
  model: { type: "string", help: `catalog model (${MODELS.map((m) => m.id).join(", ")})` },
  users: { type: "string", help: "concurrent streams: people or agents generating at once" },
  "total-users": { type: "string", help: "people with access (informational)" },
  context: { type: "string", help: "context tokens per stream, e.g. 32k, 262144, 1m" },
  prompt: { type: "string", help: "typical prompt tokens, for time to first token (default 2k)" },
  speed: { type: "string", help: "target tokens/s per stream (default 20)" },
  ttft: { type: "string", help: "target time to first token, seconds (default 10)" },
  modality: { type: "string", help: "text | image | video" },
  "fine-tune": { type: "string", help: "none | lora | qlora | full" },
  "fine-tune-model": { type: "string", help: "model to train: a catalog id or a size such as 200b" },
  "fine-tune-seq": { type: "string", help: "training sequence length (default 4k)" },
  precision: { type: "string", help: `auto | ${WEIGHT_FORMATS.map((f) => f.id).join(" | ")}` },
  quality: { type: "string", help: "max | balanced | economy" },
  kv: { type: "string", help: "auto | f16 | q8_0 | q4_0 | q8_0/q4_0" },
  alongside: { type: "string", help: "side models, comma-separated catalog ids" },
  headroom: { type: "string", help: "extra concurrent streams to plan for, percent" },
  budget: { type: "string", help: "budget in PLN net" },
  "energy-price": { type: "string", help: "PLN per kWh net" },
  offload: { type: "boolean", help: "allow expert offload to system RAM" },
  production: { type: "boolean", help: "a production service: rack servers only" },
  json: { type: "boolean", help: "print the full result as JSON" },
  help: { type: "boolean", help: "this help" },
} as const;

/** "32k" → 32,768; "1m" → 1,048,576; "200b" → 2e11; plain numbers as they are. */
export function parseQuantity(text: string, binary = true): number {
  const m = /^\s*([\d.]+)\s*([kmb]?)\s*$/i.exec(text);
  if (!m?.[1]) return Number.NaN;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  if (unit === "k") return Math.round(n * (binary ? 1_024 : 1_000));
  if (unit === "m") return Math.round(n * (binary ? 1_048_576 : 1e6));
  if (unit === "b") return n * 1e9;
  return n;
}

function toInput(v: Record<string, string | boolean | undefined>): SizingInput {
  const num = (k: string, binary = true) => (typeof v[k] === "string" ? parseQuantity(v[k] as string, binary) : undefined);
  const ftModel = v["fine-tune-model"] as string | undefined;
  const ftParams = ftModel && /^[\d.]+b$/i.test(ftModel) ? parseQuantity(ftModel) : undefined;
  const input: SizingInput = {
    model: v.model as string | undefined,
    concurrentStreams: num("users"),
    totalUsers: num("total-users", false),
    contextTokens: num("context"),
    promptTokens: num("prompt"),
    targetDecodeTokensPerSecond: num("speed", false),
    targetTimeToFirstTokenSeconds: num("ttft", false),
    modality: v.modality as SizingInput["modality"],
    fineTuning: {
      method: (v["fine-tune"] as "none" | "lora" | "qlora" | "full" | undefined) ?? "none",
      modelId: ftModel && ftParams === undefined ? ftModel : undefined,
      modelParams: ftParams,
      sequenceLength: num("fine-tune-seq"),
    },
    precision: v.precision as string | undefined,
    quality: v.quality as SizingInput["quality"],
    kvCacheType: v.kv as SizingInput["kvCacheType"],
    alongside: typeof v.alongside === "string" ? v.alongside.split(",").map((modelId) => ({ modelId: modelId.trim() })) : undefined,
    headroomPercent: num("headroom", false),
    budgetNetGrosze: typeof v.budget === "string" ? Math.round(Number(v.budget) * 100) : undefined,
    energyPriceGroszePerKwh: typeof v["energy-price"] === "string" ? Math.round(Number(v["energy-price"]) * 100) : undefined,
    allowExpertOffload: v.offload === true ? true : undefined,
    production: v.production === true ? true : undefined,
  };
  return JSON.parse(JSON.stringify(input)) as SizingInput;
}

function help(): string {
  const lines = [
    "Usage: npm run size -- [options]",
    "",
    "Sizes a workload on the default price list and prints the recommendation and every candidate.",
    "",
  ];
  for (const [name, o] of Object.entries(OPTIONS)) lines.push(`  --${name.padEnd(18)} ${o.help}`);
  lines.push("", "Example: npm run size -- --users 30 --context 32k --fine-tune lora");
  return lines.join("\n");
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")).join("\n");
}

export function main(argv: string[]): number {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${help()}`);
    return 2;
  }
  if (values.help) {
    console.log(help());
    return 0;
  }
  for (const [name, value] of Object.entries(values)) {
    if (
      typeof value === "string" &&
      OPTIONS[name as keyof typeof OPTIONS]?.help.match(/^(concurrent|people|context|typical|target|extra|training seq)/) &&
      Number.isNaN(parseQuantity(value))
    ) {
      console.error(`invalid --${name}: "${value}" is not a number`);
      return 2;
    }
  }
  const parsed = sizingInputSchema.safeParse(toInput(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`invalid ${issue.path.join(".") || "input"}: ${issue.message}`);
    return 2;
  }
  const result = recommend(parsed.data, { priceList: DEFAULT_PRICE_LIST, settings: DEFAULT_SETTINGS });
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  console.log(result.explanation.en);
  console.log("");
  const rows = [["", "system", "units", "format", "KV", "tok/s/stream", "max streams", "TTFT s", "net PLN", "verdict"]];
  for (const c of result.candidates) {
    const t = c.cost?.totals;
    rows.push([
      c === result.recommendation ? "→" : "",
      c.systemName,
      String(c.configuration?.units ?? "-"),
      c.configuration?.formatLabel ?? "-",
      c.configuration?.kvCacheType ?? "-",
      String(c.performance?.decodeTokensPerSecondPerStream ?? "-"),
      String(c.performance?.maxStreamsMeetingTarget ?? "-"),
      String(c.performance?.timeToFirstTokenSeconds ?? "-"),
      t ? formatPln(t.netGrosze, "en").replace("PLN", "").trim() : "-",
      c.feasible
        ? c === result.recommendation
          ? "recommended"
          : c.adds.map((a) => a.en).join("; ") || "feasible"
        : (c.rejection?.en ?? "rejected"),
    ]);
  }
  console.log(table(rows));
  for (const w of result.warnings) console.log(`! ${w.en}`);
  if (result.recommendation?.configuration) console.log(`\nLaunch: ${result.recommendation.configuration.launchCommand}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
