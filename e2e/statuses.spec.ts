// Statuses: the assignee marks a conversation pending, snoozes it, resolves it; a shopper's message (through
// the channel API) reopens a snoozed or resolved one and puts it back in the agent's "Mine". Each change is an
// event in the stream.
import { eventsOf, expect, postHandoff, queueRow, sampleHandoff, test } from './fixtures/desk.js';
import { claim, openTab, transcriptOf } from './fixtures/console.js';
import { getHandoff, postShopperMessage } from './fixtures/hub-api.js';

test('pending, snooze and resolve; a shopper message reopens it back into Mine', async ({
  hub,
  openConsole,
}) => {
  const conversationId = `status-${Date.now()}`;
  const email = `status.${Date.now()}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);
  const alex = await openConsole('agent1@demo.test');
  await queueRow(alex, email).click();
  await claim(alex);

  await alex.getByRole('button', { name: 'Mark pending' }).click();
  await expect.poll(async () => (await getHandoff(hub.url, conversationId)).status).toBe('pending');
  await expect(alex.getByText('Waiting on the shopper', { exact: false })).toBeVisible();

  // Snooze for an hour: it leaves Mine for Snoozed.
  await alex.getByRole('button', { name: 'Snooze' }).click();
  const dialog = alex.getByRole('dialog', { name: 'Snooze conversation' });
  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await dialog.getByRole('button', { name: 'Snooze' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await getHandoff(hub.url, conversationId)).status).toBe('snoozed');
  await openTab(alex, 'Mine');
  await expect(queueRow(alex, email)).toHaveCount(0);
  await openTab(alex, 'Snoozed');
  await expect(queueRow(alex, email)).toBeVisible();

  // The shopper writes: back to open, in front of Alex.
  await postShopperMessage(hub.url, conversationId, 'Hallå? Har ni hittat paketet?');
  await openTab(alex, 'Mine');
  await expect(queueRow(alex, email)).toBeVisible();
  expect((await getHandoff(hub.url, conversationId)).status).toBe('open');

  await queueRow(alex, email).click();
  await expect(transcriptOf(alex)).toContainText('Har ni hittat paketet?');
  await alex.getByRole('button', { name: 'Resolve' }).click();
  await alex.getByRole('button', { name: 'Resolve conversation' }).click();
  await expect.poll(async () => (await getHandoff(hub.url, conversationId)).status).toBe('resolved');
  await expect(queueRow(alex, email)).toHaveCount(0);

  await postShopperMessage(hub.url, conversationId, 'Tack! En sak till: kan jag byta storlek?');
  await expect(queueRow(alex, email)).toBeVisible();
  const reopened = await getHandoff(hub.url, conversationId);
  expect(reopened).toMatchObject({ status: 'open', assignee: { email: 'agent1@demo.test' } });

  const events = await eventsOf(hub.url, conversationId);
  const metrics = events.map((e) => e.metric);
  // (A `Handoff Missed` may come first if the handoff landed before the console was online.)
  expect(metrics.filter((m) => m.startsWith('Handoff ') && m !== 'Handoff Missed')).toEqual([
    'Handoff Accepted',
    'Handoff Pending',
    'Handoff Snoozed',
    'Handoff Reopened',
    'Handoff Resolved',
    'Handoff Reopened',
  ]);
  const reopens = events.filter((e) => e.metric === 'Handoff Reopened').map((e) => e.properties);
  expect(reopens).toEqual([
    expect.objectContaining({ from_status: 'snoozed', trigger: 'shopper_message' }),
    expect.objectContaining({ from_status: 'resolved', trigger: 'shopper_message' }),
  ]);
  const snoozed = events.find((e) => e.metric === 'Handoff Snoozed')!;
  const until = Date.parse(String(snoozed.properties.snoozed_until));
  expect(until - Date.parse(snoozed.time)).toBeGreaterThan(55 * 60_000);
  expect(until - Date.parse(snoozed.time)).toBeLessThan(65 * 60_000);
});
