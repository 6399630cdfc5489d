import { describe, expect, it } from "vitest";
import { findModel } from "../../src/domain/catalog/models";
import { GB, relativeError, size } from "./helpers";

describe("a custom architecture", () => {
  // gpt-oss-120b described from its config alone: no catalog id, no known file.
  const gptOss = {
    name: "my gpt-oss-120b",
    totalParams: 116.8e9,
    activeParams: 5.1e9,
    hiddenSize: 2_880,
    layers: { fullAttention: 18, slidingWindow: { count: 18, windowTokens: 128 } },
    attention: { kind: "gqa" as const, queryHeads: 64, kvHeads: 8, headDim: 64 },
    moe: { experts: 128, activeExperts: 4, expertParams: 3 * 2_880 * 2_880, moeLayers: 36 },
    nativeContextTokens: 131_072,
    maxContextTokens: 131_072,
  };

  it("sizes gpt-oss-120b from its architecture alone, like the catalog entry", () => {
    const custom = size({ model: gptOss, concurrentStreams: 4, contextTokens: 65_536 });
    const catalog = size({ model: "gpt-oss-120b", concurrentStreams: 4, contextTokens: 65_536 });
    expect(custom.status).toBe("recommended");
    expect(custom.model.name).toBe("my gpt-oss-120b");
    expect(custom.recommendation?.systemId).toBe(catalog.recommendation?.systemId);
    // MXFP4 experts + Q8_0 rest from the formula match the published 59.02 GiB file within 5%.
    const mx = size({ model: gptOss, precision: "mxfp4_moe", concurrentStreams: 1, targetDecodeTokensPerSecond: 1 });
    expect(relativeError(mx.recommendation?.configuration?.weightsBytes ?? 0, 59.02 * 2 ** 30)).toBeLessThan(0.05);
  });

  it("caps sliding-window layers at their window: 65K context costs far less KV than full attention would", () => {
    const r = size({ model: gptOss, precision: "mxfp4_moe", concurrentStreams: 1, contextTokens: 65_536, targetDecodeTokensPerSecond: 1 });
    const kv = r.recommendation?.memory?.items.find((i) => i.key === "kvCache")?.bytes ?? 0;
    // 18 full layers × 8 heads × 64 × 2 (K,V) × 2 B × 65,536 + 18 × 128 windowed tokens.
    expect(kv).toBe(18 * 8 * 64 * 2 * 2 * 65_536 + 18 * 8 * 64 * 2 * 2 * 128);
    expect(kv).toBeLessThan(5 * GB);
  });

  it("turns an architecture that exceeds its own context into a custom project, not an exception", () => {
    const r = size({ model: "qwen3-32b", contextTokens: 500_000 });
    expect(r.status).toBe("custom_project");
    expect(r.warnings.map((w) => w.code)).toContain("context_too_long");
    expect(findModel("qwen3-32b")?.maxContextTokens).toBe(131_072);
  });
});
