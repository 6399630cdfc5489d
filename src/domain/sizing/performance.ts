// Speed physics: decode as a roofline over the bytes and FLOPs of one step, with per-step
// latency floors; prefill (time to first token) from FLOPs, attention's quadratic term included.
import { DECODE_COMPUTE_EFFICIENCY, KERNEL_FLOOR_SECONDS_PER_LAYER, MEMORY_BANDWIDTH_EFFICIENCY } from "./constants";
import { expertsTouched, type ModelShape } from "./memory";
import type { Architecture } from "./schema";

/** Where a replica's bytes sit and how fast one unit reads them. */
export interface DecodePlacement {
  /** Aggregate GPU-memory bandwidth of one unit (all its GPUs in tensor parallel), bytes/s. */
  fastBandwidthBytesPerSecond: number;
  /** Share of routed-expert bytes held in slower pools, with their bandwidths. */
  slowPools: readonly { shareOfExperts: number; bandwidthBytesPerSecond: number }[];
  /** Dense FLOP/s of one unit at the format's compute precision. */
  unitPeakFlops: number;
  /** Number of all-reduces per layer × latency; zero for one GPU. */
  allReduceSecondsPerLayer: number;
  /** Units a token passes through in a pipeline, and the latency of each hop. */
  pipelineStages: number;
  hopLatencySeconds: number;
}

export interface StreamBytes {
  /** Dense weight bytes read per step (shared by the batch). */
  denseReadBytes: number;
  /** Bytes of one routed expert in one layer. */
  expertBytes: number;
  /** KV bytes one stream reads per token (its whole context), plus its linear state read and written. */
  perStreamBytes: number;
}

/** Attention FLOPs per generated token at a context: QK and AV over every cached position. */
export function attentionFlopsPerToken(a: Architecture, contextTokens: number): number {
  const h = a.attention.queryHeads;
  const d = a.attention.headDim;
  const sliding = a.layers.slidingWindow;
  const positions = a.layers.fullAttention * contextTokens + (sliding ? sliding.count * Math.min(contextTokens, sliding.windowTokens) : 0);
  return 4 * h * d * positions;
}

export interface DecodeStep {
  seconds: number;
  memorySeconds: number;
  computeSeconds: number;
  floorSeconds: number;
  bytesRead: number;
  boundBy: "memory" | "compute";
}

/**
 * One decode step of `batch` streams through one replica. A token crosses the pipeline's stages
 * one after another, each reading its share at one unit's bandwidth, so the step reads the whole
 * model at one unit's bandwidth. Pools are read one after another (a conservative sum).
 */
export function decodeStep(
  a: Architecture,
  shape: ModelShape,
  bytes: StreamBytes,
  placement: DecodePlacement,
  batch: number,
  contextTokens: number,
): DecodeStep {
  const touched = a.moe ? a.moe.moeLayers * expertsTouched(a.moe.experts, a.moe.activeExperts, batch) : 0;
  const routedBytes = touched * bytes.expertBytes;
  const slowShare = placement.slowPools.reduce((s, p) => s + p.shareOfExperts, 0);
  const fastBytes = bytes.denseReadBytes + (1 - slowShare) * routedBytes + batch * bytes.perStreamBytes;
  let memorySeconds = fastBytes / (placement.fastBandwidthBytesPerSecond * MEMORY_BANDWIDTH_EFFICIENCY);
  for (const p of placement.slowPools) {
    memorySeconds += (p.shareOfExperts * routedBytes) / (p.bandwidthBytesPerSecond * MEMORY_BANDWIDTH_EFFICIENCY);
  }
  const flops = batch * (2 * a.activeParams + attentionFlopsPerToken(a, contextTokens));
  const computeSeconds = flops / (placement.unitPeakFlops * DECODE_COMPUTE_EFFICIENCY);
  const floorSeconds =
    shape.totalLayers * (KERNEL_FLOOR_SECONDS_PER_LAYER + placement.allReduceSecondsPerLayer) +
    (placement.pipelineStages - 1) * placement.hopLatencySeconds;
  return {
    seconds: Math.max(memorySeconds, computeSeconds) + floorSeconds,
    memorySeconds,
    computeSeconds,
    floorSeconds,
    bytesRead: fastBytes + slowShare * routedBytes,
    boundBy: memorySeconds >= computeSeconds ? "memory" : "compute",
  };
}

/** Prefill FLOPs of a prompt: 2 × active parameters per token, causal attention over the prompt
 *  (2·P²·h·d per full layer), linear attention's state update (~P × state size per layer). */
export function prefillFlops(a: Architecture, promptTokens: number): number {
  const h = a.attention.queryHeads;
  const d = a.attention.headDim;
  const p = promptTokens;
  const sliding = a.layers.slidingWindow;
  const attention =
    2 * p * p * h * d * a.layers.fullAttention + (sliding ? 2 * p * Math.min(p, sliding.windowTokens) * h * d * sliding.count : 0);
  const linear = a.layers.linearAttention ? p * a.layers.linearAttention.stateBytesPerLayer * a.layers.linearAttention.count : 0;
  return 2 * a.activeParams * p + attention + linear;
}
