import { describe, expect, it } from 'vitest';
import { encode } from '@/lib/testing/byte-stream';
import { anthropicProtocol } from './anthropic';
import { decodeWith, expectSplitInvariant, fixture, joinedText } from './fixture-support';
import type { ChatRequest } from './types';

const decode = (chunks: Uint8Array[]) => decodeWith(anthropicProtocol, chunks);
const text = joinedText;

const fixtures = [
  'anthropic-thinking',
  'anthropic-tool-use',
  'anthropic-mid-stream-error',
  'anthropic-truncated',
];

describe('anthropic protocol: stream decoding', () => {
  it.each(fixtures)('%s maps to the same parts however the bytes are split', async (name) => {
    await expectSplitInvariant(anthropicProtocol, name);
  });

  it('reads thinking, its signature and the answer, skipping pings; usage once, at the end', async () => {
    const parts = await decode([fixture('anthropic-thinking')]);
    expect(parts[0]).toEqual({ type: 'response-model', model: 'claude-sonnet-4-5-20250929' });
    expect(text(parts, 'reasoning-delta')).toBe('The previous result was 925. Divide by 5 → 185.');
    expect(text(parts, 'text-delta')).toBe('925 ÷ 5 = 185 ✓ 完成');
    expect(parts.filter((part) => part.type === 'reasoning-signature')).toEqual([
      { type: 'reasoning-signature', signature: 'EvQBCkYICxgCKkAxSig/thinking+sig==' },
    ]);
    expect(parts.filter((part) => part.type === 'usage')).toEqual([
      { type: 'usage', usage: { inputTokens: 69, outputTokens: 53 } },
    ]);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'end_turn' });
  });

  it('keeps the tool call id, name and argument fragments under the block index', async () => {
    const parts = await decode([fixture('anthropic-tool-use')]);
    expect(text(parts, 'text-delta')).toBe('Let me check the weather in Zürich.');
    const calls = parts.filter((part) => part.type === 'tool-call-delta');
    expect(calls[0]).toEqual({
      type: 'tool-call-delta',
      index: 1,
      id: 'toolu_01A09q90qw90lq917835lq9',
      name: 'weather',
      argumentsDelta: '',
    });
    expect(calls.every((call) => call.index === 1)).toBe(true);
    expect(JSON.parse(calls.map((call) => call.argumentsDelta).join(''))).toEqual({
      city: 'Zürich',
    });
    expect(parts).toContainEqual({
      type: 'usage',
      usage: { inputTokens: 412, outputTokens: 89 },
    });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'tool_use' });
  });

  it('turns an error event into one error part after the partial text, with no finish', async () => {
    const parts = await decode([fixture('anthropic-mid-stream-error')]);
    expect(text(parts, 'text-delta')).toBe('Partial');
    expect(parts.filter((part) => part.type === 'error')).toEqual([
      { type: 'error', error: { message: 'Overloaded', code: 'overloaded_error' } },
    ]);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });

  it('reports a stream that ends without message_stop as interrupted', async () => {
    const parts = await decode([fixture('anthropic-truncated')]);
    expect(text(parts, 'text-delta')).toBe('Cut off');
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'stream:interrupted' } });
  });

  it('falls back to data.type when the event line is missing, and ignores events after the end', async () => {
    const events = [
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
      { type: 'message_delta', delta: { stop_reason: 'max_tokens' }, usage: { output_tokens: 9 } },
      { type: 'message_stop' },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'late' } },
    ];
    const body = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
    expect(await decode([encode(body)])).toEqual([
      { type: 'text-delta', text: 'Hi' },
      { type: 'usage', usage: { outputTokens: 9 } },
      { type: 'finish', reason: 'max_tokens' },
    ]);
  });

  it('reports data that is not JSON as malformed, and nothing after it', async () => {
    const parts = await decode([encode('event: message_start\ndata: {"type":\n\n')]);
    expect(parts).toEqual([
      {
        type: 'error',
        error: { message: 'The provider sent data that is not JSON.', code: 'stream:malformed' },
      },
    ]);
  });
});

describe('anthropic protocol: request building', () => {
  const image = { dataUrl: 'data:image/webp;base64,UklGRg==', mimeType: 'image/webp' };
  const build = (request: Partial<ChatRequest>) =>
    anthropicProtocol.buildChatRequest({
      model: 'claude-sonnet-4-5',
      turns: [{ role: 'user', content: 'Hi' }],
      ...request,
    });

  it('builds a streaming Messages request with the system prompt, images and signed thinking', () => {
    const { path, query, body } = build({
      system: 'Be brief.',
      turns: [
        { role: 'user', content: 'What is this?', images: [image] },
        {
          role: 'assistant',
          content: 'A cat.',
          reasoning: { text: 'Whiskers, so a cat.', signature: 'sig-1' },
        },
        { role: 'assistant', content: 'Unsigned.', reasoning: { text: 'Not sent back.' } },
        { role: 'user', content: 'Sure?' },
      ],
    });
    expect(path).toBe('v1/messages');
    expect(query).toBeUndefined();
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 8192,
      system: 'Be brief.',
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/webp', data: 'UklGRg==' },
            },
            { type: 'text', text: 'What is this?' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Whiskers, so a cat.', signature: 'sig-1' },
            { type: 'text', text: 'A cat.' },
          ],
        },
        { role: 'assistant', content: [{ type: 'text', text: 'Unsigned.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Sure?' }] },
      ],
      stream: true,
    });
  });

  it('leaves out a blank system prompt and turns with nothing to send', () => {
    const { body } = build({
      system: '  ',
      turns: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: '' },
      ],
    });
    expect(body).not.toHaveProperty('system');
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('sends temperature, top_p, max_tokens and tools', () => {
    const { body } = build({
      parameters: { temperature: 0.3, topP: 0.8, maxOutputTokens: 1000, presencePenalty: 1 },
      tools: [{ name: 'weather', parameters: { type: 'object' } }],
    });
    expect(body).toMatchObject({
      max_tokens: 1000,
      temperature: 0.3,
      top_p: 0.8,
      tools: [{ name: 'weather', input_schema: { type: 'object' } }],
    });
    expect(body).not.toHaveProperty('presence_penalty');
    expect(body).not.toHaveProperty('thinking');
  });

  it.each([
    ['minimal', undefined, 1024, 8192],
    ['low', undefined, 2048, 8192],
    ['medium', undefined, 8192, 12288],
    ['high', undefined, 16384, 20480],
    ['high', 32000, 16384, 32000],
    ['low', 2048, 2048, 6144],
  ] as const)(
    'maps %s effort (max %s) to a %i-token budget below max_tokens %i',
    (effort, maxOutputTokens, budget, maxTokens) => {
      const { body } = build({
        reasoningEffort: effort,
        parameters: { maxOutputTokens, temperature: 0.5, topP: 0.9 },
      });
      expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget });
      expect(body.max_tokens).toBe(maxTokens);
      expect(budget).toBeLessThan(maxTokens);
      // The API rejects sampling changes while thinking.
      expect(body).not.toHaveProperty('temperature');
      expect(body).not.toHaveProperty('top_p');
    },
  );
});
