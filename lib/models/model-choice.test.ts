import { describe, expect, it } from 'vitest';
import { formatModelChoice, parseModelChoice, type ModelChoice } from './model-choice';

describe('model choices', () => {
  it.each([
    [
      'openrouter:anthropic/claude-opus-4.7',
      { provider: 'openrouter', model: 'anthropic/claude-opus-4.7' },
    ],
    [
      'endpoint/abc-123:llama3.2:latest',
      { provider: 'openai-compatible', endpointId: 'abc-123', model: 'llama3.2:latest' },
    ],
    ['endpoint/:model', undefined],
    ['endpoint/abc:', undefined],
    ['nowhere:model', undefined],
  ] as Array<[string, ModelChoice | undefined]>)('%s ↔ %j', (text, choice) => {
    expect(parseModelChoice(text)).toEqual(choice);
    if (choice) expect(formatModelChoice(choice)).toBe(text);
  });
});
