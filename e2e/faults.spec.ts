import { expect, test } from '@playwright/test';
import { accessCode, appPort } from './e2e-environment.mjs';
import { mockStats, resetMock } from './mock-control';

const appUrl = `http://127.0.0.1:${appPort}`;

test.beforeEach(async () => {
  await resetMock();
});

function chat(model: string, stream = true) {
  return {
    method: 'POST',
    headers: { 'x-access-code': accessCode, 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'leak test' }] }),
  };
}

/** Waits (bounded) until the mock has no call open; returns how many it saw aborted. */
async function settledAborts(): Promise<number> {
  await expect.poll(async () => (await mockStats()).open, { timeout: 10_000 }).toBe(0);
  return (await mockStats()).aborted;
}

test('hundreds of clients that leave mid-stream leave no upstream call open', async () => {
  test.setTimeout(60_000);
  const rounds = 6;
  const perRound = 50;
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      Array.from({ length: perRound }, async () => {
        const controller = new AbortController();
        const response = await fetch(`${appUrl}/api/openrouter/chat/completions`, {
          ...chat('mock/leak-chunks-400-delay-20'),
          signal: controller.signal,
        });
        const reader = response.body!.getReader();
        await reader.read();
        controller.abort();
      }),
    );
  }
  expect(await settledAborts()).toBe(rounds * perRound);
});

test('clients that leave before the first byte, or during a non-streaming call, leave nothing open', async () => {
  test.setTimeout(60_000);
  const leave = async (model: string, stream: boolean) => {
    const controller = new AbortController();
    const pending = fetch(`${appUrl}/api/openrouter/chat/completions`, {
      ...chat(model, stream),
      signal: controller.signal,
    }).catch(() => undefined);
    // Long enough for the gateway to have called the mock, which is still waiting to answer.
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await pending;
  };
  await Promise.all(Array.from({ length: 50 }, () => leave('mock/wait-5000', true)));
  await Promise.all(Array.from({ length: 50 }, () => leave('mock/wait-5000', false)));
  expect(await settledAborts()).toBe(100);
});
