import { describe, expect, it } from 'vitest';
import { protocols } from '.';

const openai = (payload: unknown) => protocols.openai.parseModelList(payload);

describe('each protocol reads its own model list', () => {
  it('reads the OpenAI list', () => {
    expect(
      openai({
        object: 'list',
        data: [{ id: 'gpt-4.1-nano', object: 'model', created: 1, owned_by: 'system' }],
      }),
    ).toEqual([{ id: 'gpt-4.1-nano' }]);
  });

  it('reads a bare array (Together AI) and {models:[…]} with OpenAI-style ids', () => {
    expect(
      openai([
        {
          id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
          display_name: 'Llama 3.3 70B',
          type: 'chat',
          context_length: 131072,
        },
        { id: 'Qwen/Qwen3-32B', object: 'model' },
      ]).map((model) => [model.id, model.name, model.contextLength]),
    ).toEqual([
      ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'Llama 3.3 70B', 131072],
      ['Qwen/Qwen3-32B', undefined, undefined],
    ]);
    expect(openai({ models: [{ id: 'lab/model-a' }] })).toEqual([{ id: 'lab/model-a' }]);
  });

  it('reads OpenRouter entries with pricing per million, modalities, parameters and reasoning', () => {
    const [model] = openai({
      data: [
        {
          id: 'openai/gpt-5.1',
          name: 'OpenAI: GPT-5.1',
          context_length: 400000,
          pricing: { prompt: '0.00000125', completion: '0.00001' },
          architecture: { input_modalities: ['text', 'image'] },
          supported_parameters: ['reasoning', 'max_tokens', 'tools'],
          reasoning: { supported_efforts: ['low', 'high'] },
        },
      ],
    });
    expect(model).toEqual({
      id: 'openai/gpt-5.1',
      name: 'OpenAI: GPT-5.1',
      contextLength: 400000,
      pricing: { input: 1.25, output: 10 },
      inputModalities: ['text', 'image'],
      supportedParameters: ['reasoning', 'max_tokens', 'tools'],
      reasoning: true,
    });
  });

  it('reads Anthropic and Gemini lists, dropping models that cannot chat', () => {
    expect(
      protocols.anthropic.parseModelList({
        data: [
          {
            type: 'model',
            id: 'claude-sonnet-4-5',
            display_name: 'Claude Sonnet 4.5',
            max_input_tokens: 200000,
          },
        ],
      }),
    ).toEqual([{ id: 'claude-sonnet-4-5', name: 'Claude Sonnet 4.5', contextLength: 200000 }]);
    expect(
      protocols.gemini.parseModelList({
        models: [
          {
            name: 'models/gemini-2.5-flash',
            displayName: 'Gemini 2.5 Flash',
            inputTokenLimit: 1048576,
            supportedGenerationMethods: ['generateContent', 'streamGenerateContent'],
            thinking: true,
          },
          { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
        ],
      }),
    ).toEqual([
      { id: 'gemini-2.5-flash', name: 'Gemini 2.5 Flash', contextLength: 1048576, reasoning: true },
    ]);
  });

  it.each([null, 'text', { data: 'x' }, { data: [{ id: 3 }, null, { id: '' }] }])(
    'ignores %j',
    (payload) => {
      for (const protocol of Object.values(protocols)) {
        expect(protocol.parseModelList(payload)).toEqual([]);
      }
    },
  );

  it('reads only its own shape: a Gemini list is not an OpenAI list, nor the reverse', () => {
    const gemini = { models: [{ name: 'models/gemini-2.5-pro' }] };
    expect(openai(gemini)).toEqual([]);
    expect(protocols.gemini.parseModelList({ data: [{ id: 'gpt-5.1' }] })).toEqual([]);
    expect(protocols.gemini.parseModelList(gemini)).toEqual([{ id: 'gemini-2.5-pro' }]);
  });
});
