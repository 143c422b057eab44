import { ParleyError } from '@/lib/errors/parley-error';
import { protocols } from '@/lib/protocols';
import { providers, type ProviderId } from '@/lib/providers/registry';
import type { ProviderDefinition } from '@/lib/providers/types';
import type { OwnAccess } from './gateway-request';
import { gatewayClient } from '@/lib/chat/gateway-client';

export type DiagnosisResult =
  | 'works'
  | 'invalid-key'
  | 'no-credits'
  | 'rate-limited'
  | 'wrong-url'
  | 'unreachable'
  | 'refused'
  | 'needs-code'
  | 'failed';

export interface Diagnosis {
  result: DiagnosisResult;
  models?: number;
  retryAfterSeconds?: number;
  /** For a wrong base URL: what to try. */
  hint?: 'add-v1' | 'remove-v1';
  /** Raw facts for the disclosure: status and the provider's or network's words. */
  status?: number;
  detail?: string;
}

export interface DiagnosisTarget {
  provider: ProviderId;
  /** Exactly what a chat would present: the code, and the person's own key and address. */
  access: OwnAccess;
}

/**
 * A connection test that names the problem: an authenticated probe (OpenRouter's `/key`, else a
 * models list with the key; never a public endpoint that passes with a bad key), then one plain
 * answer from its status and body.
 */
export async function diagnoseConnection(target: DiagnosisTarget): Promise<Diagnosis> {
  const definition: ProviderDefinition = providers[target.provider];
  const account = definition.paths.find((path) => path.kind === 'account');
  const models = definition.paths.find((path) => path.kind === 'models');
  if (account) {
    const probe = await request(target, account.path);
    if (probe.result !== 'works') return probe;
  }
  return models ? request(target, models.path, true) : { result: 'failed' };
}

async function request(
  target: DiagnosisTarget,
  path: string,
  countModels = false,
): Promise<Diagnosis> {
  let response: Response;
  try {
    response = await gatewayClient.provider({ provider: target.provider, path }, target.access);
  } catch (error) {
    return { result: 'unreachable', detail: error instanceof Error ? error.message : undefined };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) {
    const payload = parseJson(text);
    if (payload === undefined)
      return {
        result: 'wrong-url',
        status: response.status,
        hint: hintFor(target),
        detail: text.slice(0, 200),
      };
    return {
      result: 'works',
      status: response.status,
      models: countModels
        ? protocols[providers[target.provider].protocol].parseModelList(payload).length
        : undefined,
    };
  }
  const error = await ParleyError.fromResponse(
    new Response(text, { status: response.status, headers: response.headers }),
  );
  const base = { status: response.status, detail: error.detail ?? error.message };
  switch (error.code) {
    case 'auth:code_required':
    case 'auth:code_invalid':
    case 'auth:too_many_attempts':
      return { result: 'needs-code', ...base };
    case 'endpoint:refused':
      return { result: 'refused', ...base };
    case 'upstream:unreachable':
    case 'upstream:timeout':
    case 'upstream:redirect':
      return { result: 'unreachable', ...base };
    case 'auth:key_missing':
    case 'auth:user_key_required':
    case 'upstream:unauthorized':
    case 'upstream:forbidden':
      return { result: 'invalid-key', ...base };
    case 'upstream:payment_required':
      return { result: 'no-credits', ...base };
    case 'upstream:rate_limited':
      return { result: 'rate-limited', retryAfterSeconds: error.retryAfterSeconds, ...base };
    case 'upstream:not_found':
    case 'path:not_allowed':
      return { result: 'wrong-url', hint: hintFor(target), ...base };
    default:
      // Gemini answers an invalid key with 400 API_KEY_INVALID.
      if (/API_KEY_INVALID|api key not valid|invalid api key|incorrect api key/i.test(text)) {
        return { result: 'invalid-key', ...base };
      }
      return { result: 'failed', ...base };
  }
}

/** OpenAI-style servers expect `/v1` in the base; a 404 often means it is missing or doubled. */
function hintFor(target: DiagnosisTarget): Diagnosis['hint'] {
  const base = target.access.endpoint?.baseUrl ?? target.access.baseUrl;
  if (!base) return undefined;
  return /\/v1\/?$/.test(base) ? 'remove-v1' : 'add-v1';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
