import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './chat-page';
import { accessCode } from './e2e-environment.mjs';
import { resetMock } from './mock-control';

test.beforeEach(async () => {
  await resetMock();
});

/** The chat with the access code set and the live catalogs (OpenRouter's rich list) loaded. */
async function openWithCatalog(page: Page): Promise<ChatPage> {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.setAccessCode(accessCode);
  // Only OpenRouter's live list has the Auto Router: once it is offered, discovery is done.
  await expect(
    page.locator('[data-testid=model-picker] option[value="openrouter:openrouter/auto"]'),
  ).toHaveCount(1);
  return chat;
}

function picker(page: Page) {
  const popover = page.getByTestId('model-picker-popover');
  return {
    trigger: page.getByTestId('model-picker-trigger'),
    popover,
    search: page.getByTestId('model-picker-search'),
    section: (key: string) =>
      popover.locator(`[data-testid=model-picker-section][data-section="${key}"]`),
    option: (choice: string, section = popover) =>
      section.locator(`[data-testid=model-option][data-choice="${choice}"]`),
    row: (choice: string, section = popover) =>
      section.locator('li', { has: page.locator(`[data-choice="${choice}"]`) }),
  };
}

test('a fuzzy search finds a model and the keyboard picks it', async ({ page }) => {
  await openWithCatalog(page);
  const { trigger, popover, search } = picker(page);
  await trigger.click();
  await expect(search).toBeFocused();
  await page.keyboard.type('opus47');
  const first = popover.getByTestId('model-option').first();
  await expect(first).toHaveAttribute('data-choice', /claude-opus-4[.-]7$/);
  // Opus 4.1 and the other models do not match all of "opus47".
  await expect(popover.getByTestId('model-option').filter({ hasText: 'Opus 4.1' })).toHaveCount(0);
  const choice = (await first.getAttribute('data-choice')) ?? '';

  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect(trigger).toContainText('Opus 4.7');
  await expect(trigger).toBeFocused();
  // The native select follows, so both controls always agree.
  await expect(page.getByTestId('model-picker')).toHaveValue(choice);
});

test('words of a query match in any order, and typing in the list goes on filtering', async ({
  page,
}) => {
  await openWithCatalog(page);
  const { trigger, popover, search } = picker(page);
  await trigger.click();
  await search.fill('cl op');
  await expect(popover.getByTestId('model-option').first()).toContainText('Opus');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('4.1');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('cl op4.1');
  await expect(popover.getByTestId('model-option').first()).toContainText('Opus 4.1');
  await search.fill('no such model anywhere');
  await expect(popover).toContainText('No model matches');
});

test('a favourite is listed first, after reopening and after a reload', async ({ page }) => {
  const chat = await openWithCatalog(page);
  const { trigger, popover, section, option, row } = picker(page);
  const choice = 'openrouter:openai/gpt-5.1';
  await trigger.click();
  await expect(section('favourites')).toHaveCount(0);
  const star = row(choice, section('openrouter')).getByTestId('model-favourite');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(option(choice, section('favourites'))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  await trigger.click();
  await expect(popover.getByTestId('model-picker-section').first()).toHaveAttribute(
    'data-section',
    'favourites',
  );
  await expect(option(choice, section('favourites'))).toBeVisible();

  // A full load, as after a reload.
  await chat.open();
  await trigger.click();
  await expect(option(choice, section('favourites'))).toBeVisible();
  // Starred again, it leaves the favourites.
  await row(choice, section('favourites')).getByTestId('model-favourite').click();
  await expect(section('favourites')).toHaveCount(0);
});

test('recently used models come first, the latest on top', async ({ page }) => {
  await openWithCatalog(page);
  const { trigger, section, option } = picker(page);
  await trigger.click();
  await expect(section('recent')).toHaveCount(0);
  await option('google:gemini-2.5-flash', section('google')).click();
  await expect(trigger).toContainText('Gemini 2.5 Flash');
  await trigger.click();
  await option('openrouter:deepseek/deepseek-r1', section('openrouter')).click();
  await trigger.click();
  const recent = section('recent').getByTestId('model-option');
  await expect(recent).toHaveCount(2);
  await expect(recent.first()).toHaveAttribute('data-choice', 'openrouter:deepseek/deepseek-r1');
  await expect(recent.nth(1)).toHaveAttribute('data-choice', 'google:gemini-2.5-flash');
});

test('OpenRouter models show their capabilities, context length and price', async ({ page }) => {
  await openWithCatalog(page);
  const { trigger, section, row } = picker(page);
  await trigger.click();
  const opus = row('openrouter:anthropic/claude-opus-4.7', section('openrouter'));
  await expect(opus).toContainText('Anthropic: Claude Opus 4.7');
  await expect(opus).toContainText('anthropic/claude-opus-4.7');
  for (const chip of ['reasoning', 'vision', 'tools']) {
    await expect(opus.getByTestId(`model-chip-${chip}`)).toBeVisible();
  }
  await expect(opus.getByTestId('model-context')).toHaveText('1M context');
  await expect(opus.getByTestId('model-price')).toContainText('$5 / $25 per M');

  const r1 = row('openrouter:deepseek/deepseek-r1', section('openrouter'));
  await expect(r1.getByTestId('model-chip-reasoning')).toBeVisible();
  await expect(r1.getByTestId('model-chip-vision')).toHaveCount(0);
  await expect(r1.getByTestId('model-chip-tools')).toHaveCount(0);
  await expect(r1.getByTestId('model-context')).toHaveText('164K context');
  await expect(r1.getByTestId('model-price')).toContainText('$0.4 / $2 per M');
});

test('"show all" reveals the models beyond the curated ones', async ({ page }) => {
  await openWithCatalog(page);
  const { trigger, section, option, search } = picker(page);
  await trigger.click();
  const openRouter = section('openrouter');
  const mistral = 'openrouter:mistralai/mistral-large-2411';
  // The auto router is curated (it needs no configuration); Mistral is not.
  await expect(option('openrouter:openrouter/auto', openRouter)).toBeVisible();
  await expect(option(mistral, openRouter)).toHaveCount(0);
  const showAll = openRouter.getByTestId('model-show-all');
  await expect(showAll).toHaveText(/^Show all \d+$/);
  await showAll.click();
  await expect(option(mistral, openRouter)).toBeVisible();
  await openRouter.getByTestId('model-show-fewer').click();
  await expect(option(mistral, openRouter)).toHaveCount(0);
  // A search looks through every model, shown or not.
  await search.fill('mistral large');
  await expect(option(mistral)).toBeVisible();
});

test('Escape and a click outside close the picker', async ({ page }) => {
  await openWithCatalog(page);
  const { trigger, popover } = picker(page);
  await trigger.click();
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(popover).toBeVisible();
  await page.getByTestId('composer-input').click();
  await expect(popover).toBeHidden();
});

test('the picker fits and works on a 360 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openWithCatalog(page);
  const { trigger, popover, search, option } = picker(page);
  await expect(trigger).toBeVisible();
  await trigger.click();
  const box = await popover.boundingBox();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(360);
  await search.fill('gemini flash');
  await option('google:gemini-2.5-flash').click();
  await expect(popover).toBeHidden();
  await expect(trigger).toContainText('Gemini 2.5 Flash');
});
