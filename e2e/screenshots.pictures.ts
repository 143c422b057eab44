import { test } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode } from './e2e-environment.mjs';
import { resetMock } from './mock-control';

/**
 * Pictures of the main screens, light and dark, desktop and phone, written to e2e/__screenshots__
 * for review (and the README) by `npm run screenshots`. Not part of the test suite: they assert
 * nothing (the specs check behaviour), and a test run leaves the tracked pictures alone.
 */
const screens = [
  { name: 'desktop-light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' as const },
  { name: 'desktop-dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const },
  { name: 'phone-light', viewport: { width: 390, height: 844 }, colorScheme: 'light' as const },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
];

for (const screen of screens) {
  test(`screenshots: ${screen.name}`, async ({ browser }) => {
    await resetMock();
    const context = await browser.newContext({
      viewport: screen.viewport,
      colorScheme: screen.colorScheme,
      hasTouch: screen.viewport.width < 640,
    });
    const page = await context.newPage();
    const chat = new ChatPage(page);
    await page.goto('/');
    await page.getByTestId('first-run').waitFor();
    await page.screenshot({ path: `e2e/__screenshots__/${screen.name}-first-run.png` });
    await chat.setAccessCode(accessCode);
    await chat.chooseModel('openrouter:deepseek/deepseek-r1');
    await page.screenshot({ path: `e2e/__screenshots__/${screen.name}-empty.png` });
    await chat.send('Explain **streaming** in one paragraph, with a list:\n\n- first\n- second');
    await chat.waitForAnswerStatus('done');
    await chat.reasoningPanel.getByTestId('reasoning-toggle').click();
    await page.screenshot({ path: `e2e/__screenshots__/${screen.name}-chat.png` });
    await page.getByTestId('settings-button').click();
    await page.screenshot({ path: `e2e/__screenshots__/${screen.name}-settings.png` });
    await context.close();
  });
}
