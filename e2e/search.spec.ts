// Full-text search over the console's cache: a word typed without its Swedish letters finds the message with
// the word highlighted, a filter narrows the hits, and opening a hit shows that message in its conversation.
import { expect, postHandoff, sampleHandoff, test } from './fixtures/desk.js';
import { transcriptOf } from './fixtures/console.js';

test('search finds "Göteborg" typed as "goteborg", a filter narrows it, and a hit opens at its message', async ({
  hub,
  openConsole,
}) => {
  const alex = await openConsole('agent1@demo.test');
  const stamp = Date.now();
  const handoff = (id: string, channel: 'sms' | 'email', name: string, text: string) => {
    const base = sampleHandoff(`${id}-${stamp}`, `${id}.${stamp}@example.se`);
    return {
      ...base,
      channel,
      shopper: { ...base.shopper, name },
      transcript: [
        ...base.transcript,
        { id: `${id}-${stamp}-m3`, author: 'shopper', text, sentAt: new Date().toISOString() },
      ],
    };
  };
  const bySms = handoff('sms', 'sms', `Stina Sms ${stamp}`, 'Kan ni leverera till Göteborg på fredag?');
  const byEmail = handoff(
    'mail',
    'email',
    `Elin Mail ${stamp}`,
    'Min nya adress är i Göteborg, Linnégatan 12.',
  );
  expect((await postHandoff(hub.url, bySms)).status).toBe(201);
  expect((await postHandoff(hub.url, byEmail)).status).toBe(201);
  // The console has them once they show in its queue (the cache feeds the search).
  const queue = alex.getByRole('list', { name: 'Conversations', exact: true });
  await expect(queue).toContainText(`Elin Mail ${stamp}`);
  await expect(queue).toContainText(`Stina Sms ${stamp}`);

  await alex.getByRole('searchbox', { name: 'Search' }).fill('goteborg');
  const results = alex.getByRole('list', { name: 'Search results' });
  const smsHit = results.getByRole('listitem').filter({ hasText: `Stina Sms ${stamp}` });
  const emailHit = results.getByRole('listitem').filter({ hasText: `Elin Mail ${stamp}` });
  await expect(smsHit).toHaveCount(1);
  await expect(emailHit).toHaveCount(1);
  await expect(emailHit.locator('mark')).toHaveText(['Göteborg']);
  await expect(emailHit).toContainText('Min nya adress är i Göteborg');
  // The queue makes way for the results while searching.
  await expect(queue).toHaveCount(0);

  await alex.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Email' });
  await expect(smsHit).toHaveCount(0);
  await expect(emailHit).toHaveCount(1);

  await emailHit.getByRole('button').click();
  const message = transcriptOf(alex).locator(`[data-message-id="mail-${stamp}-m3"]`);
  await expect(message).toBeInViewport();
  await expect(message).toHaveAttribute('data-search-hit', 'true');
  await expect(message).toContainText('Min nya adress är i Göteborg');

  // Escape in the box goes back to the queue.
  await alex.getByRole('searchbox', { name: 'Search' }).press('Escape');
  await expect(results).toHaveCount(0);
  await expect(queue).toBeVisible();
});

test('the f key focuses search, which says so when nothing matches', async ({ openConsole }) => {
  const alex = await openConsole('agent1@demo.test');
  // `f` (outside a text field) puts the cursor in the search box.
  await alex.keyboard.press('f');
  const searchBox = alex.getByRole('searchbox', { name: 'Search' });
  await expect(searchBox).toBeFocused();
  await searchBox.fill(`zzxq${Date.now()}`);
  await expect(alex.getByText(/^No messages match/)).toBeVisible();
});
