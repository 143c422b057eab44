import { describe, expect, it } from 'vitest';
import {
  adaptDeepSeekBody,
  adaptOllamaBody,
  adaptOpenRouterBody,
  adaptXaiBody,
  applyAnthropicSettings,
  applyOpenRouterSettings,
  applyOrcaRouterSettings,
  mergeOpenRouterRouting,
  mergeOrcaRouterFallbacks,
} from './request-adapters';

describe('provider spellings of reasoning effort', () => {
  it.each([
    [adaptOpenRouterBody, 'high', { reasoning: { effort: 'high' } }],
    [adaptDeepSeekBody, 'medium', { thinking: { type: 'enabled' }, reasoning_effort: 'high' }],
    [adaptDeepSeekBody, 'minimal', { thinking: { type: 'enabled' }, reasoning_effort: 'low' }],
    [adaptXaiBody, 'medium', { reasoning_effort: 'high' }],
    [adaptOllamaBody, 'minimal', { reasoning_effort: 'low' }],
  ])('%o maps %s', (adapt, effort, expected) => {
    expect(adapt({ model: 'm', reasoning_effort: effort })).toEqual({ model: 'm', ...expected });
  });

  it('leaves a body without an effort untouched', () => {
    const body = { model: 'm', temperature: 0.2 };
    for (const adapt of [adaptOpenRouterBody, adaptDeepSeekBody, adaptXaiBody, adaptOllamaBody]) {
      expect(adapt(body)).toBe(body);
    }
  });
});

describe('operator routing', () => {
  it('lays OpenRouter preferences over the client’s and adds the fallback chain', () => {
    expect(
      mergeOpenRouterRouting(
        {
          model: 'anthropic/claude-opus-4.7',
          provider: { sort: 'price', data_collection: 'allow' },
        },
        { provider: { data_collection: 'deny', order: ['anthropic'] }, models: ['openai/gpt-5.1'] },
      ),
    ).toEqual({
      model: 'anthropic/claude-opus-4.7',
      provider: { sort: 'price', data_collection: 'deny', order: ['anthropic'] },
      models: ['anthropic/claude-opus-4.7', 'openai/gpt-5.1'],
    });
  });

  it('builds an OrcaRouter chain of at most five with route "fallback"', () => {
    expect(mergeOrcaRouterFallbacks({ model: 'a' }, ['b', 'c', 'd', 'e', 'f', 'g'])).toEqual({
      model: 'a',
      models: ['a', 'b', 'c', 'd', 'e'],
      route: 'fallback',
    });
  });

  it.each([
    [mergeOpenRouterRouting, ['not', 'an', 'object']],
    [mergeOpenRouterRouting, { provider: 'anthropic' }],
    [mergeOpenRouterRouting, { models: [1, 2] }],
    [mergeOrcaRouterFallbacks, { models: ['x'] }],
  ])('refuses a rule of the wrong shape', (merge, rule) => {
    expect(merge({ model: 'm' }, rule)).toBeUndefined();
  });
});

describe("the user's provider preferences", () => {
  it('become OpenRouter provider routing and a fallback chain', () => {
    expect(
      applyOpenRouterSettings(
        { model: 'anthropic/claude-opus-4.7' },
        {
          providerOrder: ['anthropic', 'amazon-bedrock'],
          sort: 'latency',
          dataCollection: 'deny',
          allowFallbacks: 'no',
          fallbackModels: ['openai/gpt-5.1'],
        },
      ),
    ).toEqual({
      model: 'anthropic/claude-opus-4.7',
      provider: {
        order: ['anthropic', 'amazon-bedrock'],
        sort: 'latency',
        data_collection: 'deny',
        allow_fallbacks: false,
      },
      models: ['anthropic/claude-opus-4.7', 'openai/gpt-5.1'],
    });
  });

  it('send OpenRouter’s only with an order, since only alone is sometimes ignored', () => {
    expect(
      applyOpenRouterSettings({ model: 'm' }, { providerOnly: ['anthropic', 'google-vertex'] }),
    ).toEqual({
      model: 'm',
      provider: { order: ['anthropic', 'google-vertex'], only: ['anthropic', 'google-vertex'] },
    });
    expect(
      applyOpenRouterSettings(
        { model: 'm' },
        { providerOnly: ['anthropic', 'google-vertex'], providerOrder: ['google-vertex'] },
      ),
    ).toEqual({
      model: 'm',
      provider: { order: ['google-vertex'], only: ['anthropic', 'google-vertex'] },
    });
  });

  it('leave the body alone when nothing is set', () => {
    expect(applyOpenRouterSettings({ model: 'm' }, { sort: '', providerOrder: [] })).toEqual({
      model: 'm',
    });
    const body = { model: 'm' };
    expect(applyOrcaRouterSettings(body, {})).toBe(body);
  });

  it('become an OrcaRouter chain of five with route "fallback"', () => {
    expect(
      applyOrcaRouterSettings({ model: 'a' }, { fallbackModels: ['b', 'c', 'd', 'e', 'f'] }),
    ).toEqual({
      model: 'a',
      models: ['a', 'b', 'c', 'd', 'e'],
      route: 'fallback',
    });
  });
});

describe('the Anthropic thinking budget from the settings', () => {
  it('replaces the effort’s budget when thinking is on, keeping max_tokens above it', () => {
    expect(
      applyAnthropicSettings(
        {
          model: 'claude-opus-4-7',
          max_tokens: 8192,
          thinking: { type: 'enabled', budget_tokens: 2048 },
        },
        { thinkingBudget: 'tokens16384' },
      ),
    ).toEqual({
      model: 'claude-opus-4-7',
      max_tokens: 20480,
      thinking: { type: 'enabled', budget_tokens: 16384 },
    });
  });

  it('does not turn thinking on by itself', () => {
    const body = { model: 'claude-haiku-4-5', max_tokens: 8192 };
    expect(applyAnthropicSettings(body, { thinkingBudget: 'tokens8192' })).toBe(body);
  });
});
