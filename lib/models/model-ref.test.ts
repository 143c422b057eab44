import { describe, expect, it } from 'vitest';
import { formatModelRef, parseModelRef, splitProviderPrefix } from './model-ref';

describe('model references', () => {
  it.each([
    [
      'openrouter:anthropic/claude-opus-4.7',
      { provider: 'openrouter', model: 'anthropic/claude-opus-4.7' },
    ],
    [
      'openai-compatible:llama3.2:latest',
      { provider: 'openai-compatible', model: 'llama3.2:latest' },
    ],
    ['  openai:gpt-5.1 ', { provider: 'openai', model: 'gpt-5.1' }],
    ['llama3.2:latest', undefined],
    ['openrouter:', undefined],
    ['nowhere:gpt', undefined],
  ])('%j parses to %j', (text, expected) => {
    expect(parseModelRef(text)).toEqual(expected);
  });

  it('keeps ids verbatim, namespaces and colons included', () => {
    expect(splitProviderPrefix('meta-llama/llama-3.3-70b-instruct:free')).toEqual({
      model: 'meta-llama/llama-3.3-70b-instruct:free',
    });
    expect(formatModelRef({ provider: 'orcarouter', model: 'orcarouter/auto' })).toBe(
      'orcarouter:orcarouter/auto',
    );
  });
});
