// Model architectures the engine knows by id. Every figure comes from the model's
// config.json / model card as summarised in sizing-facts.md §2; derived values show their formula.
import type { Architecture } from "../sizing/schema";

export interface CatalogModel extends Architecture {
  id: string;
  /** Hugging Face repository of the original weights, for checkpoint suggestions. */
  huggingFace: string;
  license: string;
}

/** A SwiGLU expert: gate, up and down projections, hidden × intermediate each. */
const swigluParams = (hidden: number, intermediate: number) => 3 * hidden * intermediate;

/**
 * Gated DeltaNet recurrent state per sequence per layer: value heads × key dim × value dim in FP32
 * (configs' mamba_ssm_dtype; vLLM gated_delta_net_state_shape), plus the short convolution's
 * (kernel − 1) past inputs over the q, k and v channels in BF16.
 */
export function gatedDeltaNetStateBytes(p: { valueHeads: number; qkHeads: number; headDim: number; convKernel: number }): number {
  const recurrent = p.valueHeads * p.headDim * p.headDim * 4;
  const convChannels = 2 * p.qkHeads * p.headDim + p.valueHeads * p.headDim;
  return recurrent + convChannels * (p.convKernel - 1) * 2;
}

const GB = 1e9;
const GiB = 2 ** 30;

