import { isRecord } from '@/lib/errors/parley-error';
import type { RequestSettings } from '@/lib/models/capability-types';

type Body = Record<string, unknown>;

/** `reasoning_effort`, or the routers' `reasoning.effort` (§2 `reasoning`). */
export function requestedEffort(body: Body): string | undefined {
  const reasoning = isRecord(body.reasoning) ? body.reasoning : undefined;
  const effort = body.reasoning_effort ?? reasoning?.effort;
  return typeof effort === 'string' ? effort : undefined;
}

/** Anthropic's `thinking` switch (§5), and DeepSeek's of the same shape (§4); undefined when unsaid. */
export function thinkingSwitch(body: Body): boolean | undefined {
  const type = isRecord(body.thinking) ? body.thinking.type : undefined;
  if (type === 'enabled' || type === 'adaptive') return true;
  return type === 'disabled' ? false : undefined;
}

/** What a body of a protocol that says thinking only with its switch asks for. */
export function switchedSettings(body: Body): RequestSettings {
  return { reasoningEffort: requestedEffort(body), thinking: thinkingSwitch(body) };
}
