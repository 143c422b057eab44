import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from './server.mjs';
import { ANSWER, REASONING, parseSseEvents, postJson } from './test-support';

interface Part {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  functionCall?: { name: string; args: unknown };
}

interface GeminiChunk {
  candidates?: {
    content: { parts: Part[]; role: string };
    finishReason?: string;
    index: number;
  }[];
  usageMetadata?: {
    promptTokenCount: number;
    candidatesTokenCount: number;
    totalTokenCount: number;
    thoughtsTokenCount?: number;
  };
  modelVersion?: string;
  error?: { code: number; message: string; status: string; details?: unknown[] };
}

let upstream: MockUpstream;

beforeAll(async () => {
  upstream = await startMockUpstream();
});

afterAll(async () => {
  await upstream.close();
});

const CONTENTS = [{ role: 'user', parts: [{ text: 'hi there' }] }];

function generate(
  model: string,
  body: Record<string, unknown> = {},
  { method = 'streamGenerateContent?alt=sse', headers = {} as Record<string, string> } = {},
) {
  return postJson(
    `${upstream.url}/v1beta/models/${model}:${method}`,
    { contents: CONTENTS, ...body },
    { 'x-goog-api-key': 'AIza-test', ...headers },
  );
}

async function stream(
  model: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await generate(model, body, { headers });
  expect(response.status).toBe(200);
  const text = await response.text();
  const events = parseSseEvents(text);
  const chunks = events.map((event) => JSON.parse(event.data) as GeminiChunk);
  return { response, text, events, chunks };
}

function parts(chunks: GeminiChunk[]) {
  return chunks.flatMap((chunk) => chunk.candidates?.[0]?.content.parts ?? []);
}

function joined(chunks: GeminiChunk[], thought: boolean) {
  return parts(chunks)
    .filter((part) => (part.thought === true) === thought)
    .map((part) => part.text ?? '')
    .join('');
}

