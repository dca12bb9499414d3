// Transfer with a note: the assignee hands a conversation to a teammate; the teammate is notified, finds it
// in "Mine" and reads the note (internal); the stream records the transfer.
import { eventsOf, expect, postHandoff, queueRow, sampleHandoff, test } from './fixtures/desk.js';
import { chooseOption, claim, openTab, transcriptEntry } from './fixtures/console.js';
import { recordedNotifications } from './fixtures/notifications.js';

test('agent1 transfers to agent2 with a note; agent2 is notified and has it in Mine with the note', async ({
  hub,
  openConsole,
}) => {
  const conversationId = `transfer-${Date.now()}`;
  const email = `transfer.${Date.now()}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);
  const alex = await openConsole('agent1@demo.test');
  const sam = await openConsole('agent2@demo.test', { recordNotifications: true });

  await queueRow(alex, email).click();
  await claim(alex);
  await alex.getByRole('button', { name: 'Transfer' }).click();
  const dialog = alex.getByRole('dialog', { name: 'Transfer conversation' });
  await chooseOption(dialog.getByRole('combobox', { name: 'Transfer to' }), /Sam Okafor/);
  const note = 'Refund approved up to 500 SEK; please call her back today.';
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Transfer' }).click();
  await expect(dialog).toBeHidden();

  await expect
    .poll(async () => (await recordedNotifications(sam)).map((n) => n.title))
    .toContainEqual('Alex Lindqvist transferred Maja Berg to you');
  await openTab(sam, 'Mine');
  await queueRow(sam, email).click();
  await expect(transcriptEntry(sam, note)).toContainText('Internal note');
  await expect(sam.getByRole('textbox', { name: 'Reply' })).toBeVisible();

  await openTab(alex, 'Mine');
  await expect(queueRow(alex, email)).toHaveCount(0);

  const transferred = (await eventsOf(hub.url, conversationId)).filter(
    (e) => e.metric === 'Handoff Transferred',
  );
  expect(transferred).toHaveLength(1);
  const ids = transferred[0]!.properties;
  expect(ids).toMatchObject({ conversation_id: conversationId, has_note: true });
  expect(ids.from_agent_id).toBe(ids.agent_id);
  expect(ids.to_agent_id).toEqual(expect.any(String));
  expect(ids.to_agent_id).not.toBe(ids.from_agent_id);
});
