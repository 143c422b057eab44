import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode, mockUrl } from './e2e-environment.mjs';

/** Adds one of the user's own endpoints in the settings and runs its connection test. */
async function testEndpoint(page: Page, baseUrl: string, key = 'sk-user-key'): Promise<string> {
  await page.getByTestId('add-endpoint').click();
  const endpoint = page.getByTestId('endpoint').last();
  await endpoint.getByTestId('endpoint-base-url').fill(baseUrl);
  await endpoint.getByTestId('endpoint-key').fill(key);
  await endpoint.getByTestId('test-endpoint').click();
  const diagnosis = endpoint.getByTestId('diagnosis');
  await expect(diagnosis).toBeVisible();
  return (await diagnosis.getAttribute('data-result')) ?? '';
}

test('the connection test names the problem for each kind of failure', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  // Own endpoints go through the gateway only with the deployment's code, where it has one.
  await chat.setAccessCode(accessCode);
  await page.getByTestId('settings-button').click();
  expect(await testEndpoint(page, `${mockUrl}/ok/v1`)).toBe('works');
  await expect(page.getByTestId('diagnosis').last()).toContainText(/Works: \d+ models available/);
  expect(await testEndpoint(page, `${mockUrl}/status-401/v1`)).toBe('invalid-key');
  expect(await testEndpoint(page, `${mockUrl}/status-402/v1`)).toBe('no-credits');
  expect(await testEndpoint(page, `${mockUrl}/status-429/v1`)).toBe('rate-limited');
  await expect(page.getByTestId('diagnosis').last()).toContainText('wait 30 s');
  expect(await testEndpoint(page, `${mockUrl}/status-404`)).toBe('wrong-url');
  await expect(page.getByTestId('diagnosis').last()).toContainText('adding /v1');
  expect(await testEndpoint(page, `${mockUrl}/html/v1`)).toBe('wrong-url');
  // A port nothing listens on (not a fetch-blocked one like 9).
  expect(await testEndpoint(page, 'http://127.0.0.1:43199/v1')).toBe('unreachable');
  await page.getByTestId('endpoint').last().getByText('Details').click();
  await expect(page.getByTestId('endpoint').last()).toContainText('ECONNREFUSED');
});

test('the server providers’ test uses the access code, and says when it is wrong', async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setAccessCode(accessCode);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('test-openrouter').click();
  await expect(page.getByTestId('diagnosis').first()).toHaveAttribute('data-result', 'works');
  await page.getByTestId('access-code-input').fill('not-the-right-code');
  await page.getByTestId('test-anthropic').click();
  await expect(page.locator('[data-testid=diagnosis][data-result=needs-code]')).toBeVisible();
});
