// Calibration against the published measurements of sizing-facts.md §5, each within 25%.
import { describe, expect, it } from "vitest";
import { ACCELERATORS, HOST_RAM_MEASURED_FRACTION } from "../../src/domain/catalog/hardware";
import { candidate, GB, relativeError, size } from "./helpers";

const anySpeed = { targetDecodeTokensPerSecond: 1, targetTimeToFirstTokenSeconds: 3_600 } as const;

const llama33_70b = {
  name: "Llama-3.3-70B",
  totalParams: 70.6e9,
  activeParams: 70.6e9,
  hiddenSize: 8_192,
  layers: { fullAttention: 80 },
  attention: { kind: "gqa" as const, queryHeads: 64, kvHeads: 8, headDim: 128 },
  nativeContextTokens: 131_072,
  maxContextTokens: 131_072,
};

describe("calibration against measurements", () => {
  it("DGX Spark, llama.cpp, gpt-oss-120b MXFP4: 59.0 tok/s generation (tg32)", () => {
    const r = size({ model: "gpt-oss-120b", precision: "mxfp4_moe", contextTokens: 256, ...anySpeed });
    const c = candidate(r, "edgexpert");
    expect(c.configuration?.units).toBe(1);
    expect(relativeError(c.performance?.decodeTokensPerSecondPerStream ?? 0, 59.0)).toBeLessThan(0.25);
  });

  it("DGX Spark, llama.cpp, gpt-oss-120b MXFP4: 1,937.5 tok/s prompt processing (pp2048)", () => {
    const r = size({ model: "gpt-oss-120b", precision: "mxfp4_moe", contextTokens: 2_048, promptTokens: 2_048, ...anySpeed });
    const ttft = candidate(r, "edgexpert").performance?.timeToFirstTokenSeconds ?? 0;
    expect(relativeError(2_048 / ttft, 1_937.5)).toBeLessThan(0.25);
  });

  it("DGX Spark, vLLM, gpt-oss-120b: 58.8 tok/s (same weights, same bandwidth budget)", () => {
    const r = size({ model: "gpt-oss-120b", precision: "mxfp4_moe", contextTokens: 256, ...anySpeed });
    expect(relativeError(candidate(r, "edgexpert").performance?.decodeTokensPerSecondPerStream ?? 0, 58.8)).toBeLessThan(0.25);
  });

  it("DGX Spark, Llama-3.3-70B NVFP4: ~4 tok/s measured where the plain roofline says 6.72", () => {
    const r = size({ model: llama33_70b, precision: "nvfp4", contextTokens: 256, ...anySpeed });
    const c = candidate(r, "edgexpert");
    expect(c.configuration?.units).toBe(1);
    expect(relativeError(c.performance?.decodeTokensPerSecondPerStream ?? 0, 4)).toBeLessThan(0.25);
    const plainRoofline = ACCELERATORS.gb10.bandwidthBytesPerSecond / (c.configuration?.weightsBytes ?? 1);
    expect(relativeError(plainRoofline, 6.72)).toBeLessThan(0.05);
  });

  it("4x RTX PRO 6000, vLLM, Qwen3.5-397B-A17B NVFP4, one request: 70-86 tok/s", () => {
    const r = size({ precision: "nvfp4", contextTokens: 4_096, ...anySpeed });
    const c = candidate(r, "cg290-rtxpro6000x4");
    const speed = c.performance?.decodeTokensPerSecondPerStream ?? 0;
    expect(relativeError(speed, (70 + 86) / 2)).toBeLessThan(0.25);
  });

  it("expert offload decodes at the measured (STREAM) RAM bandwidth, not the rated one", () => {
    expect(HOST_RAM_MEASURED_FRACTION).toBeCloseTo(84.9 / 204.8, 6);
    const r = size({ precision: "bf16", contextTokens: 8_192, allowExpertOffload: true, ...anySpeed });
    const c = candidate(r, "cg290-rtxpro6000x4");
    expect(c.configuration?.expertOffload).toBe(true);
    const offloaded = c.memory?.expertPlacementBytes.offload ?? 0;
    // Routed bytes per token × share offloaded, read at 8 × DDR5-6400 × 8 B × measured fraction × 70%.
    const routedPerToken = 10 * 60 * 3 * 4_096 * 1_024 * 2;
    const ramSeconds = ((offloaded / (2 * 386.55 * GB)) * routedPerToken) / (409.6e9 * HOST_RAM_MEASURED_FRACTION * 0.7);
    expect(1 / (c.performance?.decodeTokensPerSecondPerStream ?? 1)).toBeGreaterThan(ramSeconds);
    expect(relativeError(1 / (c.performance?.decodeTokensPerSecondPerStream ?? 1), ramSeconds)).toBeLessThan(0.5);
  });
});
