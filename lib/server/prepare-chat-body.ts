import { ParleyError } from '@/lib/errors/parley-error';
import { isModelAllowed, matchesPattern } from '@/lib/models/allowlist';
import { isPlainModelId } from '@/lib/models/model-id';
import type { CatalogHints } from '@/lib/models/capabilities';
import { applyParameterPolicy } from '@/lib/models/parameter-policy';
import type { ResolvedRoute } from './resolve-route';
import type { ServerConfig } from './server-config';

/** Characters that could split a header, a path or a log line; never valid in a model id. */
const controlCharacters = /[\r\n\u0000]/;

export interface PreparedChat {
  model: string;
  body: Record<string, unknown>;
  /** Parameters the policy removed, reported to the client in a response header. */
  stripped: string[];
}

/**
 * The chat-specific checks, on the parsed body: the model (from the path where the provider puts
 * it there, else the body) and every fallback model must be allowed, failing closed on anything
 * that is not a plain string; then the operator's routing is merged in and the parameter policy
 * strips what the model would reject.
 */
export function prepareChatBody(
  route: ResolvedRoute,
  body: Record<string, unknown>,
  config: ServerConfig,
  hintsFor: (model: string) => CatalogHints | undefined,
): PreparedChat {
  const model = route.pathModel ?? body.model;
  if (typeof model !== 'string' || model.trim() === '' || controlCharacters.test(model)) {
    throw new ParleyError('model:missing', 'The request must name a model.');
  }
  const fallbacks = body.models;
  if (
    fallbacks !== undefined &&
    (!Array.isArray(fallbacks) || !fallbacks.every((entry) => typeof entry === 'string'))
  ) {
    throw new ParleyError('model:missing', 'Fallback models must be a list of model ids.');
  }
  for (const candidate of [model, ...(fallbacks ?? [])]) {
    if (!isPlainModelId(candidate)) {
      throw new ParleyError('model:not_allowed', 'This is not a valid model id.');
    }
    if (!isModelAllowed(config.modelRules, route.provider.id, candidate)) {
      throw new ParleyError('model:not_allowed', 'This model is not allowed on this deployment.');
    }
  }

  let prepared = body;
  const routing = route.provider.routing.find(({ pattern }) => matchesPattern(pattern, model));
  if (routing && route.definition.mergeRouting) {
    prepared = route.definition.mergeRouting(prepared, routing.rule) ?? prepared;
  }
  const policy = applyParameterPolicy(route.definition.protocol, model, prepared, hintsFor(model));
  return { model, body: policy.body, stripped: policy.stripped };
}
