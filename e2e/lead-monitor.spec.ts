// The team lead's live queue monitor, end to end: the lead's figures follow handoffs posted through the Handoff
// API and claimed, answered and resolved by agents in their own consoles (and a shopper the Customer Agent
// helps without a handoff); the lead reassigns a conversation and puts another back in the queue from the
// monitor and the agents' consoles follow; a restarted lead console shows the right figures at once; the CSV
// export matches the conversations. Agents never see the monitor, and the hub refuses them its data.
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { MONITOR_CSV_COLUMNS, monitorExportSchema, monitorSnapshotSchema } from '../shared/monitor.js';
import { DEFAULT_SETTINGS, hubSettingsSchema } from '../shared/settings.js';
import type { Channel } from '../shared/domain.js';
import { EMPTY_TEAM_HUB, expect, postHandoff, queueRow, sampleHandoff, TEAM, test } from './fixtures/desk.js';
import { chooseOption, claim, openTab, sendReply, setPresence } from './fixtures/console.js';
import { connectDeskSocket } from './fixtures/desk-socket.js';
import {
  expectAgent,
  expectFigures,
  fetchMonitor,
  figure,
  openMonitor,
  sessionToken,
  slaListRow,
} from './fixtures/monitor.js';
import { openShopperChat } from './fixtures/shopper.js';

// Counts start from zero: the demo handoffs would make them depend on the seed.
test.use({ hubOptions: EMPTY_TEAM_HUB });

const NOT_YET = '—';
const csvRowSchema = z.record(z.enum(MONITOR_CSV_COLUMNS), z.string());

function handoff(stamp: number, label: string, shopperName: string, channel: Channel) {
  const conversationId = `monitor-${label}-${stamp}`;
  const email = `${label}.${stamp}@example.se`;
  const base = sampleHandoff(conversationId, email);
  return {
    conversationId,
    email,
    shopperName,
    body: { ...base, channel, shopper: { ...base.shopper, name: shopperName } },
  };
}

