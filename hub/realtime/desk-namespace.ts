// Environment: Node (hub). The consoles' socket.io namespace (shared/desk-protocol.ts): session auth at
// connect and on every event, replay from a log position, live changes, commands applied once, requests,
// the team's live state (roster, settings, activity, canned replies) pushed on connect and on change, and the
// lead's monitor pushed to leads only.
import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  DESK_NAMESPACE,
  commandSchema,
  deskRequests,
  syncRequestSchema,
  type CommandResult,
  type DeskClientToServerEvents,
  type DeskServerToClientEvents,
  type RequestResult,
  type SyncResponseWire,
} from '../../shared/desk-protocol.js';
import type { Account } from '../../shared/domain.js';
import { activityReportSchema } from '../../shared/team.js';
import { applyCommand } from '../core/commands.js';
import { buildRoster } from '../team/roster.js';
import { DESK_REQUEST_NAMES, deskRequestHandlers } from './desk-requests.js';
import type { DeskServices } from './desk-services.js';
import { storageFaultOf, storageUnavailableMessage } from '../store/storage-faults.js';

/** Consoles that have caught up with the log; every new change is pushed to them. */
const LIVE_ROOM = 'live';
/** Leads' consoles: the monitor's figures go to them and to nobody else. */
const LEADS_ROOM = 'leads';
const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;
/** How often connected consoles' sessions are re-checked against the database (ms on the hub clock). */
export const SESSION_SWEEP_MS = 2000;
const SESSION_SWEEP_KEY = 'session-sweep';
const ROSTER_PUSH_INTERVAL_MS = 500;

interface DeskSocketData {
  token: string;
  tokenHash: string;
  account: Account;
  /** When the session ends (epoch ms). */
  expiresAt: number;
}
type DeskNamespace = Namespace<
  DeskClientToServerEvents,
  DeskServerToClientEvents,
  Record<string, never>,
  DeskSocketData
>;
type DeskSocket = Socket<
  DeskClientToServerEvents,
  DeskServerToClientEvents,
  Record<string, never>,
  DeskSocketData
>;

function fieldsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
}

/** The id a malformed command carried, if any, so its refusal can still be matched to it. */
function commandIdOf(payload: unknown): string {
  const id = (payload as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 200) : '';
}

export interface AttachedDeskNamespace {
  /** Stops pushes still waiting to go out (before the store closes). */
  close(): void;
}

