// Conflicts: what an agent did while cut off from the hub, that the world made impossible meanwhile, is reported
// with the hub's reason and the text the agent wrote, never dropped silently.
import { expect, postHandoff, queueRow, sampleHandoff, test, TEAM } from './fixtures/desk.js';
import { claim, expectHubLost, expectOnline, notApplied, transcriptEntry } from './fixtures/console.js';
import { connectDeskSocket } from './fixtures/desk-socket.js';
import { agentRepliesOnHub, eraseHandoff, getHandoff } from './fixtures/hub-api.js';

const BACK_ONLINE_MS = 20_000;

test('a reply and a resolve made offline after a lead transferred the conversation are reported as not applied, with the text kept', async ({
  hub,
  startConsole,
  startProxy,
}) => {
  const stamp = Date.now();
  const conversationId = `conflict-transfer-${stamp}`;
  const email = `conflict.${stamp}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);

  // Alex reaches the hub through a proxy the test can cut; the lead and Sam reach it directly.
  const proxy = await startProxy();
  const alex = (await startConsole(TEAM.alex.email, { hubUrl: proxy.url })).page;
  await queueRow(alex, email).click();
  await claim(alex);

  proxy.cut();
  await expectHubLost(alex);
  const reply = `Jag har hittat din beställning, den skickas i dag. (${stamp})`;
  await alex.getByRole('textbox', { name: 'Reply' }).fill(reply);
  await alex.getByRole('button', { name: 'Send' }).click();
  await expect(transcriptEntry(alex, reply).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'pending',
  );
  await alex.getByRole('button', { name: 'Resolve' }).click();
  await alex.getByRole('button', { name: 'Resolve conversation' }).click();

  // Meanwhile the lead moves the conversation to Sam.
  const sam = await connectDeskSocket(hub.url, TEAM.sam.email);
  const maria = await connectDeskSocket(hub.url, TEAM.maria.email);
  try {
    const transferred = await maria.command({
      type: 'transfer',
      conversationId,
      toAgentId: sam.accountId,
    });
    expect(transferred).toMatchObject({ ok: true });
  } finally {
    sam.close();
    maria.close();
  }

  proxy.restore();
  await expectOnline(alex, BACK_ONLINE_MS);

  // Both are reported on the conversation, with the hub's reason (it names who has it now) and the text.
  const list = notApplied(alex);
  await expect(list).toBeVisible();
  const replyItem = list.getByRole('listitem').filter({ hasText: 'Your reply' });
  await expect(replyItem).toHaveCount(1);
  await expect(replyItem).toContainText(reply);
  await expect(replyItem).toContainText(TEAM.sam.name);
  const resolveItem = list.getByRole('listitem').filter({ hasText: 'Resolve' });
  await expect(resolveItem).toHaveCount(1);
  await expect(resolveItem).toContainText(TEAM.sam.name);
  // The failed reply stays in the transcript, marked as not sent.
  await expect(transcriptEntry(alex, reply).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'failed',
  );

  // Nothing of it reached the hub: Sam has the conversation, open, without Alex's reply.
  const handoff = await getHandoff(hub.url, conversationId);
  expect(handoff.assignee?.email).toBe(TEAM.sam.email);
  expect(handoff.status).toBe('open');
  expect((await agentRepliesOnHub(hub.url, conversationId)).map((m) => m.text)).not.toContain(reply);

  // "Edit again" gives the text back (here in a note: Alex no longer may reply) and leaves the list.
  await replyItem.getByRole('button', { name: 'Edit again' }).click();
  await expect(replyItem).toHaveCount(0);
  const composer = alex
    .getByRole('textbox', { name: 'Reply' })
    .or(alex.getByRole('textbox', { name: /Note/ }))
    .first();
  await expect(composer).toHaveValue(reply);
  // Dismissing the other empties the list; the transcript no longer shows the failed reply.
  await resolveItem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(list).toHaveCount(0);
  await expect(transcriptEntry(alex, reply)).toHaveCount(0);
});

test('a reply queued offline to a conversation erased on the hub meanwhile is reported with its text', async ({
  hub,
  startConsole,
  startProxy,
}) => {
  const stamp = Date.now();
  const conversationId = `conflict-erased-${stamp}`;
  const email = `erased.${stamp}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);

  const proxy = await startProxy();
  const alex = (await startConsole(TEAM.alex.email, { hubUrl: proxy.url })).page;
  await queueRow(alex, email).click();
  await claim(alex);

  proxy.cut();
  await expectHubLost(alex);
  const reply = `Din retur är registrerad. (${stamp})`;
  await alex.getByRole('textbox', { name: 'Reply' }).fill(reply);
  await alex.getByRole('button', { name: 'Send' }).click();
  await expect(transcriptEntry(alex, reply).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'pending',
  );

  // The shop erases the shopper's data on the hub while Alex is cut off.
  await eraseHandoff(hub.url, conversationId);

  proxy.restore();
  await expectOnline(alex, BACK_ONLINE_MS);

  // The conversation is gone from this computer, and Alex is told, with what they wrote.
  await expect(queueRow(alex, email)).toHaveCount(0);
  const list = notApplied(alex);
  await expect(list).toBeVisible();
  await expect(
    alex.getByText(/^The conversation with Maja Berg was removed from this computer/),
  ).toBeVisible();
  const replyItem = list.getByRole('listitem').filter({ hasText: 'Your reply' });
  await expect(replyItem).toHaveCount(1);
  await expect(replyItem).toContainText(reply);
  await expect(replyItem).toContainText(/deleted on the hub/);
  // No composer to take it back into: the text can be copied, then dismissed.
  await expect(replyItem.getByRole('button', { name: 'Copy text' })).toBeVisible();
  await expect(replyItem.getByRole('button', { name: 'Edit again' })).toHaveCount(0);
  await replyItem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(list).toHaveCount(0);
});
