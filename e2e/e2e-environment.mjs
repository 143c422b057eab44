// @ts-check
/** Ports and server configuration shared by playwright.config.ts and the specs. */
// Fixed, so a failing run is easy to poke at; another checkout on this machine can move them.
export const mockPort = Number(process.env.PARLEY_E2E_MOCK_PORT ?? 43110);
export const appPort = Number(process.env.PARLEY_E2E_APP_PORT ?? 43100);
/** Everything the app server printed during the suite. */
export const serverLogPath = '.e2e-logs/server.log';
export const mockUrl = `http://127.0.0.1:${mockPort}`;

export const serverKeys = /** @type {const} */ ({
  openrouter: 'sk-or-server-key-e2e',
  orcarouter: 'sk-orca-server-key-e2e',
  openai: 'sk-openai-server-key-e2e',
  anthropic: 'sk-ant-server-key-e2e',
  google: 'google-server-key-e2e',
  deepseek: 'sk-deepseek-server-key-e2e',
  xai: 'xai-server-key-e2e',
  azure: 'azure-server-key-e2e',
  compatible: 'sk-compatible-server-key-e2e',
});

export const accessCode = 'e2e-access-code-1';

/** @type {Record<string, string>} */
export const e2eEnvironment = {
  NEXT_TELEMETRY_DISABLED: '1',
  OPENROUTER_API_KEY: serverKeys.openrouter,
  OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
  ORCAROUTER_API_KEY: serverKeys.orcarouter,
  ORCAROUTER_BASE_URL: `${mockUrl}/v1`,
  OPENAI_API_KEY: serverKeys.openai,
  OPENAI_BASE_URL: `${mockUrl}/v1`,
  ANTHROPIC_API_KEY: serverKeys.anthropic,
  ANTHROPIC_BASE_URL: mockUrl,
  GOOGLE_API_KEY: serverKeys.google,
  GOOGLE_BASE_URL: mockUrl,
  DEEPSEEK_API_KEY: serverKeys.deepseek,
  DEEPSEEK_BASE_URL: `${mockUrl}/deepseek`,
  XAI_API_KEY: serverKeys.xai,
  XAI_BASE_URL: `${mockUrl}/xai/v1`,
  AZURE_OPENAI_API_KEY: serverKeys.azure,
  AZURE_OPENAI_BASE_URL: `${mockUrl}/openai`,
  AZURE_OPENAI_API_VERSION: '2024-10-21',
  OLLAMA_BASE_URL: `${mockUrl}/ollama/v1`,
  OPENAI_COMPATIBLE_BASE_URL: `${mockUrl}/compatible/v1`,
  OPENAI_COMPATIBLE_API_KEY: serverKeys.compatible,
  OPENAI_COMPATIBLE_PROVIDER_NAME: 'Local vLLM',
  OPENAI_COMPATIBLE_MODELS: 'mock/compat-reasoning-content',
  // The e2e user endpoints live on the loopback mock.
  ALLOW_PRIVATE_UPSTREAMS: 'true',
  // The leak battery opens fifty streams at a time from one address.
  MAX_STREAMS_PER_CLIENT: '100',
  // Several specs send wrong codes on purpose, all from 127.0.0.1.
  ACCESS_FAILURE_LIMIT: '100',
  OPENROUTER_ROUTING: JSON.stringify({ 'mock/fail-*': { models: ['deepseek/deepseek-r1'] } }),
  ORCAROUTER_FALLBACKS: JSON.stringify({ 'mock/fail-*': ['anthropic/claude-opus-4.7'] }),
  CODE: accessCode,
  APP_URL: 'https://parley.example',
  APP_NAME: 'Parley E2E',
  // MODELS fails closed: everything is open here, then narrowed.
  MODELS: [
    '+all',
    '-openrouter:meta-llama/*',
    '+openrouter:deepseek/deepseek-r1-reasoning-details=DeepSeek R1 (reasoning details)',
    '+openrouter:mock/slow-reasoning',
    '+openrouter:mock/error-402',
    '+openrouter:mock/error-429',
    '+openrouter:mock/truncated',
    '-openrouter:x-ai/grok-4',
    '+openrouter:mock/fail-first=Failing first',
    '+orcarouter:mock/fail-primary=Failing primary',
    '+azure:my-gpt-deployment=My GPT deployment',
    '+ollama:qwen3-think-tags=Qwen3 (think tags)',
  ].join(','),
  DEFAULT_MODEL: 'openrouter:deepseek/deepseek-r1',
};
