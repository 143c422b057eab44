import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from './server.mjs';
import { ANSWER, REASONING, parseSseEvents, postJson } from './test-support';

interface AnthropicEvent {
  type: string;
  index?: number;
  message?: {
    id: string;
    model: string;
    usage: { input_tokens: number; output_tokens: number };
  };
  content_block?: Record<string, unknown> & { type: string };
  delta?: Record<string, unknown> & { type?: string; stop_reason?: string };
  usage?: { input_tokens: number; output_tokens: number };
  error?: { type: string; message: string };
}

interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id: string;
}

let upstream: MockUpstream;

beforeAll(async () => {
  upstream = await startMockUpstream();
});

afterAll(async () => {
  await upstream.close();
});

const HEADERS = { 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant-test' };

function messages(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return postJson(
    `${upstream.url}/v1/messages`,
    { max_tokens: 4096, messages: [{ role: 'user', content: 'hi there' }], ...body },
    { ...HEADERS, ...headers },
  );
}

async function streamMessages(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await messages({ stream: true, ...body }, headers);
  expect(response.status).toBe(200);
  const text = await response.text();
  const events = parseSseEvents(text).map((event) => ({
    name: event.event,
    data: JSON.parse(event.data) as AnthropicEvent,
  }));
  return { response, text, events, names: events.map((event) => event.name) };
}

function deltas(events: { data: AnthropicEvent }[], type: string) {
  return events.map((event) => event.data.delta).filter((delta) => delta?.type === type);
}

function joinedText(events: { data: AnthropicEvent }[], type: string, field: string) {
  return deltas(events, type)
    .map((delta) => delta?.[field])
    .join('');
}

describe('Anthropic Messages streaming', () => {
  it('frames every event with matching event: and data: lines, and ends with message_stop', async () => {
    const { response, text, events, names } = await streamMessages({ model: 'claude-haiku-4-5' });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('request-id')).toMatch(/^req_mock_\d+$/);
    expect(events.every((event) => event.name === event.data.type)).toBe(true);
    expect(
      text
        .split('\n\n')
        .filter(Boolean)
        .every((block) => block.startsWith('event: ')),
    ).toBe(true);
    expect(names.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping']);
    expect(names.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(text).not.toContain('[DONE]');

    expect(events[1]?.data.content_block).toEqual({ type: 'text', text: '' });
    expect(joinedText(events, 'text_delta', 'text')).toBe(ANSWER);
    // A second ping sits between two deltas.
    const midPing = names.indexOf('ping', 3);
    expect(names[midPing - 1]).toBe('content_block_delta');
    expect(names[midPing + 1]).toBe('content_block_delta');
  });

  it('reports input tokens on message_start and the cumulative output on message_delta', async () => {
    const { events } = await streamMessages({ model: 'claude-haiku-4-5' });
    const start = events[0]?.data.message;
    expect(start?.id).toMatch(/^msg_mock\d+$/);
    expect(start?.model).toBe('claude-haiku-4-5');
    expect(start?.usage.input_tokens).toBeGreaterThan(0);
    const messageDelta = events.find((event) => event.name === 'message_delta')?.data;
    expect(messageDelta?.delta).toEqual({ stop_reason: 'end_turn', stop_sequence: null });
    expect(messageDelta?.usage?.output_tokens).toBe(deltas(events, 'text_delta').length);
    expect(messageDelta?.usage?.input_tokens).toBe(start?.usage.input_tokens);
  });

  it('streams a thinking block with a signature before the text block', async () => {
    const { response, events, names } = await streamMessages({ model: 'claude-sonnet-4-5' });
    const sequence = response.headers.get('x-request-id')?.replace('req_mock_', '');
    expect(events[1]?.data).toEqual({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'thinking', thinking: '', signature: '' },
    });
    expect(names[2]).toBe('ping');
    expect(joinedText(events, 'thinking_delta', 'thinking')).toBe(REASONING);
    const blockZero = events.filter((event) => event.data.index === 0);
    expect(blockZero.at(-2)?.data.delta).toEqual({
      type: 'signature_delta',
      signature: `sig_mock_${sequence}`,
    });
    expect(blockZero.at(-1)?.name).toBe('content_block_stop');
    const textStart = events.find((event) => event.data.content_block?.type === 'text');
    expect(textStart?.data.index).toBe(1);
    expect(joinedText(events, 'text_delta', 'text')).toBe(ANSWER);
    const usage = events.find((event) => event.name === 'message_delta')?.data.usage;
    expect(usage?.output_tokens).toBe(
      deltas(events, 'thinking_delta').length + deltas(events, 'text_delta').length,
    );
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['claude-opus-4-1', {}, {}],
    ['mock/think', {}, {}],
    ['claude-3-5-haiku', { thinking: { type: 'enabled', budget_tokens: 1024 } }, {}],
    ['claude-haiku-4-5', {}, { 'x-mock-scenario': 'reasoning' }],
  ])('thinks for %s %o %o', async (model, extra, headers) => {
    const { events } = await streamMessages({ model, ...extra }, headers);
    expect(joinedText(events, 'thinking_delta', 'thinking')).toBe(REASONING);
  });

  it('does not think when the request turns thinking off', async () => {
    const { events } = await streamMessages({
      model: 'claude-sonnet-4-5',
      thinking: { type: 'disabled' },
    });
    expect(deltas(events, 'thinking_delta')).toHaveLength(0);
    expect(events[1]?.data.content_block?.type).toBe('text');
  });

  it('streams a tool_use block with input_json_delta fragments and stop_reason tool_use', async () => {
    const { events } = await streamMessages({ model: 'mock/tool-call' });
    const toolStart = events.find((event) => event.data.content_block?.type === 'tool_use');
    expect(toolStart?.data.content_block).toMatchObject({
      name: 'get_weather',
      input: {},
      id: expect.stringMatching(/^toolu_mock\d+$/),
    });
    const fragments = deltas(events, 'input_json_delta').map((delta) => delta?.partial_json);
    expect(fragments[0]).toBe('');
    expect(JSON.parse(fragments.join(''))).toEqual({ city: 'Paris' });
    const messageDelta = events.find((event) => event.name === 'message_delta')?.data;
    expect(messageDelta?.delta?.stop_reason).toBe('tool_use');
    expect(events.at(-1)?.name).toBe('message_stop');
  });

  it('sends x-mock-chunks text deltas', async () => {
    const { events } = await streamMessages(
      { model: 'claude-haiku-4-5' },
      { 'x-mock-chunks': '7' },
    );
    expect(deltas(events, 'text_delta')).toHaveLength(7);
  });
});

describe('Anthropic failures', () => {
  it.each([
    [401, 'authentication_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [529, 'overloaded_error'],
  ])('error-%i answers with Anthropic error type %s', async (status, type) => {
    const response = await messages({ model: `mock/error-${status}`, stream: true });
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBe(status === 429 ? '7' : null);
    const body = (await response.json()) as AnthropicErrorBody;
    expect(body).toEqual({
      type: 'error',
      error: { type, message: expect.any(String) },
      request_id: response.headers.get('request-id'),
    });
  });

  it('ends with event: error after a few deltas, without message_stop', async () => {
    const { events, names } = await streamMessages({ model: 'mock/mid-stream-error' });
    expect(deltas(events, 'text_delta')).toHaveLength(3);
    expect(events.at(-1)).toEqual({
      name: 'error',
      data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    });
    expect(names).not.toContain('message_stop');
  });

  it('truncates: some deltas, then the body ends with no message_delta or message_stop', async () => {
    const { events, names } = await streamMessages(
      { model: 'claude-haiku-4-5' },
      { 'x-mock-scenario': 'truncated', 'x-mock-chunks': '5' },
    );
    expect(deltas(events, 'text_delta')).toHaveLength(5);
    expect(names).not.toContain('message_delta');
    expect(names).not.toContain('message_stop');
  });

  it('refuses an unknown scenario header in the Anthropic shape', async () => {
    const response = await messages({ model: 'claude-haiku-4-5' }, { 'x-mock-scenario': 'nope' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as AnthropicErrorBody;
    expect(body.error.type).toBe('invalid_request_error');
  });
});

describe('Anthropic non-streaming answers', () => {
  it('returns a message with thinking and text blocks and usage', async () => {
    const response = await messages({ model: 'claude-sonnet-4-5' });
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_mock_\d+$/);
    expect(await response.json()).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'thinking', thinking: REASONING, signature: expect.stringMatching(/^sig_mock_/) },
        { type: 'text', text: ANSWER },
      ],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    });
  });

  it('returns the whole tool_use block', async () => {
    const response = await messages({ model: 'mock/tool-call' });
    const body = (await response.json()) as { content: unknown[]; stop_reason: string };
    expect(body.stop_reason).toBe('tool_use');
    expect(body.content.at(-1)).toMatchObject({
      type: 'tool_use',
      name: 'get_weather',
      input: { city: 'Paris' },
    });
  });
});

