// @ts-check
/**
 * The routers' model selection (wire-formats.md §2 and §3): OpenRouter's `models` fallback
 * list, OrcaRouter's `route: "fallback"` chain with its response headers, and OrcaRouter's
 * `orcarouter/auto` router. A model "fails" when its name contains `fail`.
 */
import { openAiError, openRouterError } from './errors.mjs';

const ORCA_MAX_FALLBACKS = 5;
export const ORCA_AUTO_MODEL = 'orcarouter/auto';
export const ORCA_AUTO_RESOLVED_MODEL = 'anthropic/claude-sonnet-4.6';

/**
 * @typedef {{ ok: true, model: string | undefined, headers: Record<string, string> }
 *   | { ok: false, status: number, body: unknown }} Routing
 */

/**
 * Which model answers a chat request, and the headers that say so.
 * - OrcaRouter (`route: "fallback"`, path without `/api/v1/`): the first non-failing entry of
 *   `models` (cut to 5), with `X-Orca-Fallback-Level` and `X-Orca-Fallback-Model`.
 * - OpenRouter (any other request with `models`): the first non-failing entry of `models`.
 * - Otherwise `model`.
 * @param {Record<string, unknown>} body
 * @param {string} path
 * @returns {Routing}
 */
export function routeChat(body, path) {
  const requested = typeof body.model === 'string' && body.model !== '' ? body.model : undefined;
  const chain = Array.isArray(body.models)
    ? /** @type {unknown[]} */ (body.models).filter(
        /** @returns {entry is string} */ (entry) => typeof entry === 'string' && entry !== '',
      )
    : [];
  if (chain.length === 0) return withOrcaAuto(requested, {});

  if (body.route === 'fallback' && !path.includes('/api/v1/')) {
    const entries = chain.slice(0, ORCA_MAX_FALLBACKS);
    const level = entries.findIndex((entry) => !fails(entry));
    const model = entries[level];
    if (model === undefined) {
      const message = `All ${entries.length} models in the fallback chain failed. Last error: upstream_error from ${entries.at(-1)}.`;
      return {
        ok: false,
        status: 502,
        body: openAiError(message, 'upstream_error', 'fallback_exhausted'),
      };
    }
    return withOrcaAuto(model, {
      'x-orca-fallback-level': String(level),
      'x-orca-fallback-model': model,
    });
  }

  const model = chain.find((entry) => !fails(entry));
  if (model === undefined) return { ok: false, status: 502, body: openRouterError(502, '') };
  return { ok: true, model, headers: {} };
}

/**
 * OrcaRouter's named router picks a concrete model and says which.
 * @param {string | undefined} model
 * @param {Record<string, string>} headers
 * @returns {Routing}
 */
export function withOrcaAuto(model, headers) {
  if (model !== ORCA_AUTO_MODEL) return { ok: true, model, headers };
  return {
    ok: true,
    model: ORCA_AUTO_RESOLVED_MODEL,
    headers: {
      ...headers,
      'x-orca-router': 'auto',
      'x-orca-resolved-model': ORCA_AUTO_RESOLVED_MODEL,
    },
  };
}

/** @param {string} model */
function fails(model) {
  return model.toLowerCase().includes('fail');
}
