// @ts-check
/**
 * `GET …/models` in each provider's shape, and OpenRouter's `GET /api/v1/key`. The values are
 * illustrative; the field names follow wire-formats.md §2, §3, §5 and §6.
 */

const OPENAI_MODELS = [
  { id: 'gpt-4.1-mini', object: 'model', created: 1744316542, owned_by: 'system' },
  { id: 'openai/gpt-5.1', object: 'model', created: 1762988221, owned_by: 'openai' },
  { id: 'deepseek/deepseek-r1', object: 'model', created: 1737381095, owned_by: 'deepseek' },
  { id: 'deepseek-reasoner', object: 'model', created: 1737381095, owned_by: 'deepseek' },
  { id: 'mock/tool-call', object: 'model', created: 1744316542, owned_by: 'mock' },
  { id: 'mock/slow', object: 'model', created: 1744316542, owned_by: 'mock' },
];

/** The plain OpenAI list (also what Ollama and DeepSeek answer). */
export function openAiModelList() {
  return { object: 'list', data: OPENAI_MODELS };
}

/**
 * @typedef {object} RichModel
 * @property {string} id
 * @property {string} name
 * @property {number} created
 * @property {number} contextLength
 * @property {number} maxCompletionTokens
 * @property {[prompt: string, completion: string]} pricing USD per token.
 * @property {string[]} input
 * @property {string[]} parameters OpenRouter `supported_parameters`.
 * @property {{ efforts: string[], defaultEffort: string, mandatory: boolean } | undefined} reasoning
 */

/** @type {RichModel[]} */
const RICH_MODELS = [
  {
    id: 'deepseek/deepseek-r1',
    name: 'DeepSeek: R1',
    created: 1737381095,
    contextLength: 163840,
    maxCompletionTokens: 65536,
    pricing: ['0.0000004', '0.000002'],
    input: ['text'],
    parameters: ['reasoning', 'include_reasoning', 'max_tokens', 'temperature', 'top_p', 'stop'],
    reasoning: { efforts: ['low', 'medium', 'high'], defaultEffort: 'medium', mandatory: true },
  },
  {
    id: 'openai/gpt-5.1',
    name: 'OpenAI: GPT-5.1',
    created: 1762988221,
    contextLength: 400000,
    maxCompletionTokens: 128000,
    pricing: ['0.00000125', '0.00001'],
    input: ['text', 'image', 'file'],
    parameters: ['reasoning', 'include_reasoning', 'max_tokens', 'tools', 'tool_choice', 'seed'],
    reasoning: {
      efforts: ['none', 'low', 'medium', 'high'],
      defaultEffort: 'none',
      mandatory: false,
    },
  },
  {
    id: 'anthropic/claude-opus-4.7',
    name: 'Anthropic: Claude Opus 4.7',
    created: 1776211200,
    contextLength: 1000000,
    maxCompletionTokens: 128000,
    pricing: ['0.000005', '0.000025'],
    input: ['text', 'image', 'file'],
    parameters: ['reasoning', 'include_reasoning', 'max_tokens', 'tools', 'tool_choice', 'stop'],
    reasoning: {
      efforts: ['low', 'medium', 'high', 'xhigh', 'max'],
      defaultEffort: 'high',
      mandatory: false,
    },
  },
  {
    id: 'google/gemini-2.5-pro',
    name: 'Google: Gemini 2.5 Pro',
    created: 1750169544,
    contextLength: 1048576,
    maxCompletionTokens: 65536,
    pricing: ['0.00000125', '0.00001'],
    input: ['text', 'image', 'file', 'audio', 'video'],
    parameters: ['reasoning', 'include_reasoning', 'max_tokens', 'temperature', 'top_p', 'tools'],
    reasoning: { efforts: ['low', 'medium', 'high'], defaultEffort: 'medium', mandatory: true },
  },
  {
    id: 'x-ai/grok-4',
    name: 'xAI: Grok 4',
    created: 1752087689,
    contextLength: 256000,
    maxCompletionTokens: 256000,
    pricing: ['0.000003', '0.000015'],
    input: ['text', 'image'],
    parameters: ['reasoning', 'include_reasoning', 'max_tokens', 'temperature', 'tools'],
    reasoning: { efforts: ['high'], defaultEffort: 'high', mandatory: true },
  },
  {
    id: 'meta-llama/llama-3.3-70b-instruct:free',
    name: 'Meta: Llama 3.3 70B Instruct (free)',
    created: 1733506137,
    contextLength: 131072,
    maxCompletionTokens: 8192,
    pricing: ['0', '0'],
    input: ['text'],
    parameters: ['temperature', 'top_p', 'max_tokens', 'frequency_penalty', 'presence_penalty'],
    reasoning: undefined,
  },
  {
    id: 'meta-llama/llama-3.3-70b-instruct',
    name: 'Meta: Llama 3.3 70B Instruct',
    created: 1733506137,
    contextLength: 131072,
    maxCompletionTokens: 16384,
    pricing: ['0.00000013', '0.00000039'],
    input: ['text'],
    parameters: ['temperature', 'top_p', 'max_tokens', 'frequency_penalty', 'presence_penalty'],
    reasoning: undefined,
  },
  {
    id: 'mock/slow-reasoning',
    name: 'Mock: Slow Reasoning',
    created: 1744316542,
    contextLength: 32768,
    maxCompletionTokens: 4096,
    pricing: ['0.000001', '0.000002'],
    input: ['text'],
    parameters: ['reasoning', 'include_reasoning', 'max_tokens', 'temperature'],
    reasoning: { efforts: ['low', 'medium', 'high'], defaultEffort: 'medium', mandatory: false },
  },
  {
    // A router: no reasoning object.
    id: 'openrouter/auto',
    name: 'Auto Router',
    created: 1699401600,
    contextLength: 2000000,
    maxCompletionTokens: 128000,
    pricing: ['-1', '-1'],
    input: ['text', 'image'],
    parameters: ['max_tokens', 'temperature', 'top_p', 'tools'],
    reasoning: undefined,
  },
  {
    // On nobody's curated list: reached through "show all" or a search.
    id: 'mistralai/mistral-large-2411',
    name: 'Mistral: Mistral Large 2411',
    created: 1731978415,
    contextLength: 131072,
    maxCompletionTokens: 8192,
    pricing: ['0.000002', '0.000006'],
    input: ['text'],
    parameters: ['max_tokens', 'temperature', 'top_p', 'tools'],
    reasoning: undefined,
  },
];

