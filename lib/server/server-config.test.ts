import { startupSummary } from './startup-summary';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './server-config';

describe('server configuration from the environment', () => {
  it('uses the registry defaults with nothing set', () => {
    const config = loadServerConfig({});
    expect(config.providers.openai.baseUrl).toBe('https://api.openai.com/v1');
    expect(config.providers.openrouter.baseUrl).toBe('https://openrouter.ai/api/v1');
    expect(config.providers.orcarouter.baseUrl).toBe('https://api.orcarouter.ai/v1');
    expect(config.providers['openai-compatible'].baseUrl).toBeUndefined();
    expect(config.providers.openai.apiKey).toBeUndefined();
    expect(config.accessCodeDigests).toEqual([]);
    expect(config.appName).toBe('Parley');
    expect(config.maxBodyBytes).toBe(20 * 1024 * 1024);
  });

  it("reads each provider's key from its own variables only, never another provider's", () => {
    const config = loadServerConfig({ OPENAI_API_KEY: 'sk-openai' });
    expect(config.providers.openai.apiKey).toBe('sk-openai');
    expect(config.providers.openrouter.apiKey).toBeUndefined();
    expect(config.providers.orcarouter.apiKey).toBeUndefined();
    expect(config.providers['openai-compatible'].apiKey).toBeUndefined();
  });

  it('accepts OPENROUTER_URL as well as OPENROUTER_BASE_URL, and trims trailing slashes', () => {
    expect(
      loadServerConfig({ OPENROUTER_URL: 'https://gw.example/api/v1/' }).providers.openrouter
        .baseUrl,
    ).toBe('https://gw.example/api/v1');
    expect(
      loadServerConfig({
        OPENROUTER_URL: 'https://a.example',
        OPENROUTER_BASE_URL: 'https://b.example',
      }).providers.openrouter.baseUrl,
    ).toBe('https://b.example');
  });

  it('names an OpenAI-compatible endpoint after a known host, or as configured, never by an unknown host', () => {
    const detected = loadServerConfig({
      OPENAI_COMPATIBLE_BASE_URL: 'https://api.together.xyz/v1',
    });
    expect(detected.providers['openai-compatible'].name).toBe('Together AI');
    const named = loadServerConfig({
      OPENAI_COMPATIBLE_BASE_URL: 'https://api.together.xyz/v1',
      OPENAI_COMPATIBLE_PROVIDER_NAME: 'My Together',
    });
    expect(named.providers['openai-compatible'].name).toBe('My Together');
    const unknown = loadServerConfig({ OPENAI_COMPATIBLE_BASE_URL: 'http://llm.lan:8000/v1' });
    expect(unknown.providers['openai-compatible'].name).toBe('OpenAI-compatible');
  });

  it('parses custom headers as a JSON object of strings', () => {
    const config = loadServerConfig({
      OPENAI_COMPATIBLE_BASE_URL: 'https://llm.example/v1',
      OPENAI_COMPATIBLE_CUSTOM_HEADERS: '{"X-Team":"parley"}',
    });
    expect(config.providers['openai-compatible'].headers).toEqual({ 'X-Team': 'parley' });
  });

  it.each([
    [{ OPENAI_BASE_URL: 'ftp://example.com' }, 'OPENAI_BASE_URL'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ OPENAI_COMPATIBLE_CUSTOM_HEADERS: '{"X":1}' }, 'OPENAI_COMPATIBLE_CUSTOM_HEADERS'],
    [
      { OPENAI_COMPATIBLE_CUSTOM_HEADERS: '{"Bad Header":"x"}' },
      'OPENAI_COMPATIBLE_CUSTOM_HEADERS',
    ],
    [{ OPENAI_COMPATIBLE_CUSTOM_HEADERS: 'nope' }, 'OPENAI_COMPATIBLE_CUSTOM_HEADERS'],
    [{ DEFAULT_MODEL: 'gpt-4.1' }, 'DEFAULT_MODEL'],
    [{ MAX_BODY_MB: '-1' }, 'MAX_BODY_MB'],
    [{ APP_URL: 'javascript:alert(1)' }, 'APP_URL'],
  ])('refuses %j, naming %s but not its value', (env, variable) => {
    let caught: unknown;
    try {
      loadServerConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    for (const value of Object.values(env))
      expect((caught as ConfigError).message).not.toContain(value);
  });

  it('reads several access codes, MODELS and NextChat CUSTOM_MODELS, and the default model', () => {
    const config = loadServerConfig({
      CODE: 'first-code, second-code',
      CUSTOM_MODELS: '-all',
      MODELS: '+openrouter:openai/gpt-5.1',
      DEFAULT_MODEL: 'openrouter:openai/gpt-5.1',
    });
    expect(config.accessCodeDigests).toHaveLength(2);
    // MODELS is set, so the list fails closed: a deny-all comes first.
    expect(config.modelRules.map((rule) => rule.allow)).toEqual([false, false, true]);
    expect(config.defaultModel).toEqual({ provider: 'openrouter', model: 'openai/gpt-5.1' });
  });

  it('stops with the rule named when an @provider is not one Parley knows', () => {
    expect(() => loadServerConfig({ CUSTOM_MODELS: '+ernie-4.0@Baidu' })).toThrow(
      /CUSTOM_MODELS: "\+ernie-4\.0@Baidu": "@Baidu" is not a provider/,
    );
    expect(() => loadServerConfig({ MODELS: '+x@nowhere' })).toThrow(/^MODELS: /);
  });

  it('says at start how many model rules there are and which providers they open, no secrets', () => {
    const summary = startupSummary(
      loadServerConfig({
        OPENROUTER_API_KEY: 'sk-or-secret-key',
        CODE: 'a-long-secret-code',
        MODELS: '+openrouter:anthropic/*,+openai:gpt-4.1',
      }),
    );
    expect(summary).toMatchObject({
      model_rules: '3 (MODELS: only what a rule allows)',
      models_open_on: 'openrouter,openai',
      access_code: 'required (1 code)',
    });
    expect(JSON.stringify(summary)).not.toMatch(/secret/);
    expect(startupSummary(loadServerConfig({ CUSTOM_MODELS: '-gpt-4' }))).toMatchObject({
      model_rules: '1 (CUSTOM_MODELS: all but what a rule denies)',
    });
  });
});
