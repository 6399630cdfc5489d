// The sizing engine's input: one zod schema gives validation, the TypeScript type and the
// OpenAPI component. Limits are physical (a context no model supports is an input error).
import { z } from "zod";

const int = () => z.number().int();

export const linearAttentionSchema = z.object({
  count: int().min(0).max(1_000),
  /** Recurrent state kept per sequence per layer (constant in context length), bytes. */
  stateBytesPerLayer: z.number().min(0).max(1e10),
});

export const architectureSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    totalParams: z.number().positive().max(1e13),
    activeParams: z.number().positive().max(1e13),
    hiddenSize: int().positive().max(100_000),
    layers: z.object({
      fullAttention: int().min(0).max(1_000),
      slidingWindow: z.object({ count: int().min(0).max(1_000), windowTokens: int().positive().max(10_000_000) }).optional(),
      linearAttention: linearAttentionSchema.optional(),
    }),
    attention: z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("gqa"),
        queryHeads: int().positive().max(1_024),
        kvHeads: int().positive().max(1_024),
        headDim: int().positive().max(4_096),
      }),
      z.object({
        kind: z.literal("mla"),
        queryHeads: int().positive().max(1_024),
        latentDim: int().positive().max(65_536),
        ropeDim: int().min(0).max(4_096),
        /** Per-head dimension used in attention scores (for attention FLOPs). */
        headDim: int().positive().max(4_096),
      }),
    ]),
    moe: z
      .object({
        experts: int().positive().max(100_000),
        /** Routed experts chosen per token (shared experts count as dense weights). */
        activeExperts: int().positive().max(1_000),
        /** Parameters of one routed expert in one layer. */
        expertParams: z.number().positive().max(1e11),
        moeLayers: int().positive().max(1_000),
      })
      .optional(),
    nativeContextTokens: int().positive().max(100_000_000),
    maxContextTokens: int().positive().max(100_000_000),
    visionEncoderParams: z.number().min(0).max(1e11).optional(),
    /** Published weight files; the engine uses a file's real size when it suggests that file. */
    knownFiles: z
      .array(z.object({ formatId: z.string(), name: z.string(), bytes: z.number().positive(), source: z.string() }))
      .max(50)
      .optional(),
    source: z.string().max(500).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.activeParams > a.totalParams) {
      ctx.addIssue({ code: "custom", path: ["activeParams"], message: "activeParams exceeds totalParams" });
    }
    if (a.moe) {
      if (a.moe.activeExperts > a.moe.experts) {
        ctx.addIssue({ code: "custom", path: ["moe", "activeExperts"], message: "more active experts than experts" });
      }
      const routed = a.moe.experts * a.moe.expertParams * a.moe.moeLayers;
      const routedActive = a.moe.activeExperts * a.moe.expertParams * a.moe.moeLayers;
      if (routed > a.totalParams * 1.0001 || routedActive > a.activeParams * 1.0001) {
        ctx.addIssue({ code: "custom", path: ["moe", "expertParams"], message: "experts exceed the parameter counts" });
      }
    }
    const layers = a.layers.fullAttention + (a.layers.slidingWindow?.count ?? 0) + (a.layers.linearAttention?.count ?? 0);
    if (layers === 0) ctx.addIssue({ code: "custom", path: ["layers"], message: "a model needs at least one layer" });
    if (a.maxContextTokens < a.nativeContextTokens) {
      ctx.addIssue({ code: "custom", path: ["maxContextTokens"], message: "below the native context" });
    }
  });

export type Architecture = z.infer<typeof architectureSchema>;

export const FINE_TUNING_METHODS = ["none", "lora", "qlora", "full"] as const;
export const QUALITY_LEVELS = ["max", "balanced", "economy"] as const;
export const MODALITIES = ["text", "image", "video"] as const;

export const fineTuningSchema = z
  .object({
    method: z.enum(FINE_TUNING_METHODS).default("none"),
    /** A catalog model to train; or give modelParams for "a model up to N parameters". */
    modelId: z.string().max(80).optional(),
    modelParams: z.number().positive().max(1e13).optional(),
    sequenceLength: int().min(128).max(1_010_000).default(4_096),
    loraRank: int().min(1).max(1_024).default(16),
  })
  .default({ method: "none", sequenceLength: 4_096, loraRank: 16 });

export const alongsideModelSchema = z.object({
  modelId: z.string().max(80),
  formatId: z.string().max(40).default("fp8"),
  streams: int().min(1).max(10_000).default(1),
  contextTokens: int().min(128).max(1_010_000).default(8_192),
});

export const sizingInputSchema = z.object({
  model: z.union([z.string().min(1).max(80), architectureSchema]).default("qwen3.5-397b-a17b"),
  /** Streams decoding at once: people typing at the same moment, each agent counts as one. */
  concurrentStreams: int().min(1).max(100_000).default(1),
  /** People who have access (informational). */
  totalUsers: int().min(1).max(1_000_000).optional(),
  /** Context held per stream, tokens. */
  contextTokens: int().min(256).max(1_010_000).default(32_768),
  /** A typical prompt, for time to first token. */
  promptTokens: int().min(1).max(1_010_000).default(2_000),
  targetDecodeTokensPerSecond: z.number().min(1).max(1_000).default(20),
  targetTimeToFirstTokenSeconds: z.number().min(0.05).max(3_600).default(10),
  modality: z.enum(MODALITIES).default("text"),
  fineTuning: fineTuningSchema,
  precision: z.string().max(40).default("auto"),
  quality: z.enum(QUALITY_LEVELS).default("balanced"),
  kvCacheType: z.enum(["auto", "f16", "q8_0", "q4_0", "q8_0/q4_0"]).default("auto"),
  alongside: z.array(alongsideModelSchema).max(10).default([]),
  /** Extra concurrent streams to plan for, percent. */
  headroomPercent: z.number().min(0).max(500).default(0),
  budgetNetGrosze: int().min(0).max(1e13).optional(),
  allowExpertOffload: z.boolean().default(false),
  /** A service run around the clock for many people: needs a rack server. */
  production: z.boolean().default(false),
  energyPriceGroszePerKwh: int().min(0).max(100_000).optional(),
  /** Only these catalog systems (a sales revision that fixes the configuration). */
  systems: z.array(z.string().max(60)).min(1).max(20).optional(),
});

export type SizingInput = z.input<typeof sizingInputSchema>;
export type SizingRequest = z.output<typeof sizingInputSchema>;
