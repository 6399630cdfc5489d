// The sizing engine: for a workload, evaluates every system in the hardware catalog with every
// allowed weight format and KV-cache type, and recommends the cheapest configuration that fits in
// memory, meets the speed and time-to-first-token targets and supports the fine-tuning asked for.
import { findKvCacheType, KV_CACHE_TYPES, type KvCacheType, WEIGHT_FORMATS, type WeightFormat } from "../catalog/formats";
import { type Accelerator, SYSTEMS, type SystemSpec, type Tier } from "../catalog/hardware";
import { type CatalogModel, DEFAULT_MODEL_ID, findModel, MODELS } from "../catalog/models";
import { type PricedLine, priceBom, type Totals } from "../pricing/bom";
import type { PriceListItem } from "../pricing/price-list";
import type { Settings } from "../pricing/settings";
import {
  GPU_MEMORY_UTILIZATION,
  HOURS_PER_MONTH,
  IMAGE_PROMPT_TOKENS,
  KERNEL_FLOOR_SECONDS_PER_LAYER,
  MEMORY_BANDWIDTH_EFFICIENCY,
  PREFILL_COMPUTE_EFFICIENCY,
  QUALITY_KV_TYPES,
  QUALITY_MIN_BITS,
  RUNTIME_MAX_STREAMS,
  TCO_MONTHS,
  VIDEO_PROMPT_TOKENS,
} from "./constants";
import { describeResult } from "./explain";
import { type FineTuningMemory, fineTuningMemory, type TrainingTarget, typicalShape } from "./finetune";
import { launchCommand, weightsSuggestion } from "./launch";
import {
  kvCacheBytesPerStream,
  linearStateBytesPerStream,
  type ModelShape,
  modelShape,
  visionEncoderBytes,
  type WeightsSize,
  weightsSize,
} from "./memory";
import { type DecodePlacement, type DecodeStep, decodeStep, prefillFlops } from "./performance";
import { type Architecture, type SizingInput, type SizingRequest, sizingInputSchema } from "./schema";

export const ENGINE_VERSION = "1.0.0";

export interface Message {
  code: string;
  pl: string;
  en: string;
}

export interface EngineData {
  priceList: readonly PriceListItem[];
  settings: Settings;
}

export interface MemoryItem {
  key: "weights" | "kvCache" | "linearState" | "visionEncoder" | "alongside" | "runtimeReserve";
  bytes: number;
}

export interface MemoryBreakdown {
  items: MemoryItem[];
  totalBytes: number;
  capacityBytes: number;
  freeBytes: number;
  /** Where the routed experts sit: GPU memory, coherent tiered memory, host RAM (offload). */
  expertPlacementBytes: { gpu: number; tiered: number; offload: number };
}

export interface Performance {
  designStreams: number;
  streamsPerReplica: number;
  decodeTokensPerSecondPerStream: number;
  aggregateTokensPerSecond: number;
  maxStreamsMeetingTarget: number;
  timeToFirstTokenSeconds: number;
  promptTokens: number;
  boundBy: "memory" | "compute";
  stepMilliseconds: number;
  bytesReadPerStepGB: number;
  maxContextTokensPerStream: number;
}

export interface FineTuningVerdict {
  method: "none" | "lora" | "qlora" | "full";
  target: string | null;
  memory: FineTuningMemory | null;
  capacityBytes: number;
  fits: boolean;
}

export interface Configuration {
  systemId: string;
  systemName: string;
  tier: Tier;
  units: number;
  unitsPerReplica: number;
  replicas: number;
  gpus: number;
  accelerator: string;
  formatId: string;
  formatLabel: string;
  weightsBytes: number;
  weightsFile: string;
  kvCacheType: string;
  runtime: string;
  launchCommand: string;
  expertOffload: boolean;
}

export interface Cost {
  lines: PricedLine[];
  totals: Totals;
  hasEstimates: boolean;
  powerWatts: number;
  monthlyEnergyKwh: number;
  monthlyEnergyGrosze: number;
  tcoGrosze: number;
  tcoLowGrosze: number;
  tcoHighGrosze: number;
  tcoMonths: number;
}

export interface Candidate {
  systemId: string;
  systemName: string;
  tier: Tier;
  feasible: boolean;
  /** Why it cannot serve the workload (infeasible), or null. */
  rejection: Message | null;
  configuration: Configuration | null;
  memory: MemoryBreakdown | null;
  performance: Performance | null;
  fineTuning: FineTuningVerdict | null;
  cost: Cost | null;
  /** For feasible candidates dearer than the recommendation: the extra net cost and what it buys. */
  extraNetGrosze: number | null;
  adds: Message[];
  withinBudget: boolean | null;
}

export interface SizingResult {
  engineVersion: string;
  status: "recommended" | "custom_project";
  request: SizingRequest;
  model: { id: string | null; name: string; totalParams: number; activeParams: number };
  recommendation: Candidate | null;
  candidates: Candidate[];
  warnings: Message[];
  assumptions: Message[];
  explanation: { pl: string; en: string };
}

interface Context {
  req: SizingRequest;
  model: Architecture;
  modelId: string | null;
  huggingFace: string | null;
  shape: ModelShape;
  designStreams: number;
  promptTokens: number;
  formats: { format: WeightFormat; weights: WeightsSize; avgBits: number }[];
  kvTypes: KvCacheType[];
  statePerStream: number;
  visionBytes: number;
  alongsideBytes: number;
  training: TrainingTarget | null;
  data: EngineData;
}