describe('Gemini streamGenerateContent', () => {
  it('sends whole responses as data-only events, usage on each, STOP on the last, no [DONE]', async () => {
    const { response, text, events, chunks } = await stream('gemini-2.0-flash');
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('[DONE]');
    expect(events.every((event) => event.event === undefined)).toBe(true);
    expect(joined(chunks, false)).toBe(ANSWER);

    expect(chunks.every((chunk) => chunk.usageMetadata !== undefined)).toBe(true);
    const counts = chunks.map((chunk) => chunk.usageMetadata?.candidatesTokenCount ?? -1);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(chunks.length);
    const finishReasons = chunks.map((chunk) => chunk.candidates?.[0]?.finishReason);
    expect(finishReasons.at(-1)).toBe('STOP');
    expect(finishReasons.slice(0, -1).every((reason) => reason === undefined)).toBe(true);
    expect(chunks[0]).toMatchObject({
      candidates: [{ content: { role: 'model' }, index: 0 }],
      modelVersion: 'gemini-2.0-flash',
    });
  });

  it('uses CRLF framing for a model containing crlf', async () => {
    const { text, chunks } = await stream('gemini-2.0-flash-crlf');
    expect(text).toMatch(/^data: \{.*\}\r\n\r\ndata: /);
    expect(text.endsWith('}\r\n\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(joined(chunks, false)).toBe(ANSWER);
  });

  it('streams thought parts first, then the answer, then a signature on an empty part', async () => {
    const { response, chunks } = await stream('gemini-2.5-pro');
    const sequence = response.headers.get('x-request-id')?.replace('req_mock_', '');
    const all = parts(chunks);
    const lastThought = all.findLastIndex((part) => part.thought === true);
    const firstAnswer = all.findIndex((part) => part.thought !== true);
    expect(lastThought).toBeLessThan(firstAnswer);
    expect(joined(chunks, true)).toBe(REASONING);
    expect(joined(chunks, false)).toBe(ANSWER);
    expect(chunks.at(-1)?.candidates?.[0]).toMatchObject({
      content: { parts: [{ text: '', thoughtSignature: `sig_mock_${sequence}` }] },
      finishReason: 'STOP',
    });
    const usage = chunks.at(-1)?.usageMetadata;
    expect(usage?.thoughtsTokenCount).toBe(all.filter((part) => part.thought).length);
    expect(usage?.totalTokenCount).toBe(
      (usage?.promptTokenCount ?? 0) +
        (usage?.candidatesTokenCount ?? 0) +
        (usage?.thoughtsTokenCount ?? 0),
    );
  });

  it.each([
    ['gemini-2.0-flash', { thinkingConfig: { includeThoughts: true } }, true],
    ['gemini-2.0-flash-thinking-exp', {}, true],
    ['gemini-2.5-pro', { thinkingConfig: { includeThoughts: false } }, false],
    ['gemini-2.5-flash', {}, false],
  ])('%s with %o thinks: %s', async (model, generationConfig, thinks) => {
    const { chunks } = await stream(model, { generationConfig });
    expect(joined(chunks, true)).toBe(thinks ? REASONING : '');
  });

  it('sends a whole functionCall part with object args', async () => {
    const { chunks } = await stream('mock-tool-call');
    const last = chunks.at(-1)?.candidates?.[0];
    expect(last?.content.parts).toEqual([
      { functionCall: { name: 'get_weather', args: { city: 'Paris' } } },
    ]);
    expect(last?.finishReason).toBe('STOP');
  });

  it('answers the text parts of the last user turn', async () => {
    const { chunks } = await stream('gemini-2.0-flash', {
      contents: [
        { role: 'user', parts: [{ text: 'first' }] },
        { role: 'model', parts: [{ text: 'answer' }] },
        { role: 'user', parts: [{ text: 'what is' }, { inlineData: {} }, { text: 'this?' }] },
      ],
    });
    expect(joined(chunks, false)).toBe('Hello from the mock upstream. You said: what is this?. ✓');
  });

  it('requires alt=sse', async () => {
    const response = await generate('gemini-2.0-flash', {}, { method: 'streamGenerateContent' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GeminiChunk;
    expect(body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
  });
});

describe('Gemini failures', () => {
  it.each([
    [400, 'INVALID_ARGUMENT'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
    [429, 'RESOURCE_EXHAUSTED'],
    [500, 'INTERNAL'],
    [503, 'UNAVAILABLE'],
  ])('error-%i answers with status %s', async (code, status) => {
    const response = await generate(`mock-error-${code}`);
    expect(response.status).toBe(code);
    const body = (await response.json()) as GeminiChunk;
    expect(body.error).toMatchObject({ code, status, message: expect.any(String) });
    if (code === 429) {
      expect(body.error?.details).toContainEqual(
        expect.objectContaining({ '@type': 'type.googleapis.com/google.rpc.RetryInfo' }),
      );
    }
  });

  it('sends an error event after a few chunks, with no finishReason', async () => {
    const { chunks } = await stream('mock-mid-stream-error');
    expect(chunks).toHaveLength(4);
    expect(chunks.at(-1)).toEqual({
      error: { code: 503, message: expect.any(String), status: 'UNAVAILABLE' },
    });
    expect(chunks.some((chunk) => chunk.candidates?.[0]?.finishReason)).toBe(false);
  });

  it('truncates: chunks without any finishReason, then the body ends', async () => {
    const { chunks } = await stream(
      'gemini-2.5-flash',
      {},
      {
        'x-mock-scenario': 'truncated',
        'x-mock-chunks': '5',
      },
    );
    expect(chunks).toHaveLength(5);
    expect(chunks.some((chunk) => chunk.candidates?.[0]?.finishReason)).toBe(false);
  });

  describe('with accepted keys', () => {
    let guarded: MockUpstream;
    beforeAll(async () => {
      guarded = await startMockUpstream({ acceptedKeys: ['AIza-good'] });
    });
    afterAll(() => guarded.close());

    function call(headers: Record<string, string>, query = '') {
      return postJson(
        `${guarded.url}/v1beta/models/gemini-2.5-flash:generateContent${query}`,
        { contents: CONTENTS },
        headers,
      );
    }

    it('answers a wrong key with 400 API_KEY_INVALID', async () => {
      const response = await call({ 'x-goog-api-key': 'AIza-wrong' });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
          details: [
            expect.objectContaining({
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
            }),
          ],
        },
      });
    });

    it('answers a missing key with 403, and accepts the header or ?key=', async () => {
      expect((await call({})).status).toBe(403);
      expect((await call({ 'x-goog-api-key': 'AIza-good' })).status).toBe(200);
      expect((await call({}, '?key=AIza-good')).status).toBe(200);
    });
  });
});

describe('Gemini generateContent and models', () => {
  it('returns one GenerateContentResponse with thoughts, answer and usage', async () => {
    const response = await generate('gemini-2.5-pro', {}, { method: 'generateContent' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              { text: REASONING, thought: true },
              { text: ANSWER, thoughtSignature: expect.stringMatching(/^sig_mock_/) },
            ],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { thoughtsTokenCount: expect.any(Number) },
      modelVersion: 'gemini-2.5-pro',
    });
  });

  it('lists models with the models/ prefix', async () => {
    const response = await fetch(`${upstream.url}/v1beta/models`, {
      headers: { 'x-goog-api-key': 'AIza-test' },
    });
    const body = (await response.json()) as {
      models: { name: string; supportedGenerationMethods: string[]; thinking?: boolean }[];
    };
    expect(body.models[0]).toMatchObject({
      name: 'models/gemini-2.5-flash',
      displayName: 'Gemini 2.5 Flash',
      inputTokenLimit: expect.any(Number),
      outputTokenLimit: expect.any(Number),
      supportedGenerationMethods: expect.arrayContaining(['streamGenerateContent']),
      thinking: true,
    });
    expect(body.models.every((model) => model.name.startsWith('models/'))).toBe(true);
  });
});
