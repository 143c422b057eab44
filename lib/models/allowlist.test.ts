import { describe, expect, it } from 'vitest';
import { explicitModels, isModelAllowed, parseModelRules } from './allowlist';

describe('MODELS grammar', () => {
  it.each([
    // [rules, provider, model, allowed]
    ['', 'openrouter', 'anything/at-all', true],
    ['-all', 'openrouter', 'openai/gpt-5.1', false],
    ['-all,+openrouter:openai/gpt-5.1', 'openrouter', 'openai/gpt-5.1', true],
    ['-all,+openrouter:openai/gpt-5.1', 'orcarouter', 'openai/gpt-5.1', false],
    ['-all,+openai/gpt-5.1@orcarouter', 'orcarouter', 'openai/gpt-5.1', true],
    ['-all,openai/gpt-5.1', 'orcarouter', 'openai/gpt-5.1', true],
    ['-openrouter:x-ai/grok-4', 'openrouter', 'x-ai/grok-4', false],
    ['-openrouter:x-ai/grok-4', 'orcarouter', 'x-ai/grok-4', true],
    ['-x-ai/grok-4', 'orcarouter', 'X-AI/Grok-4', false],
    ['-all,+openrouter:anthropic/*', 'openrouter', 'anthropic/claude-opus-4.7', true],
    ['-all,+openrouter:anthropic/*', 'openrouter', 'openai/gpt-5.1', false],
    ['-*:free', 'openrouter', 'meta-llama/llama-3.3-70b-instruct:free', false],
    ['-*:free', 'openrouter', 'meta-llama/llama-3.3-70b-instruct', true],
    ['-all,+all', 'openai', 'gpt-4.1', true],
    ['+openai:gpt-4.1, -openai:gpt-4.1', 'openai', 'gpt-4.1', false],
    ['-openai:gpt-4.1, +openai:gpt-4.1', 'openai', 'gpt-4.1', true],
    ['-all,+openai:gpt-4.1=My GPT', 'openai', 'gpt-4.1', true],
    ['-all,+openai:gpt-4.1=My GPT', 'openai', 'gpt-4.1=My GPT', false],
    // A colon inside the id is part of the id, not a provider prefix.
    ['-all,+llama3.2:latest', 'openai-compatible', 'llama3.2:latest', true],
    ['-all,+gpt.4', 'openai', 'gpt-4', false],
  ] as const)('%j on %s:%s → %s', (rules, provider, model, allowed) => {
    expect(isModelAllowed(parseModelRules(rules), provider, model)).toBe(allowed);
  });

  it('lists the models an operator named, with display names and providers', () => {
    const rules = parseModelRules(
      ' -all , +openrouter:openai/gpt-5.1=GPT Five , deepseek-chat@openai-compatible, +openrouter:anthropic/* ',
    );
    expect(explicitModels(rules)).toEqual([
      { provider: 'openrouter', id: 'openai/gpt-5.1', name: 'GPT Five' },
      { provider: 'openai-compatible', id: 'deepseek-chat', name: undefined },
    ]);
  });
});
