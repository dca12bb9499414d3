// Offline review: with the hub down the console keeps showing what it has cached (readable and searchable),
// signing in again opens it in offline review on that cache, and it turns live by itself when the hub is back.
import { expect, postHandoff, queueRow, sampleHandoff, submitSignIn, test, TEAM } from './fixtures/desk.js';
import {
  connectionStatus,
  expectHubLost,
  expectOnline,
  offlineReviewBanner,
  transcriptOf,
} from './fixtures/console.js';

/** How long the console may take to find the hub again (its reconnect backoff tops out at a few seconds). */
const BACK_ONLINE_MS = 20_000;

test('with the hub down, cached conversations stay readable and searchable; signing in again opens offline review, live again once the hub is back', async ({
  hub,
  startConsole,
}) => {
  const stamp = Date.now();
  const email = `kiruna.${stamp}@example.se`;
  const base = sampleHandoff(`offline-review-${stamp}`, email);
  const question = `Kan ni leverera till Kiruna innan midsommar? (${stamp})`;
  const handoff = {
    ...base,
    shopper: { ...base.shopper, name: `Kerstin Kiruna ${stamp}` },
    transcript: [
      ...base.transcript,
      { id: `m3-${stamp}`, author: 'shopper', text: question, sentAt: new Date().toISOString() },
    ],
  };
  expect((await postHandoff(hub.url, handoff)).status).toBe(201);
  const alex = await startConsole(TEAM.alex.email);
  const page = alex.page;
  await expect(queueRow(page, `Kerstin Kiruna ${stamp}`)).toBeVisible();

  await hub.stop();
  await expectHubLost(page);

  // Reading: the conversation opens from the cache.
  await queueRow(page, `Kerstin Kiruna ${stamp}`).click();
  await expect(transcriptOf(page)).toContainText(question);
  await expect(page.getByRole('complementary', { name: 'Shopper' })).toContainText(email);

  // Searching: the full-text index is local too.
  const searchBox = page.getByRole('searchbox', { name: 'Search' });
  await searchBox.fill('kiruna midsommar');
  const hit = page
    .getByRole('list', { name: 'Search results' })
    .getByRole('listitem')
    .filter({ hasText: `Kerstin Kiruna ${stamp}` });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark').first()).toHaveText(/Kiruna|midsommar/);
  await searchBox.press('Escape');

  // Signing out and in again while the hub is still down: offline review on this machine's cache.
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The sign-out dialog: this computer's cached conversations stay unless the agent ticks the box.
  const signOutDialog = page.getByRole('dialog', { name: 'Sign out' });
  await expect(
    signOutDialog.getByRole('checkbox', { name: "Remove this computer's cached conversations" }),
  ).not.toBeChecked();
  await signOutDialog.getByRole('button', { name: 'Sign out' }).click();
  await submitSignIn(page, hub.url, TEAM.alex.email);
  await expect(connectionStatus(page)).toHaveAttribute('data-connection', 'offline_review');
  await expect(connectionStatus(page)).toContainText('Offline review');
  const banner = offlineReviewBanner(page);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/hub can.t be reached/i);

  await queueRow(page, `Kerstin Kiruna ${stamp}`).click();
  await expect(transcriptOf(page)).toContainText(question);
  await searchBox.fill('kiruna');
  await expect(hit).toHaveCount(1);
  await searchBox.press('Escape');

  // The hub comes back: the console goes live by itself, without signing in again.
  await hub.start();
  await expectOnline(page, BACK_ONLINE_MS);
  await expect(banner).toHaveCount(0);
  // Live for real: a handoff posted now appears without a reload.
  const later = sampleHandoff(`offline-review-later-${stamp}`, `later.${stamp}@example.se`);
  expect((await postHandoff(hub.url, later)).status).toBe(201);
  await expect(queueRow(page, `later.${stamp}@example.se`)).toBeVisible();
});
