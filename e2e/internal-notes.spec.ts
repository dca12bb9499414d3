// Internal notes: visible to agents only, clearly styled, never delivered to the shopper (not live, not on a
// reload of the widget, not in the API a channel integration delivers from); an @mention notifies the agent.
import { expect, queueRow, test } from './fixtures/desk.js';
import { claim, openTab, sendReply, transcriptEntry } from './fixtures/console.js';
import { escalatedConversationId, getHandoff } from './fixtures/hub-api.js';
import { clickNotification, recordedNotifications } from './fixtures/notifications.js';
import { askForAgent, openShopperChat } from './fixtures/shopper.js';

test('a note with an @mention notifies the teammate and never reaches the shopper', async ({
  hub,
  browser,
  openConsole,
}) => {
  const email = `note.${Date.now()}@example.com`;
  const chat = await openShopperChat(browser, hub.url);
  // Something the demo Customer Agent can't answer, so it offers a person.
  await askForAgent(chat, 'Can you engrave my initials on a leather wallet?', email);
  const conversationId = await escalatedConversationId(hub.url, email);

  const alex = await openConsole('agent1@demo.test');
  const sam = await openConsole('agent2@demo.test', { recordNotifications: true });
  await queueRow(alex, email).click();
  await claim(alex);
  await openTab(sam, 'All open');

  // A note, with Sam picked from the mention suggestions.
  await alex.getByRole('radiogroup', { name: 'Composer mode' }).getByRole('radio', { name: 'Note' }).check();
  const noteBox = alex.getByRole('textbox', { name: 'Note' });
  await noteBox.pressSequentially('@Sa');
  await alex
    .getByRole('listbox', { name: 'Mentions' })
    .getByRole('option', { name: /Sam Okafor/ })
    .click();
  await noteBox.pressSequentially('can you check the refund in the payment provider?');
  // Sam's queue shows Alex writing, so the hub has his activity; the shopper must not hear of a note.
  await expect(queueRow(sam, email)).toContainText('Alex typing…');
  await expect(chat.page.getByRole('status').filter({ hasText: /is typing/ })).toHaveCount(0);
  await expect(noteBox).toHaveValue(/^@Sam( Okafor)?\s+can you check the refund/);
  await alex.getByRole('button', { name: 'Add note' }).click();

  const noteText = 'can you check the refund in the payment provider?';
  await expect(transcriptEntry(alex, noteText)).toContainText('Internal note');

  // Sam is notified, and clicking the notification opens the conversation with the note styled as internal.
  await expect
    .poll(async () => (await recordedNotifications(sam)).map((n) => n.title))
    .toContainEqual(expect.stringMatching(/Alex Lindqvist mentioned you/));
  await clickNotification(sam, /mentioned you/);
  await expect(transcriptEntry(sam, noteText)).toContainText('Internal note');

  // The reply after the note reaches the shopper; by then the note would have too, had it been sent.
  await alex.getByRole('radiogroup', { name: 'Composer mode' }).getByRole('radio', { name: 'Reply' }).check();
  await sendReply(alex, 'I am looking into your refund now.');
  await expect(chat.transcript.getByText('I am looking into your refund now.')).toBeVisible();
  await expect(chat.transcript).not.toContainText(noteText);

  // Nor after a reload (the widget's resume transcript), nor in the channel API.
  await chat.page.reload();
  await expect(chat.transcript.getByText('I am looking into your refund now.')).toBeVisible();
  await expect(chat.transcript).not.toContainText(noteText);
  const handoff = await getHandoff(hub.url, conversationId);
  expect(handoff.transcript.some((message) => message.text.includes(noteText))).toBe(false);
  expect(handoff.transcript.some((message) => message.internal)).toBe(false);
  expect(handoff.transcript.map((message) => message.text)).toContain('I am looking into your refund now.');
});
