// Weight formats and KV-cache types: bits per stored value, per tensor group.
// "Expert" bits apply to routed-expert FFN tensors, "dense" bits to everything else
// (attention, linear attention, shared experts, embeddings, output head).

export type ComputePrecision = "fp4" | "fp8" | "bf16";
export type RuntimeId = "llama.cpp" | "vllm" | "sglang" | "mlx";

export interface WeightFormat {
  id: string;
  label: string;
  expertBitsPerWeight: number;
  denseBitsPerWeight: number;
  /** Tensor-core precision the matmuls run in (GGUF integer kernels count as 8-bit). */
  computePrecision: ComputePrecision;
  /** Hardware must run this precision natively (NVFP4 needs Blackwell). */
  requiresNativePrecision?: ComputePrecision;
  runtime: RuntimeId;
  /** The seed article's row this format stands for, where it does. */
  seedLabel?: "BF16" | "INT8" | "INT4" | "INT3" | "INT2";
  source: string;
}

/** Effective bits of llama.cpp block types: block bytes × 8 / values per block (ggml-common.h). */
export const GGUF_BITS = {
  Q8_0: 8.5, // 32 int8 + fp16 scale = 34 B / 32
  Q6_K: 6.5625, // 210 B / 256
  Q5_K: 5.5, // 176 B / 256
  Q4_1: 5.0, // 20 B / 32
  Q4_K: 4.5, // 144 B / 256
  Q4_0: 4.5, // 18 B / 32
  IQ4_XS: 4.25, // 136 B / 256
  MXFP4: 4.25, // 17 B / 32 (E2M1 + shared E8M0 exponent)
  Q3_K: 3.4375, // 110 B / 256
  IQ3_XXS: 3.0625, // 98 B / 256
  IQ2_XS: 2.3125, // 74 B / 256
  IQ2_XXS: 2.0625, // 66 B / 256
} as const;

/**
 * llama.cpp "_M" recipes keep half of the ffn_down tensors one type higher (Q6_K)
 * (llama-quant.cpp `use_more_bits`): ffn_down is one third of an FFN's weights.
 */
const withHalfDownAtQ6K = (base: number) => (2 / 3) * base + (1 / 6) * GGUF_BITS.Q6_K + (1 / 6) * base;

export const WEIGHT_FORMATS: readonly WeightFormat[] = [
  {
    id: "bf16",
    label: "BF16",
    expertBitsPerWeight: 16,
    denseBitsPerWeight: 16,
    computePrecision: "bf16",
    runtime: "vllm",
    seedLabel: "BF16",
    source: "bfloat16: 2 bytes per weight",
  },
  {
    id: "fp8",
    label: "FP8 (W8A8)",
    expertBitsPerWeight: 8,
    denseBitsPerWeight: 8,
    computePrecision: "fp8",
    requiresNativePrecision: "fp8",
    runtime: "vllm",
    seedLabel: "INT8",
    source: "FP8 E4M3 with block scales, ~8 bits (sizing-facts §3: vLLM/SGLang FP8 ~8 bits)",
  },
  {
    id: "q8_0",
    label: "GGUF Q8_0",
    expertBitsPerWeight: GGUF_BITS.Q8_0,
    denseBitsPerWeight: GGUF_BITS.Q8_0,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_q8_0",
  },
  {
    id: "q6_k",
    label: "GGUF Q6_K",
    expertBitsPerWeight: GGUF_BITS.Q6_K,
    denseBitsPerWeight: GGUF_BITS.Q6_K,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_q6_K",
  },
  {
    id: "q5_k_m",
    label: "GGUF Q5_K_M",
    expertBitsPerWeight: withHalfDownAtQ6K(GGUF_BITS.Q5_K),
    denseBitsPerWeight: GGUF_BITS.Q6_K,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_q5_K; Q5_K_M recipe (half of ffn_down at Q6_K) in llama-quant.cpp",
  },
  {
    id: "q4_1",
    label: "GGUF Q4_1",
    expertBitsPerWeight: GGUF_BITS.Q4_1,
    denseBitsPerWeight: GGUF_BITS.Q4_1,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_q4_1",
  },
  {
    id: "q4_k_m",
    label: "GGUF Q4_K_M",
    expertBitsPerWeight: withHalfDownAtQ6K(GGUF_BITS.Q4_K),
    denseBitsPerWeight: GGUF_BITS.Q6_K,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_q4_K; Q4_K_M recipe (half of ffn_down at Q6_K) in llama-quant.cpp",
  },
  {
    id: "nvfp4",
    label: "NVFP4",
    expertBitsPerWeight: 4.5,
    denseBitsPerWeight: 4.5,
    computePrecision: "fp4",
    requiresNativePrecision: "fp4",
    runtime: "vllm",
    source: "NVFP4: E2M1 values + one FP8 scale per 16 = 4.5 bits (sizing-facts §3: NVFP4 ~4.25-4.5)",
  },
  {
    id: "awq_int4",
    label: "INT4 W4A16 (AWQ/GPTQ, group 128)",
    expertBitsPerWeight: 4.25,
    denseBitsPerWeight: 4.25,
    computePrecision: "bf16",
    runtime: "vllm",
    source: "4-bit weights + fp16 scale and zero per group of 128 = 4.25 bits",
  },
  {
    id: "mxfp4_moe",
    label: "GGUF MXFP4_MOE",
    expertBitsPerWeight: GGUF_BITS.MXFP4,
    denseBitsPerWeight: GGUF_BITS.Q8_0,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    seedLabel: "INT4",
    source: "llama.cpp MXFP4_MOE file type: experts MXFP4, other tensors Q8_0",
  },
  {
    id: "ud_q4_k_xl",
    label: "GGUF UD-Q4_K_XL (Unsloth dynamic)",
    expertBitsPerWeight: GGUF_BITS.Q4_K,
    denseBitsPerWeight: GGUF_BITS.Q8_0,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "Unsloth dynamic mix around Q4_K; per-tensor types vary, so a published file size overrides this estimate",
  },
  {
    id: "iq4_xs",
    label: "GGUF IQ4_XS",
    expertBitsPerWeight: GGUF_BITS.IQ4_XS,
    denseBitsPerWeight: GGUF_BITS.IQ4_XS,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_iq4_xs",
  },
  {
    id: "q3_k_s",
    label: "GGUF Q3_K_S",
    expertBitsPerWeight: GGUF_BITS.Q3_K,
    denseBitsPerWeight: GGUF_BITS.Q3_K,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    seedLabel: "INT3",
    source: "ggml-common.h block_q3_K (Q3_K_S: all tensors Q3_K)",
  },
  {
    id: "iq3_xxs",
    label: "GGUF IQ3_XXS",
    expertBitsPerWeight: GGUF_BITS.IQ3_XXS,
    denseBitsPerWeight: GGUF_BITS.Q4_K,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_iq3_xxs; non-expert tensors Q4_K",
  },
  {
    id: "iq2_xs",
    label: "GGUF IQ2_XS",
    expertBitsPerWeight: GGUF_BITS.IQ2_XS,
    denseBitsPerWeight: GGUF_BITS.Q4_K,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    seedLabel: "INT2",
    source: "ggml-common.h block_iq2_xs; non-expert tensors Q4_K",
  },
  {
    id: "iq2_xxs",
    label: "GGUF IQ2_XXS",
    expertBitsPerWeight: GGUF_BITS.IQ2_XXS,
    denseBitsPerWeight: GGUF_BITS.Q4_K,
    computePrecision: "fp8",
    runtime: "llama.cpp",
    source: "ggml-common.h block_iq2_xxs; non-expert tensors Q4_K",
  },
  {
    id: "mlx_4bit",
    label: "MLX 4-bit (group 64)",
    expertBitsPerWeight: 4.5,
    denseBitsPerWeight: 4.5,
    computePrecision: "bf16",
    runtime: "mlx",
    source: "MLX affine 4-bit, fp16 scale and bias per 64 values = 4.5 bits (Apple silicon only)",
  },
];

