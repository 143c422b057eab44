import type { SamplingParameter } from '@/lib/models/capabilities';
import type { CatalogModel } from '@/lib/models/catalog-model';
import type { ChatRequest } from '@/lib/protocols/types';
import type { ConversationParameters } from '@/lib/store/chat-types';

/**
 * Only what this model accepts goes out: a temperature set for one model is not sent to a
 * reasoning model that rejects it, and an effort only to models that reason. Without a catalog
 * entry (an id the operator typed), everything the user set is sent and the gateway's policy
 * strips what the model would reject.
 */
export function acceptedParameters(
  parameters: ConversationParameters | undefined,
  model: CatalogModel | undefined,
): Pick<ChatRequest, 'parameters' | 'reasoningEffort'> {
  if (!parameters) return {};
  const { reasoningEffort, ...sampling } = parameters;
  const accepts = (name: SamplingParameter) => !model || model.parameters.includes(name);
  return {
    parameters: {
      temperature: accepts('temperature') ? sampling.temperature : undefined,
      topP: accepts('top_p') ? sampling.topP : undefined,
      presencePenalty: accepts('presence_penalty') ? sampling.presencePenalty : undefined,
      frequencyPenalty: accepts('frequency_penalty') ? sampling.frequencyPenalty : undefined,
      maxOutputTokens: sampling.maxOutputTokens,
    },
    reasoningEffort: !model || model.reasoning ? reasoningEffort : undefined,
  };
}
