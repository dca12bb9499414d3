// Fault injection: the hub is SIGKILLed at seeded random moments while three shoppers (the real widget) and two
// agents (two console processes) exchange messages, and restarted on the same port and data dir each time.
// Afterwards every message its sender saw acknowledged is there exactly once, in send order, on the hub, in both
// consoles and in the shopper's widget; an unacknowledged one at most once; each handoff outcome (escalated, and
// accepted: one claim is made while the hub is down) is one event.
// Replay a failure with FAULT_SEED=<seed> (printed at the start and attached to the test).
import { expect, queueRow, test, TEAM, eventsOf } from './fixtures/desk.js';
import { expectOnline, openTab } from './fixtures/console.js';
import { getHandoff, escalatedConversationId } from './fixtures/hub-api.js';
import { askForAgent, openShopperChat, type ShopperChat } from './fixtures/shopper.js';
import { faultRandom } from './fixtures/fault-seed.js';
import {
  agentReplies,
  consoleTranscriptTexts,
  settleAgentReplies,
  shopperSends,
  widgetTranscriptTexts,
  type SentMessage,
} from './fixtures/fault-traffic.js';
import { exactlyOnceProblems } from './fixtures/fault-exactly-once.js';
import type { Page } from '@playwright/test';

const SHOPPERS = 3;
const MESSAGES_PER_SHOPPER = 5;
const REPLIES_PER_CONVERSATION = 3;
const RECOVER_MS = 30_000;

