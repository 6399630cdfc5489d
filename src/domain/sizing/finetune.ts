// Fine-tuning memory: frozen or trained weights, LoRA adapters with their optimizer states, and
// activations with full gradient checkpointing (micro-batch of one sequence).
import { ACTIVATION_BYTES_PER_TOKEN_HIDDEN, ADAM_MIXED_PRECISION_BYTES_PER_PARAM, QLORA_BITS_PER_WEIGHT } from "./constants";

export type FineTuningMethod = "lora" | "qlora" | "full";

export interface TrainingTarget {
  name: string;
  params: number;
  layers: number;
  hiddenSize: number;
}

/**
 * A model known only by its size gets the shape of a typical dense transformer:
 * params ≈ 12·L·h² with depth L ≈ h / 110 (Llama 3 70B: h 8,192, L 80; 405B: h 16,384, L 126).
 */
export function typicalShape(params: number): { layers: number; hiddenSize: number } {
  const hiddenSize = Math.cbrt((110 * params) / 12);
  return { layers: Math.max(1, Math.round(hiddenSize / 110)), hiddenSize: Math.round(hiddenSize) };
}

/** LoRA on the seven projections of every layer (q, k, v, o, gate, up, down), each adding
 *  r × (in + out) ≈ 2·r·h parameters: 14·L·h·r in all (routed experts left frozen). */
export function loraTrainableParams(t: TrainingTarget, rank: number): number {
  return 14 * t.layers * t.hiddenSize * rank;
}

export interface FineTuningMemory {
  weightsBytes: number;
  trainableParams: number;
  optimizerAndGradientBytes: number;
  activationBytes: number;
  totalBytes: number;
}

export function fineTuningMemory(t: TrainingTarget, method: FineTuningMethod, sequenceLength: number, rank: number): FineTuningMemory {
  const trainableParams = method === "full" ? t.params : loraTrainableParams(t, rank);
  const weightsBytes = method === "qlora" ? (t.params * QLORA_BITS_PER_WEIGHT) / 8 : method === "lora" ? t.params * 2 : 0;
  const optimizerAndGradientBytes = trainableParams * ADAM_MIXED_PRECISION_BYTES_PER_PARAM;
  // Checkpointing keeps each layer's BF16 input and recomputes one layer at a time.
  const activationBytes = t.layers * sequenceLength * t.hiddenSize * 2 + sequenceLength * t.hiddenSize * ACTIVATION_BYTES_PER_TOKEN_HIDDEN;
  return {
    weightsBytes,
    trainableParams,
    optimizerAndGradientBytes,
    activationBytes,
    totalBytes: weightsBytes + optimizerAndGradientBytes + activationBytes,
  };
}
