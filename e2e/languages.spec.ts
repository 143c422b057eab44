import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ChatPage } from './chat-page';
import { appPort } from './e2e-environment.mjs';

type Tree = { [key: string]: string | Tree };
const english = JSON.parse(readFileSync('locales/en.json', 'utf8')) as Tree;
const lookup = (path: string) =>
  path
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, key) => (typeof node === 'object' ? node[key] : undefined),
      english,
    );

/** English texts shown on the main screen and in the settings; none may remain in another language. */
const visibleKeys = [
  'Sidebar.newChat',
  'Sidebar.conversations',
  'Empty.title',
  'Composer.hint',
  'Header.settings',
  'Parameters.title',
  'Settings.title',
  'Settings.accessCode',
  'Settings.theme',
  'Settings.apiKeys',
  'Settings.showReasoning',
  'Settings.endpoints',
  'Settings.addEndpoint',
  'Settings.data',
  'Settings.close',
  'FirstRun.codeTitle',
  'FirstRun.codeBody',
  'Settings.section.access',
  'Settings.section.data',
  'Settings.clearAllHelp',
];

for (const locale of ['zh-CN', 'zh-TW', 'da', 'ja', 'ko', 'de', 'fr', 'es', 'pt-BR', 'ru']) {
  test(`no English remains on the main screens in ${locale}`, async ({ context, page }) => {
    await context.addCookies([
      { name: 'NEXT_LOCALE', value: locale, url: `http://127.0.0.1:${appPort}` },
    ]);
    const chat = new ChatPage(page);
    await chat.open();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.getByTestId('settings-button').click();
    const text = await page.locator('body').innerText();
    for (const key of visibleKeys) {
      const message = String(lookup(key));
      expect(text.includes(message), `"${message}" (${key}) is still English in ${locale}`).toBe(
        false,
      );
    }
  });
}
