/** The OpenAI dialect's router, Ollama and Azure variations; server.test.ts covers the basics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from './server.mjs';
import { ANSWER, REASONING, parseSseEvents, postJson } from './test-support';

interface Chunk {
  model?: string;
  choices?: {
    delta: { content?: string | null; reasoning?: string };
    finish_reason: string | null;
  }[];
  prompt_filter_results?: unknown[];
}

interface ErrorBody {
  error: { message: string; type?: string; param?: string | null; code: string | number | null };
}

let upstream: MockUpstream;

beforeAll(async () => {
  upstream = await startMockUpstream();
});

afterAll(async () => {
  await upstream.close();
});

function chat(path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return postJson(
    `${upstream.url}${path}`,
    { messages: [{ role: 'user', content: 'hi there' }], ...body },
    headers,
  );
}

async function streamChunks(response: Response) {
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  return parseSseEvents(text)
    .filter((event) => event.data !== '[DONE]')
    .map((event) => JSON.parse(event.data) as Chunk);
}

function contents(chunks: Chunk[]) {
  return chunks.map((chunk) => chunk.choices?.[0]?.delta.content ?? '').filter(Boolean);
}

describe('model lists', () => {
  interface RichModel {
    id: string;
    name: string;
    context_length: number;
    pricing: { prompt: string; completion: string };
    architecture: { input_modalities: string[]; output_modalities: string[] };
    supported_parameters: string[];
    reasoning?: { supported_efforts: string[]; default_effort: string };
  }

  it('answers OpenRouter’s rich list under /api/v1/', async () => {
    const response = await fetch(`${upstream.url}/api/v1/models`);
    const body = (await response.json()) as { data: RichModel[] };
    const byId = new Map(body.data.map((model) => [model.id, model]));
    for (const model of body.data) {
      expect(model).toMatchObject({
        name: expect.any(String),
        context_length: expect.any(Number),
        pricing: { prompt: expect.any(String), completion: expect.any(String) },
        architecture: { input_modalities: expect.any(Array), output_modalities: ['text'] },
      });
    }
    const r1 = byId.get('deepseek/deepseek-r1');
    expect(r1?.supported_parameters).toEqual(
      expect.arrayContaining(['reasoning', 'include_reasoning', 'max_tokens', 'temperature']),
    );
    expect(r1?.reasoning?.supported_efforts.length).toBeGreaterThan(0);
    for (const id of ['openai/gpt-5.1', 'anthropic/claude-opus-4.7']) {
      const model = byId.get(id);
      expect(model?.supported_parameters).toEqual(
        expect.arrayContaining(['reasoning', 'max_tokens', 'tools']),
      );
      expect(model?.supported_parameters).not.toContain('temperature');
      expect(model?.supported_parameters).not.toContain('top_p');
      expect(model?.reasoning?.default_effort).toEqual(expect.any(String));
    }
    const llama = byId.get('meta-llama/llama-3.3-70b-instruct:free');
    expect(llama?.supported_parameters).toEqual(
      expect.arrayContaining([
        'temperature',
        'top_p',
        'max_tokens',
        'frequency_penalty',
        'presence_penalty',
      ]),
    );
    expect(llama?.reasoning).toBeUndefined();
    expect(byId.get('mock/slow-reasoning')?.reasoning).toBeDefined();
  });

  it('answers OrcaRouter’s list when the request carries HTTP-Referer', async () => {
    const response = await fetch(`${upstream.url}/v1/models`, {
      headers: { 'http-referer': 'https://parley.example' },
    });
    const body = (await response.json()) as {
      object: string;
      data: { id: string; object: string; supported_endpoint_types: string[] }[];
    };
    expect(body.object).toBe('list');
    expect(body.data.map((model) => model.id)).toContain('orcarouter/auto');
    for (const model of body.data) {
      expect(model).toMatchObject({
        object: 'model',
        created: expect.any(Number),
        owned_by: expect.any(String),
      });
      expect(model.supported_endpoint_types).toContain('openai');
    }
    expect(body.data.some((model) => 'context_length' in model)).toBe(true);
    expect(body.data.some((model) => !('context_length' in model))).toBe(true);
  });
});

describe('router fallbacks', () => {
  it('OpenRouter: answers from the next model when the first fails', async () => {
    const response = await chat('/api/v1/chat/completions', {
      models: ['mock/fail-primary', 'mock/reasoning'],
      stream: true,
    });
    expect(response.headers.get('x-orca-fallback-level')).toBeNull();
    const chunks = await streamChunks(response);
    expect(chunks.every((chunk) => chunk.model === 'mock/reasoning')).toBe(true);
    expect(chunks.map((chunk) => chunk.choices?.[0]?.delta.reasoning ?? '').join('')).toBe(
      REASONING,
    );
  });

  it('OpenRouter: names the answering model in a non-streaming completion', async () => {
    const response = await chat('/api/v1/chat/completions', {
      model: 'mock/fail-a',
      models: ['mock/fail-a', 'gpt-4.1-mini'],
    });
    expect(((await response.json()) as { model: string }).model).toBe('gpt-4.1-mini');
  });

  it('OpenRouter: 502 in its shape when every model fails', async () => {
    const response = await chat('/api/v1/chat/completions', { models: ['a-fail', 'b-fail'] });
    expect(response.status).toBe(502);
    expect(((await response.json()) as ErrorBody).error.code).toBe(502);
  });

  it('OrcaRouter: answers from the first working entry and says which in headers', async () => {
    const response = await chat('/v1/chat/completions', {
      model: 'a-fail',
      route: 'fallback',
      models: ['a-fail', 'b-fail', 'gpt-4.1-mini', 'openai/gpt-5.1'],
      stream: true,
    });
    expect(response.headers.get('x-orca-fallback-level')).toBe('2');
    expect(response.headers.get('x-orca-fallback-model')).toBe('gpt-4.1-mini');
    const chunks = await streamChunks(response);
    expect(chunks.every((chunk) => chunk.model === 'gpt-4.1-mini')).toBe(true);
    expect(contents(chunks).join('')).toBe(ANSWER);
  });

  it('OrcaRouter: keeps only five entries and answers 502 fallback_exhausted', async () => {
    const response = await chat('/v1/chat/completions', {
      route: 'fallback',
      models: ['f1-fail', 'f2-fail', 'f3-fail', 'f4-fail', 'f5-fail', 'gpt-4.1-mini'],
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: {
        message: expect.any(String),
        type: 'upstream_error',
        param: null,
        code: 'fallback_exhausted',
      },
    });
  });

  it('OrcaRouter: orcarouter/auto resolves to a model named in headers and chunks', async () => {
    const response = await chat('/v1/chat/completions', { model: 'orcarouter/auto', stream: true });
    expect(response.headers.get('x-orca-router')).toBe('auto');
    expect(response.headers.get('x-orca-resolved-model')).toBe('anthropic/claude-sonnet-4.6');
    expect(response.headers.get('x-orca-fallback-level')).toBeNull();
    const chunks = await streamChunks(response);
    expect(chunks.every((chunk) => chunk.model === 'anthropic/claude-sonnet-4.6')).toBe(true);
  });
});

describe('temperature rejected by the providers behind a router', () => {
  it.each([
    'anthropic/claude-opus-4.7',
    'claude-opus-4-7',
    'anthropic/claude-sonnet-5',
    'deepseek/deepseek-r1',
    'deepseek-reasoner',
  ])('%s: 400 unsupported_value for temperature 0.7', async (model) => {
    const response = await chat('/v1/chat/completions', { model, temperature: 0.7 });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message:
          "Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported.",
        type: 'invalid_request_error',
        param: 'temperature',
        code: 'unsupported_value',
      },
    });
  });

  it.each([
    ['anthropic/claude-opus-4.7', { temperature: 1, max_tokens: 100 }],
    ['anthropic/claude-opus-4.6', { temperature: 0.7 }],
    ['deepseek-chat', { temperature: 0.7 }],
    ['meta-llama/llama-3.3-70b-instruct:free', { temperature: 0.7, max_tokens: 100 }],
  ])('accepts %s with %o', async (model, parameters) => {
    const response = await chat('/v1/chat/completions', { model, ...parameters });
    expect(response.status).toBe(200);
  });
});

describe('Ollama <think> tags', () => {
  it('streams the reasoning inline in content, with the tags split across chunks', async () => {
    const chunks = await streamChunks(
      await chat('/v1/chat/completions', { model: 'qwen3-think-tags', stream: true }),
    );
    const pieces = contents(chunks);
    expect(pieces.slice(0, 2)).toEqual(['<thi', 'nk>\n']);
    expect(pieces).toContain('\n</th');
    expect(pieces).toContain('ink>\n\n');
    expect(pieces.some((piece) => piece.includes('<think>') || piece.includes('</think>'))).toBe(
      false,
    );
    expect(pieces.join('')).toBe(`<think>\n${REASONING}\n</think>\n\n${ANSWER}`);
    expect(chunks.some((chunk) => chunk.choices?.[0]?.delta.reasoning !== undefined)).toBe(false);
  });

  it('puts the tags in the content of a non-streaming answer', async () => {
    const response = await chat('/v1/chat/completions', { model: 'mock/think-tags' });
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toBe(`<think>\n${REASONING}\n</think>\n\n${ANSWER}`);
  });
});

describe('Azure legacy deployments', () => {
  const path = '/openai/deployments/my-gpt/chat/completions';

  it('starts with a prompt-filter chunk and names the deployment as the model', async () => {
    const response = await chat(`${path}?api-version=2024-10-21`, {
      model: 'ignored',
      stream: true,
    });
    const chunks = await streamChunks(response);
    expect(chunks[0]).toMatchObject({ choices: [], model: '', id: '' });
    expect(chunks[0]?.prompt_filter_results).toHaveLength(1);
    expect(chunks.slice(1).every((chunk) => chunk.model === 'my-gpt')).toBe(true);
    expect(contents(chunks).join('')).toBe(ANSWER);
    expect(upstream.lastRequest()?.query).toEqual({ 'api-version': '2024-10-21' });
  });

  it('answers a non-streaming request with prompt_filter_results', async () => {
    const response = await chat(`${path}?api-version=2024-10-21`, {});
    const body = (await response.json()) as { model: string; prompt_filter_results: unknown[] };
    expect(body.model).toBe('my-gpt');
    expect(body.prompt_filter_results).toHaveLength(1);
  });

  it('answers 404 DeploymentNotFound without api-version', async () => {
    const response = await chat(path, { stream: true });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('DeploymentNotFound');
  });

  describe('with accepted keys', () => {
    let guarded: MockUpstream;
    beforeAll(async () => {
      guarded = await startMockUpstream({ acceptedKeys: ['azure-key'] });
    });
    afterAll(() => guarded.close());

    it.each([
      ['azure-key', 200],
      ['wrong-key', 401],
    ])('api-key %s gets %i', async (key, status) => {
      const response = await postJson(
        `${guarded.url}${path}?api-version=2024-10-21`,
        { messages: [] },
        { 'api-key': key },
      );
      expect(response.status).toBe(status);
      if (status === 401) expect(((await response.json()) as ErrorBody).error.code).toBe('401');
    });
  });
});
