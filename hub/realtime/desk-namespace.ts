// Environment: Node (hub). The consoles' socket.io namespace (shared/desk-protocol.ts): session auth at
// connect and on every event, replay from a log position, live changes, and commands applied once.
import type { Namespace, Server, Socket } from 'socket.io';
import {
  DESK_NAMESPACE,
  commandSchema,
  syncRequestSchema,
  type CommandResult,
  type DeskClientToServerEvents,
  type DeskServerToClientEvents,
  type SyncResponse,
} from '../../shared/desk-protocol.js';
import type { Account } from '../../shared/domain.js';
import type { Sessions } from '../auth/sessions.js';
import type { Clock } from '../core/clock.js';
import { applyCommand } from '../core/commands.js';
import type { HubStore } from '../store/hub-store.js';

/** Consoles that have caught up with the log; every new change is pushed to them. */
const LIVE_ROOM = 'live';

interface DeskSocketData {
  token: string;
}
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

export function attachDeskNamespace(
  io: Server,
  store: HubStore,
  sessions: Sessions,
  clock: Clock,
): Namespace {
  const desk = io.of(DESK_NAMESPACE) as unknown as Namespace<
    DeskClientToServerEvents,
    DeskServerToClientEvents,
    Record<string, never>,
    DeskSocketData
  >;

  desk.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const check = sessions.check(token);
    if (!check.ok) return next(new Error(check.code));
    socket.data.token = token as string;
    next();
  });

  desk.on('connection', (socket: DeskSocket) => {
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

    socket.on('sync', (request, ack) => {
      if (typeof ack !== 'function') return;
      const session = stillSignedIn();
      if (!session.ok) return ack({ ok: false, error: { code: 'unauthorized', message: session.message } });
      const parsed = syncRequestSchema.safeParse(request);
      if (!parsed.success)
        return ack({ ok: false, error: { code: 'invalid', message: fieldsOf(parsed.error) } });
      let page;
      try {
        page = store.readChanges(parsed.data.after, parsed.data.limit);
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
      const response: SyncResponse = { ok: true, ...page };
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
      let result: CommandResult;
      try {
        result = applyCommand(store, parsed.data, session.account, clock);
      } catch (error) {
        console.error('hub: a command failed', error);
        // Not stored: the console may retry the same id.
        result = {
          ok: false,
          commandId,
          error: { code: 'invalid', message: 'The hub could not apply this command.' },
        };
      }
      ack(result);
    });
  });

  // Pushed after each commit, in position order (better-sqlite3 is synchronous, so commits never interleave).
  store.onCommit((batch) => {
    for (const change of batch.changes) desk.to(LIVE_ROOM).emit('change', change);
  });

  return desk as unknown as Namespace;
}
