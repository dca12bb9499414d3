// A lead disabling an account on a running hub, the way `npm run hub -- disable-user` does (another database
// connection): every socket event kind and HTTP call of that account is refused at once, its sockets close at
// the next session sweep on the hub clock, it cannot sign in until enabled, and other accounts carry on.
import { describe, expect, it, vi } from 'vitest';
import { apiErrorSchema } from '../../shared/handoff-api.js';
import { MONITOR_PATH } from '../../shared/monitor-api.js';
import { disableAccount, enableAccount } from '../auth/account-access.js';
import { AccountError } from '../auth/accounts.js';
import { connectDesk, PASSWORD, signIn, testHubForFile } from '../testing/hub-fixture.js';
import { SESSION_SWEEP_MS } from './desk-namespace.js';

const hub = testHubForFile([
  ['lena@example.com', 'Lena', 'lead'],
  ['ida@example.com', 'Ida', 'agent'],
]);

function disconnected(client: {
  socket: { connected: boolean; once(event: 'disconnect', run: () => void): unknown };
}) {
  return new Promise<void>((resolve) => {
    if (!client.socket.connected) resolve();
    else client.socket.once('disconnect', () => resolve());
  });
}

describe('disabling an account', () => {
  it('refuses its socket events and HTTP calls at once, closes its sockets, and blocks sign-in until enabled', async () => {
    const lena = await signIn(hub.url, 'lena@example.com');
    const busy = await connectDesk(hub.url, lena.token);
    const idle = await connectDesk(hub.url, (await signIn(hub.url, 'lena@example.com')).token);
    const quiet = await connectDesk(hub.url, (await signIn(hub.url, 'lena@example.com')).token);
    const ida = await connectDesk(hub.url, (await signIn(hub.url, 'ida@example.com')).token);
    const monitor = () =>
      fetch(`${hub.url}${MONITOR_PATH}`, { headers: { authorization: `Bearer ${lena.token}` } });
    expect((await monitor()).status).toBe(200);

    expect(disableAccount(hub.dataDir, 'lena@example.com').email).toBe('lena@example.com');

    // Before any sweep: the very next event of each kind is refused.
    const command = await busy.command({ id: 'after-disable', type: 'claim', conversationId: 'none' });
    expect(command).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const refusedSync = await idle.socket.timeout(5000).emitWithAck('sync', { after: 0, limit: 10 });
    expect(refusedSync).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const monitorAnswer = await monitor();
    expect(monitorAnswer.status).toBe(401);
    expect(apiErrorSchema.parse(await monitorAnswer.json()).error).toBe('unauthorized');

    // A new connection is refused.
    const lenaWaiting = connectDesk(hub.url, lena.token);
    await expect(lenaWaiting).rejects.toThrow('unauthorized');
    // A refused event ends its socket; one that sends nothing is closed by the next sweep.
    await Promise.all([disconnected(busy), disconnected(idle)]);
    expect(quiet.socket.connected).toBe(true);
    const quietClosed = disconnected(quiet);
    hub.advance(SESSION_SWEEP_MS);
    await quietClosed;
    // Another account carries on.
    expect(ida.socket.connected).toBe(true);
    expect((await ida.sync()).ok).toBe(true);

    const refused = await fetch(`${hub.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lena@example.com', password: PASSWORD }),
    });
    expect(refused.status).toBe(403);
    expect(apiErrorSchema.parse(await refused.json())).toMatchObject({ error: 'account_disabled' });

    enableAccount(hub.dataDir, 'lena@example.com');
    const again = await connectDesk(hub.url, (await signIn(hub.url, 'lena@example.com')).token);
    expect((await again.request('audit:list', { limit: 1 })).ok).toBe(true);
  });

  it('refuses a desk request of a disabled account', async () => {
    const ida = await connectDesk(hub.url, (await signIn(hub.url, 'ida@example.com')).token);
    disableAccount(hub.dataDir, 'ida@example.com');
    const answer = await ida.request('audit:list', { limit: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    enableAccount(hub.dataDir, 'ida@example.com');
  });

  it('ignores an activity report of a disabled account and ends its socket', async () => {
    const ida = await connectDesk(hub.url, (await signIn(hub.url, 'ida@example.com')).token);
    const lena = await connectDesk(hub.url, (await signIn(hub.url, 'lena@example.com')).token);
    ida.report({ conversationId: 'conv-before', typing: null });
    await vi.waitFor(() => expect(lena.activityOf('conv-before')).toBeDefined());

    disableAccount(hub.dataDir, 'ida@example.com');
    const closed = disconnected(ida);
    ida.report({ conversationId: 'conv-after', typing: 'reply' });
    // Closed by the refusal itself, with no sweep run.
    await closed;
    await lena.settle();
    expect(lena.activityOf('conv-after')).toBeUndefined();
    enableAccount(hub.dataDir, 'ida@example.com');
  });

  it('names an unknown email', () => {
    expect(() => disableAccount(hub.dataDir, 'nobody@example.com')).toThrow(AccountError);
    expect(() => disableAccount(hub.dataDir, 'nobody@example.com')).toThrow(
      'No account has the email nobody@example.com.',
    );
  });
});
