import { describe, expect, it } from 'vitest';
import {
  api,
  connectAs,
  connectDesk,
  connected,
  eventsOf,
  handoffRequest,
  signIn,
  syncAll,
  testHubForFile,
} from '../testing/hub-fixture.js';
import { io } from 'socket.io-client';
import { conversationIdOfChange } from '../store/hub-store.js';
import { hubChangeSchema, syncResponseSchema } from '../../shared/desk-protocol.js';

const hub = testHubForFile(
  [
    ['alva@example.com', 'Alva Sund'],
    ['ben@example.com', 'Ben Carter'],
    ['lena@example.com', 'Lena Lead', 'lead'],
  ],
  { sessionTtlMs: 60 * 60 * 1000 },
);

describe('/desk authentication', () => {
  it('refuses a connection without a valid session token', async () => {
    for (const auth of [{}, { token: 'made-up' }, { token: 42 }]) {
      const socket = io(`${hub.url}/desk`, {
        auth,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      await expect(connected(socket)).rejects.toThrow('unauthorized');
      socket.close();
    }
  });

  it('disconnects a socket when its session expires, refuses it at connect, and applies nothing for it', async () => {
    const session = await signIn(hub.url, 'alva@example.com');
    const desk = await connectDesk(hub.url, session.token);
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-expiry') });

    const disconnected = new Promise<string>((resolve) => desk.socket.once('disconnect', resolve));
    hub.advance(61 * 60 * 1000);
    expect(await disconnected).toBe('io server disconnect');
    await expect(connectDesk(hub.url, session.token)).rejects.toThrow('session_expired');

    // Nothing was applied: the conversation is still in the queue.
    const view = await (await api(hub.url, '/api/v1/handoffs/conv-expiry')).json();
    expect(view.status).toBe('queued');
  });

  it('signs in, refuses a wrong password and an unknown email alike, and signs out', async () => {
    const wrong = await fetch(`${hub.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alva@example.com', password: 'wrong-password' }),
    });
    const unknown = await fetch(`${hub.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());

    const session = await signIn(hub.url, 'alva@example.com');
    expect(session.account).toMatchObject({ email: 'alva@example.com', name: 'Alva Sund', role: 'agent' });
    const desk = await connectDesk(hub.url, session.token);
    await syncAll(desk);
    // Signing out closes the session's live sockets at once: nothing more is pushed to them.
    const disconnected = new Promise<string>((resolve) => desk.socket.once('disconnect', resolve));
    const signOut = await fetch(`${hub.url}/api/v1/sessions`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(signOut.status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    await expect(connectDesk(hub.url, session.token)).rejects.toThrow('unauthorized');
  });
});

describe('/desk sync and live changes', () => {
  it('replays the log from a position, then pushes live changes in order with no gap or repeat', async () => {
    const session = await signIn(hub.url, 'alva@example.com');
    const desk = await connectDesk(hub.url, session.token);
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-sync') });
    const all = await syncAll(desk);
    const mine = all.filter((change) => conversationIdOfChange(change) === 'conv-sync');
    // The conversation first, then its whole transcript.
    expect(mine.map((change) => (change.kind === 'message' ? change.message.id : change.kind))).toEqual([
      'conversation',
      'm1',
      'm2',
      'm3',
    ]);

    // Replay from a position returns exactly what follows it.
    const from = mine[1]!.position;
    const replay = await desk.sync(from, 2);
    expect(replay.changes.map((change) => change.position)).toEqual([from + 1, from + 2]);
    expect(replay.head).toBeGreaterThanOrEqual(from + 2);

    // Live: a shopper message arrives as pushed changes after the last synced position.
    const head = all.at(-1)!.position;
    await api(hub.url, '/api/v1/handoffs/conv-sync/messages', {
      body: { id: 'live-1', text: 'Hello?', sentAt: '2026-01-10T10:00:00Z' },
    });
    await expect
      .poll(() => desk.changes.some((change) => change.kind === 'message' && change.message.id === 'live-1'))
      .toBe(true);
    const positions = desk.changes.map((change) => change.position);
    expect(positions[0]).toBe(head + 1);
    expect(positions).toEqual(positions.map((_, index) => head + 1 + index));
  });

  it("sends a sync page's changes as the bytes of their JSON, which parse to the logged changes", async () => {
    const session = await signIn(hub.url, 'alva@example.com');
    const desk = await connectDesk(hub.url, session.token);
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-bytes') });
    const raw = (await desk.socket.timeout(5000).emitWithAck('sync', { after: 0, limit: 1000 })) as {
      changes: unknown;
    };
    expect(Buffer.isBuffer(raw.changes)).toBe(true);
    const page = syncResponseSchema.parse(raw);
    if (!page.ok) throw new Error('sync refused');
    const mine = page.changes.filter((change) => conversationIdOfChange(change) === 'conv-bytes');
    expect(mine.map((change) => change.kind)).toEqual(['conversation', 'message', 'message', 'message']);
    // A logged conversation carries its own position as its version, as live pushes do.
    const logged = mine[0]!;
    expect(logged.kind === 'conversation' && logged.conversation.version).toBe(logged.position);
    // Bytes that are not JSON are refused by name.
    const garbled = syncResponseSchema.safeParse({ ...raw, changes: Buffer.from('[{"posi') });
    expect(garbled.success).toBe(false);
    expect(garbled.error?.issues[0]?.message).toBe('the changes are not JSON');
  });

  it("pushes one commit's changes as one batch, in position order", async () => {
    const session = await signIn(hub.url, 'ben@example.com');
    const desk = await connectDesk(hub.url, session.token);
    await syncAll(desk);
    const firstPush = new Promise<unknown[]>((resolve) => desk.socket.once('changes', resolve));
    // One handoff is one commit: the conversation and its whole transcript.
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-batch') });
    const batch = hubChangeSchema.array().parse(await firstPush);
    expect(batch.map((change) => (change.kind === 'message' ? change.message.id : change.kind))).toEqual([
      'conversation',
      'm1',
      'm2',
      'm3',
    ]);
    const positions = batch.map((change) => change.position);
    expect(positions).toEqual(positions.map((_, index) => positions[0]! + index));
  });

  it('does not push to a console before it has synced to the head', async () => {
    const session = await signIn(hub.url, 'ben@example.com');
    const early = await connectDesk(hub.url, session.token);
    const caughtUp = await connectDesk(hub.url, session.token);
    await syncAll(caughtUp);
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-gate') });
    await expect.poll(() => caughtUp.changes.length).toBeGreaterThan(0);
    expect(early.changes).toEqual([]);
    // The early console gets them by syncing instead.
    const replay = await syncAll(early);
    expect(replay.map((change) => change.position)).toEqual(
      expect.arrayContaining(caughtUp.changes.map((change) => change.position)),
    );
  });

  it('answers invalid payloads with `invalid` naming the fields and ignores events without an ack', async () => {
    const session = await signIn(hub.url, 'alva@example.com');
    const desk = await connectDesk(hub.url, session.token);
    expect(await desk.socket.timeout(5000).emitWithAck('sync', { after: -1, extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/after.*|.*extra/) },
    });
    expect(await desk.command({ id: 'bad-1', type: 'reply', conversationId: 'x' })).toMatchObject({
      ok: false,
      commandId: 'bad-1',
      error: { code: 'invalid', message: expect.stringContaining('text') },
    });
    expect(await desk.command({ type: 'explode' } as Record<string, unknown>)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    desk.socket.emit('command', { id: 'no-ack', type: 'claim', conversationId: 'x' });
    desk.socket.emit('sync');
    // Still connected and serving.
    expect((await desk.sync(0, 1)).ok).toBe(true);
  });
});

describe('/desk commands', () => {
  it('lets exactly one of two racing agents claim, and tells the other who won', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-race') });
    const alva = await connectAs(hub.url, 'alva@example.com');
    const ben = await connectAs(hub.url, 'ben@example.com');
    const results = await Promise.all([
      alva.command({ id: 'race-alva', type: 'claim', conversationId: 'conv-race' }),
      ben.command({ id: 'race-ben', type: 'claim', conversationId: 'conv-race' }),
    ]);
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]!;
    if (!winner.ok) throw new Error('unreachable');
    expect(losers[0]).toMatchObject({
      error: {
        code: 'already_claimed',
        message: expect.stringContaining(winner.conversation.assignee!.name),
      },
    });
    const accepted = (await eventsOf(hub.url, 'conv-race')).filter(
      (event) => event.metric === 'Handoff Accepted',
    );
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.properties.agent_id).toBe(winner.conversation.assignee!.id);
  });

  it('applies a retried command id once and returns the same answer', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-retry') });
    const desk = await connectAs(hub.url, 'alva@example.com');
    await desk.command({ id: 'retry-claim', type: 'claim', conversationId: 'conv-retry' });
    const reply = { id: 'retry-reply', type: 'reply', conversationId: 'conv-retry', text: 'On it!' };
    const first = await desk.command(reply);
    const second = await desk.command(reply);
    expect(second).toEqual(first);
    const view = await (await api(hub.url, '/api/v1/handoffs/conv-retry')).json();
    expect(view.transcript.filter((message: { id: string }) => message.id === 'retry-reply')).toHaveLength(1);

    // Also after a reconnect with a new socket.
    desk.close();
    const again = await connectAs(hub.url, 'alva@example.com');
    expect(await again.command(reply)).toEqual(first);
  });

  it('refuses replies and resolves from a non-assignee, allows a lead', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-owner') });
    const alva = await connectAs(hub.url, 'alva@example.com');
    const ben = await connectAs(hub.url, 'ben@example.com');
    const lead = await connectAs(hub.url, 'lena@example.com');
    expect(
      await ben.command({ id: 'early-reply', type: 'reply', conversationId: 'conv-owner', text: 'hi' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_assignee' },
    });
    await alva.command({ id: 'owner-claim', type: 'claim', conversationId: 'conv-owner' });
    expect(
      await ben.command({ id: 'ben-reply', type: 'reply', conversationId: 'conv-owner', text: 'hi' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_assignee', message: expect.stringContaining('Alva Sund') },
    });
    expect(
      await ben.command({ id: 'ben-resolve', type: 'resolve', conversationId: 'conv-owner' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_assignee' },
    });
    expect(
      await lead.command({
        id: 'lead-reply',
        type: 'reply',
        conversationId: 'conv-owner',
        text: 'Lead here.',
      }),
    ).toMatchObject({
      ok: true,
      message: { id: 'lead-reply', author: 'agent', agent: { email: 'lena@example.com' }, delivery: 'sent' },
    });
    expect(await alva.command({ id: 'unknown-conv', type: 'claim', conversationId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('records Handoff Accepted and Handoff Resolved with wait, first response and resolution times', async () => {
    const desk = await connectAs(hub.url, 'alva@example.com');
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-times') });
    hub.advance(90_000);
    const claim = await desk.command({ id: 'times-claim', type: 'claim', conversationId: 'conv-times' });
    expect(claim).toMatchObject({
      ok: true,
      conversation: { status: 'open', assignee: { email: 'alva@example.com' } },
    });
    hub.advance(30_000);
    const reply = await desk.command({
      id: 'times-reply',
      type: 'reply',
      conversationId: 'conv-times',
      text: 'Hej!',
    });
    expect(reply).toMatchObject({ ok: true, message: { id: 'times-reply' } });
    if (!reply.ok) throw new Error('unreachable');
    expect(reply.conversation.firstResponseAt).toBe(reply.message!.sentAt);
    hub.advance(60_000);
    const resolve = await desk.command({
      id: 'times-resolve',
      type: 'resolve',
      conversationId: 'conv-times',
      tags: ['refund_sent'],
    });
    expect(resolve).toMatchObject({
      ok: true,
      conversation: { status: 'resolved', resolutionTags: ['refund_sent'] },
    });
    expect(
      await desk.command({ id: 'times-again', type: 'resolve', conversationId: 'conv-times' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'already_resolved' },
    });

    const agentId = claim.ok ? claim.conversation.assignee!.id : '';
    const events = await eventsOf(hub.url, 'conv-times');
    expect(events.map((event) => event.metric)).toEqual([
      'Conversation Escalated',
      'Handoff Accepted',
      'Handoff Resolved',
    ]);
    expect(events[1]!.properties).toEqual({
      conversation_id: 'conv-times',
      channel: 'sms',
      agent_id: agentId,
      wait_seconds: 90,
      assignment: 'claim',
    });
    expect(events[2]!.properties).toEqual({
      conversation_id: 'conv-times',
      channel: 'sms',
      agent_id: agentId,
      tags: ['refund_sent'],
      first_response_seconds: 120,
      resolution_seconds: 180,
    });
    expect(events[2]!.profile).toEqual({ email: 'nora.ek@example.se', profileId: 'PROFILE-1' });
  });
});
