// Use-case presets: sensible defaults for the fields a prospect leaves empty, and the mapping
// from the form's words (pages, "standard speed") to the engine's input (tokens, tokens/s).
import type { SizingInput } from "../sizing/schema";
import type { WorkloadRequest } from "./schema";

/** A page of text ≈ 500 words; the seed's one token ≈ 3/4 of a word gives 667 tokens, rounded
 *  up to 700 because Polish takes more tokens per word than English. */
export const TOKENS_PER_PAGE = 700;
/** Room for the model's answer on top of the longest input. */
export const ANSWER_ALLOWANCE_TOKENS = 2_048;

/** Tokens/s per stream: 25 is the seed's "comfortable conversation"; 20 the engine default. */
export const SPEED_TARGETS = { relaxed: 10, standard: 20, fast: 40 } as const;

export interface Preset {
  typicalPages: number;
  longestPages: number;
  modality: "text" | "image" | "video";
  deployment: "pilot" | "production";
  /** Time to first token for the typical prompt, seconds. */
  ttftSeconds: number;
}

export const PRESETS: Record<WorkloadRequest["useCase"], Preset> = {
  chat: { typicalPages: 2, longestPages: 20, modality: "text", deployment: "pilot", ttftSeconds: 5 },
  rag: { typicalPages: 12, longestPages: 45, modality: "text", deployment: "production", ttftSeconds: 10 },
  agents: { typicalPages: 20, longestPages: 90, modality: "text", deployment: "production", ttftSeconds: 20 },
  coding: { typicalPages: 30, longestPages: 180, modality: "text", deployment: "pilot", ttftSeconds: 20 },
  vision: { typicalPages: 2, longestPages: 10, modality: "image", deployment: "pilot", ttftSeconds: 15 },
};

const toTokens = (amount: number, unit: "pages" | "tokens") => Math.round(unit === "pages" ? amount * TOKENS_PER_PAGE : amount);

export function toSizingInput(w: WorkloadRequest): SizingInput {
  const preset = PRESETS[w.useCase];
  const typical = toTokens(
    w.typicalAmount ?? (w.amountUnit === "pages" ? preset.typicalPages : preset.typicalPages * TOKENS_PER_PAGE),
    w.amountUnit,
  );
  const longest = Math.max(
    typical,
    toTokens(w.longestAmount ?? (w.amountUnit === "pages" ? preset.longestPages : preset.longestPages * TOKENS_PER_PAGE), w.amountUnit),
  );
  return {
    concurrentStreams: w.concurrentUsers,
    totalUsers: w.totalUsers,
    contextTokens: Math.min(1_010_000, Math.max(4_096, longest + ANSWER_ALLOWANCE_TOKENS)),
    promptTokens: Math.min(1_010_000, Math.max(1, typical)),
    targetDecodeTokensPerSecond: SPEED_TARGETS[w.speed],
    targetTimeToFirstTokenSeconds: preset.ttftSeconds,
    modality: w.modality ?? preset.modality,
    fineTuning: { method: w.fineTuning },
    quality: w.quality,
    production: (w.deployment ?? preset.deployment) === "production",
    budgetNetGrosze: w.budgetPln !== undefined ? w.budgetPln * 100 : undefined,
  };
}