describe('Anthropic request validation', () => {
  async function expectInvalid(body: Record<string, unknown>, message: RegExp) {
    const response = await postJson(`${upstream.url}/v1/messages`, body, HEADERS);
    expect(response.status).toBe(400);
    const error = (await response.json()) as AnthropicErrorBody;
    expect(error.error.type).toBe('invalid_request_error');
    expect(error.error.message).toMatch(message);
    expect(error.request_id).toMatch(/^req_mock_\d+$/);
  }
  const base = { messages: [{ role: 'user', content: 'hi' }] };

  it('requires max_tokens', async () => {
    await expectInvalid({ ...base, model: 'claude-haiku-4-5' }, /^max_tokens: Field required$/);
  });

  it('requires budget_tokens below max_tokens', async () => {
    await expectInvalid(
      {
        ...base,
        model: 'claude-sonnet-4-5',
        max_tokens: 2000,
        thinking: { type: 'enabled', budget_tokens: 2000 },
      },
      /max_tokens.*must be greater than.*thinking\.budget_tokens/,
    );
  });

  it.each(['claude-opus-4-7', 'anthropic/claude-opus-4.7', 'claude-opus-4-8', 'claude-sonnet-5'])(
    'refuses a temperature other than 1 for %s',
    async (model) => {
      await expectInvalid(
        { ...base, model, max_tokens: 100, temperature: 0.5 },
        /temperature.*not supported/,
      );
    },
  );

  it('refuses temperature and top_k with thinking on', async () => {
    const thinking = { type: 'enabled', budget_tokens: 1024 };
    const model = 'claude-sonnet-4-5';
    await expectInvalid(
      { ...base, model, max_tokens: 2048, thinking, temperature: 0.7 },
      /temperature.*may only be set to 1/,
    );
    await expectInvalid({ ...base, model, max_tokens: 2048, thinking, top_k: 5 }, /top_k/);
  });

  it.each([
    ['claude-opus-4-7', { temperature: 1 }],
    ['claude-opus-4-1', { temperature: 0.5 }],
    ['claude-opus-4-20250514', { temperature: 0.5, top_k: 10 }],
    ['claude-sonnet-4-5', { thinking: { type: 'enabled', budget_tokens: 1024 }, temperature: 1 }],
  ])('accepts %s with %o', async (model, extra) => {
    const response = await messages({ model, ...extra });
    expect(response.status).toBe(200);
  });
});

