// Canned replies: `/` in the composer opens the agent's canned replies, typing filters them, picking one puts
// its text in the composer with the variables filled in for this shopper and this agent.
import { cannedReplySchema } from '../shared/canned-replies.js';
import { expect, postHandoff, queueRow, sampleHandoff, test } from './fixtures/desk.js';
import { claim, transcriptOf } from './fixtures/console.js';
import { connectDeskSocket } from './fixtures/desk-socket.js';
import { getHandoff } from './fixtures/hub-api.js';

test('typing / in the composer inserts a canned reply with the variables filled in', async ({
  hub,
  openConsole,
}) => {
  const alex = await openConsole('agent1@demo.test');
  // Alex's own personal canned reply, saved through his desk socket (the settings screen that manages them
  // is not what this spec is about); his console gets it from the hub's push.
  const socket = await connectDeskSocket(hub.url, 'agent1@demo.test');
  const saved = await socket.request(
    'canned:save',
    {
      id: `canned-${Date.now()}`,
      scope: 'personal',
      shortcut: 'waitthanks',
      title: 'Thanks for waiting',
      body: 'Hi {{shopper.first_name}}, thanks for waiting! This is {{agent.first_name}} from Nordic Threads.',
    },
    cannedReplySchema,
  );
  expect(saved.ok).toBe(true);
  socket.close();

  const conversationId = `canned-${Date.now()}`;
  const email = `canned.${Date.now()}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);
  await queueRow(alex, email).click();
  await claim(alex);

  const reply = alex.getByRole('textbox', { name: 'Reply' });
  await reply.pressSequentially('/waitth');
  const suggestions = alex.getByRole('listbox', { name: 'Canned replies' });
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByRole('option')).toHaveCount(1);
  await expect(suggestions.getByRole('option')).toContainText('Thanks for waiting');
  await reply.press('Enter');
  await expect(suggestions).toBeHidden();
  const filled = 'Hi Maja, thanks for waiting! This is Alex from Nordic Threads.';
  // (A trailing space after the inserted text, ready for more words, is fine.)
  await expect.poll(async () => (await reply.inputValue()).trimEnd()).toBe(filled);

  await alex.getByRole('button', { name: 'Send' }).click();
  await expect(transcriptOf(alex)).toContainText(filled);
  await expect
    .poll(async () => (await getHandoff(hub.url, conversationId)).transcript.map((m) => m.text))
    .toContain(filled);
});

test('Escape closes the canned replies without inserting anything', async ({ hub, openConsole }) => {
  const alex = await openConsole('agent1@demo.test');
  const conversationId = `canned-esc-${Date.now()}`;
  const email = `canned.esc.${Date.now()}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);
  await queueRow(alex, email).click();
  await claim(alex);
  const reply = alex.getByRole('textbox', { name: 'Reply' });
  await reply.pressSequentially('/');
  await expect(alex.getByRole('listbox', { name: 'Canned replies' })).toBeVisible();
  await reply.press('Escape');
  await expect(alex.getByRole('listbox', { name: 'Canned replies' })).toBeHidden();
  await expect(reply).toHaveValue('/');
  await expect(reply).toBeFocused();
});
