// Unread counting on a real cache file: what counts, what does not, and that it survives a restart.
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, Conversation, Message } from '../../shared/domain.js';
import type { HubChange } from '../../shared/desk-protocol.js';
import { DeskCache } from './cache.js';
import { UnreadCounter } from './unread.js';
import { conversationAt, messageAt, temporaryDir } from './test-support/fixtures.js';

const alex: Account = { id: 'a1', name: 'Alex Lindqvist', email: 'agent1@demo.test', role: 'agent' };
const sam: Account = { id: 'a2', name: 'Sam Okafor', email: 'agent2@demo.test', role: 'agent' };
const ref = ({ id, name, email }: Account) => ({ id, name, email });

const caches: DeskCache[] = [];
afterEach(() => caches.splice(0).forEach((cache) => cache.close()));

function setUp(dataDir = temporaryDir()) {
  const cache = new DeskCache({ dataDir });
  caches.push(cache);
  const emitted: Record<string, number>[] = [];
  const unread = new UnreadCounter(
    cache,
    () => alex.id,
    (counts) => emitted.push(counts),
  );
  const apply = (items: (Conversation | Message)[], how: { initial?: boolean } = {}) => {
    let position = cache.lastPosition();
    const changes: HubChange[] = items.map((item) =>
      'channel' in item
        ? { position: ++position, kind: 'conversation', conversation: item }
        : { position: ++position, kind: 'message', message: item },
    );
    unread.applied(cache.applyChanges(changes, { fromSync: false }), how.initial ?? false);
  };
  return { cache, unread, emitted, apply, dataDir };
}

const mine = (version: number, id = 'c1') =>
  conversationAt(version, { id, status: 'open', assignee: ref(alex) });

describe('unread counts', () => {
  it('counts shopper messages in my conversations, once each, and markRead clears them', () => {
    const { unread, emitted, apply } = setUp();
    apply([mine(1), conversationAt(2, { id: 'c2', status: 'open', assignee: ref(sam) })]);
    apply([messageAt(1), messageAt(2), messageAt(3, { conversationId: 'c2' })]);
    apply([messageAt(2, { text: 'a re-push of the same message' })]);
    apply([messageAt(4, { author: 'agent', agent: ref(alex), delivery: 'sent' })]);
    expect(unread.current()).toEqual({ c1: 2 });
    expect(emitted).toEqual([{ c1: 2 }]);

    unread.markRead('c1');
    unread.markRead('c1'); // nothing left: no event
    expect(unread.current()).toEqual({});
    expect(emitted).toEqual([{ c1: 2 }, {}]);
  });

  it('counts notes that mention me by someone else, in any conversation', () => {
    const { unread, apply } = setUp();
    apply([conversationAt(1, { status: 'open', assignee: ref(sam) })]);
    const note = (position: number, by: Account, mentions: string[]) =>
      messageAt(position, { author: 'agent', agent: ref(by), internal: true, mentions });
    apply([note(1, sam, [alex.id]), note(2, sam, []), note(3, alex, [alex.id])]);
    expect(unread.current()).toEqual({ c1: 1 });
  });

  it('does not count the history a fresh cache downloads', () => {
    const { unread, apply } = setUp();
    apply([mine(1), messageAt(1), messageAt(2)], { initial: true });
    expect(unread.current()).toEqual({});
  });

  it('drops the count of a conversation that is no longer mine', () => {
    const { unread, emitted, apply } = setUp();
    apply([mine(1), messageAt(1)]);
    apply([conversationAt(3, { status: 'open', assignee: ref(sam) })]);
    expect(unread.current()).toEqual({});
    expect(emitted.at(-1)).toEqual({});
  });

  it('survives a restart of the desk core', () => {
    const first = setUp();
    first.apply([mine(1), messageAt(1)]);
    first.cache.close();
    const second = setUp(first.dataDir);
    expect(second.unread.current()).toEqual({ c1: 1 });
  });
});