describe('Anthropic models, keys and OrcaRouter', () => {
  it('lists models in the paginated shape', async () => {
    const response = await fetch(`${upstream.url}/v1/models`, { headers: HEADERS });
    const body = (await response.json()) as {
      data: { type: string; id: string; display_name: string; created_at: string }[];
      has_more: boolean;
      first_id: string;
      last_id: string;
    };
    expect(body.has_more).toBe(false);
    expect(body.data.every((model) => model.type === 'model')).toBe(true);
    expect(body.data[0]).toEqual({
      type: 'model',
      id: 'claude-opus-4-7',
      display_name: 'Claude Opus 4.7',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(body.first_id).toBe(body.data[0]?.id);
    expect(body.last_id).toBe(body.data.at(-1)?.id);

    const page = await fetch(`${upstream.url}/v1/models?limit=2`, { headers: HEADERS });
    const paged = (await page.json()) as { data: unknown[]; has_more: boolean };
    expect(paged.data).toHaveLength(2);
    expect(paged.has_more).toBe(true);
  });

  it('resolves orcarouter/auto and says so in headers', async () => {
    const { response, events } = await streamMessages({ model: 'orcarouter/auto' });
    expect(response.headers.get('x-orca-router')).toBe('auto');
    expect(response.headers.get('x-orca-resolved-model')).toBe('anthropic/claude-sonnet-4.6');
    expect(events[0]?.data.message?.model).toBe('anthropic/claude-sonnet-4.6');
  });

  describe('with accepted keys', () => {
    let guarded: MockUpstream;
    beforeAll(async () => {
      guarded = await startMockUpstream({ acceptedKeys: ['sk-ant-good'] });
    });
    afterAll(() => guarded.close());

    it.each([
      [{ 'x-api-key': 'sk-ant-wrong' }, 401],
      [{}, 401],
      [{ 'x-api-key': 'sk-ant-good' }, 200],
      [{ authorization: 'Bearer sk-ant-good' }, 200],
    ])('answers %o with %i', async (headers, status) => {
      const response = await postJson(
        `${guarded.url}/v1/messages`,
        { model: 'claude-haiku-4-5', max_tokens: 10, messages: [] },
        { 'anthropic-version': '2023-06-01', ...headers },
      );
      expect(response.status).toBe(status);
      if (status === 401) {
        const body = (await response.json()) as AnthropicErrorBody;
        expect(body.error.type).toBe('authentication_error');
      }
    });
  });
});
