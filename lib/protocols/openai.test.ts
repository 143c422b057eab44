import { describe, expect, it } from 'vitest';
import { encode } from '@/lib/testing/byte-stream';
import { openaiProtocol } from './openai';
import { decodeWith, expectSplitInvariant, fixture, joinedText } from './fixture-support';

const decode = (chunks: Uint8Array[]) => decodeWith(openaiProtocol, chunks);
const text = joinedText;

const fixtures = [
  'openai-text',
  'openai-think-tags',
  'openai-think-tags-truncated',
  'openrouter-reasoning',
  'deepseek-reasoner',
  'tool-call-index1',
  'openai-mid-stream-error',
  'openrouter-mid-stream-error',
  'orcarouter-mid-stream-error',
  'truncated',
];

describe('openai protocol: stream decoding', () => {
  it.each(fixtures)('%s maps to the same parts however the bytes are split', async (name) => {
    await expectSplitInvariant(openaiProtocol, name);
  });

  it('reads plain text, keeps the finish reason and reports usage once', async () => {
    const parts = await decode([fixture('openai-text')]);
    expect(text(parts, 'text-delta')).toBe('Hello, wörld ✓');
    expect(parts.filter((part) => part.type === 'usage')).toEqual([
      { type: 'usage', usage: { inputTokens: 16, outputTokens: 300, reasoningTokens: 0 } },
    ]);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('shows OpenRouter reasoning once although it arrives as reasoning and reasoning_details', async () => {
    const parts = await decode([fixture('openrouter-reasoning')]);
    expect(text(parts, 'reasoning-delta')).toBe('So I need to add 2 and 2.');
    expect(text(parts, 'text-delta')).toBe('2 + 2 = 4');
    // The usage chunk after the finish chunk has finish_reason null: the first reason stands.
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(parts).toContainEqual({
      type: 'usage',
      usage: { inputTokens: 12, outputTokens: 40, reasoningTokens: 30, cost: 0.00031 },
    });
  });

  it('reads DeepSeek reasoning_content and the usage on the finish chunk', async () => {
    const parts = await decode([fixture('deepseek-reasoner')]);
    expect(text(parts, 'reasoning-delta')).toBe('We divide.');
    expect(text(parts, 'text-delta')).toBe('185');
    expect(parts).toContainEqual({
      type: 'usage',
      usage: { inputTokens: 18, outputTokens: 219, reasoningTokens: 205 },
    });
  });

  it('keeps tool-call ids, names and argument fragments by index, starting at 1', async () => {
    const parts = await decode([fixture('tool-call-index1')]);
    const calls = parts.filter((part) => part.type === 'tool-call-delta');
    expect(calls[0]).toMatchObject({ index: 1, id: 'call_00_ioIn7yN9', name: 'weather' });
    expect(calls.map((call) => call.argumentsDelta).join('')).toBe('{"city":"Paris"}');
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls' });
  });

  it.each([
    [
      'openai-mid-stream-error',
      'The server had an error while processing your request.',
      'server_error',
    ],
    ['openrouter-mid-stream-error', 'Rate limit exceeded', undefined],
    ['orcarouter-mid-stream-error', 'upstream: overloaded', 'upstream_error'],
  ])(
    '%s becomes an error part after the partial text, with no finish',
    async (name, message, code) => {
      const parts = await decode([fixture(name)]);
      expect(text(parts, 'text-delta')).toBe('Partial');
      const errors = parts.filter((part) => part.type === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ error: { message, code } });
      expect(parts.some((part) => part.type === 'finish')).toBe(false);
    },
  );

  it('reports a stream that ends without [DONE] as interrupted, after the text it got', async () => {
    const parts = await decode([fixture('truncated')]);
    expect(text(parts, 'text-delta')).toBe('Cut off');
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'stream:interrupted' } });
  });

  it('moves text between think tags into reasoning, even with tags cut across chunks', async () => {
    const parts = await decode([fixture('openai-think-tags')]);
    expect(text(parts, 'reasoning-delta')).toBe('\nThe user wants 2 × 3 → 6.\n');
    // Only <think> counts: <b> and <thinking> are answer text.
    expect(text(parts, 'text-delta')).toBe('\n\n2 × 3 = 6 (a <b> tag stays, so does <thinking>)');
    expect(parts.filter((part) => part.type === 'usage')).toHaveLength(1);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('gives back a held partial tag as text when the stream is cut off', async () => {
    const parts = await decode([fixture('openai-think-tags-truncated')]);
    expect(text(parts, 'text-delta')).toBe('Answer first, then <th');
    expect(text(parts, 'reasoning-delta')).toBe('');
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'stream:interrupted' } });
  });

  it('shows held text before a mid-stream error', async () => {
    const chunk = (content: string) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
    const parts = await decode([
      encode(chunk('<think>Hmm</thi') + 'data: {"error":{"message":"Boom"}}\n\n'),
    ]);
    expect(parts).toEqual([
      { type: 'reasoning-delta', text: 'Hmm' },
      { type: 'reasoning-delta', text: '</thi' },
      { type: 'error', error: { message: 'Boom', code: undefined, status: undefined } },
    ]);
  });

  it('reports data that is not JSON as malformed', async () => {
    const parts = await decode([encode('data: {"choices": [\n\ndata: [DONE]\n\n')]);
    expect(parts).toEqual([
      {
        type: 'error',
        error: { message: 'The provider sent data that is not JSON.', code: 'stream:malformed' },
      },
    ]);
  });
});

describe('openai protocol: request building', () => {
  it('builds a streaming chat completion with the system prompt first and usage requested', () => {
    const { path, body } = openaiProtocol.buildChatRequest({
      model: 'anthropic/claude-opus-4.7',
      system: 'Be brief.',
      turns: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Bye' },
      ],
    });
    expect(path).toBe('chat/completions');
    expect(body).toEqual({
      model: 'anthropic/claude-opus-4.7',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Bye' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  const image = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', mimeType: 'image/png' };

  it('sends user images as content parts, and assistant turns without their reasoning', () => {
    const { body } = openaiProtocol.buildChatRequest({
      model: 'gpt-4.1',
      turns: [
        { role: 'user', content: 'What is this?', images: [image] },
        { role: 'assistant', content: 'A cat.', reasoning: { text: 'Whiskers.', signature: 's' } },
        { role: 'user', content: 'Sure?' },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: image.dataUrl } },
        ],
      },
      { role: 'assistant', content: 'A cat.' },
      { role: 'user', content: 'Sure?' },
    ]);
  });

  it('sends only the parameters the user set, the effort and the tools', () => {
    const { body } = openaiProtocol.buildChatRequest({
      model: 'o4-mini',
      turns: [{ role: 'user', content: 'Weather?' }],
      parameters: { temperature: 0.2, topP: 0.9, maxOutputTokens: 500, frequencyPenalty: 0 },
      reasoningEffort: 'low',
      tools: [{ name: 'weather', description: 'Current weather', parameters: { type: 'object' } }],
    });
    expect(body).toEqual({
      model: 'o4-mini',
      messages: [{ role: 'user', content: 'Weather?' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 500,
      frequency_penalty: 0,
      reasoning_effort: 'low',
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            description: 'Current weather',
            parameters: { type: 'object' },
          },
        },
      ],
    });
    expect(body).not.toHaveProperty('presence_penalty');
  });
});
