// Never miss a chat: a new handoff and a shopper's message in my conversation raise desktop notifications
// (recorded: the OS notification system is outside our system), the unread count shows in the window title,
// and clicking a notification opens the conversation and clears its count.
import { expect, postHandoff, queueRow, sampleHandoff, test } from './fixtures/desk.js';
import { claim, transcriptOf } from './fixtures/console.js';
import { postShopperMessage } from './fixtures/hub-api.js';
import { clickNotification, recordedNotifications } from './fixtures/notifications.js';

test('new handoff and new message notifications; the unread count in the title; a click opens it', async ({
  hub,
  openConsole,
}) => {
  const alex = await openConsole('agent1@demo.test', { recordNotifications: true });
  const titles = async () => (await recordedNotifications(alex)).map((n) => n.title);

  const conversationId = `notify-${Date.now()}`;
  const email = `notify.${Date.now()}@example.se`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, email))).status).toBe(201);
  await expect.poll(titles).toContain('New handoff: Maja Berg');

  await queueRow(alex, email).click();
  await claim(alex);
  // Alex looks at another conversation; Maja writes in his.
  await queueRow(alex, 'Astrid Nilsson').click();
  await expect(transcriptOf(alex)).toContainText('vasen var trasig');
  await postShopperMessage(hub.url, conversationId, 'Hallå, är du kvar?');

  await expect.poll(titles).toContain('Maja Berg wrote');
  await expect(alex).toHaveTitle('(1) Handoff Desk');

  await clickNotification(alex, /^Maja Berg wrote$/);
  await expect(transcriptOf(alex)).toContainText('Hallå, är du kvar?');
  await expect(alex).toHaveTitle('Handoff Desk');
});
