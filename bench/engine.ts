// Engine benchmark: median and p99 of one full recommendation (all candidates evaluated),
// in process, over the seed's personas and a heavy cluster case.
import { DEFAULT_PRICE_LIST } from "../src/domain/pricing/price-list";
import { DEFAULT_SETTINGS } from "../src/domain/pricing/settings";
import { recommend } from "../src/domain/sizing/engine";
import type { SizingInput } from "../src/domain/sizing/schema";

export const ENGINE_SCENARIOS: Record<string, SizingInput> = {
  "2 users prototyping": { concurrentStreams: 2, contextTokens: 16_384, targetDecodeTokensPerSecond: 15 },
  "4 users + LoRA 200B": { concurrentStreams: 4, contextTokens: 32_768, fineTuning: { method: "lora", modelParams: 200e9 } },
  "30 users RAG": { concurrentStreams: 30, contextTokens: 32_768, promptTokens: 8_000, production: true },
  "80 agents + LoRA": { concurrentStreams: 80, contextTokens: 32_768, production: true, fineTuning: { method: "lora" } },
  "2,000 users, 128K": { concurrentStreams: 2_000, contextTokens: 131_072, production: true },
};

export interface EngineTiming {
  scenario: string;
  medianMs: number;
  p99Ms: number;
  runs: number;
}

export function benchEngine(runs = 2_000): EngineTiming[] {
  const data = { priceList: DEFAULT_PRICE_LIST, settings: DEFAULT_SETTINGS };
  const out: EngineTiming[] = [];
  for (const [scenario, input] of Object.entries(ENGINE_SCENARIOS)) {
    for (let i = 0; i < 200; i++) recommend(input, data);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      recommend(input, data);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    out.push({ scenario, medianMs: round3(at(0.5)), p99Ms: round3(at(0.99)), runs });
  }
  return out;
}

const round3 = (x: number) => Math.round(x * 1_000) / 1_000;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(benchEngine());
}
