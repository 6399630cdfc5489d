// Properties that hold for every valid workload (fast-check, 1,000 runs each).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEIGHT_FORMATS } from "../../src/domain/catalog/formats";
import type { SizingResult } from "../../src/domain/sizing/engine";
import type { Architecture, SizingInput } from "../../src/domain/sizing/schema";
import { size } from "./helpers";

const RUNS = { numRuns: 1_000 };
const MODEL_IDS = ["qwen3.5-397b-a17b", "qwen3-32b", "llama-4-maverick", "deepseek-v3.2", "qwen3-next-80b-a3b", "gpt-oss-120b"];

const customArchitecture: fc.Arbitrary<Architecture> = fc
  .record({
    layers: fc.integer({ min: 1, max: 120 }),
    hidden: fc.integer({ min: 256, max: 16_384 }),
    kvHeads: fc.integer({ min: 1, max: 64 }),
    headDim: fc.constantFrom(64, 128, 256),
    experts: fc.option(
      fc.record({
        count: fc.integer({ min: 2, max: 512 }),
        activeShare: fc.double({ min: 0, max: 1, noNaN: true }),
        intermediate: fc.integer({ min: 64, max: 8_192 }),
      }),
      { nil: undefined },
    ),
    denseParams: fc.double({ min: 1e8, max: 5e10, noNaN: true }),
    context: fc.integer({ min: 2_048, max: 1_048_576 }),
  })
  .map((g) => {
    const expertParams = 3 * g.hidden * (g.experts?.intermediate ?? 1);
    // Keep the model within the schema's 10^13 parameters.
    const experts = Math.max(2, Math.min(g.experts?.count ?? 2, Math.floor(5e12 / (expertParams * g.layers))));
    const moe = g.experts
      ? {
          experts,
          activeExperts: Math.max(1, Math.min(experts, Math.round(g.experts.activeShare * experts))),
          expertParams,
          moeLayers: g.layers,
        }
      : undefined;
    const routed = moe ? moe.experts * moe.expertParams * moe.moeLayers : 0;
    const routedActive = moe ? moe.activeExperts * moe.expertParams * moe.moeLayers : 0;
    return {
      name: "custom",
      totalParams: g.denseParams + routed,
      activeParams: g.denseParams + routedActive,
      hiddenSize: g.hidden,
      layers: { fullAttention: g.layers },
      attention: { kind: "gqa" as const, queryHeads: g.kvHeads * 4, kvHeads: g.kvHeads, headDim: g.headDim },
      moe,
      nativeContextTokens: g.context,
      maxContextTokens: g.context,
    };
  });

const workload = fc.record({
  model: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MODEL_IDS) }, { weight: 1, arbitrary: customArchitecture }),
  concurrentStreams: fc.integer({ min: 1, max: 2_000 }),
  contextTokens: fc.integer({ min: 256, max: 1_010_000 }),
  promptTokens: fc.integer({ min: 1, max: 200_000 }),
  targetDecodeTokensPerSecond: fc.double({ min: 1, max: 200, noNaN: true }),
  targetTimeToFirstTokenSeconds: fc.double({ min: 0.05, max: 600, noNaN: true }),
  modality: fc.constantFrom("text", "image", "video"),
  fineTuning: fc.record({
    method: fc.constantFrom("none", "lora", "qlora", "full"),
    modelParams: fc.option(fc.double({ min: 1e9, max: 1e12, noNaN: true }), { nil: undefined }),
    sequenceLength: fc.integer({ min: 128, max: 32_768 }),
  }),
  precision: fc.constantFrom("auto", "auto", ...WEIGHT_FORMATS.map((f) => f.id)),
  quality: fc.constantFrom("max", "balanced", "economy"),
  kvCacheType: fc.constantFrom("auto", "f16", "q8_0", "q4_0", "q8_0/q4_0"),
  alongside: fc.subarray([{ modelId: "qwen3-32b" }, { modelId: "qwen3-embedding-0.6b" }]),
  headroomPercent: fc.integer({ min: 0, max: 100 }),
  allowExpertOffload: fc.boolean(),
  production: fc.boolean(),
}) as fc.Arbitrary<SizingInput>;

const price = (r: SizingResult) => r.recommendation?.cost?.totals.netGrosze ?? Number.POSITIVE_INFINITY;
const HEAVIER = { none: "qlora", qlora: "lora", lora: "full", full: "full" } as const;

describe("engine properties", () => {
  it("never throws on a valid input and always answers with a recommendation or a custom project", () => {
    fc.assert(
      fc.property(workload, (input) => {
        const r = size(input);
        expect(["recommended", "custom_project"]).toContain(r.status);
        expect(r.explanation.pl.length).toBeGreaterThan(20);
        expect(r.explanation.en.length).toBeGreaterThan(20);
      }),
      RUNS,
    );
  });

  it("never gets cheaper with more streams, a longer context, a higher speed target or heavier fine-tuning", () => {
    const bump = fc.constantFrom("streams", "context", "speed", "fineTuning");
    fc.assert(
      fc.property(workload, bump, fc.double({ min: 1.01, max: 4, noNaN: true }), (input, what, factor) => {
        const base = size(input);
        const heavier: SizingInput = { ...input };
        if (what === "streams") heavier.concurrentStreams = Math.min(100_000, Math.ceil((input.concurrentStreams ?? 1) * factor));
        if (what === "context") heavier.contextTokens = Math.min(1_010_000, Math.ceil((input.contextTokens ?? 32_768) * factor));
        if (what === "speed") heavier.targetDecodeTokensPerSecond = Math.min(1_000, (input.targetDecodeTokensPerSecond ?? 20) * factor);
        if (what === "fineTuning") heavier.fineTuning = { ...input.fineTuning, method: HEAVIER[input.fineTuning?.method ?? "none"] };
        expect(price(size(heavier))).toBeGreaterThanOrEqual(price(base));
      }),
      RUNS,
    );
  });

  it("gives memory breakdowns that sum to their totals and prices that equal the sum of their lines", () => {
    fc.assert(
      fc.property(workload, (input) => {
        const r = size(input);
        for (const c of r.candidates) {
          if (c.memory) {
            const sum = c.memory.items.reduce((s, i) => s + i.bytes, 0);
            expect(sum).toBe(c.memory.totalBytes);
            expect(c.memory.items.every((i) => i.bytes >= 0)).toBe(true);
          }
          if (c.cost) {
            const lines = c.cost.lines.reduce((s, l) => s + l.unitNetGrosze * l.quantity, 0);
            expect(c.cost.totals.netGrosze).toBe(lines);
            expect(c.cost.totals.grossGrosze).toBe(c.cost.totals.netGrosze + c.cost.totals.vatGrosze);
            expect(Number.isInteger(c.cost.totals.vatGrosze)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});
