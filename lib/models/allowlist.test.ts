import { describe, expect, it } from 'vitest';
import { explicitModels, isModelAllowed, modelRulesFrom, parseModelRules } from './allowlist';

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

  it.each([
    ['+qwen/qwen3-32b:free@OpenRouter', 'openrouter'],
    ['+qwen/qwen3-32b:free@openrouter', 'openrouter'],
    ['+gpt-4o@OpenAI', 'openai'],
    ['+gpt-4o@Azure', 'azure'],
    ['+gemini-2.5-pro@Google', 'google'],
    ['+claude-opus-4-7@Anthropic', 'anthropic'],
    ['+deepseek-chat@DeepSeek', 'deepseek'],
    ['+grok-4@XAI', 'xai'],
    ['+qwen3:32b@openai_compatible', 'openai-compatible'],
    ['+openai_compatible:qwen3:32b', 'openai-compatible'],
  ])('reads NextChat’s %s as a model of %s', (rule, provider) => {
    const [parsed] = parseModelRules(rule);
    expect(parsed?.provider).toBe(provider);
    expect(parsed?.pattern).not.toContain('@');
  });

  it('keeps a version suffix (Vertex-style @20240620) in the id', () => {
    expect(parseModelRules('+claude-3-5-sonnet@20240620')[0]).toMatchObject({
      provider: undefined,
      pattern: 'claude-3-5-sonnet@20240620',
    });
  });

  it('refuses an @suffix that names no provider', () => {
    expect(() => parseModelRules('+ernie@Baidu')).toThrow(/"@Baidu" is not a provider/);
  });
});

describe('MODELS fails closed; CUSTOM_MODELS adds, as in NextChat', () => {
  const allowed = (
    env: { MODELS?: string; CUSTOM_MODELS?: string },
    provider: 'openrouter' | 'openai',
    model: string,
  ) => isModelAllowed(modelRulesFrom(env), provider, model);

  it('allows only what MODELS names', () => {
    const env = { MODELS: 'openrouter:gpt-4o-mini' };
    expect(allowed(env, 'openrouter', 'gpt-4o-mini')).toBe(true);
    expect(allowed(env, 'openrouter', 'openai/o1-pro')).toBe(false);
    expect(allowed(env, 'openai', 'gpt-4o-mini')).toBe(false);
  });

  it('opens up with +all or a glob, and -all,+… works as before', () => {
    expect(allowed({ MODELS: '+all,-openrouter:x-ai/*' }, 'openrouter', 'openai/gpt-5.1')).toBe(
      true,
    );
    expect(allowed({ MODELS: '+all,-openrouter:x-ai/*' }, 'openrouter', 'x-ai/grok-4')).toBe(false);
    expect(
      allowed({ MODELS: '+openrouter:anthropic/*' }, 'openrouter', 'anthropic/claude-opus-4.7'),
    ).toBe(true);
    expect(allowed({ MODELS: '-all,+openai:gpt-4.1' }, 'openai', 'gpt-4.1')).toBe(true);
    expect(allowed({ MODELS: '-all,+openai:gpt-4.1' }, 'openai', 'gpt-4o')).toBe(false);
  });

  it('keeps NextChat’s additive CUSTOM_MODELS when MODELS is unset', () => {
    const env = { CUSTOM_MODELS: '+qwen/qwen3-32b:free@OpenRouter,-gpt-4' };
    expect(allowed(env, 'openrouter', 'openai/gpt-5.1')).toBe(true);
    expect(allowed(env, 'openrouter', 'qwen/qwen3-32b:free')).toBe(true);
    expect(allowed(env, 'openai', 'gpt-4')).toBe(false);
    // With both, the list fails closed and CUSTOM_MODELS' additions count.
    const both = { CUSTOM_MODELS: '+openrouter:a/b', MODELS: '+openai:gpt-4.1' };
    expect(allowed(both, 'openrouter', 'a/b')).toBe(true);
    expect(allowed(both, 'openrouter', 'c/d')).toBe(false);
  });
});