/** OpenRouter's rich list (`GET /api/v1/models`). */
export function openRouterModelList() {
  return {
    data: RICH_MODELS.map((model) => ({
      id: model.id,
      canonical_slug: model.id,
      name: model.name,
      created: model.created,
      description: `${model.name} (mock).`,
      context_length: model.contextLength,
      architecture: {
        modality: `${model.input.join('+')}->text`,
        input_modalities: model.input,
        output_modalities: ['text'],
        tokenizer: 'Other',
        instruct_type: null,
      },
      pricing: { prompt: model.pricing[0], completion: model.pricing[1], request: '0', image: '0' },
      top_provider: {
        context_length: model.contextLength,
        max_completion_tokens: model.maxCompletionTokens,
        is_moderated: false,
      },
      per_request_limits: null,
      supported_parameters: model.parameters,
      default_parameters: null,
      ...(model.reasoning
        ? {
            reasoning: {
              supported_efforts: model.reasoning.efforts,
              default_effort: model.reasoning.defaultEffort,
              default_enabled: true,
              mandatory: model.reasoning.mandatory,
            },
          }
        : {}),
    })),
  };
}

/**
 * OrcaRouter's list: OpenAI's shape plus `supported_endpoint_types`, and the capability fields
 * only where the administrator filled them in (here: not for the bare alias `gpt-4o`).
 */
