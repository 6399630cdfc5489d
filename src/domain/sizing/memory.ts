// Memory physics: weights per format and tensor group, KV cache from the attention layout,
// linear-attention state, vision encoder. Pure functions of the architecture; bytes throughout.
import type { KvCacheType, WeightFormat } from "../catalog/formats";
import type { Architecture } from "./schema";

export interface ModelShape {
  totalLayers: number;
  /** Routed-expert parameters, all experts of all MoE layers. */
  routedParamsTotal: number;
  /** Routed-expert parameters one token uses (activeExperts per MoE layer). */
  routedParamsActive: number;
  /** Everything else: attention, linear attention, shared experts, embeddings, output head. */
  denseParamsTotal: number;
  /** Dense parameters read per generated token: active minus routed active. */
  denseParamsReadPerToken: number;
}

export function modelShape(a: Architecture): ModelShape {
  const routedParamsTotal = a.moe ? a.moe.experts * a.moe.expertParams * a.moe.moeLayers : 0;
  const routedParamsActive = a.moe ? a.moe.activeExperts * a.moe.expertParams * a.moe.moeLayers : 0;
  return {
    totalLayers: a.layers.fullAttention + (a.layers.slidingWindow?.count ?? 0) + (a.layers.linearAttention?.count ?? 0),
    routedParamsTotal,
    routedParamsActive,
    denseParamsTotal: Math.max(0, a.totalParams - routedParamsTotal),
    denseParamsReadPerToken: Math.max(0, a.activeParams - routedParamsActive),
  };
}

export interface WeightsSize {
  bytes: number;
  expertBytes: number;
  denseBytes: number;
  /** Published file whose size was used instead of the formula, if any. */
  fileName?: string;
  /** Published size / formula size: scales bytes read per token too. */
  fileScale: number;
}

/** Formula: parameters × effective bits / 8, separately for routed experts and the rest. */
export function weightsFormulaBytes(a: Architecture, f: WeightFormat): number {
  const s = modelShape(a);
  return (s.routedParamsTotal * f.expertBitsPerWeight + s.denseParamsTotal * f.denseBitsPerWeight) / 8;
}

export function weightsSize(a: Architecture, f: WeightFormat): WeightsSize {
  const s = modelShape(a);
  const expertBytes = (s.routedParamsTotal * f.expertBitsPerWeight) / 8;
  const denseBytes = (s.denseParamsTotal * f.denseBitsPerWeight) / 8;
  const formula = expertBytes + denseBytes;
  const file = a.knownFiles?.find((k) => k.formatId === f.id);
  if (!file) return { bytes: formula, expertBytes, denseBytes, fileScale: 1 };
  const fileScale = file.bytes / formula;
  return {
    bytes: file.bytes,
    expertBytes: expertBytes * fileScale,
    denseBytes: denseBytes * fileScale,
    fileName: file.name,
    fileScale,
  };
}

/**
 * KV bytes one token adds in one full-attention layer: K and V for each KV head (GQA), or one
 * compressed latent plus the decoupled RoPE key (MLA, stored in the K cache).
 */
export function kvBytesPerTokenPerLayer(a: Architecture, kv: KvCacheType): number {
  if (a.attention.kind === "mla") return ((a.attention.latentDim + a.attention.ropeDim) * kv.keyBits) / 8;
  return (a.attention.kvHeads * a.attention.headDim * (kv.keyBits + kv.valueBits)) / 8;
}

/** KV cache of one stream holding `contextTokens`: full layers grow with it, sliding windows stop at the window. */
export function kvCacheBytesPerStream(a: Architecture, kv: KvCacheType, contextTokens: number): number {
  const perLayer = kvBytesPerTokenPerLayer(a, kv);
  const sliding = a.layers.slidingWindow;
  const slidingTokens = sliding ? sliding.count * Math.min(contextTokens, sliding.windowTokens) : 0;
  return perLayer * (a.layers.fullAttention * contextTokens + slidingTokens);
}

/** Linear-attention layers keep a constant state per stream, whatever the context. */
export function linearStateBytesPerStream(a: Architecture): number {
  const l = a.layers.linearAttention;
  return l ? l.count * l.stateBytesPerLayer : 0;
}

/** The vision encoder is kept in BF16 next to the language model. */
export function visionEncoderBytes(a: Architecture, modality: "text" | "image" | "video"): number {
  return modality === "text" ? 0 : (a.visionEncoderParams ?? 0) * 2;
}

/**
 * Expected number of distinct experts a MoE layer touches in one decode step of `streams` tokens,
 * each choosing k of E uniformly: E × (1 − (1 − k/E)^B). Routing is not uniform in practice, so
 * this errs towards more reads (a conservative speed).
 */
export function expertsTouched(experts: number, activeExperts: number, streams: number): number {
  return experts * (1 - (1 - activeExperts / experts) ** streams);
}
