import {
  adaptDeepSeekBody,
  adaptOllamaBody,
  adaptOpenRouterBody,
  adaptXaiBody,
  anthropicSettingFields,
  applyAnthropicSettings,
  applyOpenRouterSettings,
  azureSettingFields,
  applyOrcaRouterSettings,
  mergeOpenRouterRouting,
  mergeOrcaRouterFallbacks,
  openRouterSettingFields,
  orcaRouterSettingFields,
} from './request-adapters';
import type { ProviderDefinition, ProviderPath } from './types';

const openaiPaths = [
  { path: 'chat/completions', methods: ['POST'], kind: 'chat' },
  { path: 'models', methods: ['GET'], kind: 'models' },
] as const satisfies readonly ProviderPath[];

/**
 * Every provider Parley can reach, as data. The proxy, `/api/config`, the model catalog, the
 * settings panel and the registry test suite all read this object; a quirk belongs here as an
 * optional field or hook, never as a `switch` on the provider id elsewhere.
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
  azure: {
    name: 'Azure OpenAI',
    protocol: 'openai',
    // Resource-specific (https://<resource>.openai.azure.com/openai/v1): the operator sets it.
    baseUrl: '',
    env: {
      apiKey: ['AZURE_OPENAI_API_KEY'],
      baseUrl: ['AZURE_OPENAI_BASE_URL'],
      options: { apiVersion: ['AZURE_OPENAI_API_VERSION'] },
    },
    auth: 'api-key',
    settingFields: azureSettingFields,
    paths: [
      ...openaiPaths,
      // The AzureOpenAI SDK builds deployment URLs itself.
      { path: 'deployments/{model}/chat/completions', methods: ['POST'], kind: 'chat' },
    ],
    curatedModels: [],
    // With an API version set, the legacy (dated) API is used: the deployment sits in the path.
    // https://learn.microsoft.com/azure/ai-foundry/openai/reference
    upstreamTarget: ({ endpoint, model, options }) => {
      const apiVersion = options.apiVersion;
      if (!apiVersion) return undefined;
      const query = { 'api-version': apiVersion };
      if (endpoint.kind !== 'chat') return { path: endpoint.path, query };
      return { path: `deployments/${encodeURIComponent(model ?? '')}/chat/completions`, query };
    },
  },
  anthropic: {
    name: 'Anthropic',
    protocol: 'anthropic',
    // The SDK convention: no version in the base; paths carry /v1.
    baseUrl: 'https://api.anthropic.com',
    env: { apiKey: ['ANTHROPIC_API_KEY'], baseUrl: ['ANTHROPIC_BASE_URL'] },
    auth: 'x-api-key',
    paths: [
      { path: 'v1/messages', methods: ['POST'], kind: 'chat' },
      { path: 'v1/models', methods: ['GET'], kind: 'models' },
    ],
    defaultHeaders: { 'anthropic-version': '2023-06-01' },
    settingFields: anthropicSettingFields,
    applyUserSettings: applyAnthropicSettings,
    forwardHeaders: ['anthropic-version', 'anthropic-beta'],
    curatedModels: [
      { id: 'claude-opus-4-7', name: 'Claude Opus 4.7' },
      { id: 'claude-sonnet-4-5', name: 'Claude Sonnet 4.5' },
      { id: 'claude-haiku-4-5', name: 'Claude Haiku 4.5' },
    ],
  },
  google: {
    name: 'Google Gemini',
    protocol: 'gemini',
    // @google/genai's convention: the API version is part of the path.
    baseUrl: 'https://generativelanguage.googleapis.com',
    env: { apiKey: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'], baseUrl: ['GOOGLE_BASE_URL'] },
    auth: 'x-goog-api-key',
    paths: [
      {
        path: 'v1beta/models/{model}:streamGenerateContent',
        methods: ['POST'],
        kind: 'chat',
        query: { alt: ['sse'] },
      },
      { path: 'v1beta/models/{model}:generateContent', methods: ['POST'], kind: 'chat' },
      {
        path: 'v1beta/models',
        methods: ['GET'],
        kind: 'models',
        query: { pageSize: ['*'], pageToken: ['*'] },
      },
    ],
    curatedModels: [
      { id: 'gemini-2.5-pro', name: 'Gemini 2.5 Pro' },
      { id: 'gemini-2.5-flash', name: 'Gemini 2.5 Flash' },
      { id: 'gemini-3-pro-preview', name: 'Gemini 3 Pro (preview)' },
    ],
  },
  openrouter: {
    name: 'OpenRouter',
    protocol: 'openai',
    baseUrl: 'https://openrouter.ai/api/v1',
    env: {
      apiKey: ['OPENROUTER_API_KEY'],
      baseUrl: ['OPENROUTER_BASE_URL', 'OPENROUTER_URL'],
      routing: ['OPENROUTER_ROUTING'],
    },
    auth: 'bearer',
    paths: [...openaiPaths, { path: 'key', methods: ['GET'], kind: 'account' }],
    attribution: true,
    adaptRequestBody: adaptOpenRouterBody,
    mergeRouting: mergeOpenRouterRouting,
    settingFields: openRouterSettingFields,
    applyUserSettings: applyOpenRouterSettings,
    curatedModels: [
      { id: 'anthropic/claude-opus-4.7', name: 'Claude Opus 4.7' },
      { id: 'openai/gpt-5.1', name: 'GPT-5.1' },
      { id: 'google/gemini-2.5-pro', name: 'Gemini 2.5 Pro' },
      { id: 'deepseek/deepseek-r1', name: 'DeepSeek R1' },
      { id: 'x-ai/grok-4', name: 'Grok 4' },
      { id: 'meta-llama/llama-3.3-70b-instruct', name: 'Llama 3.3 70B Instruct' },
      // OpenRouter picks a model for the prompt: the one choice that needs no configuration.
      { id: 'openrouter/auto', name: 'Auto Router' },
    ],
  },
  orcarouter: {
    name: 'OrcaRouter',
    protocol: 'openai',
    baseUrl: 'https://api.orcarouter.ai/v1',
    env: {
      apiKey: ['ORCAROUTER_API_KEY'],
      baseUrl: ['ORCAROUTER_BASE_URL'],
      routing: ['ORCAROUTER_FALLBACKS'],
    },
    auth: 'bearer',
    paths: openaiPaths,
    attribution: true,
    mergeRouting: mergeOrcaRouterFallbacks,
    settingFields: orcaRouterSettingFields,
    applyUserSettings: applyOrcaRouterSettings,
    curatedModels: [
      { id: 'orcarouter/auto', name: 'OrcaRouter Auto' },
      { id: 'openai/gpt-5.1', name: 'GPT-5.1' },
      { id: 'anthropic/claude-opus-4.7', name: 'Claude Opus 4.7' },
      { id: 'google/gemini-2.5-pro', name: 'Gemini 2.5 Pro' },
      { id: 'deepseek/deepseek-r1', name: 'DeepSeek R1' },
      // OrcaRouter names xAI's models `grok/…`, not OpenRouter's `x-ai/…`.
      { id: 'grok/grok-4', name: 'Grok 4' },
    ],
  },
  deepseek: {
    name: 'DeepSeek',
    protocol: 'openai',
    baseUrl: 'https://api.deepseek.com',
    env: { apiKey: ['DEEPSEEK_API_KEY'], baseUrl: ['DEEPSEEK_BASE_URL'] },
    auth: 'bearer',
    paths: openaiPaths,
    adaptRequestBody: adaptDeepSeekBody,
    curatedModels: [
      { id: 'deepseek-chat', name: 'DeepSeek Chat' },
      { id: 'deepseek-reasoner', name: 'DeepSeek Reasoner' },
    ],
  },
  xai: {
    name: 'xAI',
    protocol: 'openai',
    baseUrl: 'https://api.x.ai/v1',
    env: { apiKey: ['XAI_API_KEY'], baseUrl: ['XAI_BASE_URL'] },
    auth: 'bearer',
    paths: openaiPaths,
    adaptRequestBody: adaptXaiBody,
    curatedModels: [
      { id: 'grok-4', name: 'Grok 4' },
      { id: 'grok-3-mini', name: 'Grok 3 mini' },
    ],
  },
  ollama: {
    name: 'Ollama',
    protocol: 'openai',
    // Local by nature (http://localhost:11434/v1); set only where the server can reach one.
    baseUrl: '',
    env: { apiKey: ['OLLAMA_API_KEY'], baseUrl: ['OLLAMA_BASE_URL'] },
    auth: 'bearer',
    keyOptional: true,
    paths: openaiPaths,
    adaptRequestBody: adaptOllamaBody,
    curatedModels: [],
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
      models: ['OPENAI_COMPATIBLE_MODELS'],
      enabled: ['OPENAI_COMPATIBLE_ENABLED'],
    },
    auth: 'bearer',
    paths: openaiPaths,
    curatedModels: [],
    detectNameFromBaseUrl: true,
    // The refactor document's default: a key alone means OpenRouter.
    baseUrlWhenKeyed: 'https://openrouter.ai/api/v1',
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
