// Catching up: consoles that missed thousands of hub changes (one closed, one cut off the network) apply them
// from their last position and end with exactly the cache, and the queue, of a console that never went away.
import type { Page } from '@playwright/test';
import { expect, test, TEAM } from './fixtures/desk.js';
import { makeBulkChanges } from './fixtures/bulk-changes.js';
import { describeCachedState, readCachedState } from './fixtures/cache-state.js';
import { expectHubLost, expectOnline, openTab } from './fixtures/console.js';
import { getHandoff } from './fixtures/hub-api.js';

const CATCH_UP_MS = 30_000;
const TABS = ['Unassigned', 'Mine', 'All open', 'Snoozed'] as const;

declare global {
  interface Window {
    __catchUpSeen?: string[];
  }
}

/** Records every "Catching up" progress text the page shows from now on (it may be on screen only briefly). */
async function recordCatchUpProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__catchUpSeen = [];
    const look = () => {
      for (const progress of document.querySelectorAll('progress')) {
        const name = progress.getAttribute('aria-label') ?? progress.labels?.[0]?.textContent ?? '';
        const text = progress.parentElement?.textContent ?? '';
        window.__catchUpSeen!.push(`${name} | ${text}`);
      }
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/** What the agent sees in each queue tab: the tab's label with its count, and the rows in order. */
async function queueView(page: Page): Promise<Record<string, { tab: string; rows: string[] }>> {
  const view: Record<string, { tab: string; rows: string[] }> = {};
  for (const tab of TABS) {
    await openTab(page, tab);
    const rows = page
      .getByRole('list', { name: 'Conversations', exact: true })
      .locator('[data-conversation-id]');
    view[tab] = {
      tab: (await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).textContent()) ?? '',
      rows: await rows.evaluateAll((items) =>
        items.map(
          (item) => `${item.getAttribute('data-conversation-id')}:${item.getAttribute('data-status')}`,
        ),
      ),
    };
  }
  return view;
}

test('consoles that were closed or cut off while thousands of changes happened catch up to the same state', async ({
  hub,
  startConsole,
  startProxy,
}) => {
  const steady = await startConsole(TEAM.alex.email);
  const closed = await startConsole(TEAM.alex.email);
  const proxy = await startProxy();
  const cutOff = await startConsole(TEAM.alex.email, { hubUrl: proxy.url });

  await closed.stop();
  proxy.cut();
  await expectHubLost(cutOff.page);

  const prefix = `bulk-${Date.now()}`;
  const made = await makeBulkChanges(hub.url, { prefix, handoffs: 20, messagesPerHandoff: 150, worked: 10 });
  expect(made.changes).toBeGreaterThanOrEqual(3000);

  // The steady console has all of it live: each generated conversation at the hub's latest version of it (the
  // log is applied in order, so its messages are there too).
  const hubVersions = Object.fromEntries(
    await Promise.all(
      made.conversationIds.map(async (id) => [id, (await getHandoff(hub.url, id)).version] as const),
    ),
  );
  await expect
    .poll(
      () =>
        Object.fromEntries(
          readCachedState(steady.process.dataDir)
            .conversations.filter((c) => c.id.startsWith(prefix))
            .map((c) => [c.id, c.version]),
        ),
      { timeout: CATCH_UP_MS },
    )
    .toEqual(hubVersions);
  const steadyMessages = readCachedState(steady.process.dataDir).messages;
  expect(steadyMessages.filter((m) => m.conversationId.startsWith(prefix)).length).toBeGreaterThanOrEqual(
    20 * 150,
  );

  // Back: the cut-off console (on screen, with a progress bar) and the closed one (started again).
  await recordCatchUpProgress(cutOff.page);
  proxy.restore();
  const reopened = await closed.start();
  await expectOnline(cutOff.page, CATCH_UP_MS);
  await expectOnline(reopened, CATCH_UP_MS);

  const progressSeen = await cutOff.page.evaluate(() => window.__catchUpSeen ?? []);
  expect(progressSeen.some((seen) => /Catching up/.test(seen))).toBe(true);
  expect(progressSeen.some((seen) => /Catching up: [\d,]+ of [\d,]+ changes/.test(seen))).toBe(true);

  // Exactly the same cached conversations and messages as the console that never went away.
  const expected = readCachedState(steady.process.dataDir);
  for (const console of [closed, cutOff]) {
    await expect
      .poll(
        () => {
          const state = readCachedState(console.process.dataDir);
          return { summary: describeCachedState(state), state };
        },
        { timeout: CATCH_UP_MS },
      )
      .toEqual({ summary: describeCachedState(expected), state: expected });
  }

  // And the same queues, tab by tab, row by row.
  const steadyView = await queueView(steady.page);
  expect(await queueView(reopened)).toEqual(steadyView);
  expect(await queueView(cutOff.page)).toEqual(steadyView);
  expect(steadyView['All open']!.rows.filter((row) => row.startsWith(prefix)).length).toBe(15);
});
