import { describe, expect, it } from 'vitest';
import { buildPublicConfig } from './build-public-config';
import { loadServerConfig } from './server-config';

describe('the public config', () => {
  it('shows what the allowlist lets through, server-key providers first, and no secrets', () => {
    const config = buildPublicConfig(
      loadServerConfig({
        OPENROUTER_API_KEY: 'sk-or-secret',
        OPENAI_COMPATIBLE_BASE_URL: 'http://10.0.0.5:8000/v1',
        CODE: 'a-secret-code',
        MODELS:
          '+all,-openrouter:x-ai/*,+openrouter:mistralai/mistral-large=Mistral Large,+openai-compatible:qwen3:32b',
      }),
    );
    expect(config.codeRequired).toBe(true);
    expect(config.providers.map((provider) => provider.id)).toEqual([
      'openrouter',
      'openai',
      'anthropic',
      'google',
      'orcarouter',
      'deepseek',
      'xai',
      'openai-compatible',
      // No address from the operator: offered for a person's own address and key.
      'azure',
      'ollama',
    ]);
    expect(config.providers.find((provider) => provider.id === 'azure')).toMatchObject({
      configured: false,
      hasServerKey: false,
    });
    expect(config.providers[0]).toEqual({
      id: 'openrouter',
      name: 'OpenRouter',
      protocol: 'openai',
      configured: true,
      hasServerKey: true,
      keyOptional: false,
    });
    const ids = config.models.map((model) => `${model.provider}:${model.id}`);
    expect(ids).toContain('openrouter:mistralai/mistral-large');
    expect(ids).toContain('openai-compatible:qwen3:32b');
    expect(ids).not.toContain('openrouter:x-ai/grok-4');
    expect(config.defaultModel).toBe('openrouter:mistralai/mistral-large');
    const mistral = config.models.find((model) => model.id === 'mistralai/mistral-large');
    expect(mistral).toMatchObject({ name: 'Mistral Large', curated: true });
    const gpt = config.models.find(
      (model) => model.provider === 'openrouter' && model.id === 'openai/gpt-5.1',
    );
    expect(gpt).toMatchObject({ reasoning: true });
    expect(gpt?.parameters).not.toContain('temperature');
    const text = JSON.stringify(config);
    expect(text).not.toContain('sk-or-secret');
    expect(text).not.toContain('a-secret-code');
    expect(text).not.toContain('10.0.0.5');
  });

  it('offers only the named models after -all, and honours DEFAULT_MODEL', () => {
    const config = buildPublicConfig(
      loadServerConfig({
        OPENROUTER_API_KEY: 'sk',
        MODELS: '-all,+openrouter:openai/gpt-5.1,+openrouter:anthropic/claude-opus-4.7',
        DEFAULT_MODEL: 'openrouter:anthropic/claude-opus-4.7',
      }),
    );
    expect(config.models.map((model) => model.id)).toEqual([
      'openai/gpt-5.1',
      'anthropic/claude-opus-4.7',
    ]);
    expect(config.defaultModel).toBe('openrouter:anthropic/claude-opus-4.7');
  });

  it('offers only what the operator configured when people may not bring keys', () => {
    const config = buildPublicConfig(
      loadServerConfig({ OPENROUTER_API_KEY: 'sk', DISABLE_USER_KEYS: 'true' }),
    );
    expect(config.providers.every((provider) => provider.configured)).toBe(true);
    expect(config.providers.map((provider) => provider.id)).not.toContain('azure');
  });
});
