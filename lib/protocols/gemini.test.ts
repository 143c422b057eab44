import { describe, expect, it } from 'vitest';
import { encode } from '@/lib/testing/byte-stream';
import { geminiProtocol } from './gemini';
import { decodeWith, expectSplitInvariant, fixture, joinedText } from './fixture-support';
import type { ChatRequest } from './types';

const decode = (chunks: Uint8Array[]) => decodeWith(geminiProtocol, chunks);
const text = joinedText;

const fixtures = [
  'gemini-thinking',
  'gemini-crlf',
  'gemini-function-call',
  'gemini-mid-stream-error',
  'gemini-truncated',
];

describe('gemini protocol: stream decoding', () => {
  it.each(fixtures)('%s maps to the same parts however the bytes are split', async (name) => {
    await expectSplitInvariant(geminiProtocol, name);
  });

  it('reads thought parts as reasoning, keeps the signature, and counts the last usage once', async () => {
    const parts = await decode([fixture('gemini-thinking')]);
    expect(parts.filter((part) => part.type === 'response-model')).toEqual([
      { type: 'response-model', model: 'gemini-3-pro-preview' },
    ]);
    expect(text(parts, 'reasoning-delta')).toBe(
      "**Counting the letters**\n\nI'm counting each r in “strawberry”…",
    );
    expect(text(parts, 'text-delta')).toBe('There are **3** r’s in “strawberry” 🍓.');
    expect(parts.filter((part) => part.type === 'reasoning-signature')).toEqual([
      { type: 'reasoning-signature', signature: 'Eo0HCooHAb4+9vv/gemini+sig==' },
    ]);
    expect(parts.filter((part) => part.type === 'usage')).toEqual([
      { type: 'usage', usage: { inputTokens: 9, outputTokens: 23, reasoningTokens: 185 } },
    ]);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'STOP' });
  });

  it('reads CRLF-framed events', async () => {
    const parts = await decode([fixture('gemini-crlf')]);
    expect(text(parts, 'text-delta')).toBe('Grüße aus Köln — 你好!');
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'STOP' });
  });

  it('turns each whole function call into one tool-call delta with its arguments as JSON', async () => {
    const parts = await decode([fixture('gemini-function-call')]);
    expect(text(parts, 'reasoning-delta')).toBe('Checking both cities.');
    const calls = parts.filter((part) => part.type === 'tool-call-delta');
    expect(calls).toEqual([
      {
        type: 'tool-call-delta',
        index: 0,
        id: undefined,
        name: 'weather',
        argumentsDelta: '{"location":"San Francisco"}',
      },
      {
        type: 'tool-call-delta',
        index: 1,
        id: undefined,
        name: 'weather',
        argumentsDelta: '{"location":"München"}',
      },
    ]);
    expect(parts).toContainEqual({
      type: 'reasoning-signature',
      signature: 'CiQB0e2Kb/fc+sig==',
    });
  });

  it('turns an error event into one error part with the status name and code', async () => {
    const parts = await decode([fixture('gemini-mid-stream-error')]);
    expect(text(parts, 'text-delta')).toBe('Partial');
    expect(parts.filter((part) => part.type === 'error')).toEqual([
      {
        type: 'error',
        error: {
          message: expect.stringContaining('high demand'),
          code: 'UNAVAILABLE',
          status: 503,
        },
      },
    ]);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });

  it('reports a body that ends without a finishReason as interrupted', async () => {
    const parts = await decode([fixture('gemini-truncated')]);
    expect(text(parts, 'text-delta')).toBe('Cut off');
    expect(parts.filter((part) => part.type === 'usage')).toHaveLength(1);
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'stream:interrupted' } });
  });

  it('reports a blocked prompt as an error', async () => {
    const body = `data: ${JSON.stringify({
      promptFeedback: { blockReason: 'SAFETY' },
      usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 },
      modelVersion: 'gemini-2.5-flash',
    })}\n\n`;
    expect(await decode([encode(body)])).toEqual([
      { type: 'response-model', model: 'gemini-2.5-flash' },
      { type: 'error', error: { message: 'The prompt was blocked (SAFETY).', code: 'blocked' } },
      { type: 'usage', usage: { inputTokens: 8 } },
    ]);
  });

  it('reports data that is not JSON as malformed', async () => {
    expect(await decode([encode('data: {"candidates":\n\n')])).toEqual([
      {
        type: 'error',
        error: { message: 'The provider sent data that is not JSON.', code: 'stream:malformed' },
      },
    ]);
  });
});

describe('gemini protocol: request building', () => {
  const image = { dataUrl: 'data:image/jpeg;base64,/9j/4AAQ', mimeType: 'image/jpeg' };
  const build = (request: Partial<ChatRequest>) =>
    geminiProtocol.buildChatRequest({
      model: 'gemini-2.5-flash',
      turns: [{ role: 'user', content: 'Hi' }],
      ...request,
    });

  it('builds an SSE streamGenerateContent request with system, images and the signature', () => {
    const { path, query, body } = build({
      system: 'Be brief.',
      turns: [
        { role: 'user', content: 'What is this?', images: [image] },
        { role: 'assistant', content: 'A cat.', reasoning: { text: 'Fur.', signature: 'sig-1' } },
        { role: 'user', content: 'Sure?' },
      ],
    });
    expect(path).toBe('v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(query).toEqual({ alt: 'sse' });
    expect(body).toEqual({
      contents: [
        {
          role: 'user',
          parts: [
            { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } },
            { text: 'What is this?' },
          ],
        },
        // Thought summaries are never sent back; only the signature is.
        { role: 'model', parts: [{ text: 'A cat.', thoughtSignature: 'sig-1' }] },
        { role: 'user', parts: [{ text: 'Sure?' }] },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
    });
  });

  it('escapes the model id and drops a models/ prefix', () => {
    expect(build({ model: 'models/tuned model' }).path).toBe(
      'v1beta/models/tuned%20model:streamGenerateContent',
    );
  });

  it('sends the parameters the user set and the tools', () => {
    const { body } = build({
      parameters: { temperature: 0.4, topP: 0.95, maxOutputTokens: 2048, frequencyPenalty: 1 },
      tools: [{ name: 'weather', description: 'Now', parameters: { type: 'object' } }],
    });
    expect(body.generationConfig).toEqual({ temperature: 0.4, topP: 0.95, maxOutputTokens: 2048 });
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          { name: 'weather', description: 'Now', parameters: { type: 'object' } },
        ],
      },
    ]);
  });

  it('leaves out generationConfig when there is nothing to configure', () => {
    expect(build({}).body).not.toHaveProperty('generationConfig');
  });

  it.each([
    ['minimal', 512],
    ['low', 1024],
    ['medium', 8192],
    ['high', 24576],
  ] as const)(
    'maps %s effort to a %i-token thinking budget with thoughts included',
    (effort, budget) => {
      expect(build({ reasoningEffort: effort }).body.generationConfig).toEqual({
        thinkingConfig: { includeThoughts: true, thinkingBudget: budget },
      });
    },
  );
});