export type KvCacheTypeId = "f16" | "q8_0" | "q4_0" | "q8_0/q4_0";

export interface KvCacheType {
  id: KvCacheTypeId;
  keyBits: number;
  valueBits: number;
  /** llama.cpp flags; vLLM's nearest is --kv-cache-dtype fp8 for any 8-bit-or-lower choice. */
  llamaCppFlags: string;
  vllmDtype: "auto" | "fp8";
  /** Runtimes that implement this cache type (vLLM and SGLang have bf16 and fp8 caches only). */
  runtimes: readonly RuntimeId[];
  source: string;
}

export const KV_CACHE_TYPES: readonly KvCacheType[] = [
  {
    id: "f16",
    keyBits: 16,
    valueBits: 16,
    llamaCppFlags: "",
    vllmDtype: "auto",
    runtimes: ["llama.cpp", "vllm", "sglang", "mlx"],
    source: "llama.cpp f16 cache",
  },
  {
    id: "q8_0",
    keyBits: 8.5,
    valueBits: 8.5,
    llamaCppFlags: "--cache-type-k q8_0 --cache-type-v q8_0 --flash-attn on",
    vllmDtype: "fp8",
    runtimes: ["llama.cpp", "vllm", "sglang"],
    source: "llama.cpp q8_0 cache, 8.5 bits/value (sizing-facts §3); vLLM fp8 is 8 bits, so this errs high",
  },
  {
    id: "q8_0/q4_0",
    keyBits: 8.5,
    valueBits: 4.5,
    llamaCppFlags: "--cache-type-k q8_0 --cache-type-v q4_0 --flash-attn on",
    vllmDtype: "fp8",
    runtimes: ["llama.cpp"],
    source: "seed quick guide flags; asymmetric pair needs GGML_CUDA_FA_ALL_QUANTS on CUDA (sizing-facts §3)",
  },
  {
    id: "q4_0",
    keyBits: 4.5,
    valueBits: 4.5,
    llamaCppFlags: "--cache-type-k q4_0 --cache-type-v q4_0 --flash-attn on",
    vllmDtype: "fp8",
    runtimes: ["llama.cpp"],
    source: "llama.cpp q4_0 cache, 4.5 bits/value (sizing-facts §3)",
  },
];

export function findWeightFormat(id: string): WeightFormat | undefined {
  return WEIGHT_FORMATS.find((f) => f.id === id);
}

export function findKvCacheType(id: string): KvCacheType | undefined {
  return KV_CACHE_TYPES.find((k) => k.id === id);
}
