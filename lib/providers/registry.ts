import type { ProviderDefinition, ProviderPath } from './types';

const openaiPaths = [
  { path: 'chat/completions', methods: ['POST'], kind: 'chat' },
  { path: 'models', methods: ['GET'], kind: 'models' },
] as const satisfies readonly ProviderPath[];

/**
 * Every provider Parley can reach, as data. The proxy, `/api/config`, the settings panel and the
 * registry test suite all read this object; a quirk belongs here as an optional field or hook,
 * never as a `switch` on the provider id elsewhere.
 */
export const providers = {
  openai: {
    name: 'OpenAI',
    protocol: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    env: { apiKey: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL'] },
    auth: 'bearer',
    paths: openaiPaths,
    curatedModels: [
      { id: 'gpt-5.1', name: 'GPT-5.1' },
      { id: 'gpt-5-mini', name: 'GPT-5 mini' },
      { id: 'gpt-4.1', name: 'GPT-4.1' },
      { id: 'gpt-4.1-mini', name: 'GPT-4.1 mini' },
      { id: 'o4-mini', name: 'o4-mini' },
    ],
  },
  openrouter: {
    name: 'OpenRouter',
    protocol: 'openai',
    baseUrl: 'https://openrouter.ai/api/v1',
    env: { apiKey: ['OPENROUTER_API_KEY'], baseUrl: ['OPENROUTER_BASE_URL', 'OPENROUTER_URL'] },
    auth: 'bearer',
    paths: [...openaiPaths, { path: 'key', methods: ['GET'], kind: 'account' }],
    attribution: true,
    curatedModels: [
      { id: 'anthropic/claude-opus-4.7', name: 'Claude Opus 4.7' },
      { id: 'openai/gpt-5.1', name: 'GPT-5.1' },
      { id: 'google/gemini-2.5-pro', name: 'Gemini 2.5 Pro' },
      { id: 'deepseek/deepseek-r1', name: 'DeepSeek R1' },
      { id: 'x-ai/grok-4', name: 'Grok 4' },
      { id: 'meta-llama/llama-3.3-70b-instruct', name: 'Llama 3.3 70B Instruct' },
    ],
  },
  orcarouter: {
    name: 'OrcaRouter',
    protocol: 'openai',
    baseUrl: 'https://api.orcarouter.ai/v1',
    env: { apiKey: ['ORCAROUTER_API_KEY'], baseUrl: ['ORCAROUTER_BASE_URL'] },
    auth: 'bearer',
    paths: openaiPaths,
    attribution: true,
    curatedModels: [
      { id: 'orcarouter/auto', name: 'OrcaRouter Auto' },
      { id: 'openai/gpt-5.1', name: 'GPT-5.1' },
      { id: 'anthropic/claude-opus-4.7', name: 'Claude Opus 4.7' },
      { id: 'google/gemini-2.5-pro', name: 'Gemini 2.5 Pro' },
      { id: 'deepseek/deepseek-r1', name: 'DeepSeek R1' },
    ],
  },
  'openai-compatible': {
    name: 'OpenAI-compatible',
    protocol: 'openai',
    baseUrl: '',
    env: {
      apiKey: ['OPENAI_COMPATIBLE_API_KEY'],
      baseUrl: ['OPENAI_COMPATIBLE_BASE_URL'],
      name: ['OPENAI_COMPATIBLE_PROVIDER_NAME'],
      headers: ['OPENAI_COMPATIBLE_CUSTOM_HEADERS'],
    },
    auth: 'bearer',
    paths: openaiPaths,
    curatedModels: [],
    detectNameFromBaseUrl: true,
  },
} as const satisfies Record<string, ProviderDefinition>;

export type ProviderId = keyof typeof providers;

export const providerIds = Object.keys(providers) as ProviderId[];

export function isProviderId(value: string): value is ProviderId {
  return Object.hasOwn(providers, value);
}

export function getProvider(id: ProviderId): ProviderDefinition {
  return providers[id];
}
