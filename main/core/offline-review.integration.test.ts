// Offline review against a real hub that the test stops and starts: the account that last signed in on this
// machine opens its cached data without the hub, queues work, and goes live by itself when the hub is back.
import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createAccount, startHub } from '../../hub/app.js';
import { DeskCache } from './cache.js';
import type { DeskCore } from './desk-core.js';
import { sessionFilePath } from './session-file.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  DEMO_PASSWORD,
  getHandoff,
  handoffReceivedBy,
  nextEvent,
  openCore,
  signedInCore,
  startTestHub,
  untilSnapshot,
  type TestHub,
} from './test-support/hub-harness.js';

const cleanups = cleanupsAfterEach();
const { closeLater } = cleanups;

/**
 * Agent 1 signed in once online (keeping the offline verifier), claimed a conversation and signed out; then the
 * hub went away. Returns the hub (closed) and the desk core (signed out), sharing the data dir.
 */
async function cachedThenHubGone(): Promise<{
  hub: TestHub;
  core: DeskCore;
  conversationId: string;
  dataDir: string;
}> {
  const hub = await startTestHub();
  cleanups.push(() => hub.close());
  const dataDir = temporaryDir();
  const core = closeLater(await signedInCore(hub.url, 'agent1@demo.test', dataDir));
  const conversationId = await handoffReceivedBy(hub.url, 'offline-review', core);
  expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });
  await core.signOut({});
  await hub.close();
  return { hub, core, conversationId, dataDir };
}

function signInAgain(core: DeskCore, hub: TestHub, email = 'agent1@demo.test', password = DEMO_PASSWORD) {
  return core.signIn({ hubUrl: hub.url, email, password });
}

