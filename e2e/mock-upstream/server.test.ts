import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream, type RecordedRequest } from './server.mjs';

interface ToolCallDelta {
  index: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

interface ChunkDelta {
  role?: string;
  content?: string | null;
  reasoning?: string;
  reasoning_content?: string | null;
  reasoning_details?: { type: string; text: string; format: string; index: number }[];
  tool_calls?: ToolCallDelta[];
}

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details: { reasoning_tokens: number };
  cost?: number;
}

interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  provider?: string;
  /** Absent on an OpenAI mid-stream error event. */
  choices?: {
    index: number;
    delta: ChunkDelta;
    finish_reason: string | null;
    native_finish_reason?: string | null;
  }[];
  usage?: Usage;
  error?: { message: string; type?: string; code: number | string | null };
}

interface SseStream {
  text: string;
  comments: string[];
  /** Parsed data events, without [DONE]. */
  chunks: Chunk[];
  endsWithDone: boolean;
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

beforeEach(() => {
  upstream.reset();
});

function chat(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${upstream.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi there' }], ...body }),
  });
}

function parseSse(text: string): SseStream {
  const blocks = text.split('\n\n').filter((block) => block !== '');
  const comments = blocks
    .filter((block) => block.startsWith(':'))
    .map((block) => block.slice(1).trim());
  const data = blocks.filter((block) => block.startsWith('data: ')).map((block) => block.slice(6));
  return {
    text,
    comments,
    chunks: data.filter((item) => item !== '[DONE]').map((item) => JSON.parse(item) as Chunk),
    endsWithDone: text.endsWith('data: [DONE]\n\n'),
  };
}

async function streamChat(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await chat({ stream: true, ...body }, headers);
  expect(response.status).toBe(200);
  return parseSse(await response.text());
}

function joined(chunks: Chunk[], pick: (delta: ChunkDelta) => string | null | undefined) {
  return chunks.map((chunk) => pick(chunk.choices?.[0]?.delta ?? {}) ?? '').join('');
}

function contentDeltas(chunks: Chunk[]) {
  return chunks.filter((chunk) => {
    const content = chunk.choices?.[0]?.delta.content;
    return typeof content === 'string' && content !== '';
  });
}

async function getStats() {
  const response = await fetch(`${upstream.url}/__mock/stats`);
  return (await response.json()) as { open: number; aborted: number; completed: number };
}

/** Polls the stats a bounded number of times until the condition holds. */
async function waitForStats(condition: (stats: Awaited<ReturnType<typeof getStats>>) => boolean) {
  let stats = await getStats();
  for (let attempt = 0; attempt < 100 && !condition(stats); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    stats = await getStats();
  }
  return stats;
}

const ANSWER = 'Hello from the mock upstream. You said: hi there. ✓';
const REASONING = 'The user said "hi there". I should answer briefly.';

