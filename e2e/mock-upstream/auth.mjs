// @ts-check
/**
 * Key checks, when the mock was started with `acceptedKeys`: each dialect reads its own header
 * and refuses in its own way (Gemini answers a wrong key with 400, a missing one with 403).
 */
import {
  AZURE_ACCESS_DENIED,
  GEMINI_INVALID_KEY,
  GEMINI_MISSING_KEY,
  anthropicError,
  openAiError,
} from './errors.mjs';
import { bearerToken, sendJson } from './http.mjs';

/** @typedef {import('./server.mjs').Dialect} Dialect */

/**
 * With accepted keys set, answers a missing or unknown key in the dialect's way.
 * @param {Dialect} dialect
 * @param {import('./http.mjs').RecordedRequest} recorded
 * @param {import('./http.mjs').ServerResponse} response
 * @param {string[] | undefined} acceptedKeys
 * @param {string} requestId
 * @returns {boolean} true when the request may go on.
 */
export function refuseBadKey(dialect, recorded, response, acceptedKeys, requestId) {
  if (!acceptedKeys) return true;
  const { headers, query } = recorded;
  const accepted = (/** @type {string | undefined} */ key) =>
    key !== undefined && acceptedKeys.includes(key.trim());
  if (dialect === 'gemini') {
    const key = headers['x-goog-api-key'] ?? query.key;
    if (accepted(key)) return true;
    sendJson(
      response,
      key === undefined ? 403 : 400,
      key === undefined ? GEMINI_MISSING_KEY : GEMINI_INVALID_KEY,
    );
    return false;
  }
  const bearer = bearerToken(headers);
  if (dialect === 'anthropic') {
    if (accepted(headers['x-api-key']) || accepted(bearer)) return true;
    sendJson(response, 401, anthropicError(401, requestId));
    return false;
  }
  if (dialect === 'azure') {
    if (accepted(headers['api-key']) || accepted(bearer)) return true;
    sendJson(response, 401, AZURE_ACCESS_DENIED);
    return false;
  }
  if (accepted(bearer)) return true;
  sendJson(
    response,
    401,
    openAiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
  );
  return false;
}