export const MODELS: readonly CatalogModel[] = [
  {
    id: "qwen3.5-397b-a17b",
    name: "Qwen3.5-397B-A17B",
    huggingFace: "Qwen/Qwen3.5-397B-A17B",
    license: "Apache-2.0",
    totalParams: 397e9,
    activeParams: 17e9,
    hiddenSize: 4096,
    layers: {
      fullAttention: 15,
      linearAttention: {
        count: 45,
        stateBytesPerLayer: gatedDeltaNetStateBytes({ valueHeads: 64, qkHeads: 16, headDim: 128, convKernel: 4 }),
      },
    },
    attention: { kind: "gqa", queryHeads: 32, kvHeads: 2, headDim: 256 },
    moe: { experts: 512, activeExperts: 10, expertParams: swigluParams(4096, 1024), moeLayers: 60 },
    nativeContextTokens: 262_144,
    maxContextTokens: 1_010_000,
    // Qwen3-VL-class ViT; the card does not state its size: Sizewise estimate, ~0.6B.
    visionEncoderParams: 0.6e9,
    knownFiles: [
      { formatId: "q8_0", name: "bartowski/Qwen_Qwen3.5-397B-A17B-GGUF Q8_0", bytes: 421.58 * GB, source: "sizing-facts §3" },
      { formatId: "q6_k", name: "bartowski/Qwen_Qwen3.5-397B-A17B-GGUF Q6_K", bytes: 342.27 * GB, source: "sizing-facts §3" },
      { formatId: "q5_k_m", name: "bartowski/Qwen_Qwen3.5-397B-A17B-GGUF Q5_K_M", bytes: 283.26 * GB, source: "sizing-facts §3" },
      { formatId: "q4_1", name: "bartowski/Qwen_Qwen3.5-397B-A17B-GGUF Q4_1", bytes: 249.1 * GB, source: "sizing-facts §3" },
      { formatId: "q4_k_m", name: "Qwen3.5-397B-A17B Q4_K_M GGUF", bytes: 244 * GB, source: "sizing-facts §3" },
      { formatId: "ud_q4_k_xl", name: "unsloth/Qwen3.5-397B-A17B-GGUF UD-Q4_K_XL", bytes: 205 * GB, source: "sizing-facts §3" },
      { formatId: "iq3_xxs", name: "unsloth/Qwen3.5-397B-A17B-GGUF UD-IQ3_XXS", bytes: 131 * GB, source: "sizing-facts §3" },
      { formatId: "iq2_xxs", name: "unsloth/Qwen3.5-397B-A17B-GGUF UD-IQ2_XXS", bytes: 106 * GB, source: "sizing-facts §3" },
      { formatId: "mlx_4bit", name: "Qwen3.5-397B-A17B MLX 4-bit", bytes: 223 * GB, source: "sizing-facts §3" },
    ],
    source: "Hugging Face Qwen/Qwen3.5-397B-A17B config.json and model card (sizing-facts §2)",
  },
  {
    id: "qwen3-32b",
    name: "Qwen3-32B",
    huggingFace: "Qwen/Qwen3-32B",
    license: "Apache-2.0",
    totalParams: 32.8e9,
    activeParams: 32.8e9,
    hiddenSize: 5120,
    layers: { fullAttention: 64 },
    attention: { kind: "gqa", queryHeads: 64, kvHeads: 8, headDim: 128 },
    nativeContextTokens: 32_768,
    maxContextTokens: 131_072,
    source: "Hugging Face Qwen/Qwen3-32B config.json (sizing-facts §2)",
  },
  {
    id: "llama-4-maverick",
    name: "Llama 4 Maverick (400B-A17B)",
    huggingFace: "meta-llama/Llama-4-Maverick-17B-128E-Instruct",
    license: "Llama 4 Community License",
    totalParams: 400e9,
    activeParams: 17e9,
    hiddenSize: 5120,
    // Three of four layers use chunked (local) attention over 8,192 tokens; every fourth is global.
    layers: { fullAttention: 12, slidingWindow: { count: 36, windowTokens: 8_192 } },
    attention: { kind: "gqa", queryHeads: 40, kvHeads: 8, headDim: 128 },
    // MoE every second layer, 128 routed experts top-1 (+ a shared expert), intermediate 8,192.
    moe: { experts: 128, activeExperts: 1, expertParams: swigluParams(5120, 8192), moeLayers: 24 },
    nativeContextTokens: 1_048_576,
    maxContextTokens: 1_048_576,
    source: "Hugging Face meta-llama/Llama-4-Maverick config.json (sizing-facts §2)",
  },
  {
    id: "deepseek-v3.2",
    name: "DeepSeek V3.2 (671B-A37B)",
    huggingFace: "deepseek-ai/DeepSeek-V3.2",
    license: "MIT",
    totalParams: 671e9,
    activeParams: 37e9,
    hiddenSize: 7168,
    layers: { fullAttention: 61 },
    attention: { kind: "mla", queryHeads: 128, latentDim: 512, ropeDim: 64, headDim: 192 },
    moe: { experts: 256, activeExperts: 8, expertParams: swigluParams(7168, 2048), moeLayers: 58 },
    nativeContextTokens: 131_072,
    maxContextTokens: 131_072,
    source: "Hugging Face deepseek-ai/DeepSeek-V3.2 config.json (sizing-facts §2)",
  },
  {
    id: "qwen3-next-80b-a3b",
    name: "Qwen3-Next-80B-A3B",
    huggingFace: "Qwen/Qwen3-Next-80B-A3B-Instruct",
    license: "Apache-2.0",
    totalParams: 80e9,
    activeParams: 3e9,
    hiddenSize: 2048,
    layers: {
      fullAttention: 12,
      linearAttention: {
        count: 36,
        stateBytesPerLayer: gatedDeltaNetStateBytes({ valueHeads: 32, qkHeads: 16, headDim: 128, convKernel: 4 }),
      },
    },
    attention: { kind: "gqa", queryHeads: 16, kvHeads: 2, headDim: 256 },
    moe: { experts: 512, activeExperts: 10, expertParams: swigluParams(2048, 512), moeLayers: 48 },
    nativeContextTokens: 262_144,
    maxContextTokens: 1_010_000,
    source: "Hugging Face Qwen/Qwen3-Next-80B-A3B config.json (sizing-facts §2)",
  },
  {
    id: "gpt-oss-120b",
    name: "gpt-oss-120b",
    huggingFace: "openai/gpt-oss-120b",
    license: "Apache-2.0",
    totalParams: 116.8e9,
    activeParams: 5.1e9,
    hiddenSize: 2880,
    layers: { fullAttention: 18, slidingWindow: { count: 18, windowTokens: 128 } },
    attention: { kind: "gqa", queryHeads: 64, kvHeads: 8, headDim: 64 },
    moe: { experts: 128, activeExperts: 4, expertParams: swigluParams(2880, 2880), moeLayers: 36 },
    nativeContextTokens: 131_072,
    maxContextTokens: 131_072,
    knownFiles: [{ formatId: "mxfp4_moe", name: "ggml-org/gpt-oss-120b-GGUF MXFP4", bytes: 59.02 * GiB, source: "sizing-facts §1/§5" }],
    source: "Hugging Face openai/gpt-oss-120b config.json (sizing-facts §2)",
  },
  // Small models commonly served alongside the main one (RAG embeddings and reranking).
  {
    id: "qwen3-embedding-0.6b",
    name: "Qwen3-Embedding-0.6B",
    huggingFace: "Qwen/Qwen3-Embedding-0.6B",
    license: "Apache-2.0",
    totalParams: 0.6e9,
    activeParams: 0.6e9,
    hiddenSize: 1024,
    layers: { fullAttention: 28 },
    attention: { kind: "gqa", queryHeads: 16, kvHeads: 8, headDim: 128 },
    nativeContextTokens: 32_768,
    maxContextTokens: 32_768,
    source: "Hugging Face Qwen/Qwen3-Embedding-0.6B config.json",
  },
  {
    id: "qwen3-reranker-0.6b",
    name: "Qwen3-Reranker-0.6B",
    huggingFace: "Qwen/Qwen3-Reranker-0.6B",
    license: "Apache-2.0",
    totalParams: 0.6e9,
    activeParams: 0.6e9,
    hiddenSize: 1024,
    layers: { fullAttention: 28 },
    attention: { kind: "gqa", queryHeads: 16, kvHeads: 8, headDim: 128 },
    nativeContextTokens: 32_768,
    maxContextTokens: 32_768,
    source: "Hugging Face Qwen/Qwen3-Reranker-0.6B config.json",
  },
];

export const DEFAULT_MODEL_ID = "qwen3.5-397b-a17b";

export function findModel(id: string): CatalogModel | undefined {
  return MODELS.find((m) => m.id === id);
}