const plNum = (x: number) => x.toLocaleString("pl-PL", { maximumFractionDigits: 4 });
const msg = (code: string, pl: string, en: string): Message => ({ code, pl, en });
const gb = (bytes: number) => (bytes / 1e9).toFixed(1);

function resolveModel(model: SizingRequest["model"]): { arch: Architecture; catalog: CatalogModel | null } | null {
  if (typeof model !== "string") return { arch: model, catalog: null };
  const found = findModel(model);
  return found ? { arch: found, catalog: found } : null;
}

function trainingTarget(req: SizingRequest, model: Architecture): TrainingTarget | null {
  const ft = req.fineTuning;
  if (ft.method === "none") return null;
  const catalog = ft.modelId ? findModel(ft.modelId) : undefined;
  if (catalog)
    return { name: catalog.name, params: catalog.totalParams, layers: modelShape(catalog).totalLayers, hiddenSize: catalog.hiddenSize };
  if (ft.modelParams) {
    const s = typicalShape(ft.modelParams);
    return { name: `${(ft.modelParams / 1e9).toFixed(0)}B`, params: ft.modelParams, ...s };
  }
  return { name: model.name, params: model.totalParams, layers: modelShape(model).totalLayers, hiddenSize: model.hiddenSize };
}

function alongsideBytes(req: SizingRequest): number {
  let bytes = 0;
  for (const m of req.alongside) {
    const arch = findModel(m.modelId);
    const format = WEIGHT_FORMATS.find((f) => f.id === m.formatId) ?? WEIGHT_FORMATS[1];
    const kv = KV_CACHE_TYPES[0];
    if (!arch || !format || !kv) continue;
    bytes +=
      weightsSize(arch, format).bytes + m.streams * (kvCacheBytesPerStream(arch, kv, m.contextTokens) + linearStateBytesPerStream(arch));
  }
  return bytes;
}

function buildContext(req: SizingRequest, data: EngineData): Context | Message {
  const resolved = resolveModel(req.model);
  if (!resolved) {
    return msg("unknown_model", `Nieznany model: ${String(req.model)}.`, `Unknown model: ${String(req.model)}.`);
  }
  const { arch, catalog } = resolved;
  const designStreams = Math.ceil(req.concurrentStreams * (1 + req.headroomPercent / 100));
  const visionTokens = req.modality === "image" ? IMAGE_PROMPT_TOKENS : req.modality === "video" ? VIDEO_PROMPT_TOKENS : 0;
  const totalParams = arch.totalParams;
  const minBits = QUALITY_MIN_BITS[req.quality];
  const formats = WEIGHT_FORMATS.filter((f) => f.runtime !== "mlx")
    .filter((f) => (req.precision === "auto" ? true : f.id === req.precision))
    .map((format) => {
      const weights = weightsSize(arch, format);
      return { format, weights, avgBits: (weights.bytes * 8) / totalParams };
    })
    // A named precision is honoured whatever the quality wish; "auto" keeps to the wish.
    .filter((f) => req.precision !== "auto" || f.avgBits >= minBits - 0.2)
    .sort((a, b) => b.avgBits - a.avgBits);
  const allowedKv: readonly string[] = req.kvCacheType === "auto" ? QUALITY_KV_TYPES[req.quality] : [req.kvCacheType];
  const kvTypes = allowedKv.map((id) => findKvCacheType(id)).filter((k): k is KvCacheType => k !== undefined);
  return {
    req,
    model: arch,
    modelId: catalog?.id ?? null,
    huggingFace: catalog?.huggingFace ?? null,
    shape: modelShape(arch),
    designStreams,
    promptTokens: req.promptTokens + visionTokens,
    formats,
    kvTypes,
    statePerStream: linearStateBytesPerStream(arch),
    visionBytes: visionEncoderBytes(arch, req.modality),
    alongsideBytes: alongsideBytes(req),
    training: trainingTarget(req, arch),
    data,
  };
}

interface UnitCapacity {
  fast: number;
  tiered: number;
  offload: number;
  tieredBandwidth: number;
  offloadBandwidth: number;
  physical: number;
  reserve: number;
}

function unitCapacity(system: SystemSpec, allowOffload: boolean): UnitCapacity {
  const acc = system.accelerator;
  const gpuMemory = system.gpusPerUnit * acc.memoryBytes;
  const fast = gpuMemory * GPU_MEMORY_UTILIZATION - system.unifiedReservedBytes;
  let tiered = 0;
  let offload = 0;
  let tieredBandwidth = 0;
  let offloadBandwidth = 0;
  let physical = gpuMemory;
  let reserve = gpuMemory - fast;
  for (const p of system.extraPools) {
    if (p.role === "tiered") {
      tiered += p.bytes - p.reservedBytes;
      tieredBandwidth = p.bandwidthBytesPerSecond;
      physical += p.bytes;
      reserve += p.reservedBytes;
    } else if (allowOffload) {
      offload += p.bytes - p.reservedBytes;
      offloadBandwidth = p.bandwidthBytesPerSecond;
      physical += p.bytes;
      reserve += p.reservedBytes;
    }
  }
  return { fast, tiered, offload, tieredBandwidth, offloadBandwidth, physical, reserve };
}

