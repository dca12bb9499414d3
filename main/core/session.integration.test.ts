// The desk core's session against a real hub: sign in, saved session, reconnect on start, sign out.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeskCache } from './cache.js';
import { readSavedSession, sessionFilePath } from './session-file.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  DEMO_PASSWORD,
  nextEvent,
  openCore,
  postHandoff,
  sampleHandoff,
  signedInCore,
  startTestHub,
  testHubForFile,
  uniqueConversationId,
  waitForConnection,
} from './test-support/hub-harness.js';

const hub = testHubForFile();
const { closeLater: track } = cleanupsAfterEach();

describe('signing in to a real hub', () => {
  it('refuses a wrong password in words and stays signed out', async () => {
    const core = track(openCore(temporaryDir(), hub.url));
    const result = await core.signIn({
      hubUrl: hub.url,
      email: 'agent1@demo.test',
      password: 'not-the-password',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad_credentials', message: 'Wrong email or password.' },
    });
    expect((await core.getSnapshot({})).session).toBeNull();
  });

  it('signs in, saves the session readable by this user only, goes online and receives the queue', async () => {
    const conversationId = uniqueConversationId('queued-before-sign-in');
    await postHandoff(hub.url, sampleHandoff(conversationId));
    const dataDir = temporaryDir();
    const core = track(openCore(dataDir, hub.url));
    const events: string[] = [];
    core.onEvent((event) => events.push(event.type === 'connection' ? event.connection.status : event.type));
    const online = waitForConnection(core, 'online');
    const result = await core.signIn({
      hubUrl: `${hub.url}/`,
      email: 'agent1@demo.test',
      password: DEMO_PASSWORD,
    });
    expect(result).toMatchObject({
      ok: true,
      session: { hubUrl: hub.url, account: { email: 'agent1@demo.test' } },
    });
    await online;

    expect(events.slice(0, 2)).toEqual(['session', 'connecting']);
    expect(statSync(sessionFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readSavedSession(dataDir)?.account.email).toBe('agent1@demo.test');

    const snapshot = await core.getSnapshot({});
    expect(snapshot.connection).toEqual({
      status: 'online',
      hubUrl: hub.url,
      lastError: null,
      catchUp: null,
    });
    expect(snapshot.conversations.map((c) => c.id)).toContain(conversationId);
    expect(snapshot.conversations.every((c) => c.status !== 'with_ai')).toBe(true);
    const opened = await core.openConversation({ conversationId });
    // The handoff's transcript; the hub may add its auto-response (a system message) when nobody was online.
    expect(opened.messages.filter((m) => m.author !== 'system').map((m) => [m.id, m.author])).toEqual([
      ['m1', 'shopper'],
      ['m2', 'customer_agent'],
    ]);
  });

  it('reconnects by itself on start with a saved session, and signing out forgets it', async () => {
    const dataDir = temporaryDir();
    await (await signedInCore(hub.url, 'agent1@demo.test', dataDir)).close();

    const restarted = track(openCore(dataDir, hub.url));
    expect((await restarted.getSnapshot({})).session?.account.email).toBe('agent1@demo.test');
    await waitForConnection(restarted, 'online');

    const signedOut = nextEvent(restarted, (e) => e.type === 'session' && e.session === null, 'signed out');
    expect(await restarted.signOut({})).toEqual({ ok: true });
    await signedOut;
    expect(readSavedSession(dataDir)).toBeNull();
    expect(await restarted.getSnapshot({})).toMatchObject({
      session: null,
      connection: { status: 'signed_out' },
      conversations: [],
    });
  });

  it('another account signing in on the same desk starts from an empty cache', async () => {
    const conversationId = uniqueConversationId('belongs-to-agent1');
    await postHandoff(hub.url, sampleHandoff(conversationId));
    const dataDir = temporaryDir();
    const first = await signedInCore(hub.url, 'agent1@demo.test', dataDir);
    // Agent 1 never claimed it, so the hub refuses the reply: nothing of agent 1's is left to send.
    const refused = nextEvent(first, (event) => event.type === 'commandFailed', 'the reply refused');
    await first.reply({ conversationId, text: 'An unsent reply of agent 1' });
    await refused;
    await first.close();

    const second = track(openCore(dataDir, hub.url));
    await second.signOut({});
    const online = waitForConnection(second, 'online');
    expect(
      await second.signIn({ hubUrl: hub.url, email: 'agent2@demo.test', password: DEMO_PASSWORD }),
    ).toMatchObject({
      ok: true,
    });
    await online;
    const opened = await second.openConversation({ conversationId });
    expect(opened.messages.map((m) => m.text)).not.toContain('An unsent reply of agent 1');
    expect(opened.messages.filter((m) => m.author !== 'system').map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it("refuses another account's sign-in while this machine still holds unsent work, and keeps that work", async () => {
    const ownHub = await startTestHub();
    const dataDir = temporaryDir();
    const first = track(await signedInCore(ownHub.url, 'agent1@demo.test', dataDir));
    await postHandoff(ownHub.url, sampleHandoff('unsent-1'));
    expect(await first.claim({ conversationId: 'unsent-1' })).toMatchObject({ ok: true, pending: false });
    const reconnecting = waitForConnection(first, 'reconnecting');
    await ownHub.close();
    await reconnecting;
    expect(await first.reply({ conversationId: 'unsent-1', text: 'Written while the hub was away' })).toEqual(
      {
        ok: true,
        pending: true,
      },
    );

    await first.signOut({});
    const other = await first.signIn({
      hubUrl: ownHub.url,
      email: 'agent2@demo.test',
      password: DEMO_PASSWORD,
    });
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'unsent_work', message: expect.stringContaining('agent1@demo.test') },
    });
    const peek = new DeskCache({ dataDir });
    expect(peek.pendingCommands().map((entry) => entry.command)).toMatchObject([
      { type: 'reply', conversationId: 'unsent-1', text: 'Written while the hub was away' },
    ]);
    peek.close();
  });
});
