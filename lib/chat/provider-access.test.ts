import { describe, expect, it } from 'vitest';
import type { PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import type { CustomEndpoint } from '@/lib/store/settings-store';
import { providerLock, splitByAccess, type CodeState } from './provider-access';

const provider = (overrides: Partial<PublicProvider>): PublicProvider => ({
  id: 'openrouter',
  name: 'OpenRouter',
  protocol: 'openai',
  configured: true,
  hasServerKey: true,
  keyOptional: false,
  ...overrides,
});

const facts = (codeState: CodeState, userKeysAllowed = true) => ({ codeState, userKeysAllowed });

describe('which providers a person can use now', () => {
  it('unlocks the deployment key only with the code, and never blocks while it is checked', () => {
    const keyed = provider({});
    expect(providerLock(keyed, undefined, facts('not-needed'))).toBeUndefined();
    expect(providerLock(keyed, undefined, facts('valid'))).toBeUndefined();
    expect(providerLock(keyed, undefined, facts('checking'))).toBeUndefined();
    expect(providerLock(keyed, undefined, facts('missing'))).toBe('needs-code');
    expect(providerLock(keyed, undefined, facts('invalid'))).toBe('needs-code');
  });

  it('lets an own key to the default address through without a code', () => {
    const keyless = provider({ hasServerKey: false });
    expect(providerLock(keyless, undefined, facts('not-needed'))).toBe('needs-key');
    expect(providerLock(keyless, { apiKey: 'sk-own' }, facts('missing'))).toBeUndefined();
    expect(providerLock(provider({}), { apiKey: 'sk-own' }, facts('invalid'))).toBeUndefined();
  });

  it('needs the code for an own address where codes are set, and an address where the operator gave none', () => {
    const unconfigured = provider({ id: 'azure', configured: false, hasServerKey: false });
    expect(providerLock(unconfigured, { apiKey: 'k' }, facts('not-needed'))).toBe('needs-key');
    const own = { apiKey: 'k', baseUrl: 'https://me.example/openai' };
    expect(providerLock(unconfigured, own, facts('not-needed'))).toBeUndefined();
    expect(providerLock(unconfigured, own, facts('missing'))).toBe('needs-code');
    expect(providerLock(unconfigured, own, facts('valid'))).toBeUndefined();
  });

  it('treats a keyless provider at an own address like an own endpoint', () => {
    const ollama = provider({
      id: 'ollama',
      configured: false,
      hasServerKey: false,
      keyOptional: true,
    });
    expect(providerLock(ollama, undefined, facts('not-needed'))).toBe('needs-key');
    const own = { apiKey: '', baseUrl: 'http://127.0.0.1:11434/v1' };
    expect(providerLock(ollama, own, facts('not-needed'))).toBeUndefined();
    expect(providerLock(ollama, own, facts('missing'))).toBe('needs-code');
    expect(
      providerLock({ ...ollama, configured: true }, undefined, facts('valid')),
    ).toBeUndefined();
  });

  it('ignores own keys where the operator turned them off', () => {
    const keyless = provider({ hasServerKey: false });
    expect(providerLock(keyless, { apiKey: 'sk-own' }, facts('valid', false))).toBe('needs-key');
  });
});

describe('splitting the catalog', () => {
  const model = (providerId: PublicProvider['id'], id: string, endpointId?: string) =>
    ({ provider: providerId, id, endpointId }) as CatalogModel;
  const endpoint = (id: string, direct: boolean): CustomEndpoint => ({
    id,
    name: id,
    baseUrl: 'http://127.0.0.1:1/v1',
    apiKey: '',
    headers: {},
    models: [],
    direct,
  });

  it('keeps usable models in order and lists each locked provider once', () => {
    const config = {
      userKeysDisabled: false,
      providers: [
        provider({}),
        provider({ id: 'anthropic', name: 'Anthropic', hasServerKey: false }),
        provider({ id: 'openai', name: 'OpenAI', hasServerKey: false }),
      ],
    };
    const models = [
      model('openrouter', 'a'),
      model('anthropic', 'b'),
      model('openai', 'c'),
      model('openai-compatible', 'd', 'browser'),
      model('openai-compatible', 'e', 'gateway'),
    ];
    const settings = {
      providerSettings: { openai: { apiKey: 'sk-own' } },
      customEndpoints: [endpoint('browser', true), endpoint('gateway', false)],
    };
    const split = splitByAccess(models, config, settings, 'missing');
    expect(split.usable.map((entry) => entry.id)).toEqual(['c', 'd']);
    expect(split.locked).toEqual([
      { provider: 'openrouter', name: 'OpenRouter', lock: 'needs-code' },
      { provider: 'anthropic', name: 'Anthropic', lock: 'needs-key' },
    ]);
    const unlocked = splitByAccess(models, config, settings, 'valid');
    expect(unlocked.usable.map((entry) => entry.id)).toEqual(['a', 'c', 'd', 'e']);
    expect(unlocked.locked.map((entry) => entry.provider)).toEqual(['anthropic']);
  });
});
