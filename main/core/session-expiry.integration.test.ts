// An expiring session against a real hub whose clock the test moves (no waiting): the desk core signs out with a
// clear reason and keeps the agent's unsent work for the next sign-in.
import { describe, expect, it } from 'vitest';
import { startHub } from '../../hub/app.js';
import { readSavedSession } from './session-file.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  DEMO_PASSWORD,
  getHandoff,
  handoffReceivedBy,
  nextEvent,
  openCore,
  signedInCore,
  waitForConnection,
} from './test-support/hub-harness.js';

const SESSION_TTL_MS = 60 * 60 * 1000;
const cleanups = cleanupsAfterEach();
const track = cleanups.closeLater;

async function hubWithMovableClock() {
  let offsetMs = 0;
  const hub = await startHub({
    port: 0,
    dataDir: temporaryDir('hub-'),
    demo: true,
    sessionTtlMs: SESSION_TTL_MS,
    clock: () => Date.now() + offsetMs,
  });
  cleanups.push(() => hub.close());
  return { hub, expireSessions: () => (offsetMs += 2 * SESSION_TTL_MS) };
}

describe('an expired session', () => {
  it('refused at connect: a restarted desk core is signed out and says why', async () => {
    const { hub, expireSessions } = await hubWithMovableClock();
    const dataDir = temporaryDir();
    await (await signedInCore(hub.url, 'agent1@demo.test', dataDir)).close();
    expireSessions();

    const restarted = track(openCore(dataDir, hub.url));
    await waitForConnection(restarted, 'signed_out');
    const snapshot = await restarted.getSnapshot({});
    expect(snapshot.session).toBeNull();
    expect(snapshot.connection.lastError).toMatch(/session has expired/i);
    expect(readSavedSession(dataDir)).toBeNull();
  });

  it('refused on a command: signed out, the reply kept, and delivered once after signing in again', async () => {
    const { hub, expireSessions } = await hubWithMovableClock();
    const core = track(await signedInCore(hub.url, 'agent1@demo.test'));
    const conversationId = await handoffReceivedBy(hub.url, 'expiry', core);
    expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });

    expireSessions();
    const signedOut = waitForConnection(core, 'signed_out');
    await core.reply({ conversationId, text: 'Sent as the session ran out' });
    await signedOut;
    expect((await core.getSnapshot({})).connection.lastError).toMatch(/sign in again/i);

    const online = waitForConnection(core, 'online');
    const delivered = nextEvent(
      core,
      (e) =>
        e.type === 'message' &&
        e.message.text === 'Sent as the session ran out' &&
        e.message.delivery === 'sent',
      'the kept reply, delivered',
    );
    expect(
      await core.signIn({ hubUrl: hub.url, email: 'agent1@demo.test', password: DEMO_PASSWORD }),
    ).toMatchObject({
      ok: true,
    });
    await online;
    await delivered;
    const texts = (await getHandoff(hub.url, conversationId)).transcript.map((m) => m.text);
    expect(texts.filter((t) => t === 'Sent as the session ran out')).toHaveLength(1);
  });
});