describe('plain text streaming', () => {
  it('streams OpenAI chunks that add up to the answer and ends with [DONE]', async () => {
    const response = await chat({ model: 'gpt-4.1-mini', stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-request-id')).toMatch(/^req_mock_\d+$/);
    const stream = parseSse(await response.text());

    const [first] = stream.chunks;
    expect(first).toMatchObject({
      object: 'chat.completion.chunk',
      model: 'gpt-4.1-mini',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    expect(first?.id).toMatch(/^chatcmpl-mock\d+$/);
    expect(stream.chunks.every((chunk) => chunk.id === first?.id)).toBe(true);
    expect(joined(stream.chunks, (delta) => delta.content)).toBe(ANSWER);
    expect(contentDeltas(stream.chunks).length).toBeGreaterThan(5);
    expect(stream.chunks.at(-1)?.choices?.[0]).toEqual({
      index: 0,
      delta: {},
      finish_reason: 'stop',
    });
    expect(stream.chunks.some((chunk) => chunk.usage !== undefined)).toBe(false);
    expect(stream.endsWithDone).toBe(true);
  });

  it('sends the usage chunk with empty choices before [DONE] when include_usage is set', async () => {
    const stream = await streamChat({
      model: 'gpt-4.1-mini',
      stream_options: { include_usage: true },
    });
    const usageChunk = stream.chunks.at(-1);
    expect(usageChunk?.choices).toEqual([]);
    expect(usageChunk?.usage).toMatchObject({
      completion_tokens: contentDeltas(stream.chunks).length,
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(usageChunk?.usage?.total_tokens).toBe(
      (usageChunk?.usage?.prompt_tokens ?? 0) + (usageChunk?.usage?.completion_tokens ?? 0),
    );
    expect(stream.chunks.at(-2)?.choices?.[0]?.finish_reason).toBe('stop');
    expect(stream.endsWithDone).toBe(true);
  });

  it('answers the last user message and reads the text parts of array content', async () => {
    const stream = await streamChat({
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
            { type: 'text', text: 'this?' },
          ],
        },
      ],
    });
    expect(joined(stream.chunks, (delta) => delta.content)).toBe(
      'Hello from the mock upstream. You said: what is this?. ✓',
    );
  });

  it('uses the slow pacing for a model whose name contains "slow"', async () => {
    const started = Date.now();
    const stream = await streamChat({ model: 'mock/slow' }, { 'x-mock-chunks': '2' });
    expect(contentDeltas(stream.chunks)).toHaveLength(2);
    // role, 2 deltas, finish, [DONE]: four pauses of 150 ms between five events.
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });
});

describe('non-streaming answers', () => {
  it('returns a chat.completion with the answer and usage', async () => {
    const response = await chat({ model: 'gpt-4.1-mini' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4.1-mini',
      choices: [
        { index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' },
      ],
      usage: { completion_tokens_details: { reasoning_tokens: 0 } },
    });
  });

  it.each([
    ['mock/reasoning', 'reasoning'],
    ['deepseek-reasoner', 'reasoning_content'],
    ['mock/reasoning-details', 'reasoning'],
  ])('puts the reasoning of %s in message.%s', async (model, field) => {
    const response = await chat({ model });
    const body = (await response.json()) as {
      choices: { message: Record<string, unknown> }[];
      usage: Usage;
    };
    expect(body.choices[0]?.message[field]).toBe(REASONING);
    expect(body.choices[0]?.message.content).toBe(ANSWER);
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('returns the whole tool call with finish_reason tool_calls', async () => {
    const response = await chat({ model: 'mock/tool-call' });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      choices: [
        {
          message: {
            tool_calls: [
              {
                id: 'call_mock_1',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
              },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    });
  });
});

describe('reasoning streams', () => {
  it('OpenRouter: processing comment, reasoning twice over, usage with cost after the finish chunk', async () => {
    const stream = await streamChat({ model: 'mock/reasoning-details' });
    expect(stream.text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
    expect(stream.chunks.every((chunk) => chunk.provider === 'Mock')).toBe(true);

    const reasoningChunks = stream.chunks.filter((chunk) => chunk.choices?.[0]?.delta.reasoning);
    expect(reasoningChunks.length).toBeGreaterThan(3);
    for (const chunk of reasoningChunks) {
      const delta = chunk.choices?.[0]?.delta;
      expect(delta?.reasoning_details).toEqual([
        { type: 'reasoning.text', text: delta?.reasoning, format: 'anthropic-claude-v1', index: 0 },
      ]);
    }
    expect(joined(stream.chunks, (delta) => delta.reasoning)).toBe(REASONING);
    expect(joined(stream.chunks, (delta) => delta.content)).toBe(ANSWER);

    const finish = stream.chunks.at(-2);
    expect(finish?.choices?.[0]).toMatchObject({
      finish_reason: 'stop',
      native_finish_reason: 'stop',
    });
    const usageChunk = stream.chunks.at(-1);
    expect(usageChunk?.choices).toHaveLength(1);
    expect(usageChunk?.choices?.[0]?.finish_reason).toBeNull();
    expect(usageChunk?.usage?.cost).toBeGreaterThan(0);
    expect(stream.endsWithDone).toBe(true);
  });

  it('DeepSeek: reasoning_content with null content, keep-alive, usage on the finish chunk', async () => {
    const stream = await streamChat({ model: 'deepseek-reasoner' });
    expect(stream.comments).toContain('keep-alive');
    const reasoningChunks = stream.chunks.filter(
      (chunk) => chunk.choices?.[0]?.delta.reasoning_content,
    );
    expect(reasoningChunks.length).toBeGreaterThan(3);
    expect(reasoningChunks.every((chunk) => chunk.choices?.[0]?.delta.content === null)).toBe(true);
    const answerChunks = contentDeltas(stream.chunks);
    expect(
      answerChunks.every((chunk) => chunk.choices?.[0]?.delta.reasoning_content === null),
    ).toBe(true);
    expect(joined(stream.chunks, (delta) => delta.reasoning_content)).toBe(REASONING);
    expect(joined(stream.chunks, (delta) => delta.content)).toBe(ANSWER);

    const finish = stream.chunks.at(-1);
    expect(finish?.choices?.[0]?.finish_reason).toBe('stop');
    expect(finish?.usage?.completion_tokens_details.reasoning_tokens).toBe(reasoningChunks.length);
    expect(stream.endsWithDone).toBe(true);
  });

  it.each(['deepseek/deepseek-r1', 'openai/gpt-5.1', 'qwen3-think', 'openai/o3', 'o4-mini'])(
    'streams delta.reasoning before the answer for %s',
    async (model) => {
      const stream = await streamChat({ model });
      expect(joined(stream.chunks, (delta) => delta.reasoning)).toBe(REASONING);
      expect(joined(stream.chunks, (delta) => delta.content)).toBe(ANSWER);
      const lastReasoning = stream.chunks.findLastIndex(
        (chunk) => chunk.choices?.[0]?.delta.reasoning,
      );
      const firstContent = stream.chunks.indexOf(contentDeltas(stream.chunks)[0] as Chunk);
      expect(lastReasoning).toBeLessThan(firstContent);
      expect(stream.endsWithDone).toBe(true);
    },
  );

  it('lets the x-mock-scenario header override the model name', async () => {
    const stream = await streamChat(
      { model: 'gpt-4.1-mini' },
      { 'x-mock-scenario': 'reasoning-content' },
    );
    expect(joined(stream.chunks, (delta) => delta.reasoning_content)).toBe(REASONING);
  });
});

describe('tool calls', () => {
  it('streams a tool call at index 1 with its arguments in three fragments', async () => {
    const stream = await streamChat({ model: 'mock/tool-call' });
    const toolDeltas = stream.chunks.flatMap((chunk) => chunk.choices?.[0]?.delta.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({
      index: 1,
      id: 'call_mock_1',
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(toolDeltas.every((delta) => delta.index === 1)).toBe(true);
    const fragments = toolDeltas.slice(1).map((delta) => delta.function?.arguments);
    expect(fragments).toEqual(['{"', 'city":"Par', 'is"}']);
    expect(JSON.parse(fragments.join(''))).toEqual({ city: 'Paris' });
    expect(joined(stream.chunks, (delta) => delta.content)).not.toBe('');
    expect(stream.chunks.at(-1)?.choices?.[0]?.finish_reason).toBe('tool_calls');
    expect(stream.endsWithDone).toBe(true);
  });
});

describe('failures', () => {
  it.each([
    [401, 'invalid_request_error', 'invalid_api_key'],
    [402, 'insufficient_quota', 'insufficient_quota'],
    [429, 'rate_limit_exceeded', 'rate_limit_exceeded'],
    [500, 'server_error', 'server_error'],
    [503, 'server_error', 'server_error'],
  ])('mock/error-%i answers with that status and an OpenAI error', async (status, type, code) => {
    const response = await chat({ model: `mock/error-${status}`, stream: true });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_mock_\d+$/);
    expect(response.headers.get('retry-after')).toBe(status === 429 ? '7' : null);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ type, code, param: null });
    expect(body.error.message).not.toBe('');
  });

  it('picks the error status from the x-mock-scenario header too', async () => {
    const response = await chat({ model: 'gpt-4.1-mini' }, { 'x-mock-scenario': 'error-429' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('answers OpenRouter moderation errors in the OpenRouter shape', async () => {
    const response = await chat({ model: 'mock/openrouter-error-403' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 403,
        message: expect.any(String),
        metadata: {
          reasons: ['violence'],
          flagged_input: 'hi there',
          provider_name: 'Mock',
          model_slug: 'mock',
        },
      },
    });
  });

  it('answers OpenRouter 402 with the credits message', async () => {
    const response = await chat({ model: 'mock/openrouter-error-402' });
    expect(response.status).toBe(402);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(402);
    expect(body.error.message).toBe(
      'Insufficient credits. Add more using https://openrouter.ai/credits',
    );
  });

  it('ends an OpenAI stream with an error event and no [DONE]', async () => {
    const stream = await streamChat({ model: 'mock/mid-stream-error' });
    expect(contentDeltas(stream.chunks)).toHaveLength(3);
    expect(stream.chunks.at(-1)).toEqual({
      error: {
        message: 'The server had an error while processing your request.',
        type: 'server_error',
        param: null,
        code: null,
      },
    });
    expect(stream.text).not.toContain('[DONE]');
  });

  it('ends an OpenRouter stream with an error chunk whose finish_reason is "error"', async () => {
    const stream = await streamChat({ model: 'mock/openrouter-mid-stream-error' });
    expect(stream.comments).toContain('OPENROUTER PROCESSING');
    expect(contentDeltas(stream.chunks)).toHaveLength(3);
    const last = stream.chunks.at(-1);
    expect(last?.error?.code).toBe(502);
    expect(last?.choices?.[0]?.finish_reason).toBe('error');
    expect(stream.text).not.toContain('[DONE]');
  });

  it('truncates a stream: some deltas, then the body ends without finish or [DONE]', async () => {
    const stream = await streamChat({ model: 'mock/truncated' }, { 'x-mock-chunks': '5' });
    expect(contentDeltas(stream.chunks)).toHaveLength(5);
    expect(stream.chunks.some((chunk) => chunk.choices?.[0]?.finish_reason)).toBe(false);
    expect(stream.text).not.toContain('[DONE]');
  });

  it('drops the connection mid-stream for connection-reset', async () => {
    const response = await chat({ model: 'mock/connection-reset', stream: true });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('rejects an unknown scenario header instead of silently answering', async () => {
    const response = await chat({ model: 'gpt-4.1-mini' }, { 'x-mock-scenario': 'reasonign' });
    expect(response.status).toBe(400);
  });
});

describe('parameter validation for reasoning models', () => {
  it('rejects max_tokens with the exact OpenAI body', async () => {
    const response = await chat({ model: 'openai/gpt-5.1', max_tokens: 100 });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    });
  });

  it('rejects a temperature other than 1 with the exact OpenAI body', async () => {
    const response = await chat({ model: 'o3-mini', temperature: 0.7, stream: true });
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
    ['openai/gpt-5.1', { temperature: 1, max_completion_tokens: 100 }],
    ['gpt-5-chat-latest', { temperature: 0.7, max_tokens: 100 }],
    ['gpt-4.1-mini', { temperature: 0.7, max_tokens: 100 }],
  ])('accepts %s with %o', async (model, parameters) => {
    const response = await chat({ model, ...parameters });
    expect(response.status).toBe(200);
  });
});

describe('request checks and other routes', () => {
  it('answers malformed JSON with a 400 OpenAI error', async () => {
    const response = await fetch(`${upstream.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": "gpt-4.1-mini",',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.type).toBe('invalid_request_error');
    expect(upstream.lastRequest()?.rawBody).toBe('{"model": "gpt-4.1-mini",');
    expect(upstream.lastRequest()?.body).toBeNull();
  });

  // `/api/v1/models` is OpenRouter's base and gets its rich list (openai-dialect.test.ts).
  it.each(['/v1/models', '/models'])('lists models at %s', async (path) => {
    const response = await fetch(`${upstream.url}${path}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      object: string;
      data: { id: string; object: string }[];
    };
    expect(body.object).toBe('list');
    expect(body.data.map((model) => model.id)).toEqual(
      expect.arrayContaining(['gpt-4.1-mini', 'deepseek/deepseek-r1', 'openai/gpt-5.1']),
    );
    expect(body.data.every((model) => model.object === 'model')).toBe(true);
  });

  it('answers the OpenRouter key endpoint', async () => {
    const response = await fetch(`${upstream.url}/api/v1/key`);
    const body = (await response.json()) as { data: { label: string; usage: number } };
    expect(body.data.label).toMatch(/^sk-or-v1-/);
    expect(body.data.usage).toBe(0.12);
  });

  it('answers unknown routes with a 404 OpenAI error', async () => {
    const response = await fetch(`${upstream.url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      param: null,
      code: 'not_found',
    });
  });
});

describe('pacing', () => {
  it('sends exactly x-mock-chunks content deltas, repeating the answer', async () => {
    const stream = await streamChat({ model: 'gpt-4.1-mini' }, { 'x-mock-chunks': '40' });
    expect(contentDeltas(stream.chunks)).toHaveLength(40);
    expect(joined(stream.chunks, (delta) => delta.content).startsWith(ANSWER)).toBe(true);
    expect(stream.endsWithDone).toBe(true);
  });

  it('waits x-mock-first-byte-delay-ms before sending the headers', async () => {
    const started = Date.now();
    const response = await chat(
      { model: 'gpt-4.1-mini', stream: true },
      { 'x-mock-first-byte-delay-ms': '200' },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(response.status).toBe(200);
    await response.text();
  });

  it('reads the chunk count from the model name when no header says otherwise', async () => {
    const stream = await streamChat({ model: 'mock/bench-chunks-25-delay-0' });
    expect(contentDeltas(stream.chunks)).toHaveLength(25);
    expect(stream.endsWithDone).toBe(true);
  });

  it('rejects a malformed pacing header', async () => {
    const response = await chat({ model: 'gpt-4.1-mini' }, { 'x-mock-chunks': 'many' });
    expect(response.status).toBe(400);
  });

  it('stops writing and counts an abort when the client goes away', async () => {
    const controller = new AbortController();
    const response = await fetch(`${upstream.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'x-mock-chunks': '1000', 'x-mock-chunk-delay-ms': '20' },
      body: JSON.stringify({ model: 'gpt-4.1-mini', stream: true, messages: [] }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(first?.done).toBe(false);
    expect((await getStats()).open).toBe(1);

    controller.abort();
    await expect(reader?.read()).rejects.toThrow();
    const stats = await waitForStats((current) => current.aborted === 1 && current.open === 0);
    expect(stats).toEqual({ open: 0, aborted: 1, completed: 0 });
  });
});

describe('control endpoints', () => {
  it('records requests with lower-case headers, query and parsed body', async () => {
    await fetch(`${upstream.url}/api/v1/chat/completions?trace=on`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk-test',
        'HTTP-Referer': 'https://parley.example',
        'X-Title': 'Parley',
      },
      body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [] }),
    });
    const response = await fetch(`${upstream.url}/__mock/last-request`);
    const recorded = (await response.json()) as RecordedRequest;
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/api/v1/chat/completions',
      query: { trace: 'on' },
      body: { model: 'gpt-4.1-mini', messages: [] },
    });
    expect(recorded.headers).toMatchObject({
      authorization: 'Bearer sk-test',
      'http-referer': 'https://parley.example',
      'x-title': 'Parley',
    });
    expect(recorded.receivedAt).toBeGreaterThan(0);
  });

  it('lists, counts and resets without recording its own requests', async () => {
    await chat({ model: 'gpt-4.1-mini' });
    await fetch(`${upstream.url}/v1/models`);
    await getStats();

    const listed = (await (
      await fetch(`${upstream.url}/__mock/requests`)
    ).json()) as RecordedRequest[];
    expect(listed.map((request) => request.path)).toEqual(['/v1/chat/completions', '/v1/models']);
    expect(await getStats()).toEqual({ open: 0, aborted: 0, completed: 1 });

    const reset = await fetch(`${upstream.url}/__mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect(upstream.requests()).toEqual([]);
    expect(await getStats()).toEqual({ open: 0, aborted: 0, completed: 0 });
    const last = await fetch(`${upstream.url}/__mock/last-request`);
    expect(last.status).toBe(404);
  });
});

describe('with accepted keys', () => {
  let guarded: MockUpstream;

  beforeAll(async () => {
    guarded = await startMockUpstream({ acceptedKeys: ['sk-good-1', 'sk-good-2'] });
  });

  afterAll(async () => {
    await guarded.close();
  });

  it('answers 401 without echoing the key, and records the request anyway', async () => {
    const response = await fetch(`${guarded.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-wrong-secret-key' },
      body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [] }),
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain('sk-wrong-secret-key');
    expect(JSON.parse(text)).toEqual({
      error: {
        message: 'Incorrect API key provided.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    expect(guarded.lastRequest()?.headers.authorization).toBe('Bearer sk-wrong-secret-key');
  });

  it('accepts any of the keys', async () => {
    const response = await fetch(`${guarded.url}/v1/models`, {
      headers: { authorization: 'Bearer sk-good-2' },
    });
    expect(response.status).toBe(200);
  });
});

describe('close', () => {
  it('resolves while a slow stream is still open', async () => {
    const server = await startMockUpstream();
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'mock/slow', stream: true, messages: [] }),
    });
    const reader = response.body?.getReader();
    await reader?.read();
    expect(server.stats().open).toBe(1);
    await server.close();
    await expect(reader?.read()).rejects.toThrow();
  });
});
