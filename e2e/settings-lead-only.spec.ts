// Team settings are for leads: an agent's Settings has only their own preferences, and the hub refuses an
// agent's settings change sent anyway over a desk socket. A lead's change applies and lands in the audit log.
import { hubSettingsSchema, settingsAuditEntrySchema } from '../shared/settings.js';
import { z } from 'zod';
import { expect, test } from './fixtures/desk.js';
import { openSettings, saveTeamSettings } from './fixtures/console.js';
import { connectDeskSocket } from './fixtures/desk-socket.js';

test('an agent sees no team settings and the hub refuses settings:update from an agent', async ({
  hub,
  openConsole,
}) => {
  const alex = await openConsole('agent1@demo.test');
  const agentSettings = await openSettings(alex);
  await expect(agentSettings.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(agentSettings.getByRole('checkbox', { name: 'Desktop notifications' })).toBeVisible();
  await expect(agentSettings.getByText('Team settings')).toHaveCount(0);
  await expect(agentSettings.getByRole('checkbox', { name: 'Auto-assign' })).toHaveCount(0);
  await expect(agentSettings.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await expect(agentSettings.getByRole('table', { name: 'Audit log' })).toHaveCount(0);

  const attacker = await connectDeskSocket(hub.url, 'agent1@demo.test');
  const update = await attacker.request(
    'settings:update',
    { patch: { autoAssign: true, handoffMode: 'do_not_hand_off' } },
    hubSettingsSchema,
  );
  expect(update).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const audit = await attacker.request('audit:list', { limit: 10 }, z.array(settingsAuditEntrySchema));
  expect(audit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  attacker.close();

  // Nothing changed, and the lead's audit log has no entry; the lead's own change is recorded with her name.
  const maria = await openConsole('lead@demo.test');
  const settings = await openSettings(maria);
  await expect(settings.getByRole('checkbox', { name: 'Auto-assign' })).not.toBeChecked();
  await expect(settings.getByRole('radio', { name: 'Send to the team' })).toBeChecked();
  const auditLog = settings.getByRole('table', { name: 'Audit log' });
  await expect(auditLog.getByRole('row').filter({ hasText: 'Alex Lindqvist' })).toHaveCount(0);

  await settings.getByRole('spinbutton', { name: 'Reminder after (minutes)' }).fill('12');
  await saveTeamSettings(settings);
  const entry = auditLog.getByRole('row').filter({ hasText: 'Maria Svensson' });
  await expect(entry).toContainText('Reminder after (minutes)');
  await expect(entry).toContainText(/5\s*→\s*12/);
});
