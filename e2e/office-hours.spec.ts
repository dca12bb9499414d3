// Never leave a shopper hanging: when nobody can answer (no agent online, or outside office hours) the shopper
// gets the configured auto-response in the web chat at once, the conversation still waits in the queue, and a
// `Handoff Missed` event records why.
import { DEFAULT_SETTINGS, hubSettingsSchema } from '../shared/settings.js';
import { eventsOf, expect, test } from './fixtures/desk.js';
import { setPresence, teamMember } from './fixtures/console.js';
import { connectDeskSocket } from './fixtures/desk-socket.js';
import { escalatedConversationId, getHandoff } from './fixtures/hub-api.js';
import { askForAgent, openShopperChat } from './fixtures/shopper.js';

test('with no console signed in, a shopper who asks for a human gets the auto-response at once', async ({
  hub,
  browser,
}) => {
  const email = `nobody-online.${Date.now()}@example.com`;
  const chat = await openShopperChat(browser, hub.url);
  await askForAgent(chat, 'Can I pay my invoice in two parts?', email);

  await expect(chat.transcript.getByText(DEFAULT_SETTINGS.autoResponseMessage)).toBeVisible();
  // It still waits for the team: the widget keeps saying so.
  await expect(chat.page.getByRole('status').filter({ hasText: chat.words.waiting })).toBeVisible();

  const conversationId = await escalatedConversationId(hub.url, email);
  expect((await getHandoff(hub.url, conversationId)).status).toBe('queued');
  const missed = (await eventsOf(hub.url, conversationId)).filter((e) => e.metric === 'Handoff Missed');
  expect(missed).toHaveLength(1);
  expect(missed[0]!.properties).toMatchObject({
    conversation_id: conversationId,
    channel: 'web_chat',
    reason: 'no_agent_online',
  });
});

test('an online agent means no auto-response; once the only agent is away, shoppers get it', async ({
  hub,
  browser,
  openConsole,
}) => {
  const alex = await openConsole('agent1@demo.test');
  await expect(teamMember(alex, 'Alex Lindqvist')).toContainText('Online');
  const question = 'Can you engrave my initials on a leather wallet?';

  const servedEmail = `served.${Date.now()}@example.com`;
  const served = await openShopperChat(browser, hub.url);
  await askForAgent(served, question, servedEmail);
  const servedId = await escalatedConversationId(hub.url, servedEmail);
  // The hub stores the auto-response with the handoff, so its record is final once the escalation is.
  const servedTexts = (await getHandoff(hub.url, servedId)).transcript.map((m) => m.text);
  expect(servedTexts).not.toContain(DEFAULT_SETTINGS.autoResponseMessage);
  expect((await eventsOf(hub.url, servedId)).map((e) => e.metric)).not.toContain('Handoff Missed');

  await setPresence(alex, 'Away');
  await expect(teamMember(alex, 'Alex Lindqvist')).toContainText('Away');
  const missedEmail = `all-away.${Date.now()}@example.com`;
  const chat = await openShopperChat(browser, hub.url);
  await askForAgent(chat, question, missedEmail);
  await expect(chat.transcript.getByText(DEFAULT_SETTINGS.autoResponseMessage)).toBeVisible();
  const missedId = await escalatedConversationId(hub.url, missedEmail);
  const missed = (await eventsOf(hub.url, missedId)).filter((e) => e.metric === 'Handoff Missed');
  expect(missed.map((e) => e.properties.reason)).toEqual(['no_agent_online']);
  // Away is not gone: the handoff still reaches Alex's queue.
  await expect(alex.getByRole('list', { name: 'Conversations' }).getByText(missedEmail)).toBeVisible();
  await expect(served.transcript).not.toContainText(DEFAULT_SETTINGS.autoResponseMessage);
});

test('outside office hours the shopper gets the auto-response even while an agent is online', async ({
  hub,
  browser,
}) => {
  // Setup through the lead's own desk socket (the settings screen has its own spec): office hours on, and
  // every day closed. The socket also keeps the lead online, so the reason must be the hours.
  const lead = await connectDeskSocket(hub.url, 'lead@demo.test');
  const autoResponse = 'We are closed right now. Opening hours: https://example.com/hours — we reply then.';
  const saved = await lead.request(
    'settings:update',
    {
      patch: {
        officeHours: { enabled: true, timeZone: 'Europe/Stockholm', periods: [] },
        autoResponseMessage: autoResponse,
      },
    },
    hubSettingsSchema,
  );
  expect(saved.ok).toBe(true);

  const email = `after-hours.${Date.now()}@example.com`;
  const chat = await openShopperChat(browser, hub.url);
  await askForAgent(chat, 'Can I pay my invoice in two parts?', email);

  await expect(chat.transcript).toContainText('We are closed right now.');
  const link = chat.transcript.getByRole('link', { name: 'https://example.com/hours' });
  await expect(link).toHaveAttribute('href', 'https://example.com/hours');

  const conversationId = await escalatedConversationId(hub.url, email);
  const missed = (await eventsOf(hub.url, conversationId)).filter((e) => e.metric === 'Handoff Missed');
  expect(missed.map((e) => e.properties.reason)).toEqual(['outside_office_hours']);
  lead.close();
});
