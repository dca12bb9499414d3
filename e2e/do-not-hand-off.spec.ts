// "Do not hand off" mode (the seed's second handoff method): a lead switches it on in Settings, and from then
// on the Customer Agent answers what it can't help with by the team's message, with its links, and never
// offers a human.
import { expect, test } from './fixtures/desk.js';
import { openSettings, saveTeamSettings } from './fixtures/console.js';
import { openShopperChat } from './fixtures/shopper.js';

test('a lead turns on "Do not hand off": the shopper gets the custom message with links, no offer', async ({
  hub,
  browser,
  openConsole,
}) => {
  const lead = await openConsole('lead@demo.test');
  const settings = await openSettings(lead);
  await settings.getByRole('radio', { name: 'Do not hand off' }).check();
  const message =
    'Sorry, that is outside what this chat handles. See https://example.com/faq or write to https://example.com/contact.';
  await settings.getByRole('textbox', { name: 'Do-not-hand-off message' }).fill(message);
  await saveTeamSettings(settings);

  const chat = await openShopperChat(browser, hub.url);
  await chat.send('Can you engrave my initials on a leather wallet?');

  const answer = chat.transcript
    .locator('[data-message-id]')
    .filter({ hasText: 'outside what this chat handles' });
  await expect(answer).toBeVisible();
  for (const href of ['https://example.com/faq', 'https://example.com/contact']) {
    const link = answer.getByRole('link', { name: href });
    await expect(link).toHaveAttribute('href', href);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  // The sentence's full stop stays text, outside the link.
  await expect(answer).toContainText('https://example.com/contact.');
  await expect(chat.page.getByRole('button', { name: chat.words.yes })).toHaveCount(0);

  // Asking for a person outright gets the same answer, not a handoff.
  await chat.send('I want to talk to a real person');
  await expect(answer).toHaveCount(2);
  await expect(chat.page.getByRole('button', { name: chat.words.yes })).toHaveCount(0);
  await expect(chat.page.getByRole('status').filter({ hasText: chat.words.waiting })).toHaveCount(0);
});
