// Settings → This computer: the retention choice is this machine's and survives a restart, the cache's size is
// shown as it is, and clearing the cache (on a shared computer) signs out and leaves nothing to sign in offline to.
import { expect, postHandoff, queueRow, sampleHandoff, submitSignIn, test, TEAM } from './fixtures/desk.js';
import { readCachedState } from './fixtures/cache-state.js';
import {
  chooseOption,
  claim,
  connectionStatus,
  expectHubLost,
  openSettings,
  transcriptEntry,
} from './fixtures/console.js';
import { agentRepliesOnHub } from './fixtures/hub-api.js';
import { signInWords } from './fixtures/console-words.js';

const count = (n: number) => new Intl.NumberFormat('en').format(n);

test('"Keep cached conversations" survives a restart, the cache size is shown, and clearing the cache ends offline sign-in', async ({
  hub,
  startConsole,
}) => {
  const stamp = Date.now();
  const conversationId = `cache-settings-${stamp}`;
  const email = `shared.pc.${stamp}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);
  const alex = await startConsole(TEAM.alex.email);

  let settings = await openSettings(alex.page);
  const retention = () => settings.getByRole('combobox', { name: 'Keep cached conversations' });
  const selectedRetention = () =>
    retention().evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  expect(await retention().locator('option').allTextContents()).toEqual([
    'Everything',
    '7 days',
    '30 days',
    '90 days',
    '1 year',
  ]);
  await expect.poll(selectedRetention).toBe('Everything');
  await chooseOption(retention(), '30 days');
  await expect.poll(selectedRetention).toBe('30 days');

  // The choice belongs to this machine: the console process restarted still has it.
  const page = await alex.restart();
  await expect(page.getByRole('tab', { name: /Unassigned/ })).toBeVisible();
  settings = await openSettings(page);
  await expect.poll(selectedRetention).toBe('30 days');

  // The size line matches what the cache file holds.
  const cached = readCachedState(alex.process.dataDir);
  expect(cached.conversations.length).toBeGreaterThan(0);
  await expect(
    settings.getByText(
      new RegExp(
        `^Cache size: [\\d.,]+ [kMG]?B · ${count(cached.conversations.length)} conversations · ${count(cached.messages.length)} messages$`,
      ),
    ),
  ).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();

  // An unsent reply: clearing says it will be lost, and asks to discard it.
  await queueRow(page, email).click();
  await claim(page);
  await hub.stop();
  await expectHubLost(page);
  const unsent = `Jag ringer dig i eftermiddag. (${stamp})`;
  await page.getByRole('textbox', { name: 'Reply' }).fill(unsent);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(transcriptEntry(page, unsent).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'pending',
  );

  settings = await openSettings(page);
  await settings.getByRole('button', { name: /^Clear this computer.s cache$/ }).click();
  const confirm = page.getByRole('dialog', { name: /^Clear this computer.s cache\?$/ });
  await expect(confirm).toContainText('1 reply or action has not reached the hub yet');
  await confirm.getByRole('button', { name: 'Discard unsent and clear' }).click();

  // Signed out, on the sign-in screen, with nothing cached any more.
  const words = signInWords.en;
  await expect(page.getByRole('button', { name: words.signIn })).toBeVisible();
  expect(readCachedState(alex.process.dataDir).conversations).toEqual([]);

  // With the hub still down, signing in is refused: there is no cached copy to review offline.
  await submitSignIn(page, hub.url, TEAM.alex.email);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: words.signIn })).toBeVisible();
  await expect(connectionStatus(page)).not.toHaveAttribute('data-connection', 'offline_review');
  await expect(page.getByRole('tab', { name: words.unassigned })).toHaveCount(0);

  // The hub back: signing in works again, and the discarded reply never reached it.
  await hub.start();
  await submitSignIn(page, hub.url, TEAM.alex.email);
  await expect(connectionStatus(page)).toHaveAttribute('data-connection', 'online', { timeout: 20_000 });
  expect((await agentRepliesOnHub(hub.url, conversationId)).map((m) => m.text)).not.toContain(unsent);
});
