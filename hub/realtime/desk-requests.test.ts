import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { handoffViewSchema } from '../../shared/handoff-api.js';
import {
  api,
  closeAllSockets,
  handoffRequest,
  connectorRecordingIds,
  testHubForFile,
  type DeskClient,
} from '../testing/hub-fixture.js';

const hub = testHubForFile([
  ['alva@example.com', 'Alva Sund'],
  ['ben@example.com', 'Ben Carter'],
  ['lena@example.com', 'Lena Lead', 'lead'],
]);
const { ids, connectAs } = connectorRecordingIds(hub);

describe('settings', () => {
  it('are pushed on connect, changed by leads only, validated, applied at once, audited and kept', async () => {
    const alva = await connectAs('alva@example.com');
    const lead = await connectAs('lena@example.com');
    expect(alva.settings.at(-1)).toEqual(DEFAULT_SETTINGS);

    expect(await alva.request('settings:update', { patch: { autoAssign: true } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await alva.request('audit:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const refusals = await Promise.all(
      [
        { defaultCapacity: 0 },
        { surprise: true },
        { officeHours: { ...DEFAULT_SETTINGS.officeHours, timeZone: 'Mars/Olympus' } },
        {
          officeHours: {
            ...DEFAULT_SETTINGS.officeHours,
            periods: [{ day: 'mon', start: '17:00', end: '08:00' }],
          },
        },
        { capacityByAgent: { 'no-such-agent': 3 } },
        { autoResponseMessage: '   ' },
      ].map((patch) => lead.request('settings:update', { patch })),
    );
    expect(refusals.map((result) => !result.ok && result.error.code)).toEqual(Array(6).fill('invalid'));
    expect(refusals.map((result) => (result.ok ? '' : result.error.message))).toEqual([
      expect.stringContaining('defaultCapacity'),
      expect.stringContaining('surprise'),
      expect.stringContaining('Mars/Olympus'),
      expect.stringContaining('end after it starts'),
      expect.stringContaining('no-such-agent'),
      expect.stringContaining('autoResponseMessage'),
    ]);

    hub.advance(60_000);
    const closedAllWeek = { ...DEFAULT_SETTINGS.officeHours, enabled: true, periods: [] };
    const update = await lead.request('settings:update', {
      patch: {
        autoResponseMessage: 'Vi är tillbaka kl. 08.00.',
        officeHours: closedAllWeek,
        capacityByAgent: { [ids['alva@example.com']!]: 2 },
      },
    });
    expect(update).toMatchObject({ ok: true, value: { autoResponseMessage: 'Vi är tillbaka kl. 08.00.' } });
    // Every console hears it, and the roster shows the new capacity.
    await expect.poll(() => alva.settings.at(-1)?.officeHours.enabled).toBe(true);
    await expect.poll(() => alva.member('alva@example.com')?.capacity).toBe(2);
    // Applied without a restart: the next handoff meets the new rules and message.
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-after-hours') });
    const view = handoffViewSchema.parse(
      await (await api(hub.url, '/api/v1/handoffs/conv-after-hours')).json(),
    );
    expect(view.transcript.at(-1)).toMatchObject({ author: 'system', text: 'Vi är tillbaka kl. 08.00.' });

    // A change to the same values records nothing new.
    await lead.request('settings:update', { patch: { autoResponseMessage: 'Vi är tillbaka kl. 08.00.' } });
    await lead.request('settings:update', { patch: { officeHours: { ...closedAllWeek, enabled: false } } });
    const audit = await lead.request('audit:list', { limit: 10 });
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.value).toHaveLength(2);
    const [newest, first] = audit.value;
    expect(newest!.changes).toEqual([
      { field: 'officeHours', from: closedAllWeek, to: { ...closedAllWeek, enabled: false } },
    ]);
    expect(first).toMatchObject({
      at: new Date(hub.now()).toISOString(),
      actor: { id: ids['lena@example.com'], name: 'Lena Lead', email: 'lena@example.com' },
    });
    expect(first!.changes).toEqual([
      { field: 'officeHours', from: DEFAULT_SETTINGS.officeHours, to: closedAllWeek },
      {
        field: 'autoResponseMessage',
        from: DEFAULT_SETTINGS.autoResponseMessage,
        to: 'Vi är tillbaka kl. 08.00.',
      },
      { field: 'capacityByAgent', from: {}, to: { [ids['alva@example.com']!]: 2 } },
    ]);
    expect(await lead.request('audit:list', { limit: 1 })).toEqual({ ok: true, value: [newest] });

    closeAllSockets();
    await hub.restart();
    const again = await connectAs('alva@example.com');
    expect(again.settings.at(-1)).toMatchObject({
      autoResponseMessage: 'Vi är tillbaka kl. 08.00.',
      officeHours: { enabled: false },
      capacityByAgent: { [ids['alva@example.com']!]: 2 },
    });
    const leadAgain = await connectAs('lena@example.com');
    await leadAgain.request('settings:update', { patch: DEFAULT_SETTINGS });
  });
});

describe('shopper history', () => {
  it("lists the shopper's other conversations by profile ID or email, newest first, and their recent events", async () => {
    const desk = await connectAs('alva@example.com');
    const shopper = { email: 'nora.history@example.se', profileId: 'PROFILE-H', name: 'Nora Ek' };
    const handOff = async (conversationId: string, who: object) => {
      hub.advance(60_000);
      await api(hub.url, '/api/v1/handoffs', {
        body: handoffRequest(conversationId, { shopper: who }),
      });
    };
    await handOff('hist-email', { email: 'NORA.History@example.se' }); // same email, other case
    await handOff('hist-profile', { profileId: 'PROFILE-H', email: 'nora@work.example' }); // same profile
    await handOff('hist-stranger', { email: 'someone.else@example.com' });
    await handOff('hist-current', shopper);
    await desk.command({ id: 'hist-claim', type: 'claim', conversationId: 'hist-email' });

    const history = await desk.request('shopper:history', { conversationId: 'hist-current' });
    if (!history.ok) throw new Error(history.error.message);
    expect(history.value.conversations.map((conversation) => conversation.id)).toEqual([
      'hist-profile',
      'hist-email',
    ]);
    expect(history.value.events.map((event) => [event.metric, event.properties.conversation_id])).toEqual([
      ['Handoff Accepted', 'hist-email'],
      ['Conversation Escalated', 'hist-current'],
      ['Conversation Escalated', 'hist-profile'],
      ['Conversation Escalated', 'hist-email'],
    ]);

    expect(await desk.request('shopper:history', { conversationId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await desk.request('shopper:history', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('returns at most 20 conversations and 30 events', async () => {
    const desk = await connectAs('alva@example.com');
    for (let index = 0; index < 32; index++) {
      hub.advance(1000);
      await api(hub.url, '/api/v1/handoffs', {
        body: handoffRequest(`many-${index}`, { shopper: { profileId: 'PROFILE-MANY' } }),
      });
    }
    const history = await desk.request('shopper:history', { conversationId: 'many-31' });
    if (!history.ok) throw new Error(history.error.message);
    expect(history.value.conversations).toHaveLength(20);
    expect(history.value.conversations[0]!.id).toBe('many-30');
    expect(history.value.events).toHaveLength(30);
    expect(history.value.events[0]!.properties.conversation_id).toBe('many-31');
  });
});

describe('canned replies', () => {
  const reply = (id: string, scope: 'shared' | 'personal', body = 'Hi {{shopper.first_name}}!') => ({
    id,
    scope,
    shortcut: `greet-${id}`,
    title: `Greeting ${id}`,
    body,
  });
  const idsIn = (desk: DeskClient) =>
    desk.cannedReplies
      .at(-1)
      ?.map((canned) => canned.id)
      .sort();

  it('are personal (owner only) or shared (leads only), and each agent gets shared + own', async () => {
    const alva = await connectAs('alva@example.com');
    const ben = await connectAs('ben@example.com');
    const lead = await connectAs('lena@example.com');
    expect(idsIn(alva)).toEqual([]);

    expect(await alva.request('canned:save', reply('alva-1', 'personal'))).toMatchObject({
      ok: true,
      value: { id: 'alva-1', scope: 'personal', ownerId: ids['alva@example.com'], shortcut: 'greet-alva-1' },
    });
    expect(idsIn(alva)).toEqual(['alva-1']);
    expect(await alva.request('canned:save', reply('alva-shared', 'shared'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Someone else's personal reply is not Ben's to change or delete.
    expect(await ben.request('canned:save', reply('alva-1', 'personal', 'Hijacked'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ben.request('canned:delete', { id: 'alva-1' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    expect(await lead.request('canned:save', reply('team-1', 'shared'))).toMatchObject({
      ok: true,
      value: { scope: 'shared', ownerId: null },
    });
    await expect.poll(() => idsIn(alva)).toEqual(['alva-1', 'team-1']);
    await expect.poll(() => idsIn(ben)).toEqual(['team-1']);
    expect(
      await alva.request('canned:save', { ...reply('team-1', 'shared'), title: 'Mine now' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await alva.request('canned:delete', { id: 'team-1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // The owner edits and deletes her own.
    expect(
      await alva.request('canned:save', { ...reply('alva-1', 'personal'), title: 'Hello' }),
    ).toMatchObject({
      ok: true,
      value: { title: 'Hello' },
    });
    expect(alva.cannedReplies.at(-1)?.find((canned) => canned.id === 'alva-1')?.title).toBe('Hello');
    expect(await alva.request('canned:delete', { id: 'alva-1' })).toEqual({ ok: true, value: {} });
    expect(idsIn(alva)).toEqual(['team-1']);

    expect(await lead.request('canned:delete', { id: 'team-1' })).toEqual({ ok: true, value: {} });
    await expect.poll(() => idsIn(ben)).toEqual([]);
    expect(
      await alva.request('canned:save', { ...reply('bad', 'personal'), shortcut: 'has space' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('shortcut') } });
    // A reconnect gets the current list.
    const again = await connectAs('alva@example.com');
    expect(idsIn(again)).toEqual([]);
  });
});