describe('offline review', () => {
  it('opens the cache for the last account without the hub; a wrong password or another account is refused', async () => {
    const { hub, core, conversationId, dataDir } = await cachedThenHubGone();

    expect(await signInAgain(core, hub, 'agent1@demo.test', 'not-the-password')).toEqual({
      ok: false,
      error: { code: 'bad_credentials', message: 'Wrong email or password.' },
    });
    expect(await signInAgain(core, hub, 'agent2@demo.test')).toMatchObject({
      ok: false,
      error: { code: 'hub_unreachable', message: expect.stringContaining("Can't reach the hub") },
    });
    expect((await core.getSnapshot({})).session).toBeNull();

    const result = await signInAgain(core, hub, 'AGENT1@demo.test');
    expect(result).toMatchObject({
      ok: true,
      offline: true,
      session: { hubUrl: hub.url, account: { email: 'agent1@demo.test' } },
    });
    const snapshot = await core.getSnapshot({});
    expect(snapshot.connection).toMatchObject({
      status: 'offline_review',
      hubUrl: hub.url,
      lastError: expect.stringContaining("Can't reach the hub"),
      catchUp: null,
    });
    expect(snapshot.conversations.find((c) => c.id === conversationId)?.assignee?.email).toBe(
      'agent1@demo.test',
    );
    // Reading and searching the cached copy work; nothing about it went to disk as a session.
    expect((await core.openConversation({ conversationId })).messages.map((m) => m.id)).toContain('m1');
    const found = await core.search({ query: 'beställning 4412' });
    expect(found.hits.map((hit) => hit.conversationId)).toContain(conversationId);
    expect(existsSync(sessionFilePath(dataDir))).toBe(false);

    // Live-only calls say they need the hub; actions wait in the outbox without waiting for an ack.
    expect(await core.setPresence({ presence: 'away' })).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    expect(await core.setTags({ conversationId, tags: ['offline'] })).toEqual({ ok: true, pending: true });

    // Signing out ends offline review; the verifier stays for the next time.
    expect(await core.signOut({})).toEqual({ ok: true });
    expect(await core.getSnapshot({})).toMatchObject({
      session: null,
      connection: { status: 'signed_out' },
      conversations: [],
    });
    expect(await signInAgain(core, hub)).toMatchObject({ ok: true, offline: true });
  });

  it('goes live by itself when the hub is back, and a reply typed in offline review arrives exactly once', async () => {
    const { hub, core, conversationId, dataDir } = await cachedThenHubGone();
    expect(await signInAgain(core, hub)).toMatchObject({ ok: true, offline: true });
    expect(await core.setTags({ conversationId, tags: ['offline'] })).toEqual({ ok: true, pending: true });
    expect(await core.reply({ conversationId, text: 'Written in offline review' })).toEqual({
      ok: true,
      pending: true,
    });
    const opened = await core.openConversation({ conversationId });
    expect(opened.messages.at(-1)).toMatchObject({ text: 'Written in offline review', delivery: 'pending' });

    const online = nextEvent(
      core,
      (e) => e.type === 'connection' && e.connection.status === 'online',
      'online after the hub came back',
    );
    const restarted = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    cleanups.push(() => restarted.close());
    await online;

    // A normal session now: saved to disk, its token from the hub.
    expect(existsSync(sessionFilePath(dataDir))).toBe(true);
    await vi.waitFor(
      async () => {
        const view = await getHandoff(restarted.url, conversationId);
        const delivered = view.transcript.filter((m) => m.text === 'Written in offline review');
        expect(delivered).toHaveLength(1);
        const desk = await core.openConversation({ conversationId });
        expect(desk.conversation?.tags).toEqual(['offline']);
        expect(desk.messages.filter((m) => m.text === 'Written in offline review')).toMatchObject([
          { delivery: 'sent' },
        ]);
      },
      { timeout: 15_000, interval: 50 },
    );
    const snapshot = await core.getSnapshot({});
    expect(snapshot.connection).toEqual({
      status: 'online',
      hubUrl: hub.url,
      lastError: null,
      catchUp: null,
    });
    expect(snapshot.failedActions).toEqual([]);
  });

  it('is how a console restarted with a saved session shows its cache while the hub is away, until it is back', async () => {
    const hub = await startTestHub();
    cleanups.push(() => hub.close());
    const dataDir = temporaryDir();
    const first = await signedInCore(hub.url, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'restart-offline', first);
    await first.close();
    await hub.close();

    const core = closeLater(openCore(dataDir, hub.url));
    const reviewing = await untilSnapshot(
      core,
      (s) => s.connection.status === 'offline_review',
      'offline review after failing to reach the hub',
    );
    expect(reviewing.session?.account.email).toBe('agent1@demo.test');
    expect(reviewing.conversations.map((c) => c.id)).toContain(conversationId);

    const online = nextEvent(
      core,
      (e) => e.type === 'connection' && e.connection.status === 'online',
      'online after the hub came back',
    );
    const restarted = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    cleanups.push(() => restarted.close());
    await online;
  });

  it('stays in offline review, saying why, when the hub is back but no longer takes the password', async () => {
    const { hub, core } = await cachedThenHubGone();
    expect(await signInAgain(core, hub)).toMatchObject({ ok: true, offline: true });

    // Another hub on the same address where agent 1's password is different (it was changed meanwhile).
    const dataDir = temporaryDir('hub-');
    await createAccount(dataDir, {
      email: 'agent1@demo.test',
      name: 'Alex Lindqvist',
      role: 'agent',
      password: 'a-new-password',
    });
    const refused = untilSnapshot(
      core,
      (s) => s.connection.lastError?.includes('did not accept your password') ?? false,
      'the refusal reported',
    );
    const other = await startHub({ port: hub.port, dataDir });
    cleanups.push(() => other.close());
    const snapshot = await refused;
    expect(snapshot.connection.status).toBe('offline_review');
    expect(snapshot.session?.account.email).toBe('agent1@demo.test');
  });

  it('is impossible on a machine where another account signed in last', async () => {
    const { hub, dataDir } = await cachedThenHubGone();
    const peek = new DeskCache({ dataDir });
    expect(peek.offlineVerifierJson()).not.toContain(DEMO_PASSWORD);
    peek.close();
    const restarted = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    const sam = closeLater(await signedInCore(restarted.url, 'agent2@demo.test', dataDir));
    await sam.signOut({});
    await restarted.close();
    const fresh = closeLater(openCore(dataDir, hub.url));
    expect(await signInAgain(fresh, hub)).toMatchObject({ ok: false, error: { code: 'hub_unreachable' } });
    expect(await signInAgain(fresh, hub, 'agent2@demo.test')).toMatchObject({ ok: true, offline: true });
  });
});