test('the hub killed at random moments mid-traffic loses and duplicates nothing acknowledged', async ({
  hub,
  browser,
  startConsole,
}) => {
  test.setTimeout(120_000);
  const random = faultRandom();
  const stamp = `${Date.now()}-${random.seed}`;
  const withSeed = (problems: string[]) =>
    problems.length === 0 ? [] : [`FAULT_SEED=${random.seed}`, ...problems];

  const shoppers: { chat: ShopperChat; email: string; conversationId: string }[] = [];
  await test.step('three shoppers ask for an agent in the widget', async () => {
    const opened = await Promise.all(
      Array.from({ length: SHOPPERS }, async (_, index) => {
        const email = `fault.kill.${index}.${stamp}@example.com`;
        const chat = await openShopperChat(browser, hub.url);
        await askForAgent(chat, `Can you engrave my initials on a leather wallet? (${index})`, email);
        await expect(chat.page.getByText(chat.words.waiting).first()).toBeVisible();
        return { chat, email, conversationId: await escalatedConversationId(hub.url, email) };
      }),
    );
    shoppers.push(...opened);
  });

  const [alex, sam] = await Promise.all([startConsole(TEAM.alex.email), startConsole(TEAM.sam.email)]);
  // Alex works the first two conversations (claimed before the faults), Sam the third (claimed during them).
  const agentOf = (index: number) =>
    index < 2 ? { name: 'alex', page: () => alex.page } : { name: 'sam', page: () => sam.page };
  const claimIn = async (page: Page, email: string, timeout?: number) => {
    await openTab(page, 'Unassigned');
    await queueRow(page, email).click();
    await page.getByRole('button', { name: 'Claim' }).click();
    // Acknowledged: the hub's answer (or, for a claim sent while it was down, its event) made it ours.
    await expect(page.getByRole('textbox', { name: 'Reply' })).toBeVisible({ timeout });
  };
  await test.step('Alex claims two conversations', async () => {
    for (const shopper of shoppers.slice(0, 2)) await claimIn(alex.page, shopper.email);
  });

  const sent: SentMessage[] = [];
  let sendsStarted = 0;
  const kills: number[] = [];
  await test.step('traffic both ways while the hub is killed and restarted', async () => {
    let trafficDone = false;
    let wakeKiller: () => void = () => {};
    let hubKilled: () => void = () => {};
    const firstKill = new Promise<void>((resolve) => (hubKilled = resolve));
    const onSend = () => {
      sendsStarted += 1;
      wakeKiller();
    };
    /** Kills at seeded points in the traffic (counted in clicks on Send), each after the previous restart. */
    const killer = (async () => {
      const planned = random.between(2, 3);
      for (let kill = 0; kill < planned && !trafficDone; kill += 1) {
        const at = sendsStarted + random.between(2, 5);
        while (sendsStarted < at && !trafficDone)
          await new Promise<void>((resolve) => (wakeKiller = resolve));
        if (trafficDone) break;
        await hub.stop('SIGKILL');
        kills.push(sendsStarted);
        hubKilled();
        await hub.start();
      }
    })();

    const shopperTraffic = shoppers.map(async (shopper, index) => {
      for (let n = 1; n <= MESSAGES_PER_SHOPPER; n += 1) {
        const text = `shopper ${index} message ${n} (${stamp})`;
        const message: SentMessage = {
          sender: `shopper ${index}`,
          conversationId: shopper.conversationId,
          text,
          acknowledged: false,
        };
        sent.push(message);
        message.acknowledged = await shopperSends(shopper.chat, text, onSend);
      }
    });
    const agentTraffic = (['alex', 'sam'] as const).map(async (name) => {
      const mine = shoppers.filter((_, index) => agentOf(index).name === name);
      const page = () => (name === 'alex' ? alex.page : sam.page);
      if (name === 'sam') {
        // Sam claims while the hub is down: the claim waits in his outbox and is applied once on its return.
        await firstKill;
        await claimIn(sam.page, shoppers[2]!.email, RECOVER_MS);
      }
      for (let n = 1; n <= REPLIES_PER_CONVERSATION; n += 1) {
        for (const shopper of mine) {
          const text = `${name} reply ${n} to ${shopper.email}`;
          sent.push({ sender: name, conversationId: shopper.conversationId, text, acknowledged: false });
          await agentReplies(page(), shopper.conversationId, text, onSend);
        }
      }
    });
    await Promise.all([...shopperTraffic, ...agentTraffic]);
    trafficDone = true;
    wakeKiller();
    await killer;
    console.log(`hub killed after sends ${kills.join(', ')} (seed ${random.seed})`);
    expect(kills.length, `FAULT_SEED=${random.seed}: kills`).toBeGreaterThanOrEqual(2);
  });

  await test.step('everything settles: consoles online, replies out of the outbox', async () => {
    await expectOnline(alex.page, RECOVER_MS);
    await expectOnline(sam.page, RECOVER_MS);
    await settleAgentReplies(
      alex.page,
      sent.filter((m) => m.sender === 'alex'),
      RECOVER_MS,
    );
    await settleAgentReplies(
      sam.page,
      sent.filter((m) => m.sender === 'sam'),
      RECOVER_MS,
    );
    // The widget sends a message again (same id) after a lost answer, so none typed is given back here.
    const givenBack = sent
      .filter((m) => m.sender.startsWith('shopper') && !m.acknowledged)
      .map((m) => m.text);
    expect(givenBack, `FAULT_SEED=${random.seed}: shopper messages given back to the input`).toEqual([]);
  });

  const inConversation = (conversationId: string) => sent.filter((m) => m.conversationId === conversationId);

  await test.step('on the hub: each acknowledged message once, in order', async () => {
    const problems: string[] = [];
    for (const shopper of shoppers) {
      const transcript = (await getHandoff(hub.url, shopper.conversationId)).transcript;
      problems.push(
        ...exactlyOnceProblems(
          `hub ${shopper.conversationId}`,
          transcript.map((m) => m.text),
          inConversation(shopper.conversationId),
        ),
      );
    }
    expect(withSeed(problems)).toEqual([]);
  });

  await test.step('in both consoles: each acknowledged message once, in order', async () => {
    const consoleProblems = async (name: string, page: Page) => {
      const problems: string[] = [];
      for (const shopper of shoppers) {
        problems.push(
          ...exactlyOnceProblems(
            `${name}'s console, ${shopper.email}`,
            await consoleTranscriptTexts(page, shopper.conversationId),
            inConversation(shopper.conversationId),
          ),
        );
      }
      return withSeed(problems);
    };
    await expect.poll(() => consoleProblems('alex', alex.page), { timeout: RECOVER_MS }).toEqual([]);
    await expect.poll(() => consoleProblems('sam', sam.page), { timeout: RECOVER_MS }).toEqual([]);
  });

  await test.step("in each shopper's widget: each acknowledged message once, in order", async () => {
    for (const shopper of shoppers) {
      await expect
        .poll(
          async () =>
            withSeed(
              exactlyOnceProblems(
                `widget of ${shopper.email}`,
                await widgetTranscriptTexts(shopper.chat),
                inConversation(shopper.conversationId),
              ),
            ),
          { timeout: RECOVER_MS },
        )
        .toEqual([]);
    }
  });

  await test.step('in the event stream: each handoff escalated once and accepted once', async () => {
    for (const shopper of shoppers) {
      const metrics = (await eventsOf(hub.url, shopper.conversationId)).map((event) => event.metric);
      const times = (metric: string) => metrics.filter((m) => m === metric).length;
      expect(
        { escalated: times('Conversation Escalated'), accepted: times('Handoff Accepted') },
        `FAULT_SEED=${random.seed}: events of ${shopper.conversationId}`,
      ).toEqual({ escalated: 1, accepted: 1 });
    }
  });
});
