import { describe, expect, it } from 'vitest';
import type { ProtocolId } from '@/lib/providers/types';
import { modelCapabilities, type CatalogHints } from './capabilities';
import { applyParameterPolicy, readRequestSettings } from './parameter-policy';

type Body = Record<string, unknown>;

interface PolicyCase {
  protocol: ProtocolId;
  model: string;
  input: Body;
  output: Body;
  stripped: string[];
  hints?: CatalogHints;
}

const everyOpenAIParameter = {
  temperature: 0.7,
  top_p: 0.9,
  presence_penalty: 0.5,
  frequency_penalty: 0.5,
  logprobs: true,
  top_logprobs: 3,
  logit_bias: { '50256': -100 },
  seed: 7,
  stop: ['END'],
};

const allReasoningRejected = [
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
];

const cases: Array<[string, PolicyCase]> = [
  // §1a: o-series and gpt-5 family.
  [
    'o-series strips every sampling parameter and renames max_tokens',
    {
      protocol: 'openai',
      model: 'o3-mini',
      input: { ...everyOpenAIParameter, max_tokens: 100 },
      output: { seed: 7, stop: ['END'], max_completion_tokens: 100 },
      stripped: [...allReasoningRejected, 'max_tokens->max_completion_tokens'],
    },
  ],
  [
    'namespaced gpt-5.1',
    {
      protocol: 'openai',
      model: 'openai/gpt-5.1',
      input: { temperature: 0.2, max_tokens: 50 },
      output: { max_completion_tokens: 50 },
      stripped: ['temperature', 'max_tokens->max_completion_tokens'],
    },
  ],
  [
    'date-suffixed o4-mini',
    {
      protocol: 'openai',
      model: 'o4-mini-2025-04-16',
      input: { top_p: 0.5 },
      output: {},
      stripped: ['top_p'],
    },
  ],
  [
    'an explicit max_completion_tokens wins over max_tokens',
    {
      protocol: 'openai',
      model: 'o1',
      input: { max_tokens: 10, max_completion_tokens: 20 },
      output: { max_completion_tokens: 20 },
      stripped: ['max_tokens'],
    },
  ],
  [
    'temperature 1 is still stripped: omitting the default is safe',
    {
      protocol: 'openai',
      model: 'gpt-5-mini',
      input: { temperature: 1 },
      output: {},
      stripped: ['temperature'],
    },
  ],
  [
    'plain gpt-5-chat behaves like a chat model',
    {
      protocol: 'openai',
      model: 'gpt-5-chat-latest',
      input: { temperature: 0.3, max_tokens: 64 },
      output: { temperature: 0.3, max_tokens: 64 },
      stripped: [],
    },
  ],
  [
    'gpt-5.1-chat has a minor version, so it is a reasoning model',
    {
      protocol: 'openai',
      model: 'gpt-5.1-chat',
      input: { temperature: 0.3 },
      output: {},
      stripped: ['temperature'],
    },
  ],
  [
    'gpt-5.1 with reasoning_effort none keeps temperature, top_p, logprobs',
    {
      protocol: 'openai',
      model: 'gpt-5.1',
      input: { ...everyOpenAIParameter, reasoning_effort: 'none', max_tokens: 100 },
      output: {
        temperature: 0.7,
        top_p: 0.9,
        logprobs: true,
        seed: 7,
        stop: ['END'],
        reasoning_effort: 'none',
        max_completion_tokens: 100,
      },
      stripped: [
        'presence_penalty',
        'frequency_penalty',
        'top_logprobs',
        'logit_bias',
        'max_tokens->max_completion_tokens',
      ],
    },
  ],
  [
    'OpenRouter reasoning.effort none counts too',
    {
      protocol: 'openai',
      model: 'openai/gpt-5.2',
      input: { temperature: 0.4, reasoning: { effort: 'none' } },
      output: { temperature: 0.4, reasoning: { effort: 'none' } },
      stripped: [],
    },
  ],
  [
    'plain gpt-5 has no effort-none exception',
    {
      protocol: 'openai',
      model: 'gpt-5',
      input: { temperature: 0.4, reasoning_effort: 'none' },
      output: { reasoning_effort: 'none' },
      stripped: ['temperature'],
    },
  ],
  [
    'gpt-5.1 with another effort strips temperature',
    {
      protocol: 'openai',
      model: 'gpt-5.1',
      input: { temperature: 0.4, reasoning_effort: 'low' },
      output: { reasoning_effort: 'low' },
      stripped: ['temperature'],
    },
  ],
  // §5: Claude models that reject sampling, whichever protocol reaches them.
  [
    'claude-opus-4.7 through a router',
    {
      protocol: 'openai',
      model: 'anthropic/claude-opus-4.7',
      input: { temperature: 0.5, top_p: 0.9, top_k: 40, max_tokens: 100 },
      output: { max_tokens: 100 },
      stripped: ['temperature', 'top_p', 'top_k'],
    },
  ],
  [
    'native claude-opus-4-7 with a date',
    {
      protocol: 'anthropic',
      model: 'claude-opus-4-7-20260101',
      input: { temperature: 0.5, top_k: 5, max_tokens: 100 },
      output: { max_tokens: 100 },
      stripped: ['temperature', 'top_k'],
    },
  ],
  [
    'claude-sonnet-5 (major ≥5)',
    {
      protocol: 'anthropic',
      model: 'claude-sonnet-5',
      input: { top_p: 0.9, stop_sequences: ['x'] },
      output: { stop_sequences: ['x'] },
      stripped: ['top_p'],
    },
  ],
  [
    'claude-opus-4.6 without thinking keeps temperature',
    {
      protocol: 'openai',
      model: 'anthropic/claude-opus-4.6',
      input: { temperature: 0.5, top_k: 10 },
      output: { temperature: 0.5, top_k: 10 },
      stripped: [],
    },
  ],
  [
    'an OrcaRouter effort suffix turns thinking on',
    {
      protocol: 'openai',
      model: 'anthropic/claude-opus-4.6-high',
      input: { temperature: 0.5, top_p: 0.97, max_tokens: 9 },
      output: { top_p: 0.97, max_tokens: 9 },
      stripped: ['temperature'],
    },
  ],
  [
    'an OpenRouter :thinking variant turns thinking on',
    {
      protocol: 'openai',
      model: 'anthropic/claude-3.7-sonnet:thinking',
      input: { temperature: 1, top_p: 0.5 },
      output: { temperature: 1 },
      stripped: ['top_p'],
    },
  ],
  [
    'a reasoning effort on a Claude model turns thinking on',
    {
      protocol: 'openai',
      model: 'anthropic/claude-sonnet-4.5',
      input: { temperature: 0.2, reasoning_effort: 'high' },
      output: { reasoning_effort: 'high' },
      stripped: ['temperature'],
    },
  ],
  // §5: thinking on the Anthropic protocol.
  [
    'thinking enabled: temperature ≠1, top_k and top_p below 0.95 go',
    {
      protocol: 'anthropic',
      model: 'claude-sonnet-4-5-20250929',
      input: {
        temperature: 0.7,
        top_p: 0.9,
        top_k: 40,
        thinking: { type: 'enabled', budget_tokens: 2048 },
      },
      output: { thinking: { type: 'enabled', budget_tokens: 2048 } },
      stripped: ['temperature', 'top_p', 'top_k'],
    },
  ],
  [
    'adaptive thinking keeps temperature 1 and top_p 0.95',
    {
      protocol: 'anthropic',
      model: 'claude-opus-4-6',
      input: { temperature: 1, top_p: 0.95, thinking: { type: 'adaptive' } },
      output: { temperature: 1, top_p: 0.95, thinking: { type: 'adaptive' } },
      stripped: [],
    },
  ],
  [
    'thinking disabled leaves sampling alone',
    {
      protocol: 'anthropic',
      model: 'claude-sonnet-4-5',
      input: { temperature: 0.2, top_k: 5, thinking: { type: 'disabled' } },
      output: { temperature: 0.2, top_k: 5, thinking: { type: 'disabled' } },
      stripped: [],
    },
  ],
  // §4 and §3: DeepSeek.
  [
    'deepseek-reasoner',
    {
      protocol: 'openai',
      model: 'deepseek-reasoner',
      input: { ...everyOpenAIParameter, max_tokens: 100 },
      output: { logit_bias: { '50256': -100 }, seed: 7, stop: ['END'], max_tokens: 100 },
      stripped: [
        'temperature',
        'top_p',
        'presence_penalty',
        'frequency_penalty',
        'logprobs',
        'top_logprobs',
      ],
    },
  ],
  [
    'namespaced free deepseek-r1',
    {
      protocol: 'openai',
      model: 'deepseek/deepseek-r1:free',
      input: { temperature: 0.6 },
      output: {},
      stripped: ['temperature'],
    },
  ],
  [
    'deepseek-chat keeps everything',
    {
      protocol: 'openai',
      model: 'deepseek-chat',
      input: { temperature: 0.6, presence_penalty: 1 },
      output: { temperature: 0.6, presence_penalty: 1 },
      stripped: [],
    },
  ],
  [
    'deepseek-v4 with thinking enabled drops the ignored parameters',
    {
      protocol: 'openai',
      model: 'deepseek-v4-pro',
      input: { temperature: 0.6, top_p: 0.9, frequency_penalty: 1, thinking: { type: 'enabled' } },
      output: { thinking: { type: 'enabled' } },
      stripped: ['temperature', 'top_p', 'frequency_penalty'],
    },
  ],
  [
    // The studio PR's review: a reasoning id that thinks by default, effort or not.
    'namespaced deepseek-v4-pro without any effort drops sampling too',
    {
      protocol: 'openai',
      model: 'deepseek/deepseek-v4-pro',
      input: { temperature: 0.6, top_p: 0.9, presence_penalty: 0.5, max_tokens: 50 },
      output: { max_tokens: 50 },
      stripped: ['temperature', 'top_p', 'presence_penalty'],
    },
  ],
  [
    'deepseek-v4 with thinking disabled keeps them',
    {
      protocol: 'openai',
      model: 'deepseek-v4-flash',
      input: { temperature: 0.6, thinking: { type: 'disabled' } },
      output: { temperature: 0.6, thinking: { type: 'disabled' } },
      stripped: [],
    },
  ],
  // §6: Gemini generationConfig.
  [
    'gemini with nothing to strip',
    {
      protocol: 'gemini',
      model: 'models/gemini-2.5-pro',
      input: {
        contents: [],
        generationConfig: { temperature: 0.3, topP: 0.9, topK: 40, maxOutputTokens: 512 },
      },
      output: {
        contents: [],
        generationConfig: { temperature: 0.3, topP: 0.9, topK: 40, maxOutputTokens: 512 },
      },
      stripped: [],
    },
  ],
  [
    'gemini fields are stripped inside generationConfig',
    {
      protocol: 'gemini',
      model: 'gemini-2.5-flash',
      hints: { supportedParameters: ['temperature'] },
      input: {
        generationConfig: { temperature: 0.3, topK: 40, presencePenalty: 1, maxOutputTokens: 512 },
      },
      output: { generationConfig: { temperature: 0.3, maxOutputTokens: 512 } },
      stripped: ['generationConfig.topK', 'generationConfig.presencePenalty'],
    },
  ],
  // §2: a live catalog replaces the name rules, both ways.
  [
    'the catalog keeps what a name rule would strip',
    {
      protocol: 'openai',
      model: 'openai/gpt-5.1',
      hints: { supportedParameters: ['temperature', 'max_tokens'] },
      input: { temperature: 0.5, presence_penalty: 1, max_tokens: 100 },
      output: { temperature: 0.5, max_tokens: 100 },
      stripped: ['presence_penalty'],
    },
  ],
  [
    'the catalog strips what no name rule knows',
    {
      protocol: 'openai',
      model: 'meta-llama/llama-3.3-70b-instruct',
      hints: { supportedParameters: ['temperature', 'top_p', 'max_tokens'] },
      input: { temperature: 0.5, top_k: 40, seed: 1, max_tokens: 100 },
      output: { temperature: 0.5, max_tokens: 100 },
      stripped: ['top_k', 'seed'],
    },
  ],
  [
    'a catalog without max_tokens strips the output limit',
    {
      protocol: 'openai',
      model: 'some/model',
      hints: { supportedParameters: ['temperature'] },
      input: { max_tokens: 100 },
      output: {},
      stripped: ['max_tokens'],
    },
  ],
  [
    'thinking rules still apply on top of a catalog',
    {
      protocol: 'openai',
      model: 'anthropic/claude-sonnet-4.5',
      hints: { supportedParameters: ['temperature', 'top_k'] },
      input: { temperature: 0.5, top_k: 3, reasoning: { effort: 'high' } },
      output: { reasoning: { effort: 'high' } },
      stripped: ['temperature', 'top_k'],
    },
  ],
  // Everything else is accepted.
  [
    'a classic chat model keeps every parameter',
    {
      protocol: 'openai',
      model: 'gpt-4.1',
      input: { ...everyOpenAIParameter, max_tokens: 100 },
      output: { ...everyOpenAIParameter, max_tokens: 100 },
      stripped: [],
    },
  ],
];