function peakFlops(acc: Accelerator, format: WeightFormat): number {
  return acc.denseFlops[format.computePrecision] ?? acc.denseFlops.bf16 ?? 0;
}

interface Placement {
  unitsPerReplica: number;
  replicas: number;
  streamsPerReplica: number;
  expertsFast: number;
  expertsTiered: number;
  expertsOffload: number;
  fixedFast: number;
  perStreamFast: number;
}

/** Places one replica's bytes: dense weights, caches and side models in GPU memory; routed
 *  experts fill what is left, then coherent tiered memory, then host RAM when offload is allowed. */
function place(
  ctx: Context,
  cap: UnitCapacity,
  weights: WeightsSize,
  kvPerStream: number,
  units: number,
  unitsPerReplica: number,
): Placement | null {
  const replicas = Math.floor(units / unitsPerReplica);
  const streamsPerReplica = Math.ceil(ctx.designStreams / replicas);
  const perStreamFast = kvPerStream + ctx.statePerStream;
  const fixedFast = weights.denseBytes + ctx.visionBytes + ctx.alongsideBytes;
  const fastCap = cap.fast * unitsPerReplica;
  const fastLeft = fastCap - fixedFast - streamsPerReplica * perStreamFast;
  if (fastLeft < 0) return null;
  const expertsFast = Math.min(weights.expertBytes, fastLeft);
  let rest = weights.expertBytes - expertsFast;
  const expertsTiered = Math.min(rest, cap.tiered * unitsPerReplica);
  rest -= expertsTiered;
  const expertsOffload = Math.min(rest, cap.offload * unitsPerReplica);
  rest -= expertsOffload;
  if (rest > 1) return null;
  return { unitsPerReplica, replicas, streamsPerReplica, expertsFast, expertsTiered, expertsOffload, fixedFast, perStreamFast };
}

interface Evaluation {
  ok: boolean;
  rejection: Message | null;
  placement: Placement | null;
  step: DecodeStep | null;
  perStream: number;
  ttft: number;
  decodePlacement: DecodePlacement | null;
  kvPerStream: number;
  fineTuning: FineTuningVerdict;
}

function fineTuningVerdict(ctx: Context, cap: UnitCapacity): FineTuningVerdict {
  const method = ctx.req.fineTuning.method;
  if (method === "none" || !ctx.training) return { method, target: null, memory: null, capacityBytes: 0, fits: true };
  const memory = fineTuningMemory(ctx.training, method, ctx.req.fineTuning.sequenceLength, ctx.req.fineTuning.loraRank);
  // Training runs on one unit (multi-node training needs a fabric quoted as a custom project),
  // in GPU memory and coherent tiered memory, not in host RAM.
  const capacityBytes = cap.fast + cap.tiered;
  return { method, target: ctx.training.name, memory, capacityBytes, fits: memory.totalBytes <= capacityBytes };
}

function decodePlacementOf(
  system: SystemSpec,
  cap: UnitCapacity,
  p: Placement,
  weights: WeightsSize,
  format: WeightFormat,
): DecodePlacement {
  const gpus = system.gpusPerUnit;
  const slowPools: { shareOfExperts: number; bandwidthBytesPerSecond: number }[] = [];
  if (weights.expertBytes > 0) {
    if (p.expertsTiered > 0)
      slowPools.push({ shareOfExperts: p.expertsTiered / weights.expertBytes, bandwidthBytesPerSecond: cap.tieredBandwidth });
    if (p.expertsOffload > 0)
      slowPools.push({ shareOfExperts: p.expertsOffload / weights.expertBytes, bandwidthBytesPerSecond: cap.offloadBandwidth });
  }
  return {
    fastBandwidthBytesPerSecond: gpus * system.accelerator.bandwidthBytesPerSecond,
    slowPools,
    unitPeakFlops: gpus * peakFlops(system.accelerator, format),
    allReduceSecondsPerLayer: gpus > 1 && system.intraUnitLink ? 2 * system.intraUnitLink.latencySeconds : 0,
    pipelineStages: p.unitsPerReplica,
    hopLatencySeconds: system.interUnitLink?.latencySeconds ?? 0,
  };
}

function streamBytes(ctx: Context, weights: WeightsSize, format: WeightFormat, kvPerStream: number) {
  const a = ctx.model;
  return {
    denseReadBytes: ((ctx.shape.denseParamsReadPerToken * format.denseBitsPerWeight) / 8) * weights.fileScale,
    expertBytes: a.moe ? ((a.moe.expertParams * format.expertBitsPerWeight) / 8) * weights.fileScale : 0,
    perStreamBytes: kvPerStream + 2 * ctx.statePerStream,
  };
}

function timeToFirstToken(ctx: Context, dp: DecodePlacement, format: WeightFormat, weights: WeightsSize): number {
  const flops =
    prefillFlops(ctx.model, ctx.promptTokens) +
    2 * (ctx.req.modality === "text" ? 0 : (ctx.model.visionEncoderParams ?? 0) * (ctx.promptTokens - ctx.req.promptTokens) * 4);
  const computeSeconds = flops / (dp.unitPeakFlops * PREFILL_COMPUTE_EFFICIENCY[format.runtime]);
  // A long prompt touches every expert: the whole model is read once.
  let readSeconds = 0;
  const slowShare = dp.slowPools.reduce((s, p) => s + p.shareOfExperts, 0);
  readSeconds +=
    (weights.denseBytes + (1 - slowShare) * weights.expertBytes) / (dp.fastBandwidthBytesPerSecond * MEMORY_BANDWIDTH_EFFICIENCY);
  for (const p of dp.slowPools)
    readSeconds += (p.shareOfExperts * weights.expertBytes) / (p.bandwidthBytesPerSecond * MEMORY_BANDWIDTH_EFFICIENCY);
  const floor = ctx.shape.totalLayers * KERNEL_FLOOR_SECONDS_PER_LAYER + (dp.pipelineStages - 1) * dp.hopLatencySeconds;
  return Math.max(computeSeconds, readSeconds) + floor;
}

