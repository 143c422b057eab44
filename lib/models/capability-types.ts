/** The shapes the capability table and its reader share (kept apart so neither imports the other). */

/** In the order `stripped` reports them. */
export const samplingParameters = [
  'temperature',
  'top_p',
  'top_k',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'seed',
  'stop',
] as const;

export type SamplingParameter = (typeof samplingParameters)[number];

/** Inclusive bounds. */
export interface ValueRange {
  min: number;
  max: number;
}

export interface RequestSettings {
  /** `reasoning_effort`, or OpenRouter's `reasoning.effort`. */
  reasoningEffort?: string;
  /** Extended thinking is on for this request. */
  thinking?: boolean;
}