export function attachDeskNamespace(io: Server, services: DeskServices): AttachedDeskNamespace {
  const { store, commits, sessions, clock, timers, settings, presence, activity, monitor } = services;
  const desk = io.of(DESK_NAMESPACE) as unknown as DeskNamespace;
  monitor.publishTo({
    size: () => desk.adapter.rooms.get(LEADS_ROOM)?.size ?? 0,
    send: (snapshot) => desk.to(LEADS_ROOM).emit('monitor', snapshot),
  });

  /** The roster as last pushed, so that only a real change is pushed again. */
  let pushedRoster = '';
  const roster = () => buildRoster(store, presence, settings.get());
  const pushRosterIfChanged = () => {
    const current = roster();
    const text = JSON.stringify(current);
    if (text === pushedRoster) return;
    pushedRoster = text;
    desk.emit('roster', current);
  };
  // Every commit may move the open counts in the roster, which goes whole to every console: the first change after
  // a quiet spell is pushed at once, the rest of a burst (a flood of claims) at most once per
  // ROSTER_PUSH_INTERVAL_MS, instead of once per commit, which grew with agents squared. Presence and settings
  // changes push at once, so that a console has the new roster before its request's ack.
  let rosterPushTimer: NodeJS.Timeout | null = null;
  let lastRosterLookAt = Number.NEGATIVE_INFINITY;
  const lookAtRoster = () => {
    rosterPushTimer = null;
    lastRosterLookAt = Date.now();
    pushRosterIfChanged();
  };
  const pushRosterSoon = () => {
    if (rosterPushTimer) return;
    const wait = lastRosterLookAt + ROSTER_PUSH_INTERVAL_MS - Date.now();
    if (wait <= 0) lookAtRoster();
    else rosterPushTimer = setTimeout(lookAtRoster, wait);
  };
  const pushCannedReplies = (affected: 'everyone' | string) => {
    for (const socket of desk.sockets.values()) {
      const accountId = socket.data.account.id;
      if (affected === 'everyone' || affected === accountId)
        socket.emit('cannedReplies', store.listCannedReplies(accountId));
    }
  };

  desk.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const check = sessions.check(token);
    if (!check.ok) return next(new Error(check.code));
    socket.data.token = token as string;
    socket.data.tokenHash = check.tokenHash;
    socket.data.account = check.account;
    socket.data.expiresAt = check.expiresAt;
    next();
  });

  desk.on('connection', (socket: DeskSocket) => {
    const account = socket.data.account;
    /** Re-checks the session: an expired or revoked one ends the connection after the refusal is sent. */
    const stillSignedIn = (): { ok: true; account: Account } | { ok: false; message: string } => {
      const check = sessions.check(socket.data.token);
      if (check.ok) return { ok: true, account: check.account };
      setImmediate(() => socket.disconnect(true));
      return {
        ok: false,
        message:
          check.code === 'session_expired'
            ? 'Your session expired: sign in again.'
            : 'Your session ended: sign in again.',
      };
    };

    // A session that expires or is signed out stops receiving pushes at once, not at the socket's next event.
    void socket.join(sessionRoom(socket.data.tokenHash));
    timers.at(`session-expiry:${socket.id}`, socket.data.expiresAt, () => socket.disconnect(true));
    socket.on('disconnect', () => {
      timers.cancel(`session-expiry:${socket.id}`);
      presence.disconnect(socket.id);
      activity.leave(socket.id);
    });
    presence.connect(socket.id, account.id, socket.data.expiresAt);
    // The whole live state now: a console never shows a stale team after a reconnect.
    socket.emit('settings', settings.get());
    socket.emit('roster', roster());
    socket.emit('cannedReplies', store.listCannedReplies(account.id));
    for (const current of activity.current()) socket.emit('activity', current);
    if (account.role === 'lead') {
      void socket.join(LEADS_ROOM);
      // Fresh figures at once (counting this lead's own presence): a reconnect never shows stale ones.
      try {
        socket.emit('monitor', monitor.snapshot());
      } catch (error) {
        console.error('hub: computing the monitor failed', error);
      }
    }

    socket.on('sync', (request, ack) => {
      if (typeof ack !== 'function') return;
      const session = stillSignedIn();
      if (!session.ok) return ack({ ok: false, error: { code: 'unauthorized', message: session.message } });
      const parsed = syncRequestSchema.safeParse(request);
      if (!parsed.success)
        return ack({ ok: false, error: { code: 'invalid', message: fieldsOf(parsed.error) } });
      let page;
      try {
        page = store.readChangesJson(parsed.data.after, parsed.data.limit);
      } catch (error) {
        console.error('hub: sync failed', error);
        return ack({
          ok: false,
          error: { code: 'failed', message: 'The hub could not read its log; try again.' },
        });
      }
      // Joining in the same synchronous step as the read: no change can be committed in between, so the
      // console gets every change exactly once, either in this page or live.
      if (!page.hasMore) void socket.join(LIVE_ROOM);
      const { changesJson, ...position } = page;
      const response: SyncResponseWire = { ok: true, ...position, changes: Buffer.from(changesJson) };
      ack(response);
    });

    socket.on('command', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const session = stillSignedIn();
      const commandId = commandIdOf(payload);
      if (!session.ok)
        return ack({ ok: false, commandId, error: { code: 'unauthorized', message: session.message } });
      const parsed = commandSchema.safeParse(payload);
      if (!parsed.success) {
        return ack({ ok: false, commandId, error: { code: 'invalid', message: fieldsOf(parsed.error) } });
      }
      // Acknowledged once the shared commit is durable: replies from many consoles cost one fsync, not one each.
      commits.run(
        () => applyCommand(store, parsed.data, session.account, clock),
        (outcome) => {
          if (outcome.ok) return ack(outcome.value);
          const fault = storageFaultOf(outcome.error);
          if (fault) console.error(`hub: command ${commandId} refused: ${fault}`);
          else console.error('hub: a command failed', outcome.error);
          // Not stored (its savepoint, or the whole commit, rolled back): the console keeps it in its outbox and
          // retries the same id.
          const failed: CommandResult = {
            ok: false,
            commandId,
            error: {
              code: 'unavailable',
              message: fault
                ? storageUnavailableMessage(fault)
                : 'The hub could not apply this command just now; it was not applied.',
            },
          };
          ack(failed);
        },
      );
    });

    socket.on('activity', (report) => {
      const parsed = activityReportSchema.safeParse(report);
      if (!parsed.success || !stillSignedIn().ok) return;
      const { id, name, email } = account;
      activity.report(socket.id, { id, name, email }, parsed.data);
    });

    const handlers = deskRequestHandlers(services, socket.id, pushCannedReplies);
    for (const name of DESK_REQUEST_NAMES) {
      const handle = handlers[name] as (account: Account, payload: unknown) => RequestResult<unknown>;
      const schema: z.ZodType = deskRequests[name].payload;
      socket.on(name, (payload: unknown, ack: (result: RequestResult<unknown>) => void) => {
        if (typeof ack !== 'function') return;
        const session = stillSignedIn();
        if (!session.ok) return ack({ ok: false, error: { code: 'unauthorized', message: session.message } });
        const parsed = schema.safeParse(payload);
        if (!parsed.success)
          return ack({ ok: false, error: { code: 'invalid', message: fieldsOf(parsed.error) } });
        try {
          ack(handle(session.account, parsed.data));
        } catch (error) {
          const fault = storageFaultOf(error);
          if (fault) {
            console.error(`hub: request ${name} refused: ${fault}`);
            return ack({
              ok: false,
              error: { code: 'unavailable', message: storageUnavailableMessage(fault) },
            });
          }
          console.error(`hub: request ${name} failed`, error);
          ack({
            ok: false,
            error: { code: 'invalid', message: `The hub could not handle ${name}; try again.` },
          });
        }
      });
    }
  });

  // Pushed after each commit, in position order (better-sqlite3 is synchronous, so commits never interleave).
  store.onCommit((batch) => {
    if (batch.changes.length === 0) return;
    desk.to(LIVE_ROOM).emit('changes', batch.changes);
    // Open counts change only with handed-off conversations.
    pushRosterSoon();
  });
  presence.onChange(pushRosterIfChanged);
  settings.onChange((current) => {
    desk.emit('settings', current);
    pushRosterIfChanged();
  });
  activity.onChange((current) => desk.emit('activity', current));
  sessions.onEnd((tokenHash) => desk.in(sessionRoom(tokenHash)).disconnectSockets(true));
  // Sessions also end outside this process (the CLI's disable-user deletes them in the database): a sweep on
  // the hub clock re-checks every connected console so its socket closes within a sweep, not at its next event.
  const sweepSessions = () => {
    // Re-armed first: a sweep that fails (e.g. the database unreadable for a moment) is simply tried again.
    timers.at(SESSION_SWEEP_KEY, clock() + SESSION_SWEEP_MS, sweepSessions);
    for (const socket of desk.sockets.values()) {
      if (!sessions.check(socket.data.token).ok) socket.disconnect(true);
    }
  };
  timers.at(SESSION_SWEEP_KEY, clock() + SESSION_SWEEP_MS, sweepSessions);

  return {
    close() {
      if (rosterPushTimer) clearTimeout(rosterPushTimer);
      rosterPushTimer = null;
    },
  };
}
