// Runtime suggestion: which file or checkpoint to download and how to start the server,
// following the seed's quick guide (llama.cpp / Ollama for one or two users, vLLM or SGLang beyond).
import type { KvCacheType, WeightFormat } from "../catalog/formats";
import type { WeightsSize } from "./memory";
import type { Architecture } from "./schema";

export function weightsSuggestion(model: Architecture, huggingFace: string | null, format: WeightFormat, weights: WeightsSize): string {
  const size = `~${Math.round(weights.bytes / 1e9)} GB`;
  if (weights.fileName) return `${weights.fileName} (${size})`;
  const repo = huggingFace ?? model.name;
  if (format.runtime === "llama.cpp") return `GGUF ${format.label.replace("GGUF ", "")} of ${repo} (${size})`;
  if (format.id === "bf16") return `${repo} (${size})`;
  return `${format.label} checkpoint of ${repo} (${size})`;
}

export interface LaunchSpec {
  runtime: string;
  format: WeightFormat;
  kv: KvCacheType;
  huggingFace: string;
  weightsFile: string | null;
  gpusPerUnit: number;
  pipelineStages: number;
  contextTokens: number;
  streams: number;
  offload: boolean;
  yarnFactor: number;
  nativeContext: number;
}

export function launchCommand(s: LaunchSpec): string {
  if (s.runtime === "llama.cpp") {
    const parts = [
      "llama-server",
      `-m ${(s.weightsFile ?? s.huggingFace).split(" ")[0]}`,
      `--ctx-size ${s.contextTokens * s.streams}`,
      `--parallel ${s.streams}`,
      "--n-gpu-layers 999",
      s.kv.llamaCppFlags || "--flash-attn on",
    ];
    if (s.offload) parts.push('-ot ".ffn_.*_exps.=CPU"');
    if (s.pipelineStages > 1) parts.push("--rpc <second-unit>:50052");
    if (s.yarnFactor > 1) parts.push(`--rope-scaling yarn --rope-scale ${s.yarnFactor} --yarn-orig-ctx ${s.nativeContext}`);
    return parts.join(" ");
  }
  const yarn =
    s.yarnFactor > 1
      ? ` --hf-overrides '{"rope_scaling":{"rope_type":"yarn","factor":${s.yarnFactor},"original_max_position_embeddings":${s.nativeContext}}}'`
      : "";
  const kv = s.kv.vllmDtype === "fp8" ? " --kv-cache-dtype fp8" : "";
  if (s.runtime === "sglang") {
    return `python -m sglang.launch_server --model-path ${s.huggingFace} --tp ${s.gpusPerUnit}${s.pipelineStages > 1 ? ` --pp ${s.pipelineStages}` : ""} --context-length ${s.contextTokens} --max-running-requests ${s.streams} --mem-fraction-static 0.92${kv.replace("--kv-cache-dtype", "--kv-cache-dtype")}`;
  }
  return `vllm serve ${s.huggingFace} --tensor-parallel-size ${s.gpusPerUnit}${s.pipelineStages > 1 ? ` --pipeline-parallel-size ${s.pipelineStages}` : ""} --max-model-len ${s.contextTokens} --max-num-seqs ${s.streams} --gpu-memory-utilization 0.92${kv}${yarn}`;
}