function evaluate(ctx: Context, system: SystemSpec, units: number, f: Context["formats"][number], kv: KvCacheType): Evaluation {
  const { format, weights } = f;
  const cap = unitCapacity(system, ctx.req.allowExpertOffload);
  const kvPerStream = kvCacheBytesPerStream(ctx.model, kv, ctx.req.contextTokens);
  const fineTuning = fineTuningVerdict(ctx, cap);
  const fail = (rejection: Message): Evaluation => ({
    ok: false,
    rejection,
    placement: null,
    step: null,
    perStream: 0,
    ttft: Number.POSITIVE_INFINITY,
    decodePlacement: null,
    kvPerStream,
    fineTuning,
  });
  if (!fineTuning.fits && fineTuning.memory) {
    return fail(
      msg(
        "fine_tuning",
        `Trening ${fineTuning.method.toUpperCase()} modelu ${fineTuning.target} wymaga ${gb(fineTuning.memory.totalBytes)} GB, jedna jednostka ma ${gb(fineTuning.capacityBytes)} GB.`,
        `${fineTuning.method.toUpperCase()} training of ${fineTuning.target} needs ${gb(fineTuning.memory.totalBytes)} GB; one unit has ${gb(fineTuning.capacityBytes)} GB.`,
      ),
    );
  }
  if (format.requiresNativePrecision && !system.accelerator.denseFlops[format.requiresNativePrecision]) {
    return fail(
      msg(
        "precision",
        `${system.accelerator.name} nie obsługuje natywnie ${format.label}.`,
        `${system.accelerator.name} cannot run ${format.label} natively.`,
      ),
    );
  }
  let placement: Placement | null = null;
  for (let k = 1; k <= units && !placement; k++) placement = place(ctx, cap, weights, kvPerStream, units, k);
  if (!placement) {
    const need = weights.bytes + ctx.visionBytes + ctx.alongsideBytes + ctx.designStreams * (kvPerStream + ctx.statePerStream);
    const have = units * (cap.fast + cap.tiered + cap.offload);
    return fail(
      msg(
        "memory",
        `Za mało pamięci: potrzeba ${gb(need)} GB (${format.label}, cache ${kv.id}), dostępne ${gb(have)} GB.`,
        `Not enough memory: needs ${gb(need)} GB (${format.label}, ${kv.id} cache), ${gb(have)} GB usable.`,
      ),
    );
  }
  if (placement.streamsPerReplica > RUNTIME_MAX_STREAMS[format.runtime]) {
    return fail(
      msg(
        "runtime",
        `${format.runtime} nie obsłuży ${placement.streamsPerReplica} strumieni naraz.`,
        `${format.runtime} does not batch ${placement.streamsPerReplica} streams well.`,
      ),
    );
  }
  const dp = decodePlacementOf(system, cap, placement, weights, format);
  const bytes = streamBytes(ctx, weights, format, kvPerStream);
  const micro = Math.ceil(placement.streamsPerReplica / placement.unitsPerReplica);
  const step = decodeStep(ctx.model, ctx.shape, bytes, dp, micro, ctx.req.contextTokens);
  const perStream = 1 / step.seconds;
  const ttft = timeToFirstToken(ctx, dp, format, weights);
  const base = { placement, step, perStream, ttft, decodePlacement: dp, kvPerStream, fineTuning };
  if (perStream < ctx.req.targetDecodeTokensPerSecond) {
    return {
      ...base,
      ok: false,
      rejection: msg(
        "speed",
        `Za wolno: ${perStream.toFixed(1)} tok/s na strumień przy ${ctx.designStreams} strumieniach (cel ${ctx.req.targetDecodeTokensPerSecond}).`,
        `Too slow: ${perStream.toFixed(1)} tok/s per stream at ${ctx.designStreams} streams (target ${ctx.req.targetDecodeTokensPerSecond}).`,
      ),
    };
  }
  if (ttft > ctx.req.targetTimeToFirstTokenSeconds) {
    return {
      ...base,
      ok: false,
      rejection: msg(
        "ttft",
        `Pierwszy token po ${ttft.toFixed(1)} s (cel ${ctx.req.targetTimeToFirstTokenSeconds} s).`,
        `First token after ${ttft.toFixed(1)} s (target ${ctx.req.targetTimeToFirstTokenSeconds} s).`,
      ),
    };
  }
  return { ...base, ok: true, rejection: null };
}

