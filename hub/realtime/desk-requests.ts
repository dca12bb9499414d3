// Environment: Node (hub). The /desk requests that are not commands (deskRequests in desk-protocol.ts):
// each payload parsed against its schema, each answered through its ack with a RequestResult.
import type { z } from 'zod';
import { deskRequests, type DeskRequestName, type RequestResult } from '../../shared/desk-protocol.js';
import type { Account } from '../../shared/domain.js';
import { deleteCannedReply, saveCannedReply } from '../core/canned-replies.js';
import { isoAt } from '../core/clock.js';
import { shopperHistory } from '../core/shopper-history.js';
import { SegmentLimitError } from '../segments/segment-engine.js';
import type { DeskServices } from './desk-services.js';

export type RequestPayload<N extends DeskRequestName> = z.infer<(typeof deskRequests)[N]['payload']>;
export type RequestHandlers = {
  [N in DeskRequestName]: (account: Account, payload: RequestPayload<N>) => RequestResult<unknown>;
};

const leadsOnly = (what: string): RequestResult<never> => ({
  ok: false,
  error: { code: 'forbidden', message: `Only a lead can ${what}.` },
});

/** Leads' data and actions are refused to agents (the message names the role the account has). */
const refusedToAgents = (account: Account, what: string): RequestResult<never> => ({
  ok: false,
  error: {
    code: 'forbidden',
    message: `Only a lead can ${what}; ${account.name} is signed in as an ${account.role}.`,
  },
});

/** The handlers for one socket: presence and idleness are per console. */
export function deskRequestHandlers(
  services: DeskServices,
  socketId: string,
  cannedRepliesChanged: (affected: 'everyone' | string) => void,
): RequestHandlers {
  const { store, presence, settings, clock, monitor, segments, outbound } = services;
  return {
    'presence:set': (account, { presence: chosen }) => {
      presence.choose(account.id, chosen);
      return { ok: true, value: {} };
    },
    'presence:idle': (_account, { idle }) => {
      presence.setIdle(socketId, idle);
      return { ok: true, value: {} };
    },
    'settings:update': (account, { patch }) => settings.update(patch, account),
    'audit:list': (account, { limit }) =>
      account.role === 'lead'
        ? { ok: true, value: store.listSettingsAudit(limit) }
        : leadsOnly('read the settings audit log'),
    'shopper:history': (_account, { conversationId }) =>
      shopperHistory(store, conversationId, (shopper) => segments.segmentsOfShopper(shopper)),
    'canned:save': (account, input) => {
      const outcome = saveCannedReply(store, input, account, isoAt(clock()));
      if (outcome.affected) cannedRepliesChanged(outcome.affected);
      return outcome.result;
    },
    'canned:delete': (account, { id }) => {
      const outcome = deleteCannedReply(store, id, account);
      if (outcome.affected) cannedRepliesChanged(outcome.affected);
      return outcome.result;
    },
    'monitor:get': (account) =>
      account.role === 'lead'
        ? { ok: true, value: monitor.snapshot() }
        : refusedToAgents(account, 'see the queue monitor'),
    'monitor:export': (account, period) =>
      account.role === 'lead'
        ? { ok: true, value: monitor.exportCsv(period) }
        : refusedToAgents(account, 'export conversations'),
    'segments:list': () => ({ ok: true, value: segments.list() }),
    'segments:create': (account, definition) => {
      if (account.role !== 'lead') return refusedToAgents(account, 'define segments');
      try {
        return { ok: true, value: segments.create(definition) };
      } catch (error) {
        if (!(error instanceof SegmentLimitError)) throw error;
        return { ok: false, error: { code: 'invalid', message: error.message } };
      }
    },
    'segments:delete': (account, { id }) => {
      if (account.role !== 'lead') return refusedToAgents(account, 'delete segments');
      const outcome = segments.delete(id);
      if (outcome === 'deleted') return { ok: true, value: {} };
      if (outcome === 'built_in') {
        return {
          ok: false,
          error: { code: 'forbidden', message: `${id} is a built-in segment: it cannot be deleted.` },
        };
      }
      return { ok: false, error: { code: 'not_found', message: `No segment ${id}.` } };
    },
    'outbound:state': (account) =>
      account.role === 'lead'
        ? { ok: true, value: { forwarding: outbound.forwardingState(), webhooks: outbound.listWebhooks() } }
        : refusedToAgents(account, 'see forwarding and webhooks'),
  };
}

export const DESK_REQUEST_NAMES = Object.keys(deskRequests) as DeskRequestName[];
