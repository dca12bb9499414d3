import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema, handoffViewSchema } from '../../shared/handoff-api.js';
import { conversationIdOfChange } from '../store/hub-store.js';
import { DATABASE_FILE, SqliteHubStore } from '../store/sqlite/sqlite-hub-store.js';
import {
  api,
  connectAs,
  connectChat,
  connectorRecordingIds,
  conversationIdOf,
  eventsOf,
  handoffRequest,
  syncAll,
  testHubForFile,
} from '../testing/hub-fixture.js';

const hub = testHubForFile([
  ['alva@example.com', 'Alva Sund'],
  ['ben@example.com', 'Ben Carter'],
  ['lena@example.com', 'Lena Lead', 'lead'],
]);

/** A word that appears only in the erased conversation's content. */
const MARK = 'Kvittrafink';

const erase = (conversationId: string, token?: string | null) =>
  api(hub.url, `/api/v1/handoffs/${conversationId}`, { method: 'DELETE', token });

describe('DELETE /api/v1/handoffs/:conversationId', () => {
  it('needs the integration token and names an unknown id', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-guarded') });
    for (const token of [null, 'not-a-token']) {
      const response = await erase('conv-guarded', token);
      expect(response.status).toBe(401);
      expect(apiErrorSchema.parse(await response.json()).error).toBe('unauthorized');
    }
    expect((await api(hub.url, '/api/v1/handoffs/conv-guarded')).status).toBe(200);

    const unknown = await erase('conv-never-was');
    expect(unknown.status).toBe(404);
    expect(apiErrorSchema.parse(await unknown.json())).toMatchObject({
      error: 'not_found',
      message: expect.stringContaining('conv-never-was'),
    });
  });

  it('erases the conversation and its whole history in the log, pushes one deleted change, and leaves others alone', async () => {
    const accounts = connectorRecordingIds(hub);
    const alva = await accounts.connectAs('alva@example.com');
    const ben = await accounts.connectAs('ben@example.com');
    await syncAll(ben);
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-kept') });
    await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-erased', {
        shopper: { email: 'nora.ek@example.se', name: `Nora ${MARK}` },
        transcript: [
          { id: 'e1', author: 'shopper', text: `My ${MARK} order`, sentAt: '2026-01-10T09:00:00Z' },
        ],
      }),
    });
    await alva.command({ id: 'erase-claim', type: 'claim', conversationId: 'conv-erased' });
    await alva.command({
      id: 'erase-reply',
      type: 'reply',
      conversationId: 'conv-erased',
      text: `Hej ${MARK}`,
    });
    await alva.command({
      id: 'erase-note',
      type: 'note',
      conversationId: 'conv-erased',
      text: `${MARK} note`,
    });
    const shopperMessage = await api(hub.url, '/api/v1/handoffs/conv-erased/messages', {
      body: { id: 'e2', text: `${MARK} again`, sentAt: '2026-01-10T09:05:00Z' },
    });
    expect(shopperMessage.status).toBe(201);
    await expect
      .poll(() => ben.changes.some((change) => change.kind === 'message' && change.message.id === 'e2'))
      .toBe(true);
    const head = ben.changes.at(-1)!.position;

    const response = await erase('conv-erased');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');

    // Pushed live to consoles like any change: one tombstone, right after the head.
    await expect
      .poll(() => ben.changes.at(-1))
      .toEqual({ position: head + 1, kind: 'deleted', conversationId: 'conv-erased' });
    expect(ben.changes.filter((change) => change.kind === 'deleted')).toHaveLength(1);

    // A console reading the log from the start finds only the tombstone, and nothing of the content.
    const fresh = await accounts.connectAs('lena@example.com');
    const log = await syncAll(fresh);
    expect(log.filter((change) => conversationIdOfChange(change) === 'conv-erased')).toEqual([
      { position: head + 1, kind: 'deleted', conversationId: 'conv-erased' },
    ]);
    expect(JSON.stringify(log)).not.toContain(MARK);
    // The other conversation is untouched.
    expect(log.filter((change) => conversationIdOfChange(change) === 'conv-kept').length).toBeGreaterThan(1);
    const kept = await api(hub.url, '/api/v1/handoffs/conv-kept');
    expect(handoffViewSchema.parse(await kept.json()).transcript).toHaveLength(3);

    // Nor do the hub's files on disk: the erased bytes were zeroed, not just unlinked.
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`]
      .map((name) => path.join(hub.dataDir, name))
      .filter((file) => fs.existsSync(file));
    for (const file of files) expect(fs.readFileSync(file).includes(MARK), file).toBe(false);

    // Afterwards: 404 for the integration, and an erasure is not repeated.
    for (const [pathname, body] of [
      ['/api/v1/handoffs/conv-erased', undefined],
      ['/api/v1/handoffs/conv-erased/messages', { id: 'e3', text: 'Hello?', sentAt: '2026-01-10T10:00:00Z' }],
      ['/api/v1/handoffs/conv-erased/deliveries', { messageIds: ['erase-reply'] }],
    ] as const) {
      const answer = await api(hub.url, pathname, { body });
      expect(answer.status, pathname).toBe(404);
      expect(apiErrorSchema.parse(await answer.json()).message).toContain('conv-erased');
    }
    expect((await erase('conv-erased')).status).toBe(404);
    // The event stream is not part of this erasure (issues 6 and 7 decide it).
    expect((await eventsOf(hub.url, 'conv-erased')).map((event) => event.metric)).toContain(
      'Conversation Escalated',
    );
  });

  it('leaves only the tombstone of an erased conversation in a sync page read again', async () => {
    const accounts = connectorRecordingIds(hub);
    const ben = await accounts.connectAs('ben@example.com');
    const { head } = await ben.sync(0, 1);
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-paged-erased') });
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-paged-kept') });
    const before = await ben.sync(head, 6);
    expect(before.hasMore).toBe(true);
    expect(before.changes.map(conversationIdOfChange)).toContain('conv-paged-erased');

    expect((await erase('conv-paged-erased')).status).toBe(204);
    // Only its tombstone is left of it.
    const after = await ben.sync(head, 6);
    const erasedChanges = after.changes.filter(
      (change) => conversationIdOfChange(change) === 'conv-paged-erased',
    );
    expect(erasedChanges.map((change) => change.kind)).toEqual(['deleted']);
    expect(after.changes.map(conversationIdOfChange)).toContain('conv-paged-kept');
  });

  it('refuses console commands on an erased conversation as deleted on the hub, retries included', async () => {
    const lena = await connectAs(hub.url, 'lena@example.com');
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-gone') });
    expect(
      await lena.command({ id: 'gone-claim', type: 'claim', conversationId: 'conv-gone' }),
    ).toMatchObject({
      ok: true,
    });
    expect((await erase('conv-gone')).status).toBe(204);

    const refused = {
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/conv-gone was deleted on the hub/) },
    };
    for (const command of [
      { id: 'gone-claim', type: 'claim' },
      { id: 'gone-reply', type: 'reply', text: 'Are you there?' },
      { id: 'gone-note', type: 'note', text: 'Internal' },
      { id: 'gone-resolve', type: 'resolve' },
      { id: 'gone-tags', type: 'set_tags', tags: ['x'] },
    ]) {
      expect(await lena.command({ ...command, conversationId: 'conv-gone' })).toMatchObject({
        ...refused,
        commandId: command.id,
      });
    }
    expect(await lena.request('shopper:history', { conversationId: 'conv-gone' })).toMatchObject(refused);
    // A conversation that never existed is still just unknown.
    expect(
      await lena.command({ id: 'never-claim', type: 'claim', conversationId: 'conv-never' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No handed-off conversation conv-never.' },
    });
  });

  it("removes a web chat's session: the open widget and its saved token find no chat", async () => {
    const chat = await connectChat(hub.url, { shopper: { email: 'klara.ek@example.se' } });
    const conversationId = conversationIdOf(hub, chat);
    expect((await erase(conversationId)).status).toBe(204);

    expect(await chat.emit('chat:send', { id: 'after-erase', text: 'Hello?' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^unknown_chat/),
    });
    const again = await chat.emit('chat:hello', { chatId: chat.chatId, chatToken: chat.chatToken });
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/^unknown_chat/) });
    const store = SqliteHubStore.open(hub.dataDir);
    try {
      expect(store.findChatSession(chat.chatId)).toBeNull();
      expect(store.getConversation(conversationId)).toBeNull();
    } finally {
      store.close();
    }
  });
});
