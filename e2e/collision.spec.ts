// Collision detection: two agents on one conversation see each other viewing and typing (in the conversation
// header and in the queue row), and typing shows both ways between the agent and the web chat shopper.
import { expect, queueRow, test } from './fixtures/desk.js';
import { claim, openTab, transcriptOf } from './fixtures/console.js';
import { askForAgent, openShopperChat } from './fixtures/shopper.js';

test('two agents see each other viewing and typing, and the shopper and agent see each other typing', async ({
  hub,
  browser,
  openConsole,
}) => {
  const email = `collide.${Date.now()}@example.com`;
  const chat = await openShopperChat(browser, hub.url);
  await askForAgent(chat, 'Can you engrave my initials on a leather wallet?', email);

  const [alex, sam] = await Promise.all([openConsole('agent1@demo.test'), openConsole('agent2@demo.test')]);
  await queueRow(alex, email).click();
  await claim(alex);
  await openTab(sam, 'All open');
  await queueRow(sam, email).click();
  await expect(transcriptOf(sam)).toContainText('Can you engrave my initials');

  // Viewing: each sees the other in the header; the queue row says who has it open.
  await expect(alex.getByRole('status').filter({ hasText: 'Sam Okafor is also viewing' })).toBeVisible();
  await expect(sam.getByRole('status').filter({ hasText: 'Alex Lindqvist is also viewing' })).toBeVisible();
  await expect(queueRow(sam, email)).toContainText(/Alex( Lindqvist)? viewing/);
  await openTab(alex, 'Mine');
  await expect(queueRow(alex, email)).toContainText(/Sam( Okafor)? viewing/);

  // Alex types a reply: Sam sees it in the header and the row, the shopper in the widget.
  await alex.getByRole('textbox', { name: 'Reply' }).pressSequentially('Hi! Yes, up to three', { delay: 20 });
  await expect(sam.getByRole('status').filter({ hasText: 'Alex Lindqvist is typing…' })).toBeVisible();
  await expect(queueRow(sam, email)).toContainText(/Alex( Lindqvist)? typing…/);
  const agentTyping = chat.page.getByRole('status').filter({ hasText: /Alex( Lindqvist)? is typing…/ });
  await expect(agentTyping).toBeVisible();

  // The shopper types: the agent sees it.
  await chat.page.getByRole('textbox', { name: 'Message' }).pressSequentially('Also, can', { delay: 20 });
  await expect(alex.getByRole('status').filter({ hasText: 'The shopper is typing…' })).toBeVisible();

  // Sending the reply ends the agent's typing everywhere.
  await alex.getByRole('textbox', { name: 'Reply' }).pressSequentially(' letters.');
  await alex.getByRole('button', { name: 'Send' }).click();
  await expect(chat.transcript.getByText('Hi! Yes, up to three letters.')).toBeVisible();
  await expect(agentTyping).toBeHidden();
  await expect(sam.getByRole('status').filter({ hasText: 'Alex Lindqvist is typing…' })).toBeHidden();

  // Sam closes the conversation: Alex no longer sees him viewing.
  await sam.keyboard.press('Escape');
  await expect(alex.getByRole('status').filter({ hasText: 'Sam Okafor is also viewing' })).toBeHidden();
});
