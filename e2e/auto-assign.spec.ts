// Auto-assign respects capacity and presence: with auto-assign on and a capacity of 1, the oldest waiting
// handoff goes to the online agent; the next waits while agent1 is full and agent2 is away, and goes to agent2
// the moment they come online. Manual claiming is not involved at all.
import {
  eventsOf,
  EMPTY_TEAM_HUB,
  expect,
  postHandoff,
  queueRow,
  sampleHandoff,
  test,
} from './fixtures/desk.js';
import { openSettings, openTab, saveTeamSettings, setPresence, teamMember } from './fixtures/console.js';
import { getHandoff } from './fixtures/hub-api.js';

// An empty queue: the demo handoffs would otherwise be the oldest waiting ones and take the capacity.
test.use({ hubOptions: EMPTY_TEAM_HUB });

test('auto-assign gives the oldest handoff to the online agent under capacity, and waits for the away one', async ({
  hub,
  openConsole,
}) => {
  const lead = await openConsole('lead@demo.test');
  const settings = await openSettings(lead);
  await settings.getByRole('checkbox', { name: 'Auto-assign' }).check();
  await settings.getByRole('spinbutton', { name: 'Capacity per agent' }).fill('1');
  await saveTeamSettings(settings);
  await lead.keyboard.press('Escape');
  // The lead configures and steps away, so only the agents below are candidates.
  await setPresence(lead, 'Away');

  const alex = await openConsole('agent1@demo.test');
  const sam = await openConsole('agent2@demo.test');
  await setPresence(sam, 'Away');
  await expect(teamMember(alex, 'Sam Okafor')).toContainText('Away');
  await expect(teamMember(alex, 'Maria Svensson')).toContainText('Away');
  await expect(teamMember(alex, 'Alex Lindqvist')).toContainText('Online');

  const stamp = Date.now();
  const first = { id: `auto-1-${stamp}`, email: `first.${stamp}@example.se` };
  const second = { id: `auto-2-${stamp}`, email: `second.${stamp}@example.se` };
  expect((await postHandoff(hub.url, sampleHandoff(first.id, first.email))).status).toBe(201);
  expect((await postHandoff(hub.url, sampleHandoff(second.id, second.email))).status).toBe(201);

  await openTab(alex, 'Mine');
  await expect(queueRow(alex, first.email)).toBeVisible();
  await expect(teamMember(alex, 'Alex Lindqvist')).toContainText('1/1');
  // Alex is full and Sam is away: the second waits in the queue.
  await openTab(sam, 'Unassigned');
  await expect(queueRow(sam, second.email)).toBeVisible();
  expect(await getHandoff(hub.url, second.id)).toMatchObject({ status: 'queued', assignee: null });

  await setPresence(sam, 'Online');
  await openTab(sam, 'Mine');
  await expect(queueRow(sam, second.email)).toBeVisible();
  expect(await getHandoff(hub.url, first.id)).toMatchObject({ assignee: { email: 'agent1@demo.test' } });
  expect(await getHandoff(hub.url, second.id)).toMatchObject({
    status: 'open',
    assignee: { email: 'agent2@demo.test' },
  });
  for (const { id } of [first, second]) {
    const accepted = (await eventsOf(hub.url, id)).filter((e) => e.metric === 'Handoff Accepted');
    expect(accepted.map((e) => e.properties.assignment)).toEqual(['auto_assign']);
  }
});
