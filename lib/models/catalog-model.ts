import type { ProviderId } from '@/lib/providers/registry';
import type { ProtocolId } from '@/lib/providers/types';
import { modelCapabilities, type SamplingParameter } from './capabilities';
import type { ListedModel } from './listed-model';

/** A model as the picker and the parameter controls see it. */
export interface CatalogModel {
  provider: ProviderId;
  /** Set for a model on one of the user's own endpoints. */
  endpointId?: string;
  id: string;
  name?: string;
  contextLength?: number;
  /** USD per million tokens. */
  pricing?: { input: number; output: number };
  reasoning: boolean;
  /** Known to take images (shown as a chip). */
  vision: boolean;
  /**
   * Images may be attached: false only where the provider's data or documentation says the model
   * takes none. Unknown means allowed; the upstream decides.
   */
  acceptsImages: boolean;
  tools: boolean;
  /** Sampling parameters the model accepts; the UI shows controls for these only. */
  parameters: SamplingParameter[];
  /** On the provider's curated list (shown first, before "show all"). */
  curated: boolean;
  /** Curated, but missing from the provider's live list: shown marked, last among the curated. */
  unlisted?: boolean;
}

/** Names that take images, for lists that do not say (most OpenAI-style lists). */
const visionNames =
  /gpt-4o|gpt-4\.1|gpt-5|(^|\/)o[34]|claude-(3|sonnet|opus|haiku)|gemini|grok-4|vision|-vl\b|llava|pixtral|qwen.*vl/i;

/**
 * Text-only where a list does not say so itself: DeepSeek's API takes no images (its chat
 * completions reference documents text content only, api-docs.deepseek.com).
 */
const textOnlyNames = /^deepseek-(chat|reasoner)$/i;

/**
 * A router's own "pick for me" model: it routes an image or a tool call to a model that takes
 * it (OrcaRouter's documentation verified images through `auto`), whatever its list entry says.
 */
export function isRouterMetaModel(id: string): boolean {
  return /^(openrouter|orcarouter)\/auto$/i.test(id);
}

export function toCatalogModel(
  provider: ProviderId,
  protocol: ProtocolId,
  listed: ListedModel,
  curated: boolean,
): CatalogModel {
  const capabilities = modelCapabilities(protocol, listed.id, {
    supportedParameters: listed.supportedParameters,
    reasoning: listed.reasoning,
  });
  const router = isRouterMetaModel(listed.id);
  const modalities = listed.inputModalities;
  return {
    provider,
    id: listed.id,
    name: listed.name,
    contextLength: listed.contextLength,
    pricing: listed.pricing,
    reasoning: capabilities.reasoning,
    vision: router || (modalities ? modalities.includes('image') : visionNames.test(listed.id)),
    acceptsImages:
      router || (modalities ? modalities.includes('image') : !textOnlyNames.test(listed.id)),
    tools: router || (listed.supportedParameters?.includes('tools') ?? true),
    parameters: [...capabilities.acceptedParameters],
    curated,
    ...(listed.unlisted ? { unlisted: true } : {}),
  };
}
