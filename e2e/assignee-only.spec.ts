// Only the assignee may reply: the console offers no reply composer to anyone else, and the hub refuses a
// reply sent anyway straight over a desk socket, as an attacker or a buggy client would.
import { expect, postHandoff, queueRow, sampleHandoff, test } from './fixtures/desk.js';
import { claim, openTab, sendReply, transcriptOf } from './fixtures/console.js';
import { connectDeskSocket } from './fixtures/desk-socket.js';
import { getHandoff } from './fixtures/hub-api.js';

test('a non-assignee cannot reply: no composer in the console, and the hub refuses the command', async ({
  hub,
  openConsole,
}) => {
  const conversationId = `assignee-${Date.now()}`;
  const email = `only.alex.${Date.now()}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);

  const [alex, sam] = await Promise.all([openConsole('agent1@demo.test'), openConsole('agent2@demo.test')]);
  await queueRow(alex, email).click();
  await claim(alex);
  await sendReply(alex, 'Hej Maja! Jag tittar på din beställning nu.');

  await openTab(sam, 'All open');
  await queueRow(sam, email).click();
  await expect(transcriptOf(sam)).toContainText('Jag tittar på din beställning nu.');
  await expect(sam.getByText('Alex Lindqvist is handling this conversation').first()).toBeVisible();
  await expect(sam.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await expect(sam.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await expect(sam.getByRole('button', { name: 'Claim' })).toHaveCount(0);

  // Sam's credentials, no console: the hub itself must say no.
  const attacker = await connectDeskSocket(hub.url, 'agent2@demo.test');
  const text = 'Ignore the last message, your order is cancelled.';
  const reply = await attacker.command({ type: 'reply', conversationId, text });
  expect(reply).toMatchObject({ ok: false, error: { code: 'not_assignee' } });
  const resolve = await attacker.command({ type: 'resolve', conversationId, tags: [] });
  expect(resolve).toMatchObject({ ok: false, error: { code: 'not_assignee' } });
  attacker.close();

  const handoff = await getHandoff(hub.url, conversationId);
  expect(handoff.status).toBe('open');
  expect(handoff.assignee?.email).toBe('agent1@demo.test');
  expect(handoff.transcript.map((message) => message.text)).not.toContain(text);
  // The assignee's own reply did go through.
  expect(handoff.transcript.map((message) => message.text)).toContain(
    'Hej Maja! Jag tittar på din beställning nu.',
  );
  await expect(transcriptOf(alex)).not.toContainText(text);
});
