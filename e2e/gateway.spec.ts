import { expect, test } from '@playwright/test';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { accessCode, appPort, mockUrl, serverKeys } from './e2e-environment.mjs';
import { lastMockRequest, mockRequests, mockStats, resetMock } from './mock-control';

const appUrl = `http://127.0.0.1:${appPort}`;

test.beforeEach(async () => {
  await resetMock();
});

test('the official openai SDK streams a chat with the deployment as its base URL', async () => {
  const client = new OpenAI({ baseURL: `${appUrl}/api/openrouter`, apiKey: accessCode });
  const stream = await client.chat.completions.create({
    model: 'deepseek/deepseek-r1',
    messages: [{ role: 'user', content: 'From the SDK' }],
    stream: true,
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  expect(text).toBe('Hello from the mock upstream. You said: From the SDK. ✓');
  expect((await lastMockRequest())?.headers.authorization).toBe(`Bearer ${serverKeys.openrouter}`);

  const models = await client.models.list();
  expect(models.data.map((model) => model.id)).toContain('deepseek/deepseek-r1');
});

test('the official Anthropic SDK streams thinking and text through /api/anthropic', async () => {
  const client = new Anthropic({ baseURL: `${appUrl}/api/anthropic`, apiKey: accessCode });
  const stream = client.messages.stream({
    model: 'claude-opus-4-7',
    max_tokens: 4096,
    thinking: { type: 'enabled', budget_tokens: 1024 },
    messages: [{ role: 'user', content: 'From the Anthropic SDK' }],
  });
  let text = '';
  let thinking = '';
  for await (const event of stream) {
    if (event.type !== 'content_block_delta') continue;
    if (event.delta.type === 'text_delta') text += event.delta.text;
    if (event.delta.type === 'thinking_delta') thinking += event.delta.thinking;
  }
  expect(text).toBe('Hello from the mock upstream. You said: From the Anthropic SDK. ✓');
  expect(thinking).toContain('The user said');
  const upstream = await lastMockRequest();
  expect(upstream?.path).toBe('/v1/messages');
  expect(upstream?.headers['x-api-key']).toBe(serverKeys.anthropic);
  // The SDK's own API version is passed through; our chat sends 2023-06-01 when it has none.
  expect(upstream?.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('the official Google GenAI SDK streams through /api/google', async () => {
  const client = new GoogleGenAI({
    apiKey: accessCode,
    httpOptions: { baseUrl: `${appUrl}/api/google` },
  });
  const stream = await client.models.generateContentStream({
    model: 'gemini-2.5-flash',
    contents: 'From the Gemini SDK',
  });
  let text = '';
  for await (const chunk of stream) {
    for (const part of chunk.candidates?.[0]?.content?.parts ?? [])
      if (!part.thought) text += part.text ?? '';
  }
  expect(text).toBe('Hello from the mock upstream. You said: From the Gemini SDK. ✓');
  const upstream = await lastMockRequest();
  expect(upstream?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent');
  expect(upstream?.headers['x-goog-api-key']).toBe(serverKeys.google);
});

test('an SDK sending temperature to a reasoning model succeeds: the gateway strips it and says so', async () => {
  const client = new OpenAI({ baseURL: `${appUrl}/api/orcarouter`, apiKey: accessCode });
  const { data, response } = await client.chat.completions
    .create({
      model: 'anthropic/claude-opus-4.7',
      messages: [{ role: 'user', content: 'hot' }],
      temperature: 0.9,
    })
    .withResponse();
  expect(data.choices[0]?.message.content).toContain('You said: hot.');
  expect(response.headers.get('x-parley-stripped-params')).toBe('temperature');
  expect(((await lastMockRequest())?.body as Record<string, unknown>).temperature).toBeUndefined();
});

test('the SDK sees a rejected model as a 403 with a typed code', async () => {
  const client = new OpenAI({ baseURL: `${appUrl}/api/openrouter`, apiKey: accessCode });
  const failure = await client.chat.completions
    .create({ model: 'x-ai/grok-4', messages: [{ role: 'user', content: 'hi' }] })
    .catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OpenAI.PermissionDeniedError);
  expect((failure as InstanceType<typeof OpenAI.APIError>).code).toBe('model:not_allowed');
  expect(await mockRequests()).toHaveLength(0);
});

test('unknown providers, unlisted paths and bad bodies are refused before any network call', async ({
  request,
}) => {
  const headers = { 'x-access-code': accessCode, 'content-type': 'application/json' };
  const unknown = await request.post('/api/nowhere/chat/completions', { headers, data: '{}' });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('provider:unknown');

  const traversal = await request.get('/api/openrouter/..%2F..%2Fadmin', { headers });
  expect(traversal.status()).toBe(404);
  expect((await traversal.json()).error.code).toBe('path:not_allowed');

  const unlisted = await request.get('/api/openrouter/credits', { headers });
  expect(unlisted.status()).toBe(404);

  const malformed = await request.post('/api/openrouter/chat/completions', {
    headers,
    data: '{"model": "deepseek/deepseek-r1",',
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe('request:invalid_json');

  expect(await mockRequests()).toHaveLength(0);
});

test('the public config names providers and models but no key or address', async ({ request }) => {
  const response = await request.get('/api/config');
  const text = await response.text();
  const config = JSON.parse(text);
  expect(config.codeRequired).toBe(true);
  expect(config.defaultModel).toBe('openrouter:deepseek/deepseek-r1');
  expect(config.models).toContainEqual(
    expect.objectContaining({ provider: 'openrouter', id: 'mock/slow-reasoning' }),
  );
  expect(config.models).not.toContainEqual(
    expect.objectContaining({ provider: 'openrouter', id: 'x-ai/grok-4' }),
  );
  for (const key of Object.values(serverKeys)) expect(text).not.toContain(key);
  expect(text).not.toContain(accessCode);
  expect(text).not.toContain('127.0.0.1');
});

test('the page itself carries no key, code or upstream address', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('<html lang="en"');
  for (const key of Object.values(serverKeys)) expect(html).not.toContain(key);
  expect(html).not.toContain(accessCode);
  expect(html).not.toContain(new URL(mockUrl).host);
});

test('a client that disconnects mid-stream closes the upstream request', async () => {
  const controller = new AbortController();
  const response = await fetch(`${appUrl}/api/openrouter/chat/completions`, {
    method: 'POST',
    headers: { 'x-access-code': accessCode, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'mock/slow-reasoning',
      stream: true,
      messages: [{ role: 'user', content: 'long story' }],
    }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  await reader.read();
  expect((await mockStats()).open).toBe(1);
  controller.abort();
  await expect.poll(async () => (await mockStats()).aborted).toBe(1);
  expect((await mockStats()).open).toBe(0);
});
