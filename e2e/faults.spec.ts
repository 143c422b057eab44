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
  test.setTimeout(90_000);
  const batch = 50;
  /** Starts a batch of calls, waits until the mock holds every one of them, then leaves. */
  const leave = async (model: string, stream: boolean) => {
    const controllers = Array.from({ length: batch }, () => new AbortController());
    const pending = controllers.map((controller) =>
      fetch(`${appUrl}/api/openrouter/chat/completions`, {
        ...chat(model, stream),
        signal: controller.signal,
      }).catch(() => undefined),
    );
    // On the condition, not on a time: on two busy cores the gateway may take seconds to call.
    await expect.poll(async () => (await mockStats()).open, { timeout: 30_000 }).toBe(batch);
    for (const controller of controllers) controller.abort();
    await Promise.all(pending);
  };
  await leave('mock/wait-30000', true);
  expect(await settledAborts()).toBe(batch);
  await leave('mock/wait-30000', false);
  expect(await settledAborts()).toBe(2 * batch);
});