function maxStreamsMeetingTarget(ctx: Context, system: SystemSpec, units: number, f: Context["formats"][number], kv: KvCacheType): number {
  const probe = (streams: number) => {
    const e = evaluate({ ...ctx, designStreams: streams }, system, units, f, kv);
    return e.placement !== null && e.perStream >= ctx.req.targetDecodeTokensPerSecond && e.rejection?.code !== "runtime";
  };
  if (!probe(1)) return 0;
  let lo = 1;
  let hi = 2;
  while (hi <= 1_000_000 && probe(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (probe(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function energyAndTco(ctx: Context, system: SystemSpec, units: number, totals: Totals) {
  const s = ctx.data.settings;
  const powerWatts = units * (system.gpusPerUnit * system.accelerator.powerWatts + system.hostPowerWatts);
  const pue = system.inDataCentre ? s.powerUsageEffectiveness.value : 1;
  const monthlyEnergyKwh = (powerWatts / 1_000) * HOURS_PER_MONTH * s.averageLoadFraction.value * pue;
  const pricePerKwh = ctx.req.energyPriceGroszePerKwh ?? s.energyPriceGroszePerKwh.value;
  const monthlyEnergyGrosze = Math.round(monthlyEnergyKwh * pricePerKwh);
  return {
    powerWatts,
    monthlyEnergyKwh: Math.round(monthlyEnergyKwh),
    monthlyEnergyGrosze,
    tcoGrosze: totals.netGrosze + TCO_MONTHS * monthlyEnergyGrosze,
    tcoLowGrosze: totals.netLowGrosze + TCO_MONTHS * monthlyEnergyGrosze,
    tcoHighGrosze: totals.netHighGrosze + TCO_MONTHS * monthlyEnergyGrosze,
    tcoMonths: TCO_MONTHS,
  };
}

function bomFor(system: SystemSpec, units: number) {
  const lines = system.bom.map((b) => ({ sku: b.sku, quantity: b.quantity * units }));
  if (units > 1) for (const b of system.bomPerExtraUnit) lines.push({ sku: b.sku, quantity: b.quantity * (units - 1) });
  return lines;
}

function buildCandidate(
  ctx: Context,
  system: SystemSpec,
  units: number,
  f: Context["formats"][number],
  kv: KvCacheType,
  e: Evaluation,
): Candidate {
  const tier: Tier = units > 1 && system.rackServer ? "enterprise" : system.tier;
  const p = e.placement;
  const base: Candidate = {
    systemId: system.id,
    systemName: system.name,
    tier,
    feasible: e.ok,
    rejection: e.rejection,
    configuration: null,
    memory: null,
    performance: null,
    fineTuning: e.fineTuning,
    cost: null,
    extraNetGrosze: null,
    adds: [],
    withinBudget: null,
  };
  const priced = priceBom(bomFor(system, units), ctx.data.priceList, ctx.data.settings);
  if (!priced.ok) {
    return {
      ...base,
      feasible: false,
      rejection: msg(
        "price",
        `Brak ceny w cenniku: ${priced.missing.join(", ")}.`,
        `No price in the price list for: ${priced.missing.join(", ")}.`,
      ),
    };
  }
  const cost: Cost = {
    lines: priced.lines,
    totals: priced.totals,
    hasEstimates: priced.lines.some((l) => l.isEstimate),
    ...energyAndTco(ctx, system, units, priced.totals),
  };
  if (!p || !e.step) return { ...base, cost };
  const cap = unitCapacity(system, ctx.req.allowExpertOffload);
  const replicas = p.replicas;
  const kvBytes = ctx.designStreams * e.kvPerStream;
  const stateBytes = ctx.designStreams * ctx.statePerStream;
  const items: MemoryItem[] = [
    { key: "weights", bytes: f.weights.bytes * replicas },
    { key: "kvCache", bytes: kvBytes },
    { key: "linearState", bytes: stateBytes },
    { key: "visionEncoder", bytes: ctx.visionBytes * replicas },
    { key: "alongside", bytes: ctx.alongsideBytes * replicas },
    { key: "runtimeReserve", bytes: cap.reserve * units },
  ];
  const totalBytes = items.reduce((s, i) => s + i.bytes, 0);
  const capacityBytes = cap.physical * units;
  const runtime = f.format.runtime === "vllm" && p.streamsPerReplica >= 8 && ctx.model.moe ? "sglang" : f.format.runtime;
  const fullLayerKvPerToken = kvCacheBytesPerStream(ctx.model, kv, 1);
  const fastFree = cap.fast * p.unitsPerReplica - p.fixedFast - p.expertsFast - p.streamsPerReplica * p.perStreamFast;
  const maxContext = Math.min(
    ctx.model.maxContextTokens,
    Math.floor((fastFree + p.streamsPerReplica * e.kvPerStream) / p.streamsPerReplica / Math.max(fullLayerKvPerToken, 1e-9)),
  );
  const maxStreams = maxStreamsMeetingTarget(ctx, system, units, f, kv);
  const configuration: Configuration = {
    systemId: system.id,
    systemName: system.name,
    tier,
    units,
    unitsPerReplica: p.unitsPerReplica,
    replicas,
    gpus: units * system.gpusPerUnit,
    accelerator: system.accelerator.name,
    formatId: f.format.id,
    formatLabel: f.format.label,
    weightsBytes: f.weights.bytes,
    weightsFile: weightsSuggestion(ctx.model, ctx.huggingFace, f.format, f.weights),
    kvCacheType: kv.id,
    runtime,
    launchCommand: launchCommand({
      runtime,
      format: f.format,
      kv,
      huggingFace: ctx.huggingFace ?? ctx.model.name,
      weightsFile: f.weights.fileName ?? null,
      gpusPerUnit: system.gpusPerUnit,
      pipelineStages: p.unitsPerReplica,
      contextTokens: ctx.req.contextTokens,
      streams: p.streamsPerReplica,
      offload: p.expertsOffload > 0,
      yarnFactor:
        ctx.req.contextTokens > ctx.model.nativeContextTokens ? Math.ceil(ctx.req.contextTokens / ctx.model.nativeContextTokens) : 0,
      nativeContext: ctx.model.nativeContextTokens,
    }),
    expertOffload: p.expertsOffload > 0,
  };
  const performance: Performance = {
    designStreams: ctx.designStreams,
    streamsPerReplica: p.streamsPerReplica,
    decodeTokensPerSecondPerStream: round1(e.perStream),
    aggregateTokensPerSecond: round1(e.perStream * ctx.designStreams),
    maxStreamsMeetingTarget: maxStreams,
    timeToFirstTokenSeconds: Math.round(e.ttft * 100) / 100,
    promptTokens: ctx.promptTokens,
    boundBy: e.step.boundBy,
    stepMilliseconds: Math.round(e.step.seconds * 1e5) / 100,
    bytesReadPerStepGB: Math.round(e.step.bytesRead / 1e7) / 100,
    maxContextTokensPerStream: Math.max(0, maxContext),
  };
  return {
    ...base,
    configuration,
    memory: {
      items,
      totalBytes,
      capacityBytes,
      freeBytes: capacityBytes - totalBytes,
      expertPlacementBytes: { gpu: p.expertsFast * replicas, tiered: p.expertsTiered * replicas, offload: p.expertsOffload * replicas },
    },
    performance,
    cost,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A system turned down before any configuration fits: no configuration, priced as one unit for reference. */
function rejectedCandidate(ctx: Context, system: SystemSpec, rejection: Message): Candidate {
  const fallback = WEIGHT_FORMATS[0] as WeightFormat;
  const f = ctx.formats[0] ?? { format: fallback, weights: weightsSize(ctx.model, fallback), avgBits: 16 };
  const fineTuning: FineTuningVerdict = { method: ctx.req.fineTuning.method, target: null, memory: null, capacityBytes: 0, fits: false };
  const e: Evaluation = {
    ok: false,
    rejection,
    placement: null,
    step: null,
    perStream: 0,
    ttft: 0,
    decodePlacement: null,
    kvPerStream: 0,
    fineTuning,
  };
  return buildCandidate(ctx, system, 1, f, ctx.kvTypes[0] ?? (KV_CACHE_TYPES[0] as KvCacheType), e);
}

/** The best configuration of one system: fewest units, then the highest-quality format and KV cache. */
function searchSystem(ctx: Context, system: SystemSpec): Candidate {
  if (ctx.req.production && !system.rackServer) {
    return rejectedCandidate(
      ctx,
      system,
      msg(
        "production",
        "To nie serwer do szafy rack: brak redundantnego zasilania i zdalnego zarządzania dla usługi produkcyjnej.",
        "Not a rack server: no redundant power or remote management for a production service.",
      ),
    );
  }
  type Attempt = { units: number; f: Context["formats"][number]; kv: KvCacheType; e: Evaluation };
  const rank = (code: string | undefined) => ["memory", "precision", "runtime", "ttft", "speed"].indexOf(code ?? "");
  let bestFail: Attempt | null = null;
  let firstFail: Attempt | null = null;
  /** The highest-quality feasible (format, KV type) at a number of units, or null. */
  const feasibleAt = (units: number, record: boolean): Attempt | null => {
    for (const f of ctx.formats) {
      for (const kv of ctx.kvTypes) {
        if (!kv.runtimes.includes(f.format.runtime)) continue;
        const e = evaluate(ctx, system, units, f, kv);
        if (e.ok) return { units, f, kv, e };
        if (!record) continue;
        firstFail ??= { units, f, kv, e };
        if (e.rejection?.code === "fine_tuning") return null;
        if (!bestFail || rank(e.rejection?.code) > rank(bestFail.e.rejection?.code)) bestFail = { units, f, kv, e };
      }
    }
    return null;
  };
  // Feasible at N units implies feasible at N+1 (the same replica layout, more replicas), so the
  // fewest units is found by bisection once the largest setup is known to work.
  let best = feasibleAt(system.maxUnits, true);
  if (best) {
    let lo = 0;
    let hi = system.maxUnits;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const at = feasibleAt(mid, false);
      if (at) {
        hi = mid;
        best = at;
      } else lo = mid;
    }
    return buildCandidate(ctx, system, best.units, best.f, best.kv, best.e);
  }
  const shown = (bestFail ?? firstFail) as Attempt | null;
  if (!shown) {
    return rejectedCandidate(
      ctx,
      system,
      msg("precision", "Żaden format wag nie spełnia wymagań jakości.", "No weight format meets the quality wish."),
    );
  }
  // A rejected system is priced as its smallest setup, for reference.
  const c = buildCandidate(ctx, system, 1, shown.f, shown.kv, { ...shown.e, placement: null, step: null });
  return { ...c, feasible: false };
}

function comparedTo(chosen: Candidate, other: Candidate): Message[] {
  const adds: Message[] = [];
  const a = chosen.performance;
  const b = other.performance;
  if (a && b && b.decodeTokensPerSecondPerStream > a.decodeTokensPerSecondPerStream * 1.1) {
    adds.push(
      msg(
        "faster",
        `szybciej: ${b.decodeTokensPerSecondPerStream} zamiast ${a.decodeTokensPerSecondPerStream} tok/s na strumień`,
        `faster: ${b.decodeTokensPerSecondPerStream} instead of ${a.decodeTokensPerSecondPerStream} tok/s per stream`,
      ),
    );
  }
  if (a && b && b.maxStreamsMeetingTarget > a.maxStreamsMeetingTarget) {
    adds.push(
      msg(
        "capacity",
        `więcej równoczesnych strumieni: do ${b.maxStreamsMeetingTarget} zamiast ${a.maxStreamsMeetingTarget}`,
        `more concurrent streams: up to ${b.maxStreamsMeetingTarget} instead of ${a.maxStreamsMeetingTarget}`,
      ),
    );
  }
  const fa = chosen.configuration;
  const fb = other.configuration;
  if (fa && fb && fb.weightsBytes > fa.weightsBytes * 1.05) {
    adds.push(
      msg(
        "quality",
        `wyższa precyzja wag: ${fb.formatLabel} zamiast ${fa.formatLabel}`,
        `higher weight precision: ${fb.formatLabel} instead of ${fa.formatLabel}`,
      ),
    );
  }
  if (chosen.memory && other.memory && other.memory.capacityBytes > chosen.memory.capacityBytes * 1.2) {
    adds.push(
      msg(
        "memory",
        `więcej pamięci: ${gb(other.memory.capacityBytes)} GB zamiast ${gb(chosen.memory.capacityBytes)} GB`,
        `more memory: ${gb(other.memory.capacityBytes)} GB instead of ${gb(chosen.memory.capacityBytes)} GB`,
      ),
    );
  }
  return adds;
}

function warningsFor(ctx: Context, chosen: Candidate | null): Message[] {
  const w: Message[] = [];
  const req = ctx.req;
  if (req.contextTokens > ctx.model.nativeContextTokens) {
    w.push(
      msg(
        "yarn",
        `Kontekst ${req.contextTokens} tokenów przekracza natywne okno ${ctx.model.nativeContextTokens}: potrzebne skalowanie YaRN RoPE.`,
        `A ${req.contextTokens}-token context exceeds the native ${ctx.model.nativeContextTokens} window: YaRN RoPE scaling is needed.`,
      ),
    );
  }
  if (chosen?.configuration && chosen.configuration.kvCacheType !== "f16") {
    w.push(
      msg(
        "kv_quantised",
        `Cache KV skwantowany (${chosen.configuration.kvCacheType}): mniej pamięci, minimalnie niższa jakość długiego kontekstu.`,
        `KV cache quantised (${chosen.configuration.kvCacheType}): less memory, slightly lower long-context quality.`,
      ),
    );
  }
  if (chosen?.configuration?.expertOffload) {
    w.push(
      msg(
        "offload",
        "Część ekspertów w pamięci RAM serwera: szybkość zależy od zmierzonej przepustowości RAM.",
        "Some experts sit in system RAM: speed depends on measured RAM bandwidth.",
      ),
    );
  }
  if (chosen?.cost?.hasEstimates) {
    w.push(
      msg(
        "estimate",
        "Część cen to szacunki: dokument nie jest ofertą w rozumieniu art. 66 § 1 Kodeksu cywilnego.",
        "Some prices are estimates: this document is not an offer within the meaning of art. 66 §1 of the Polish Civil Code.",
      ),
    );
  }
  if (req.budgetNetGrosze !== undefined && chosen?.cost && chosen.cost.totals.netGrosze > req.budgetNetGrosze) {
    w.push(
      msg("budget", "Rekomendowana konfiguracja przekracza podany budżet.", "The recommended configuration exceeds the stated budget."),
    );
  }
  if (req.alongside.length > 0) {
    w.push(
      msg(
        "alongside",
        "Modele dodatkowe są liczone w pamięci; ich ruch obniży szybkość głównego modelu.",
        "Side models are counted in memory; their traffic will lower the main model's speed.",
      ),
    );
  }
  if (chosen?.systemId === "edgexpert" && ctx.modelId === "qwen3.5-397b-a17b" && chosen.performance) {
    w.push(
      msg(
        "seed_context",
        `Artykuł podaje „do ~16K kontekstu” dla pary EdgeXpert; z architektury (KV tylko w 15 z 60 warstw) wychodzi do ${chosen.performance.maxContextTokensPerStream} tokenów na strumień.`,
        `The seed article says "up to ~16K context" for the EdgeXpert pair; the architecture (KV in only 15 of 60 layers) gives up to ${chosen.performance.maxContextTokensPerStream} tokens per stream.`,
      ),
    );
  }
  return w;
}

function assumptionsFor(ctx: Context): Message[] {
  const s = ctx.data.settings;
  return [
    msg(
      "bandwidth",
      `Dekodowanie: ${MEMORY_BANDWIDTH_EFFICIENCY * 100}% przepustowości pamięci, ${KERNEL_FLOOR_SECONDS_PER_LAYER * 1e6} µs stałego narzutu na warstwę (kalibracja: pomiary DGX Spark).`,
      `Decode at ${MEMORY_BANDWIDTH_EFFICIENCY * 100}% of memory bandwidth plus ${KERNEL_FLOOR_SECONDS_PER_LAYER * 1e6} µs per layer (calibrated on DGX Spark measurements).`,
    ),
    msg(
      "routing",
      "Eksperci MoE wybierani równomiernie: partia B strumieni czyta E·(1−(1−k/E)^B) ekspertów na warstwę.",
      "MoE experts chosen uniformly: a batch of B streams reads E·(1−(1−k/E)^B) experts per layer.",
    ),
    msg(
      "context",
      `Każdy strumień trzyma pełny kontekst ${ctx.req.contextTokens} tokenów (najgorszy przypadek).`,
      `Every stream holds its full ${ctx.req.contextTokens}-token context (worst case).`,
    ),
    msg(
      "reserve",
      `Rezerwa ${Math.round((1 - GPU_MEMORY_UTILIZATION) * 100)}% pamięci GPU na kontekst CUDA i aktywacje (vLLM gpu_memory_utilization).`,
      `${Math.round((1 - GPU_MEMORY_UTILIZATION) * 100)}% of GPU memory kept for the CUDA context and activations (vLLM gpu_memory_utilization).`,
    ),
    msg(
      "fx",
      `Kurs USD ${plNum((s.fxRates.USD?.value ?? 0) / 10_000)} PLN, marża ${s.marginBasisPoints.value / 100}%, VAT ${s.vatRateBasisPoints.value / 100}%.`,
      `USD rate ${(s.fxRates.USD?.value ?? 0) / 10_000} PLN, margin ${s.marginBasisPoints.value / 100}%, VAT ${s.vatRateBasisPoints.value / 100}%.`,
    ),
    msg(
      "energy",
      `Energia: ${s.averageLoadFraction.value * 100}% mocy znamionowej średnio, PUE ${plNum(s.powerUsageEffectiveness.value)} w serwerowni, ${plNum((ctx.req.energyPriceGroszePerKwh ?? s.energyPriceGroszePerKwh.value) / 100)} zł/kWh netto.`,
      `Energy: ${s.averageLoadFraction.value * 100}% of rated power on average, PUE ${s.powerUsageEffectiveness.value} in a server room, ${(ctx.req.energyPriceGroszePerKwh ?? s.energyPriceGroszePerKwh.value) / 100} PLN/kWh net.`,
    ),
    msg(
      "training",
      "Trening i serwowanie w różnych oknach czasowych; trening na jednej jednostce.",
      "Training and serving run at different times; training runs on one unit.",
    ),
  ];
}

/** Sizes a workload. Never throws on a valid input: a workload nothing serves is a custom project. */
export function recommend(input: SizingInput, data: EngineData): SizingResult {
  const req = sizingInputSchema.parse(input);
  const built = buildContext(req, data);
  const empty = { id: null, name: String(req.model), totalParams: 0, activeParams: 0 };
  if ("code" in built) {
    return finish(req, empty, null, [], [built], [], data);
  }
  const ctx = built;
  const model = { id: ctx.modelId, name: ctx.model.name, totalParams: ctx.model.totalParams, activeParams: ctx.model.activeParams };
  const problems: Message[] = [];
  if (req.contextTokens > ctx.model.maxContextTokens) {
    problems.push(
      msg(
        "context_too_long",
        `Model ${ctx.model.name} obsługuje najwyżej ${ctx.model.maxContextTokens} tokenów kontekstu.`,
        `${ctx.model.name} supports at most ${ctx.model.maxContextTokens} context tokens.`,
      ),
    );
  }
  if (ctx.formats.length === 0) {
    problems.push(
      msg("precision", `Nieznany lub niedozwolony format wag: ${req.precision}.`, `Unknown or disallowed weight format: ${req.precision}.`),
    );
  }
  if (problems.length > 0) return finish(req, model, null, [], problems, assumptionsFor(ctx), data);
  const candidates = SYSTEMS.filter((s) => !req.systems || req.systems.includes(s.id)).map((s) => searchSystem(ctx, s));
  const feasible = candidates.filter((c) => c.feasible && c.cost);
  feasible.sort((a, b) => (a.cost?.totals.netGrosze ?? 0) - (b.cost?.totals.netGrosze ?? 0));
  const chosen = feasible[0] ?? null;
  for (const c of candidates) {
    if (req.budgetNetGrosze !== undefined && c.cost) c.withinBudget = c.cost.totals.netGrosze <= req.budgetNetGrosze;
    if (chosen && c !== chosen && c.feasible && c.cost && chosen.cost) {
      c.extraNetGrosze = c.cost.totals.netGrosze - chosen.cost.totals.netGrosze;
      c.adds = comparedTo(chosen, c);
    }
  }
  candidates.sort((a, b) => Number(b.feasible) - Number(a.feasible) || (a.cost?.totals.netGrosze ?? 0) - (b.cost?.totals.netGrosze ?? 0));
  return finish(req, model, chosen, candidates, warningsFor(ctx, chosen), assumptionsFor(ctx), data);
}

function finish(
  request: SizingRequest,
  model: SizingResult["model"],
  chosen: Candidate | null,
  candidates: Candidate[],
  warnings: Message[],
  assumptions: Message[],
  data: EngineData,
): SizingResult {
  const result: SizingResult = {
    engineVersion: ENGINE_VERSION,
    status: chosen ? "recommended" : "custom_project",
    request,
    model,
    recommendation: chosen,
    candidates,
    warnings,
    assumptions,
    explanation: { pl: "", en: "" },
  };
  result.explanation = describeResult(result, data.settings);
  return result;
}

export { DEFAULT_MODEL_ID, MODELS, SYSTEMS };
