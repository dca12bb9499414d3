// Fault injection: the console process is SIGKILLed with replies still in its outbox, and started again on the
// same data dir. It resumes from its saved session and the replies reach the hub and the shopper's widget exactly
// once, in the order written. Twice: with the replies held back by a network cut (so they are certainly still in
// the outbox at the kill), and with the network up, killed right after the composer took them (in flight or not).
import { expect, queueRow, test, TEAM } from './fixtures/desk.js';
import {
  claim,
  expectHubLost,
  expectOnline,
  offlineReviewBanner,
  transcriptEntry,
} from './fixtures/console.js';
import { agentRepliesOnHub, escalatedConversationId } from './fixtures/hub-api.js';
import { askForAgent, openShopperChat } from './fixtures/shopper.js';
import {
  agentReplies,
  openConversation,
  settleAgentReplies,
  widgetTranscriptTexts,
  type SentMessage,
} from './fixtures/fault-traffic.js';
import { exactlyOnceProblems } from './fixtures/fault-exactly-once.js';

const BACK_ONLINE_MS = 30_000;
const REPLIES_PER_KILL = 3;

test('a console killed with replies in its outbox delivers them exactly once, in order, after its restart', async ({
  hub,
  browser,
  startConsole,
  startProxy,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const shopperEmail = `fault.console.${stamp}@example.com`;
  const chat = await openShopperChat(browser, hub.url);
  await askForAgent(chat, 'Can you engrave my initials on a leather wallet?', shopperEmail);
  await expect(chat.page.getByText(chat.words.waiting).first()).toBeVisible();
  const conversationId = await escalatedConversationId(hub.url, shopperEmail);

  // The console reaches the hub through a proxy the test can cut.
  const proxy = await startProxy();
  const alex = await startConsole(TEAM.alex.email, { hubUrl: proxy.url });
  await queueRow(alex.page, shopperEmail).click();
  await claim(alex.page);

  const replies: SentMessage[] = [];
  const write = async (label: string) => {
    for (let n = 1; n <= REPLIES_PER_KILL; n += 1) {
      const text = `${label} reply ${n} (${stamp})`;
      replies.push({ sender: 'alex', conversationId, text, acknowledged: false });
      await agentReplies(alex.page, conversationId, text);
    }
  };

  await test.step('replies held in the outbox by a network cut, then the console is killed', async () => {
    proxy.cut();
    await expectHubLost(alex.page);
    await write('cut');
    for (const reply of replies)
      await expect(transcriptEntry(alex.page, reply.text).locator('[data-delivery]')).toHaveAttribute(
        'data-delivery',
        'pending',
      );
    const page = await alex.restart('SIGKILL');
    // Started without the hub: its cached copy, with the replies still pending.
    await expect(offlineReviewBanner(page)).toBeVisible({ timeout: BACK_ONLINE_MS });
    await openConversation(page, conversationId);
    for (const reply of replies) {
      await expect(transcriptEntry(page, reply.text)).toHaveCount(1);
      await expect(transcriptEntry(page, reply.text).locator('[data-delivery]')).toHaveAttribute(
        'data-delivery',
        'pending',
      );
    }
  });

  await test.step('the network returns: the saved session resumes and the replies go out once', async () => {
    proxy.restore();
    await expectOnline(alex.page, BACK_ONLINE_MS);
    await settleAgentReplies(alex.page, replies, BACK_ONLINE_MS);
  });

  await test.step('replies taken by the composer, the console killed at once with the network up', async () => {
    await write('in-flight');
    const page = await alex.restart('SIGKILL');
    await expectOnline(page, BACK_ONLINE_MS);
    await settleAgentReplies(page, replies, BACK_ONLINE_MS);
  });

  await test.step('on the hub, in the console and in the widget: each reply once, in the order written', async () => {
    const onHub = (await agentRepliesOnHub(hub.url, conversationId)).map((message) => message.text);
    expect(exactlyOnceProblems('hub', onHub, replies)).toEqual([]);
    await expect
      .poll(async () => exactlyOnceProblems('widget', await widgetTranscriptTexts(chat), replies), {
        timeout: BACK_ONLINE_MS,
      })
      .toEqual([]);
    // The widget showed them: the console marks each delivered.
    for (const reply of replies)
      await expect(transcriptEntry(alex.page, reply.text).locator('[data-delivery]')).toHaveAttribute(
        'data-delivery',
        'delivered',
        { timeout: BACK_ONLINE_MS },
      );
    const inConsole = await alex.page
      .getByRole('log', { name: 'Transcript' })
      .locator('[data-message-id] .message__text')
      .allTextContents();
    expect(exactlyOnceProblems('console', inConsole, replies)).toEqual([]);
  });
});
