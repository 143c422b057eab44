// @ts-check
/**
 * Page load in real Chromium, cache disabled: JavaScript transferred for the chat page until it is
 * usable (gzip, as sent; what it preloads afterwards is shown apart), first contentful paint, and time until the chat is usable (conversations listed, the
 * composer ready), with an empty store and with 1,000 stored conversations.
 *
 *   npm run build && node bench/page-load.mjs [--runs 5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { conversationWith, launchBrowser, seedConversations } from './lib/browser.mjs';
import { percentile, startApp } from './lib/start-app.mjs';

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 5;

const app = await startApp();
const browser = await launchBrowser();
try {
  const results = [];
  for (const stored of [0, 1000]) {
    const samples = [];
    for (let run = 0; run < runs; run++) samples.push(await measure(stored));
    results.push({
      stored,
      scriptKilobytes: samples[0]?.scriptBytes ? samples[0].scriptBytes / 1024 : 0,
      preloadedKilobytes: (samples[0]?.scriptBytesLater ?? 0) / 1024,
      firstPaintMs: percentile(
        samples.map((sample) => sample.firstPaint),
        50,
      ),
      interactiveMs: percentile(
        samples.map((sample) => sample.interactive),
        50,
      ),
    });
  }
  console.log(`\npage load (median of ${runs}, cache disabled), ${process.version}, Chromium\n`);
  console.log(
    'stored conversations  JS until usable (KB gzip)  then preloaded (KB)  first paint ms  usable ms',
  );
  for (const result of results) {
    console.log(
      [
        String(result.stored).padStart(20),
        result.scriptKilobytes.toFixed(1).padStart(27),
        result.preloadedKilobytes.toFixed(1).padStart(20),
        result.firstPaintMs.toFixed(0).padStart(15),
        result.interactiveMs.toFixed(0).padStart(10),
      ].join(' '),
    );
  }
  const [empty, full] = results;
  if (empty && full)
    console.log(
      `\n1,000 conversations / empty, time to usable: ${(full.interactiveMs / empty.interactiveMs).toFixed(2)}`,
    );
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('results/page-load.json', import.meta.url),
    JSON.stringify({ runs, results }, null, 2),
  );
} finally {
  await browser.close();
  app.stop();
}

/** @param {number} stored */
async function measure(stored) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (stored > 0) {
    await page.goto(app.appUrl);
    await page.getByTestId('composer-input').waitFor();
    const now = Date.now();
    const conversations = Array.from({ length: stored }, (_, index) =>
      conversationWith(`stored-${index}`, 10, now - index * 60_000),
    );
    await seedConversations(page, conversations);
  }
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  /** @type {Map<string, string>} */
  const types = new Map();
  let scriptBytes = 0;
  session.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  session.on('Network.loadingFinished', (event) => {
    if (types.get(event.requestId) === 'Script') scriptBytes += event.encodedDataLength;
  });
  await page.goto(app.appUrl, { waitUntil: 'commit' });
  await page.waitForFunction(
    (expected) =>
      document.querySelectorAll('[data-testid=conversation-item]').length >=
        Math.min(expected, 1) &&
      !document.querySelector('[data-testid=model-picker]')?.hasAttribute('disabled') &&
      document.querySelector('[data-testid=composer-input]') !== null,
    stored,
    { timeout: 60_000 },
  );
  // What the first screen needed: what the page fetches once it is usable (the settings, the
  // markdown pipeline, preloaded when idle) is counted apart.
  const scriptBytesAtUsable = scriptBytes;
  const interactive = await page.evaluate(() => performance.now());
  const firstPaint = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await page.waitForTimeout(3000);
  const scriptBytesLater = scriptBytes - scriptBytesAtUsable;
  await context.close();
  return { scriptBytes: scriptBytesAtUsable, scriptBytesLater, firstPaint, interactive };
}
