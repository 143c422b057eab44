/**
 * The official SDKs (the project's devDependencies) read what the mock sends: a guard that the
 * framing and shapes match the real APIs closely enough for their parsers.
 */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { AzureOpenAI } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from './server.mjs';
import { ANSWER, REASONING } from './test-support';

const KEY = 'sk-sdk-test';
let upstream: MockUpstream;

beforeAll(async () => {
  upstream = await startMockUpstream({ acceptedKeys: [KEY] });
});

afterAll(async () => {
  await upstream.close();
});

describe('@anthropic-ai/sdk', () => {
  const client = () => new Anthropic({ apiKey: KEY, baseURL: upstream.url, maxRetries: 0 });
  const messages = [{ role: 'user' as const, content: 'hi there' }];

  it('assembles a streamed thinking block and text', async () => {
    const message = await client()
      .messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 4096, messages })
      .finalMessage();
    expect(message.content).toEqual([
      { type: 'thinking', thinking: REASONING, signature: expect.stringMatching(/^sig_mock_/) },
      { type: 'text', text: ANSWER },
    ]);
    expect(message.stop_reason).toBe('end_turn');
  });

  it('assembles the tool input from its fragments', async () => {
    const message = await client()
      .messages.stream({ model: 'mock/tool-call', max_tokens: 100, messages })
      .finalMessage();
    expect(message.content.at(-1)).toMatchObject({ type: 'tool_use', input: { city: 'Paris' } });
  });

  it('raises on event: error and on a 529', async () => {
    const stream = client().messages.stream({
      model: 'mock/mid-stream-error',
      max_tokens: 100,
      messages,
    });
    await expect(stream.finalMessage()).rejects.toThrow(/overloaded_error/);
    const failure = client().messages.create({ model: 'mock/error-529', max_tokens: 10, messages });
    await expect(failure).rejects.toBeInstanceOf(Anthropic.InternalServerError);
  });
});

describe('@google/genai', () => {
  const client = () => new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: upstream.url } });

  it('reads a CRLF stream with thoughts', async () => {
    const stream = await client().models.generateContentStream({
      model: 'gemini-2.5-pro-crlf',
      contents: 'hi there',
    });
    let text = '';
    let thoughts = '';
    for await (const chunk of stream) {
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        if (part.thought) thoughts += part.text ?? '';
        else text += part.text ?? '';
      }
    }
    expect(text).toBe(ANSWER);
    expect(thoughts).toBe(REASONING);
  });

  it('reads a function call and raises on a mid-stream error and a wrong key', async () => {
    const answer = await client().models.generateContent({
      model: 'mock-tool-call',
      contents: 'x',
    });
    expect(answer.functionCalls).toEqual([{ name: 'get_weather', args: { city: 'Paris' } }]);

    const failing = async () => {
      const stream = await client().models.generateContentStream({
        model: 'mock-mid-stream-error',
        contents: 'x',
      });
      for await (const chunk of stream) expect(chunk).toBeDefined();
    };
    await expect(failing()).rejects.toThrow(/UNAVAILABLE/);

    const wrongKey = new GoogleGenAI({ apiKey: 'wrong', httpOptions: { baseUrl: upstream.url } });
    await expect(
      wrongKey.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' }),
    ).rejects.toThrow(/API key not valid/);
  });
});

describe('openai AzureOpenAI', () => {
  it('streams from a legacy deployment route', async () => {
    const client = new AzureOpenAI({
      apiKey: KEY,
      endpoint: upstream.url,
      deployment: 'my-gpt',
      apiVersion: '2024-10-21',
      maxRetries: 0,
    });
    const stream = await client.chat.completions.create({
      model: 'ignored',
      messages: [{ role: 'user', content: 'hi there' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(ANSWER);
    expect(upstream.lastRequest()?.path).toBe('/openai/deployments/my-gpt/chat/completions');
    expect(upstream.lastRequest()?.headers['api-key']).toBe(KEY);
  });
});