describe('applyParameterPolicy', () => {
  it.each(cases)('%s', (_label, { protocol, model, input, output, stripped, hints }) => {
    const before = structuredClone(input);
    const result = applyParameterPolicy(protocol, model, input, hints);
    expect(result.body).toEqual(output);
    expect(result.stripped).toEqual(stripped);
    expect(input).toEqual(before);
    expect(result.body).not.toBe(input);
  });

  it('never mutates the input, nested objects included', () => {
    const generationConfig = Object.freeze({ topP: 0.5, temperature: 0.1 });
    const input = Object.freeze({ generationConfig });
    const result = applyParameterPolicy('gemini', 'gemini-2.5-pro', input, {
      supportedParameters: ['temperature'],
    });
    expect(result.body).toEqual({ generationConfig: { temperature: 0.1 } });
    expect(generationConfig).toEqual({ topP: 0.5, temperature: 0.1 });
  });
});

describe('modelCapabilities', () => {
  it.each([
    ['openai', 'o3', true],
    ['openai', 'gpt-5-nano', true],
    ['openai', 'gpt-5-chat-latest', false],
    ['openai', 'gpt-4o', false],
    ['openai', 'openai/gpt-oss-120b', true],
    ['anthropic', 'claude-3-7-sonnet-20250219', true],
    ['anthropic', 'claude-3-5-sonnet-20241022', false],
    ['anthropic', 'claude-opus-4-1', true],
    ['anthropic', 'claude-haiku-4-5', true],
    ['openai', 'anthropic/claude-fable-5', true],
    ['gemini', 'gemini-2.0-flash', false],
    ['gemini', 'gemini-3-pro-preview', true],
    ['openai', 'x-ai/grok-3-mini', true],
    ['openai', 'x-ai/grok-4', true],
    ['openai', 'x-ai/grok-4-fast-non-reasoning', false],
    ['openai', 'qwen3:8b', true],
    ['openai', 'qwen/qwq-32b', true],
    ['openai', 'moonshotai/kimi-k2-thinking', true],
    ['openai', 'deepseek-r1-distill-llama-70b', true],
    ['openai', 'meta-llama/llama-3.3-70b-instruct', false],
  ] as const)('%s %s reasons: %s', (protocol, model, reasoning) => {
    expect(modelCapabilities(protocol, model).reasoning).toBe(reasoning);
  });

  it('prefers the catalog reasoning flag to the name', () => {
    expect(modelCapabilities('openai', 'openai/gpt-5.1', { reasoning: false }).reasoning).toBe(
      false,
    );
    expect(modelCapabilities('openai', 'acme/plain-model', { reasoning: true }).reasoning).toBe(
      true,
    );
  });

  it('offers only the parameters the protocol has', () => {
    expect([...modelCapabilities('anthropic', 'claude-sonnet-4-5').acceptedParameters]).toEqual([
      'temperature',
      'top_p',
      'top_k',
      'stop',
    ]);
    expect(modelCapabilities('openai', 'gpt-5.1').acceptedParameters.has('temperature')).toBe(
      false,
    );
  });

  it('names the output-limit field for each protocol', () => {
    expect(modelCapabilities('openai', 'gpt-4.1').maxTokensField).toBe('max_tokens');
    expect(modelCapabilities('openai', 'o4-mini').maxTokensField).toBe('max_completion_tokens');
    expect(
      modelCapabilities('openai', 'openai/o4-mini', { supportedParameters: ['max_tokens'] })
        .maxTokensField,
    ).toBe('max_tokens');
    expect(modelCapabilities('anthropic', 'claude-opus-4-7').maxTokensField).toBe('max_tokens');
    expect(modelCapabilities('gemini', 'gemini-2.5-pro').maxTokensField).toBe('max_output_tokens');
  });

  it('gives the accepted ranges under thinking', () => {
    const settings = readRequestSettings('anthropic', { thinking: { type: 'enabled' } });
    expect(modelCapabilities('anthropic', 'claude-sonnet-4-5', undefined, settings)).toMatchObject({
      acceptedRanges: { temperature: { min: 1, max: 1 }, top_p: { min: 0.95, max: 1 } },
    });
  });
});
