import type { CatalogModel } from './catalog-model';
import { formatModelRef, parseModelRef, type ModelRef } from './model-ref';

/**
 * What the user picked: a registry provider's model (`openrouter:anthropic/claude-opus-4.7`), or
 * a model on one of the user's own OpenAI-compatible endpoints (`endpoint/<id>:<model>`), which
 * goes through the `openai-compatible` provider with the endpoint's address and key.
 */
export interface ModelChoice extends ModelRef {
  endpointId?: string;
}

const endpointPrefix = 'endpoint/';

export function parseModelChoice(text: string): ModelChoice | undefined {
  if (!text.startsWith(endpointPrefix)) return parseModelRef(text);
  const rest = text.slice(endpointPrefix.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return undefined;
  return {
    provider: 'openai-compatible',
    endpointId: rest.slice(0, colon),
    model: rest.slice(colon + 1),
  };
}

export function formatModelChoice(choice: ModelChoice): string {
  return choice.endpointId
    ? `${endpointPrefix}${choice.endpointId}:${choice.model}`
    : formatModelRef(choice);
}

export function choiceOf(model: CatalogModel): string {
  return formatModelChoice({
    provider: model.provider,
    model: model.id,
    endpointId: model.endpointId,
  });
}

export function findModel(
  models: readonly CatalogModel[],
  choice: string | undefined,
): CatalogModel | undefined {
  return choice ? models.find((model) => choiceOf(model) === choice) : undefined;
}

/** The display name of a choice, falling back to the id the provider uses. */
export function modelLabel(models: readonly CatalogModel[], choice: string): string {
  return findModel(models, choice)?.name ?? parseModelChoice(choice)?.model ?? choice;
}
