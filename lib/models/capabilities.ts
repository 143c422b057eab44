import { protocols } from '@/lib/protocols';
import type { ProtocolId } from '@/lib/providers/types';
import { parameterRules, reasonsByName, type ModelName } from './capability-rules';
import {
  samplingParameters,
  type RequestSettings,
  type SamplingParameter,
  type ValueRange,
} from './capability-types';

import { claudeVersion, idRequestsThinking, normalizeModelId } from './normalize-model-id';

export { samplingParameters, type RequestSettings, type SamplingParameter, type ValueRange };

/**
 * The parameter policy: which sampling parameters a request may carry (DESIGN "Models").
 * Section numbers (§) cite the upstream wire-formats reference (shared/reference/wire-formats.md).
 */

/** From a live catalog entry when known (OpenRouter `/models`, wire-formats §2). */
export interface CatalogHints {
  /** OpenRouter `supported_parameters`: `SamplingParameter` names plus `max_tokens`. */
  supportedParameters?: readonly string[];
  /** Whether the entry has a `reasoning` object. */
  reasoning?: boolean;
}

export interface ModelCapabilities {
  /** Drives the reasoning-effort control. */
  reasoning: boolean;
  acceptedParameters: ReadonlySet<SamplingParameter>;
  /** An accepted parameter listed here is accepted only inside its range (Claude thinking, §5). */
  acceptedRanges: Readonly<Partial<Record<SamplingParameter, ValueRange>>>;
  /** `max_output_tokens` stands for Gemini's `generationConfig.maxOutputTokens`. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens' | 'max_output_tokens';
}

/** What a request asks for that changes what the model accepts. */

export function modelCapabilities(
  protocol: ProtocolId,
  model: string,
  hints?: CatalogHints,
  settings: RequestSettings = {},
): ModelCapabilities {
  const id = normalizeModelId(model);
  const name: ModelName = { id, claude: claudeVersion(id) };
  // Unsaid stays undefined (not false): a model that thinks by default is told apart from one told not to.
  const effective = {
    ...settings,
    thinking: settings.thinking ?? (idRequestsThinking(model) || undefined),
  };
  const catalog = hints?.supportedParameters;
  const rules = parameterRules.filter(
    (rule) => (rule.level === 'request' || !catalog) && rule.applies(name, effective, protocol),
  );
  const rejected = new Set(rules.flatMap((rule) => rule.rejects));
  const accepted = samplingParameters.filter(
    (parameter) =>
      protocols[protocol].parameterFields[parameter] !== undefined &&
      !rejected.has(parameter) &&
      (!catalog || catalog.includes(parameter)),
  );
  const acceptedRanges: Partial<Record<SamplingParameter, ValueRange>> = {};
  for (const parameter of accepted) {
    const range = rules.find((rule) => rule.ranges?.[parameter])?.ranges?.[parameter];
    if (range) acceptedRanges[parameter] = range;
  }
  const renames = protocol === 'openai' && rules.some((rule) => rule.maxTokensField);
  return {
    reasoning: hints?.reasoning ?? reasonsByName(name),
    acceptedParameters: new Set(accepted),
    acceptedRanges,
    maxTokensField:
      protocol === 'gemini'
        ? 'max_output_tokens'
        : renames
          ? 'max_completion_tokens'
          : 'max_tokens',
  };
}
