// Efficiency factors and runtime facts the physics uses, each with where it comes from.
// Calibration tests (test/engine/calibration.test.ts) hold these against measurements.
import type { RuntimeId } from "../catalog/formats";

/** Share of peak memory bandwidth a decode step achieves. Calibrated: DGX Spark gpt-oss-120b
 *  tg32 59.0 tok/s and Llama-3.3-70B NVFP4 ~4 tok/s (sizing-facts §5). */
export const MEMORY_BANDWIDTH_EFFICIENCY = 0.7;

/** Fixed time per layer per decode step (kernel launches, routing, sync), seconds. Calibrated
 *  with the same measurements; CUDA graphs included. */
export const KERNEL_FLOOR_SECONDS_PER_LAYER = 60e-6;

/** Share of dense tensor peak a decode step's matmuls reach (small batches are memory-bound). */
export const DECODE_COMPUTE_EFFICIENCY = 0.5;

/** Share of dense tensor peak reached in prefill, per runtime. llama.cpp: calibrated on DGX Spark
 *  pp2048 of gpt-oss-120b, 1,937.5 tok/s (sizing-facts §5). vLLM/SGLang: Sizewise assumption. */
export const PREFILL_COMPUTE_EFFICIENCY: Record<RuntimeId, number> = {
  "llama.cpp": 0.08,
  vllm: 0.35,
  sglang: 0.35,
  mlx: 0.1,
};

/** vLLM's default gpu_memory_utilization (0.92 now, 0.90 before; sizing-facts §3): the rest of
 *  each GPU is kept for the CUDA context, activations and graphs. Applied to every runtime. */
export const GPU_MEMORY_UTILIZATION = 0.92;

/** Streams a runtime serves well at once: llama.cpp's slots do not batch like vLLM's paged
 *  attention (seed quick guide: vLLM/SGLang for multi-user serving). */
export const RUNTIME_MAX_STREAMS: Record<RuntimeId, number> = {
  "llama.cpp": 4,
  vllm: Number.POSITIVE_INFINITY,
  sglang: Number.POSITIVE_INFINITY,
  mlx: 1,
};

/** Minimum bits per routed-expert weight for each quality wish. 8 bits: no measurable loss;
 *  4 bits: the seed's recommended INT4 tier; 2 bits: the seed's INT2 row ("works, with loss"). */
export const QUALITY_MIN_BITS = { max: 8, balanced: 4, economy: 2 } as const;

/** KV-cache types allowed per quality wish, most precise first. */
export const QUALITY_KV_TYPES = {
  max: ["f16", "q8_0"],
  balanced: ["f16", "q8_0", "q8_0/q4_0"],
  economy: ["f16", "q8_0", "q8_0/q4_0", "q4_0"],
} as const;

/** Fine-tuning bytes per trainable parameter with mixed-precision Adam: bf16 weight and gradient
 *  + fp32 master copy, momentum and variance = 2 + 2 + 12 (ZeRO, Rajbhandari et al. 2020). */
export const ADAM_MIXED_PRECISION_BYTES_PER_PARAM = 16;
/** QLoRA's NF4 with double quantisation: 4.127 bits per frozen weight (Dettmers et al. 2023). */
export const QLORA_BITS_PER_WEIGHT = 4.127;
/** Activation bytes of one transformer layer per token × hidden without recomputation and with
 *  flash attention (no s² term): 34 (Korthikanti et al. 2022, "Reducing Activation Recomputation"). */
export const ACTIVATION_BYTES_PER_TOKEN_HIDDEN = 34;

/** Vision prompt tokens: Qwen3-VL-class patch 16 px with 2×2 merge = one token per 32×32 px.
 *  An image at the seed's maximum 1,344×1,344 px; a video of the seed's 60 s at 2 frames/s,
 *  two frames per temporal patch, 448×448 px per frame. */
export const VISION_PX_PER_TOKEN = 32;
export const IMAGE_PROMPT_TOKENS = (1_344 / VISION_PX_PER_TOKEN) ** 2;
export const VIDEO_PROMPT_TOKENS = ((60 * 2) / 2) * (448 / VISION_PX_PER_TOKEN) ** 2;

/** Hours in an average month (8,760 / 12). */
export const HOURS_PER_MONTH = 730;
export const TCO_MONTHS = 36;
