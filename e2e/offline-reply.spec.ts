// A reply typed while the hub is down waits in the console's outbox (shown pending), survives the console being
// killed and started again before the hub returns, and then reaches the hub and the shopper exactly once.
import { expect, queueRow, test, TEAM } from './fixtures/desk.js';
import {
  claim,
  expectHubLost,
  expectOnline,
  offlineReviewBanner,
  openTab,
  transcriptEntry,
  transcriptOf,
} from './fixtures/console.js';
import { agentRepliesOnHub, escalatedConversationId } from './fixtures/hub-api.js';
import { askForAgent, openShopperChat } from './fixtures/shopper.js';

const BACK_ONLINE_MS = 20_000;

test('a reply written offline, with the console killed and restarted before the hub returns, arrives exactly once', async ({
  hub,
  browser,
  startConsole,
}) => {
  const stamp = Date.now();
  const shopperEmail = `offline.reply.${stamp}@example.com`;
  const chat = await openShopperChat(browser, hub.url);
  await askForAgent(chat, 'Can you engrave my initials on a leather wallet?', shopperEmail);
  await expect(chat.page.getByText(chat.words.waiting).first()).toBeVisible();
  const conversationId = await escalatedConversationId(hub.url, shopperEmail);

  const alex = await startConsole(TEAM.alex.email);
  await queueRow(alex.page, shopperEmail).click();
  await claim(alex.page);

  // The hub crashes.
  await hub.stop('SIGKILL');
  await expectHubLost(alex.page);

  const reply = `Yes, we engrave up to three letters. Which ones? (${stamp})`;
  await alex.page.getByRole('textbox', { name: 'Reply' }).fill(reply);
  await alex.page.getByRole('button', { name: 'Send' }).click();
  await expect(transcriptEntry(alex.page, reply).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'pending',
  );

  // The console is killed (as in a crash or a closed laptop) and started again while the hub is still down:
  // the reply is still there, still pending.
  let page = await alex.restart('SIGKILL');
  // Started without the hub: its cached copy, clearly marked as such.
  await expect(offlineReviewBanner(page)).toBeVisible({ timeout: BACK_ONLINE_MS });
  await openTab(page, 'Mine');
  await queueRow(page, shopperEmail).click();
  await expect(transcriptEntry(page, reply)).toHaveCount(1);
  await expect(transcriptEntry(page, reply).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'pending',
  );

  await hub.start();
  page = alex.page;
  await expectOnline(page, BACK_ONLINE_MS);
  await expect(offlineReviewBanner(page)).toBeHidden();

  // The shopper's widget reconnects by itself and shows the reply once.
  await expect(chat.transcript.getByText(reply, { exact: true })).toHaveCount(1);
  // The console shows it once, delivered (the widget confirmed it reached the shopper).
  await expect(transcriptEntry(page, reply).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'delivered',
    { timeout: BACK_ONLINE_MS },
  );
  await expect(transcriptEntry(page, reply)).toHaveCount(1);
  await expect(transcriptOf(page).getByText(reply, { exact: true })).toHaveCount(1);
  // The hub stored it once.
  const onHub = await agentRepliesOnHub(hub.url, conversationId);
  expect(onHub.filter((message) => message.text === reply)).toHaveLength(1);
  expect(onHub.find((message) => message.text === reply)?.agent?.email).toBe(TEAM.alex.email);
  await expect(chat.transcript.getByText(reply, { exact: true })).toHaveCount(1);
});
