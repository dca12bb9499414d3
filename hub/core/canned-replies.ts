// Environment: Node (hub). Saving and deleting canned replies. Personal ones: their owner only; shared
// ones: leads only. The outcome says whose lists changed, so only they get a push.
import type { CannedReply, CannedReplySave } from '../../shared/canned-replies.js';
import type { RequestResult } from '../../shared/desk-protocol.js';
import type { Account } from '../../shared/domain.js';
import type { HubStore } from '../store/hub-store.js';

export interface CannedOutcome<T> {
  result: RequestResult<T>;
  /** `everyone` when a shared reply changed, an account id for a personal one, null when nothing did. */
  affected: 'everyone' | string | null;
}

function mayEdit(reply: Pick<CannedReply, 'scope' | 'ownerId'>, actor: Account): boolean {
  return reply.scope === 'shared' ? actor.role === 'lead' : reply.ownerId === actor.id;
}

const forbidden = (message: string) => ({
  result: { ok: false as const, error: { code: 'forbidden' as const, message } },
  affected: null,
});

function whoseListChanged(before: CannedReply | null, after: CannedReply | null, actor: Account) {
  return before?.scope === 'shared' || after?.scope === 'shared' ? 'everyone' : actor.id;
}

export function saveCannedReply(
  store: HubStore,
  input: CannedReplySave,
  actor: Account,
  now: string,
): CannedOutcome<CannedReply> {
  const existing = store.getCannedReply(input.id);
  if (existing && !mayEdit(existing, actor)) {
    return forbidden(
      existing.scope === 'shared'
        ? 'Only a lead can change a shared canned reply.'
        : 'This personal canned reply belongs to someone else.',
    );
  }
  if (input.scope === 'shared' && actor.role !== 'lead') {
    return forbidden('Only a lead can save a shared canned reply; save it as personal instead.');
  }
  const reply: CannedReply = {
    id: input.id,
    scope: input.scope,
    ownerId: input.scope === 'personal' ? actor.id : null,
    shortcut: input.shortcut,
    title: input.title,
    body: input.body,
    updatedAt: now,
  };
  store.saveCannedReply(reply);
  return { result: { ok: true, value: reply }, affected: whoseListChanged(existing, reply, actor) };
}

export function deleteCannedReply(store: HubStore, id: string, actor: Account): CannedOutcome<object> {
  const existing = store.getCannedReply(id);
  // Someone else's personal reply is as good as missing: its existence is theirs.
  if (!existing || (existing.scope === 'personal' && existing.ownerId !== actor.id)) {
    return {
      result: { ok: false, error: { code: 'not_found', message: `No canned reply ${id}.` } },
      affected: null,
    };
  }
  if (!mayEdit(existing, actor)) return forbidden('Only a lead can delete a shared canned reply.');
  store.deleteCannedReply(id);
  return { result: { ok: true, value: {} }, affected: whoseListChanged(existing, null, actor) };
}
