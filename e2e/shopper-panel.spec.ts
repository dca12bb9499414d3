// The shopper panel: the same shopper's past conversations (by email or profile ID) open with a click, their
// recent events show under their display names, and the team's tags are editable while the AI's stay apart.
import { expect, postHandoff, queueRow, sampleHandoff, test } from './fixtures/desk.js';
import { claim, transcriptOf } from './fixtures/console.js';
import { getHandoff } from './fixtures/hub-api.js';

test('past conversations and recent events of the shopper; team tags editable, AI tags apart', async ({
  hub,
  openConsole,
}) => {
  const alex = await openConsole('agent1@demo.test');
  const stamp = Date.now();
  const email = `returning.${stamp}@example.se`;
  const earlier = sampleHandoff(`earlier-${stamp}`, email);
  expect((await postHandoff(hub.url, earlier)).status).toBe(201);
  const now = new Date().toISOString();
  const latest = {
    ...sampleHandoff(`latest-${stamp}`, email),
    escalation: {
      reason: `Charged twice for order ${stamp}`,
      procedure: 'returns',
      tags: ['payment'],
    },
    transcript: [
      { id: `latest-${stamp}-m1`, author: 'shopper', text: 'Jag vill ha pengarna tillbaka.', sentAt: now },
    ],
  };
  expect((await postHandoff(hub.url, latest)).status).toBe(201);

  await queueRow(alex, `Charged twice for order ${stamp}`).click();
  const panel = alex.getByRole('complementary', { name: 'Shopper' });
  const past = panel.getByRole('list', { name: 'Past conversations' });
  await expect(past.getByRole('listitem')).toHaveCount(1);
  await expect(past).toContainText('AI could not answer');
  const events = panel.getByRole('list', { name: 'Recent events' });
  await expect(events).toContainText('Customer Agent Conversation Escalated');

  // Tags: the team's own, next to the AI's that stay as they were.
  await claim(alex);
  const addTag = panel.getByRole('textbox', { name: 'Add tag' });
  await addTag.fill('refund');
  await addTag.press('Enter');
  await addTag.fill('priority');
  await addTag.press('Enter');
  const teamTags = panel.getByRole('group', { name: 'Tags', exact: true });
  await expect(teamTags.getByRole('button', { name: 'Remove tag refund' })).toBeVisible();
  await teamTags.getByRole('button', { name: 'Remove tag priority' }).click();
  await expect(teamTags.getByRole('button', { name: 'Remove tag priority' })).toHaveCount(0);
  await expect(panel.getByRole('group', { name: 'AI tags' })).toContainText('payment');
  await expect(panel.getByRole('group', { name: 'AI tags' }).getByRole('button')).toHaveCount(0);
  await expect.poll(async () => (await getHandoff(hub.url, latest.conversationId)).tags).toEqual(['refund']);
  expect((await getHandoff(hub.url, latest.conversationId)).escalation?.tags).toEqual(['payment']);

  // The earlier conversation opens from the list.
  await past.getByRole('button').click();
  await expect(transcriptOf(alex)).toContainText('Var är min beställning #4412?');
  await expect(past.getByRole('listitem')).toHaveCount(1);
  await expect(past).toContainText(`Charged twice for order ${stamp}`);
});