test("a lead's figures follow the agents' work live; the lead reassigns and re-queues from the monitor", async ({
  hub,
  browser,
  startConsole,
  openConsole,
}) => {
  // SMS answered within a minute, "near" after 10 % of it: the two SMS handoffs below are on the SLA list
  // within seconds (a lead's setting, sent as the lead's console would).
  const leadSocket = await connectDeskSocket(hub.url, TEAM.maria.email);
  const updated = await leadSocket.request(
    'settings:update',
    {
      patch: {
        firstResponseTargetMinutes: { ...DEFAULT_SETTINGS.firstResponseTargetMinutes, sms: 1 },
        slaWarningPercent: 10,
      },
    },
    hubSettingsSchema,
  );
  expect(updated).toMatchObject({ ok: true });
  leadSocket.close();

  const mariaConsole = await startConsole(TEAM.maria.email);
  let maria = mariaConsole.page;
  await openMonitor(maria);
  await expectFigures(maria, { waiting: '0', handoffs_today: '0', resolution_rate: NOT_YET });
  const onlineAtStart = Number(await figure(maria, 'agents_online').textContent());

  const alex = await openConsole(TEAM.alex.email);
  await expectFigures(maria, { agents_online: String(onlineAtStart + 1) });
  const sam = await openConsole(TEAM.sam.email);
  await expectFigures(maria, { agents_online: String(onlineAtStart + 2) });
  // Agents have no monitor to open.
  await expect(alex.getByRole('button', { name: 'Monitor' })).toHaveCount(0);
  await expect(sam.getByRole('button', { name: 'Monitor' })).toHaveCount(0);

  const stamp = Date.now();
  const anna = handoff(stamp, 'anna', 'Anna Ek', 'email');
  const bertil = handoff(stamp, 'bertil', 'Bertil Ek', 'sms');
  const cecilia = handoff(stamp, 'cecilia', 'Cecilia Ek', 'sms');
  for (const { body } of [anna, bertil, cecilia]) expect((await postHandoff(hub.url, body)).status).toBe(201);
  await expectFigures(maria, {
    waiting: '3',
    handoffs_today: '3',
    resolution_rate: '0 %',
    routed_to_team: '100 %',
  });
  await expect(figure(maria, 'oldest_wait')).not.toHaveText(NOT_YET);

  // Alex claims, answers and resolves Anna's email.
  await queueRow(alex, anna.email).click();
  await claim(alex);
  await expectFigures(maria, { waiting: '2' });
  await expectAgent(maria, TEAM.alex.name, { load: '1 / 5', handledToday: '0' });
  await expect(figure(maria, 'first_response_median')).toHaveText(NOT_YET);
  await sendReply(alex, 'Hej Anna! Vi byter gärna storleken åt dig.');
  await expect(figure(maria, 'first_response_median')).not.toHaveText(NOT_YET);
  await alex.getByRole('button', { name: 'Resolve' }).click();
  await alex.getByRole('button', { name: 'Resolve conversation' }).click();
  await expectAgent(maria, TEAM.alex.name, { load: '0 / 5', handledToday: '1' });
  await expect(figure(maria, 'resolution_median')).not.toHaveText(NOT_YET);

  // Sam takes Bertil, Alex takes Cecilia; neither answers yet.
  await queueRow(sam, bertil.email).click();
  await claim(sam);
  await expectFigures(maria, { waiting: '1' });
  await expectAgent(maria, TEAM.sam.name, { load: '1 / 5' });
  await queueRow(alex, cecilia.email).click();
  await claim(alex);
  await expectFigures(maria, { waiting: '0' });
  await expectAgent(maria, TEAM.alex.name, { load: '1 / 5' });

  // A shopper the Customer Agent helps to the end: resolved without a handoff.
  const shopper = await openShopperChat(browser, hub.url);
  await shopper.send('How long does shipping take to Sweden?');
  await shopper.send("Thanks, that's all!");
  await expectFigures(maria, { resolution_rate: '25 %', routed_to_team: '75 %', handoffs_today: '3' });
  await shopper.page.context().close();

  // Both unanswered SMS pass 10 % of their minute: on the lead's list, and marked in the agents' queues.
  await expect(slaListRow(maria, bertil.shopperName)).toBeVisible();
  await expect(slaListRow(maria, cecilia.shopperName)).toBeVisible();
  await openTab(sam, 'Mine');
  await expect(queueRow(sam, bertil.email)).toHaveAttribute('data-sla', /^(near|breached)$/);

  // The lead opens Bertil from the monitor: read-only, and Sam (who has it open) sees the lead watching.
  await slaListRow(maria, bertil.shopperName).getByRole('button', { name: 'Open' }).click();
  await expect(maria.getByRole('region', { name: 'Watching (read-only)' })).toBeVisible();
  await expect(maria.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await queueRow(sam, bertil.email).click();
  await expect(sam.getByText(`${TEAM.maria.name} (lead) is watching`)).toBeVisible();
  await openMonitor(maria);

  // The lead gives Bertil to Alex from the monitor: it leaves Sam's Mine and lands in Alex's.
  await slaListRow(maria, bertil.shopperName).getByRole('button', { name: 'Reassign' }).click();
  const reassign = maria.getByRole('dialog', { name: 'Transfer conversation' });
  await chooseOption(reassign.getByRole('combobox', { name: 'Transfer to' }), new RegExp(TEAM.alex.name));
  await reassign.getByRole('button', { name: 'Transfer' }).click();
  await expect(reassign).toBeHidden();
  await expectAgent(maria, TEAM.alex.name, { load: '2 / 5' });
  await expectAgent(maria, TEAM.sam.name, { load: '0 / 5' });
  await expect(queueRow(sam, bertil.email)).toHaveCount(0);
  await openTab(alex, 'Mine');
  await expect(queueRow(alex, bertil.email)).toBeVisible();

  // …and puts Cecilia back in the queue: waiting again, in everyone's Unassigned.
  await slaListRow(maria, cecilia.shopperName).getByRole('button', { name: 'Put back in queue' }).click();
  await expectFigures(maria, { waiting: '1' });
  await expectAgent(maria, TEAM.alex.name, { load: '1 / 5' });
  await expect(queueRow(alex, cecilia.email)).toHaveCount(0);
  await openTab(sam, 'Unassigned');
  await expect(queueRow(sam, cecilia.email)).toBeVisible();

  // Sam steps away: one fewer online.
  await setPresence(sam, 'Away');
  await expectFigures(maria, { agents_online: String(onlineAtStart + 1) });
  await expectAgent(maria, TEAM.sam.name, { presence: 'Away' });

  // While the lead's console is closed, Sam takes Cecilia: figures from before the restart would now be wrong.
  await mariaConsole.stop();
  await queueRow(sam, cecilia.email).click();
  await claim(sam);
  maria = await mariaConsole.start();
  await expect(maria.locator('[data-connection="online"]')).toBeVisible();
  await openMonitor(maria);
  // The first figure the restarted console shows is already today's (read once, not waited for).
  expect(await figure(maria, 'waiting').textContent()).toBe('0');
  await expectFigures(maria, {
    handoffs_today: '3',
    resolution_rate: '25 %',
    agents_online: String(onlineAtStart + 1),
  });
  await expectAgent(maria, TEAM.alex.name, { load: '1 / 5', handledToday: '1' });
  await expectAgent(maria, TEAM.sam.name, { load: '1 / 5', presence: 'Away' });

  // The CSV export: one row per handoff of the period, each with its outcome as it stands.
  // The period defaults to the last 7 days, today included.
  await expect(maria.getByLabel('From', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(maria.getByLabel('To', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  const downloaded = maria.waitForEvent('download');
  await maria.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^conversations-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header] = parseCsv(csv, { to_line: 1 }) as string[][];
  expect(header).toEqual([...MONITOR_CSV_COLUMNS]);
  const rows = z.array(csvRowSchema).parse(parseCsv(csv, { columns: true }));
  const byId = new Map(rows.map((row) => [row.conversation_id, row]));
  expect([...byId.keys()].sort()).toEqual(
    [anna.conversationId, bertil.conversationId, cecilia.conversationId].sort(),
  );
  expect(byId.get(anna.conversationId)).toMatchObject({
    channel: 'email',
    shopper_name: 'Anna Ek',
    shopper_email: anna.email,
    status: 'resolved',
    assignee_email: TEAM.alex.email,
    escalation_reason: 'knowledge_gap',
  });
  expect(byId.get(anna.conversationId)?.first_response_seconds).toMatch(/^\d+$/);
  expect(byId.get(anna.conversationId)?.resolution_seconds).toMatch(/^\d+$/);
  expect(byId.get(bertil.conversationId)).toMatchObject({
    channel: 'sms',
    status: 'open',
    assignee_email: TEAM.alex.email,
    first_response_at: '',
    resolved_at: '',
  });
  expect(byId.get(cecilia.conversationId)).toMatchObject({
    channel: 'sms',
    status: 'open',
    assignee_email: TEAM.sam.email,
    claimed_at: expect.stringMatching(/^\d{4}-/),
  });
});

test("an agent's own session gets 403 from the monitor's HTTP route and forbidden on the desk socket", async ({
  hub,
}) => {
  const agentToken = await sessionToken(hub.url, TEAM.alex.email);
  expect((await fetchMonitor(hub.url, agentToken)).status).toBe(403);
  const csvResponse = await fetch(
    `${hub.url}/api/v1/monitor/conversations.csv?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-01-02T00:00:00Z')}`,
    { headers: { authorization: `Bearer ${agentToken}` } },
  );
  expect(csvResponse.status).toBe(403);
  expect((await fetchMonitor(hub.url, 'not-a-session')).status).toBe(401);

  const agentSocket = await connectDeskSocket(hub.url, TEAM.alex.email);
  expect(await agentSocket.request('monitor:get', {}, monitorSnapshotSchema)).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  expect(
    await agentSocket.request(
      'monitor:export',
      { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
      monitorExportSchema,
    ),
  ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  agentSocket.close();

  // The lead's own token gets the figures.
  const lead = await fetchMonitor(hub.url, await sessionToken(hub.url, TEAM.maria.email));
  expect(lead.status).toBe(200);
  expect(lead.monitor).toMatchObject({ waiting: 0, handoffsToday: 0 });
});
