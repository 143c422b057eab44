import { isRecord } from '@/lib/errors/parley-error';
import { protocols } from '@/lib/protocols';
import type { ProtocolId } from '@/lib/providers/types';
import {
  modelCapabilities,
  samplingParameters,
  type CatalogHints,
  type RequestSettings,
} from './capabilities';

type Body = Record<string, unknown>;

/** The effort and thinking settings a native body carries; `thinking` is undefined when unsaid. */
export function readRequestSettings(protocol: ProtocolId, body: Body): RequestSettings {
  return protocols[protocol].readRequestSettings(body);
}

function readField(body: Body, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/** A copy of `body` without the field at the dotted `path`; objects on the path are copied. */
function withoutField(body: Body, path: string): Body {
  const [key, ...rest] = path.split('.');
  const copy = { ...body };
  if (key === undefined) return copy;
  const child = copy[key];
  if (rest.length === 0) delete copy[key];
  else if (isRecord(child)) copy[key] = withoutField(child, rest.join('.'));
  return copy;
}

/**
 * Removes what the model would reject from a native request body, as the gateway's safety net
 * (the UI already hides these controls). Returns a new body; the input is never changed.
 * `stripped` names each removed field by its path in that body (`top_p`,
 * `generationConfig.topP`); a rename reads `max_tokens->max_completion_tokens`, in ASCII because
 * the list goes into a response header.
 */
export function applyParameterPolicy(
  protocol: ProtocolId,
  model: string,
  body: Body,
  hints?: CatalogHints,
): { body: Body; stripped: string[] } {
  const settings = readRequestSettings(protocol, body);
  const capabilities = modelCapabilities(protocol, model, hints, settings);
  let result: Body = { ...body };
  const stripped: string[] = [];
  const strip = (path: string) => {
    result = withoutField(result, path);
    stripped.push(path);
  };

  for (const parameter of samplingParameters) {
    const path = protocols[protocol].parameterFields[parameter];
    const value = path === undefined ? undefined : readField(result, path);
    if (path === undefined || value === undefined) continue;
    const range = capabilities.acceptedRanges[parameter];
    const inRange =
      range === undefined ||
      (typeof value === 'number' && value >= range.min && value <= range.max);
    if (!capabilities.acceptedParameters.has(parameter) || !inRange) strip(path);
  }

  if (protocol === 'openai') {
    const catalog = hints?.supportedParameters;
    if (catalog && !catalog.includes('max_tokens')) {
      for (const field of ['max_tokens', 'max_completion_tokens']) {
        if (result[field] !== undefined) strip(field);
      }
    } else if (
      capabilities.maxTokensField === 'max_completion_tokens' &&
      result.max_tokens !== undefined
    ) {
      // §1a: 400 `unsupported_parameter` for `max_tokens`; an explicit completion limit wins.
      if (result.max_completion_tokens === undefined) {
        result = {
          ...withoutField(result, 'max_tokens'),
          max_completion_tokens: result.max_tokens,
        };
        stripped.push('max_tokens->max_completion_tokens');
      } else {
        strip('max_tokens');
      }
    }
  }
  return { body: result, stripped };
}
