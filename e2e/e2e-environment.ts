/** Ports and server configuration shared by playwright.config.ts and the specs. */
export const mockPort = 43110;
export const appPort = 43100;
export const mockUrl = `http://127.0.0.1:${mockPort}`;

export const serverKeys = {
  openrouter: 'sk-or-server-key-e2e',
  orcarouter: 'sk-orca-server-key-e2e',
  openai: 'sk-openai-server-key-e2e',
} as const;

export const accessCode = 'e2e-access-code-1';

export const e2eEnvironment: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: '1',
  OPENROUTER_API_KEY: serverKeys.openrouter,
  OPENROUTER_BASE_URL: `${mockUrl}/api/v1`,
  ORCAROUTER_API_KEY: serverKeys.orcarouter,
  ORCAROUTER_BASE_URL: `${mockUrl}/v1`,
  OPENAI_API_KEY: serverKeys.openai,
  OPENAI_BASE_URL: `${mockUrl}/v1`,
  CODE: accessCode,
  APP_URL: 'https://parley.example',
  APP_NAME: 'Parley E2E',
  MODELS: [
    '-openrouter:meta-llama/*',
    '+openrouter:deepseek/deepseek-r1-reasoning-details=DeepSeek R1 (reasoning details)',
    '+openrouter:mock/slow-reasoning',
    '+openrouter:mock/error-402',
    '+openrouter:mock/truncated',
    '-openrouter:x-ai/grok-4',
  ].join(','),
  DEFAULT_MODEL: 'openrouter:deepseek/deepseek-r1',
};
