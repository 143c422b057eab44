import { expect, test } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode } from './e2e-environment.mjs';
import { resetMock } from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

test('? opens the shortcuts, loaded only then; Escape closes them and does not stop the answer', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.openWithCode(accessCode, 'openrouter:mock/slow-reasoning');
  await chat.send('Take your time');
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
  await chat.composer.blur();
  // The sheet's code is in none of the scripts loaded so far, and comes when it is opened.
  const dialogCode = 'shortcuts-title';
  const loadedCode = await page.evaluate(async () => {
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'));
    return (await Promise.all(scripts.map(async (entry) => (await fetch(entry.name)).text()))).join(
      '\n',
    );
  });
  expect(loadedCode.length).toBeGreaterThan(10_000);
  expect(loadedCode).not.toContain(dialogCode);
  const lateScripts: Array<Promise<string>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') lateScripts.push(response.text());
  });
  await page.keyboard.press('Shift+Slash');

  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  expect((await Promise.all(lateScripts)).join('\n')).toContain(dialogCode);
  await expect(dialog.getByTestId('shortcut-new-chat')).toHaveText(/New chat\s*Ctrl\s*Shift\s*O/);
  await expect(dialog.getByTestId('shortcut-search')).toHaveText(/Search conversations\s*Ctrl\s*K/);
  await expect(dialog.getByTestId('shortcut-focus-composer')).toContainText('/');
  await expect(dialog.getByTestId('shortcut-stop')).toContainText('Esc');
  await expect(dialog.getByTestId('shortcut-show-shortcuts')).toContainText('?');
  await expect(dialog.getByTestId('shortcut-send')).toHaveText(/Send\s*Enter/);
  await expect(dialog.getByTestId('shortcut-new-line')).toHaveText(/New line\s*Shift\s*Enter/);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');

  // With the sheet closed, Escape stops the answer as before.
  await page.keyboard.press('Escape');
  await chat.waitForAnswerStatus('stopped');
});

test('the header button opens the shortcuts, and focus goes back to it when they close', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  const button = page.getByTestId('shortcuts-button');
  await expect(button).toHaveAccessibleName('Keyboard shortcuts');
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();

  await button.click();
  await dialog.getByTestId('shortcuts-close').click();
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('? typed in the composer is a question mark, not the shortcuts', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.composer.click();
  await page.keyboard.type('Why');
  await page.keyboard.press('Shift+Slash');
  await expect(chat.composer).toHaveValue('Why?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
