import { describe, expect, it } from 'vitest';
import { closeAllSockets, connectAs, testHubForFile } from '../testing/hub-fixture.js';

const hub = testHubForFile([
  ['alva@example.com', 'Alva Sund'],
  ['ben@example.com', 'Ben Carter'],
  ['lena@example.com', 'Lena Lead', 'lead'],
]);

// A socket receives pushes in the order the hub sent them, so right after its own ack it has every roster
// the hub pushed while handling the request: each check reads the acting socket's latest roster.
describe('presence', () => {
  it('goes online, away while every console is idle, away by choice, and offline when the last console closes', async () => {
    const lead = await connectAs(hub.url, 'lena@example.com');
    expect(lead.member('ben@example.com')).toMatchObject({ presence: 'offline', lastSeenAt: null });

    const first = await connectAs(hub.url, 'alva@example.com');
    expect(first.member('alva@example.com')).toMatchObject({ presence: 'online', chosenPresence: 'online' });
    await expect.poll(() => lead.member('alva@example.com')?.presence).toBe('online');

    // Two windows: idle in one is not idle everywhere.
    const second = await connectAs(hub.url, 'alva@example.com');
    expect(await first.request('presence:idle', { idle: true })).toEqual({ ok: true, value: {} });
    expect(first.member('alva@example.com')?.presence).toBe('online');
    expect(await second.request('presence:idle', { idle: true })).toEqual({ ok: true, value: {} });
    expect(second.member('alva@example.com')?.presence).toBe('away');
    await second.request('presence:idle', { idle: false });
    expect(second.member('alva@example.com')?.presence).toBe('online');

    // Closing one window leaves her online in the other.
    first.close();
    await second.request('presence:idle', { idle: true });
    // Away (not offline) once the hub has seen the first window go, whichever it handles first.
    await expect.poll(() => second.member('alva@example.com')?.presence).toBe('away');
    await second.request('presence:idle', { idle: false });
    expect(second.member('alva@example.com')?.presence).toBe('online');

    second.close();
    await expect.poll(() => lead.member('alva@example.com')?.presence).toBe('offline');
    expect(lead.member('alva@example.com')?.lastSeenAt).not.toBeNull();
  });

  it('keeps a chosen away across a reconnect; only the agent sets it back', async () => {
    const lead = await connectAs(hub.url, 'lena@example.com');
    const ben = await connectAs(hub.url, 'ben@example.com');
    expect(await ben.request('presence:set', { presence: 'away' })).toEqual({ ok: true, value: {} });
    expect(ben.member('ben@example.com')).toMatchObject({ presence: 'away', chosenPresence: 'away' });
    // Input again does not undo a choice.
    await ben.request('presence:idle', { idle: false });
    expect(ben.member('ben@example.com')?.presence).toBe('away');

    ben.close();
    await expect.poll(() => lead.member('ben@example.com')?.presence).toBe('offline');
    const again = await connectAs(hub.url, 'ben@example.com');
    expect(again.member('ben@example.com')).toMatchObject({ presence: 'away', chosenPresence: 'away' });
    await expect.poll(() => lead.member('ben@example.com')?.presence).toBe('away');

    // It also survives a hub restart (kept in the database).
    closeAllSockets();
    await hub.restart();
    const afterRestart = await connectAs(hub.url, 'ben@example.com');
    expect(afterRestart.member('ben@example.com')).toMatchObject({
      presence: 'away',
      chosenPresence: 'away',
    });

    await afterRestart.request('presence:set', { presence: 'online' });
    expect(afterRestart.member('ben@example.com')).toMatchObject({
      presence: 'online',
      chosenPresence: 'online',
    });
  });

  it('counts a console whose session has expired as offline and closes its socket', async () => {
    const ben = await connectAs(hub.url, 'ben@example.com');
    expect(ben.member('ben@example.com')?.presence).toBe('online');
    hub.advance(11 * 3_600_000);
    const lead = await connectAs(hub.url, 'lena@example.com'); // signed in later: still valid when Ben's ends
    expect(lead.member('ben@example.com')?.presence).toBe('online');
    hub.advance(2 * 3_600_000); // past Ben's 12 hours
    await expect.poll(() => lead.member('ben@example.com')?.presence).toBe('offline');
    expect(ben.socket.connected).toBe(false);
  });

  it('lists every account with open count and capacity, and refuses malformed presence requests', async () => {
    const alva = await connectAs(hub.url, 'alva@example.com');
    const roster = alva.rosters.at(-1)!;
    expect(roster.map((member) => member.email).sort()).toEqual([
      'alva@example.com',
      'ben@example.com',
      'lena@example.com',
    ]);
    expect(alva.member('lena@example.com')).toMatchObject({ role: 'lead', openCount: 0, capacity: 5 });
    expect(await alva.request('presence:set', { presence: 'busy' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('presence') },
    });
    expect(await alva.request('presence:idle', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
