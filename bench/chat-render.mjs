// @ts-check
/**
 * Chat rendering: streams 4,000 tokens at 100 tokens/s, with reasoning, into a conversation that
 * already holds 20, 200 and 2,000 messages with code and math, in real Chromium, once the opened
 * conversation has settled (two seconds without a long task). Prints
 * main-thread busy time per second of streaming, long tasks over 50 ms, and dropped frames.
 *
 *   npm run build && node bench/chat-render.mjs [--tokens 4000] [--rate 100]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { conversationWith, launchBrowser, seedConversations } from './lib/browser.mjs';
import { startApp } from './lib/start-app.mjs';

const argumentsGiven = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const index = argumentsGiven.indexOf(`--${name}`);
  return index >= 0 ? Number(argumentsGiven[index + 1]) : fallback;
};
const tokens = option('tokens', 4000);
const rate = option('rate', 100);

const app = await startApp();
const browser = await launchBrowser();
try {
  const results = [];
  for (const history of [20, 200, 2000]) results.push(await measure(history));
  console.log(
    `\nchat rendering: ${tokens} tokens at ${rate}/s with reasoning, ${process.version}, Chromium\n`,
  );
  console.log(
    'history  streaming s  main-thread ms/s  long tasks >50ms  longest ms  frames  dropped',
  );
  for (const result of results) {
    console.log(
      [
        String(result.history).padStart(7),
        result.seconds.toFixed(1).padStart(12),
        result.busyPerSecond.toFixed(1).padStart(17),
        String(result.longTasks).padStart(17),
        result.longestTask.toFixed(0).padStart(11),
        String(result.frames).padStart(7),
        String(result.droppedFrames).padStart(8),
      ].join(' '),
    );
  }
  const [small, ...larger] = results;
  for (const large of larger)
    if (small)
      console.log(
        `${large.history}-message / ${small.history}-message main-thread ratio: ${(large.busyPerSecond / small.busyPerSecond).toFixed(2)}`,
      );
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('results/chat-render.json', import.meta.url),
    JSON.stringify({ tokens, rate, results }, null, 2),
  );
} finally {
  await browser.close();
  app.stop();
}

/** @param {number} history */
async function measure(history) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.appUrl);
  await page.getByTestId('composer-input').waitFor();
  // The mock paces content deltas (one word ≈ one token) and sends reasoning first.
  const model = `openrouter:mock/bench-reasoning-chunks-${tokens}-delay-${Math.round(1000 / rate)}`;
  await seedConversations(page, [
    conversationWith(`history-${history}`, history, Date.now(), model),
  ]);
  await page.reload();
  await page.getByTestId('message-assistant').last().waitFor();
  // The figures are those of streaming: opening the conversation (drawing it, colouring its code,
  // typesetting its math) is the page-load benchmark's, so it is let finish first, as it would
  // while a person types. Settled: two seconds without a long task (at most twenty).
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const started = performance.now();
        let last = started;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime + entry.duration;
        }).observe({ type: 'longtask', buffered: true });
        const check = () => {
          const now = performance.now();
          if (now - last >= 2000 || now - started >= 20_000) resolve(undefined);
          else setTimeout(check, 250);
        };
        setTimeout(check, 250);
      }),
  );

  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  await page.evaluate(() => {
    const probe = /** @type {{ longTasks: number[], frames: number, counting: boolean }} */ ({
      longTasks: [],
      frames: 0,
      counting: true,
    });
    /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).benchProbe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    const tick = () => {
      probe.frames += 1;
      if (probe.counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  const before = await taskDuration(session);
  const started = Date.now();
  await page.getByTestId('composer-input').fill('Stream a long answer');
  await page.getByTestId('composer-input').press('Enter');
  // Polled four times a second: a locator's wait polls on every animation frame, which would
  // make the browser produce every frame and add the harness's own queries to the figure.
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=message-assistant]:nth-last-child(1)[data-status=done]'),
    undefined,
    { timeout: (tokens / rate) * 1000 * 3 + 30_000, polling: 250 },
  );
  const seconds = (Date.now() - started) / 1000;
  const after = await taskDuration(session);
  const probe = await page.evaluate(() => {
    const value = /** @type {{ longTasks: number[], frames: number, counting: boolean }} */ (
      /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).benchProbe
    );
    value.counting = false;
    return value;
  });
  await context.close();
  const expectedFrames = Math.round(seconds * 60);
  return {
    history,
    seconds,
    busyPerSecond: ((after - before) * 1000) / seconds,
    longTasks: probe.longTasks.filter((duration) => duration > 50).length,
    longestTask: Math.max(0, ...probe.longTasks),
    frames: probe.frames,
    droppedFrames: Math.max(0, expectedFrames - probe.frames),
  };
}

/** Seconds the renderer's main thread spent on tasks so far (Chrome's TaskDuration metric). */
async function taskDuration(/** @type {import('@playwright/test').CDPSession} */ session) {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}