export function orcaRouterModelList() {
  const rich = RICH_MODELS.filter((model) => !model.id.startsWith('openrouter/'));
  return {
    object: 'list',
    data: [
      {
        id: 'orcarouter/auto',
        object: 'model',
        created: 1767225600,
        owned_by: 'orcarouter',
        supported_endpoint_types: ['openai'],
      },
      {
        id: 'anthropic/claude-sonnet-4.6',
        object: 'model',
        created: 1771286400,
        owned_by: 'anthropic',
        supported_endpoint_types: ['openai', 'anthropic'],
        context_length: 1000000,
        max_completion_tokens: 64000,
      },
      ...rich.map((model) => ({
        id: model.id,
        object: 'model',
        created: model.created,
        owned_by: model.id.split('/')[0] ?? 'mock',
        supported_endpoint_types: ['openai'],
        context_length: model.contextLength,
        max_completion_tokens: model.maxCompletionTokens,
        architecture: { input_modalities: model.input, output_modalities: ['text'] },
      })),
      {
        id: 'gpt-4o',
        object: 'model',
        created: 1626777600,
        owned_by: 'openai',
        supported_endpoint_types: ['openai'],
      },
    ],
  };
}

const ANTHROPIC_MODELS = [
  ['claude-opus-4-7', 'Claude Opus 4.7', '2026-04-16T00:00:00Z'],
  ['claude-sonnet-4-6', 'Claude Sonnet 4.6', '2026-02-17T00:00:00Z'],
  ['claude-haiku-4-5-20251001', 'Claude Haiku 4.5', '2025-10-01T00:00:00Z'],
  ['claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z'],
  ['claude-opus-4-1-20250805', 'Claude Opus 4.1', '2025-08-05T00:00:00Z'],
].map(([id, display_name, created_at]) => ({ type: 'model', id, display_name, created_at }));

/**
 * Anthropic's paginated list; honours `limit` and `after_id`.
 * @param {Record<string, string>} query
 */
export function anthropicModelList(query) {
  const afterIndex = ANTHROPIC_MODELS.findIndex((model) => model.id === query.after_id);
  const start = afterIndex + 1;
  const limit = Math.min(Math.max(Number(query.limit ?? 20) || 20, 1), 1000);
  const data = ANTHROPIC_MODELS.slice(start, start + limit);
  return {
    data,
    has_more: start + limit < ANTHROPIC_MODELS.length,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}

const GENERATION_METHODS = ['generateContent', 'countTokens', 'streamGenerateContent'];

/** Gemini's `{models:[…]}`; names carry the `models/` prefix. */
export function geminiModelList() {
  /** @type {[id: string, displayName: string, input: number, output: number, thinking: boolean][]} */
  const models = [
    ['gemini-2.5-flash', 'Gemini 2.5 Flash', 1048576, 65536, true],
    ['gemini-2.5-pro', 'Gemini 2.5 Pro', 1048576, 65536, true],
    ['gemini-3-pro-preview', 'Gemini 3 Pro Preview', 1048576, 65536, true],
    ['gemini-2.0-flash', 'Gemini 2.0 Flash', 1048576, 8192, false],
  ];
  return {
    models: [
      ...models.map(([id, displayName, inputTokenLimit, outputTokenLimit, thinking]) => ({
        name: `models/${id}`,
        version: '001',
        displayName,
        description: `${displayName} (mock).`,
        inputTokenLimit,
        outputTokenLimit,
        supportedGenerationMethods: GENERATION_METHODS,
        temperature: 1,
        maxTemperature: 2,
        topP: 0.95,
        topK: 64,
        ...(thinking ? { thinking: true } : {}),
      })),
      {
        name: 'models/text-embedding-004',
        version: '004',
        displayName: 'Text Embedding 004',
        description: 'Obtain a distributed representation of a text.',
        inputTokenLimit: 2048,
        outputTokenLimit: 1,
        supportedGenerationMethods: ['embedContent'],
      },
    ],
  };
}

// OpenRouter's GET /api/v1/key answer, with illustrative values.
export const OPENROUTER_KEY = {
  data: {
    label: 'sk-or-v1-abc...',
    limit: null,
    limit_reset: null,
    limit_remaining: null,
    include_byok_in_limit: false,
    usage: 0.12,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0.12,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    is_free_tier: false,
    is_management_key: false,
    is_provisioning_key: false,
    creator_user_id: null,
    expires_at: null,
    rate_limit: {},
  },
};
