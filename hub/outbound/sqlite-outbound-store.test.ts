// The outbound store on a real hub database: cursors move only as attempts say, the stream is read per metric
// with the profile's identifiers, and the delivery log is trimmed per destination.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteHubStore } from '../store/sqlite/sqlite-hub-store.js';
import type { AttemptRecord } from './outbound-store.js';
import { ATTEMPTS_KEPT_PER_DESTINATION, SqliteOutboundStore } from './sqlite-outbound-store.js';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));

function stores() {
  const hubStore = SqliteHubStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'outbound-store-')));
  const store = new SqliteOutboundStore(hubStore.file);
  opened.push(store, hubStore);
  const append = (id: string, metric: string, email: string | null = 'nora.ek@example.se') =>
    hubStore.appendEvent({
      id,
      metric,
      time: '2026-01-10T09:00:00.000Z',
      profile: { email, profileId: null },
      conversationId: 'conv-1',
      properties: { conversation_id: 'conv-1' },
    });
  return { hubStore, store, append };
}

function attempt(
  overrides: Partial<AttemptRecord & { nextAttemptAt: string | null }> &
    Pick<AttemptRecord, 'destinationId' | 'eventId' | 'position'>,
) {
  return {
    metric: 'Handoff Missed',
    attempt: 1,
    status: 202,
    error: null,
    outcome: 'delivered' as const,
    at: '2026-01-10T09:00:01.000Z',
    durationMs: 3,
    nextAttemptAt: null,
    ...overrides,
  };
}

describe('SqliteOutboundStore', () => {
  it('reads its metrics after the cursor, in order, with the profile’s identifiers', () => {
    const { store, append } = stores();
    append('e1', 'Conversation Escalated');
    append('e2', 'Handoff Missed');
    append('e3', 'Handoff Accepted', null);
    append('e4', 'Handoff Missed');
    const read = store.readEventsAfter(0, ['Handoff Missed', 'Handoff Accepted'], 10);
    expect(read.map((event) => [event.id, event.position])).toEqual([
      ['e2', 2],
      ['e3', 3],
      ['e4', 4],
    ]);
    expect(read[0]).toMatchObject({ value: null, identifiers: { email: 'nora.ek@example.se' } });
    expect(store.readEventsAfter(2, ['Handoff Missed'], 10).map((event) => event.id)).toEqual(['e4']);
    expect(store.readEventsAfter(0, ['Handoff Missed'], 1).map((event) => event.id)).toEqual(['e2']);
    expect(store.countEventsAfter(2, ['Handoff Missed', 'Handoff Accepted'])).toBe(2);
    expect(store.headPosition()).toBe(4);
  });

  it('keeps forwarding’s cursor when its configuration changes', () => {
    const { store } = stores();
    store.saveForwarding({ url: 'https://a.example', metrics: ['Handoff Missed'], at: 't0' });
    store.advanceCursor('forwarding', 7);
    store.advanceCursor('forwarding', 3);
    const saved = store.saveForwarding({ url: 'https://b.example', metrics: ['Handoff Resolved'], at: 't1' });
    expect(saved).toMatchObject({
      url: 'https://b.example',
      metrics: ['Handoff Resolved'],
      cursor: 7,
      createdAt: 't0',
    });
  });

  it('moves the cursor on delivered and failed attempts only; a retry sets the error and when to try again', () => {
    const { store } = stores();
    store.insertWebhook({
      id: 'wh_a',
      url: 'https://a.example',
      metrics: ['M'],
      secret: 'whsec_x',
      createdAt: 't0',
      cursor: 0,
    });
    store.recordAttempt(
      attempt({
        destinationId: 'wh_a',
        eventId: 'e1',
        position: 1,
        status: 500,
        error: 'HTTP 500',
        outcome: 'retrying',
        nextAttemptAt: 'later',
      }),
    );
    expect(store.getDestination('wh_a')).toMatchObject({
      cursor: 0,
      nextAttemptAt: 'later',
      lastError: { eventId: 'e1', status: 500, message: 'HTTP 500' },
      lastDeliveredAt: null,
    });
    store.recordAttempt(attempt({ destinationId: 'wh_a', eventId: 'e1', position: 1, attempt: 2 }));
    expect(store.getDestination('wh_a')).toMatchObject({
      cursor: 1,
      nextAttemptAt: null,
      lastDeliveredAt: '2026-01-10T09:00:01.000Z',
    });
    store.recordAttempt(
      attempt({
        destinationId: 'wh_a',
        eventId: 'e2',
        position: 2,
        status: 404,
        error: 'HTTP 404',
        outcome: 'failed',
      }),
    );
    expect(store.getDestination('wh_a')).toMatchObject({
      cursor: 2,
      lastError: { eventId: 'e2', status: 404 },
    });
    expect(store.listFailures('wh_a', 10)).toEqual([
      {
        eventId: 'e2',
        position: 2,
        metric: 'Handoff Missed',
        status: 404,
        error: 'HTTP 404',
        failedAt: '2026-01-10T09:00:01.000Z',
      },
    ]);
    expect(store.attemptsMade('wh_a', 'e1')).toBe(2);

    // An attempt that ends after its subscription was deleted leaves nothing behind.
    store.deleteDestination('wh_a');
    store.recordAttempt(attempt({ destinationId: 'wh_a', eventId: 'e3', position: 3 }));
    expect(store.getDestination('wh_a')).toBeNull();
    expect(store.listAttempts('wh_a', { limit: 10 }).attempts).toEqual([]);
  });

  it('keeps the latest attempts per destination, newest first, in pages', () => {
    const { store } = stores();
    for (const id of ['wh_a', 'wh_b']) {
      store.insertWebhook({
        id,
        url: 'https://a.example',
        metrics: ['M'],
        secret: 'whsec_x',
        createdAt: 't0',
        cursor: 0,
      });
    }
    const total = ATTEMPTS_KEPT_PER_DESTINATION + 5;
    for (let position = 1; position <= total; position++) {
      store.recordAttempt(attempt({ destinationId: 'wh_a', eventId: `e${position}`, position }));
      if (position % 100 === 0)
        store.recordAttempt(attempt({ destinationId: 'wh_b', eventId: `e${position}`, position }));
    }
    const first = store.listAttempts('wh_a', { limit: 600 });
    const second = store.listAttempts('wh_a', { limit: 600, before: first.nextBefore! });
    const kept = [...first.attempts, ...second.attempts].map((entry) => entry.position);
    expect(second.nextBefore).toBeNull();
    expect(kept).toHaveLength(ATTEMPTS_KEPT_PER_DESTINATION);
    expect(kept[0]).toBe(total);
    expect(kept.at(-1)).toBe(6);
    expect(store.listAttempts('wh_b', { limit: 500 }).attempts).toHaveLength(10);
  });
});
