// Keyboard first: Ctrl+K opens the command palette, which finds a conversation by the shopper's name and
// opens it; single-key shortcuts act on it; `?` lists every shortcut.
import { expect, queueRow, test } from './fixtures/desk.js';
import { transcriptOf } from './fixtures/console.js';
import type { Page } from '@playwright/test';

/** Ctrl+K, type part of the shopper's name, wait for their conversation among the results, Enter. */
async function openWithPalette(page: Page, query: string, shopper: RegExp): Promise<void> {
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const search = palette.getByRole('combobox', { name: 'Search conversations and actions' });
  await expect(search).toBeFocused();
  await search.fill(query);
  // The best match comes first and is highlighted, so Enter opens it (not a weaker fuzzy match).
  await expect(palette.getByRole('option').first()).toHaveAccessibleName(shopper);
  await expect(palette.getByRole('option', { selected: true })).toHaveAccessibleName(shopper);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

test('the command palette opens a conversation by the shopper’s name; c claims it; ? shows the shortcuts', async ({
  openConsole,
}) => {
  const alex = await openConsole('agent1@demo.test');

  // "Erik" also fuzzy-matches Daniel Brooks' row (e…r…i…k), which must not win.
  await openWithPalette(alex, 'Erik', /Erik Johansson/);
  await expect(transcriptOf(alex)).toContainText('jag behöver ändra leveransadressen');
  await expect(alex.getByRole('complementary', { name: 'Shopper' })).toContainText(
    'erik.johansson@example.se',
  );

  // Focus is not in a text field: single keys are shortcuts.
  await alex.keyboard.press('c');
  await expect(alex.getByRole('textbox', { name: 'Reply' })).toBeVisible();
  await alex.keyboard.press('Escape');

  await alex.locator('body').press('?');
  const help = alex.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const action of [
    'Command palette',
    'Claim',
    'Resolve',
    'Transfer',
    'Snooze',
    'Write an internal note',
  ]) {
    await expect(help).toContainText(new RegExp(action, 'i'));
  }
  await alex.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('shortcuts never fire while typing in the composer', async ({ openConsole }) => {
  const alex = await openConsole('agent1@demo.test');
  await queueRow(alex, 'Erik Johansson').click();
  await expect(transcriptOf(alex)).toContainText('ändra leveransadressen');
  await alex.keyboard.press('c');
  const reply = alex.getByRole('textbox', { name: 'Reply' });
  await reply.click();
  await reply.pressSequentially('?c e t');
  await expect(reply).toHaveValue('?c e t');
  await expect(alex.getByRole('dialog')).toHaveCount(0);
});
