// Environment: Node. The desk core: the agent's session, the hub connection, the local cache and the outbox,
// behind the DeskApi calls (shared/desk-api.ts) that both hosts (Electron IPC, the web host's WebSocket) carry.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { deskCalls } from '../../shared/desk-api.js';
import type {
  ActionResult,
  ConnectionState,
  DeskCallArgs,
  DeskCallName,
  DeskCallResult,
  DeskError,
  DeskEvent,
  DeskSession,
} from '../../shared/desk-api.js';
import type { Command, DeskRequestName, RequestResult } from '../../shared/desk-protocol.js';
import { deskRequests } from '../../shared/desk-protocol.js';
import type { Account, Conversation, Message } from '../../shared/domain.js';
import type { SignInResponse } from '../../shared/handoff-api.js';
import type { ActivityReport } from '../../shared/team.js';
import { DeskCache, type AppliedChanges, type CacheOwner } from './cache.js';
import { cacheKeyFile, type CacheKeyStore } from './cache-key.js';
import { cacheInfo, wipeAndCompact } from './cache-maintenance.js';
import { exportConversation } from './conversation-export.js';
import { describeError, describeIssues } from './describe-error.js';
import { failedActions } from './failed-actions.js';
import { HubClient, type AuthRefusal, type HubClientStatus } from './hub-client.js';
import { endHubSession, requestHubSession } from './hub-sign-in.js';
import { OFFLINE_ERROR, runLiveRequest, type LiveOutcome } from './live-request.js';
import { Notifier } from './notifier.js';
import { checkOfflineSignIn, HubSignInRetry, type Credentials } from './offline-sign-in.js';
import { createOfflineVerifier, storeOfflineVerifier } from './offline-verifier.js';
import { Outbox } from './outbox.js';
import { readPreferences, updatePreferences } from './preferences.js';
import { RetentionSchedule } from './retention.js';
import { searchCache } from './search.js';
import { TeamState } from './team-state.js';
import { localMessages, transcript } from './transcript.js';
import { LiveMonitor } from './live-monitor.js';
import { SlaAlerts } from './sla-alerts.js';
import { UnreadCounter } from './unread.js';
import { clearSavedSession, isExpired, readSavedSession, writeSavedSession } from './session-file.js';
import type { SavedSession, SessionCipher } from './session-file.js';

export { dispatchDeskCall, type DispatchOutcome } from './dispatch.js';

export interface DeskCoreOptions {
  dataDir: string;
  defaultHubUrl: string;
  /** better-sqlite3 built for another ABI (Electron). */
  nativeBinding?: string;
  /** How long claim/resolve wait for the hub's ack before answering `pending` (default 10 s). */
  commandWaitMs?: number;
  /** Timeout of one sync page or command ack (default 10 s). */
  ackTimeoutMs?: number;
  /** Pause before retrying a failed send or reconnecting where socket.io does not (default 1 s). */
  retryDelayMs?: number;
  /** The clock for reminders, in milliseconds since the epoch (default Date.now; tests move it by hand). */
  now?: () => number;
  /** How often to look for handoffs due a reminder (default 15 s). */
  reminderCheckMs?: number;
  /** How long a new handoff must stay queued before its notification (default 300 ms; see Notifier). */
  newHandoffSettleMs?: number;
  /** Changes per sync page (default 500). */
  syncPageSize?: number;
  /** Seals the session token at rest (the Electron host passes safeStorage); without it, a 0600 file only. */
  sessionCipher?: SessionCipher;
  /**
   * Keeps the key that encrypts the cache. Default: cache.key in the data dir (0600), sealed with the
   * sessionCipher when there is one.
   */
  cacheKeyStore?: CacheKeyStore;
}

/**
 * The signed-in account. `saved` is the hub session (token) of a live session; null in offline review, which
 * opened on the cache with the password checked against the offline verifier.
 */
interface ActiveSession {
  account: Account;
  hubUrl: string;
  saved: SavedSession | null;
}

export type DeskCore = {
  [N in DeskCallName]: (args: DeskCallArgs<N>) => Promise<DeskCallResult<N>>;
} & {
  onEvent(listener: (event: DeskEvent) => void): () => void;
  /** The conversation the agent has on screen (as the renderer last reported), unless idle. For hosts. */
  viewingConversation(): string | null;
  close(): Promise<void>;
};

/** Thrown by a call whose arguments fail their schema; dispatchDeskCall turns it into `{code:'invalid'}`. */
export class DeskCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parseArgs<N extends DeskCallName>(name: N, args: unknown) {
  const parsed = deskCalls[name].args.safeParse(args);
  if (!parsed.success) throw new DeskCallError('invalid', describeIssues(parsed.error.issues));
  return parsed.data as import('zod').infer<(typeof deskCalls)[N]['args']>;
}

export function createDeskCore(options: DeskCoreOptions): DeskCore {
  // Only this user may list or open the console's files (an existing folder's mode is the user's choice).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const cache = new DeskCache({
    dataDir: options.dataDir,
    keyStore: options.cacheKeyStore ?? cacheKeyFile(options.dataDir, options.sessionCipher),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const commandWaitMs = options.commandWaitMs ?? 10_000;
  const listeners = new Set<(event: DeskEvent) => void>();
  let session: ActiveSession | null = null;
  let client: HubClient | null = null;
  /** In offline review: the hub sign-in tried again until the hub answers. */
  let signInRetry: HubSignInRetry | null = null;
  let connection: ConnectionState = { status: 'signed_out', hubUrl: null, lastError: null, catchUp: null };
  let closed = false;
  const now = options.now ?? Date.now;
  /** A full resync brought back what retention had removed: prune again once caught up. */
  let pruneWhenOnline = false;
  // Live state the hub learns again after every reconnect: what is on screen and typed, and whether idle.
  let activityReport: ActivityReport = { conversationId: null, typing: null };
  let idle = false;

  function emit(event: DeskEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error(`desk core: an event listener threw: ${describeError(error)}`);
      }
    }
  }

  function setConnection(next: ConnectionState): void {
    if (
      next.status === connection.status &&
      next.hubUrl === connection.hubUrl &&
      next.lastError === connection.lastError &&
      next.catchUp?.applied === connection.catchUp?.applied &&
      next.catchUp?.total === connection.catchUp?.total
    )
      return;
    connection = next;
    emit({ type: 'connection', connection });
  }

  function publicSession(): DeskSession | null {
    return session ? { account: session.account, hubUrl: session.hubUrl } : null;
  }

  // --- what the cache holds, as the renderer sees it ------------------------------------------------------

  /** Who wrote our local messages: the signed-in agent (or, signed out, the cache's owner). */
  function localAuthor() {
    return session?.account ?? cache.owner()?.account ?? null;
  }

  function emitLocalMessage(commandId: string, conversationId: string): void {
    const message = localMessages(cache, conversationId, localAuthor()).find((m) => m.id === commandId);
    if (message) emit({ type: 'message', message });
  }

  function emitFailedActions(): void {
    emit({ type: 'failedActions', failedActions: failedActions(cache) });
  }

  function emitRemoved(conversationIds: Iterable<string>): void {
    for (const conversationId of conversationIds) emit({ type: 'conversationRemoved', conversationId });
  }

  function myId(): string | null {
    return session?.account.id ?? null;
  }

  function emitConversation(conversation: Conversation): void {
    if (conversation.status !== 'with_ai') emit({ type: 'conversation', conversation });
  }

  function emitMessage(
    message: Message,
    conversationOf: (id: string) => Conversation | null = (id) => cache.conversation(id),
  ): void {
    if (conversationOf(message.conversationId)?.status === 'with_ai') return;
    emit({ type: 'message', message });
  }

  // --- team state, unread counts, notifications ----------------------------------------------------------

  const team = new TeamState(cache, emit);
  const unread = new UnreadCounter(cache, myId, (counts) => emit({ type: 'unread', unread: counts }));
  const notifier = new Notifier({
    cache,
    me: myId,
    preferences: () => readPreferences(cache),
    settings: () => team.settings(),
    isOnline: () => connection.status === 'online',
    emit: (notification) => emit({ type: 'notification', notification }),
    now,
    reminderCheckMs: options.reminderCheckMs ?? 15_000,
    newHandoffSettleMs: options.newHandoffSettleMs ?? 300,
  });
  notifier.start();
  const slaAlerts = new SlaAlerts({
    notificationsOn: () => readPreferences(cache).notifications,
    emit: (notification) => emit({ type: 'notification', notification }),
    now,
  });
  const monitor = new LiveMonitor(emit, slaAlerts);

  function changesApplied(result: AppliedChanges, how: { live: boolean; initial: boolean }): void {
    const conversationOf = cache.conversationsAfter(result);
    for (const change of result.applied) {
      if (change.kind === 'conversation') emitConversation(change.conversation);
      else if (change.kind === 'message') emitMessage(change.message, conversationOf);
      else if (result.removed.has(change.conversationId)) emitRemoved([change.conversationId]);
    }
    unread.applied(result, how.initial);
    notifier.applied(result, how.live);
  }

  // --- the hub connection ---------------------------------------------------------------------------------

  const outbox = new Outbox(
    cache,
    {
      acked(_entry, changed, previous) {
        if (changed.conversation) {
          emitConversation(changed.conversation);
          unread.conversationChanged(previous, changed.conversation);
        }
        if (changed.message) emitMessage(changed.message);
      },
      refused(entry, error, reported) {
        const { type } = entry.command;
        if (type === 'reply' || type === 'note') {
          emitLocalMessage(entry.command.id, entry.command.conversationId);
        }
        emitFailedActions();
        if (!reported) {
          emit({
            type: 'commandFailed',
            conversationId: entry.command.conversationId,
            commandType: entry.command.type,
            error,
          });
        }
      },
      unauthorized() {
        endSession('The hub no longer accepts this session. Sign in again; your unsent work is kept.');
      },
    },
    options.retryDelayMs,
  );

  function connect(saved: SavedSession): void {
    // Started (or signed in) without reaching the hub yet: the agent reads the cached copy, as in offline review.
    let reachedHub = false;
    const hubClient = new HubClient({
      hubUrl: saved.hubUrl,
      token: saved.token,
      cache,
      ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
      ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
      ...(options.syncPageSize ? { syncPageSize: options.syncPageSize } : {}),
      listener: {
        status(status: HubClientStatus, lastError: string | null) {
          if (client !== hubClient) return;
          if (status !== 'online') {
            team.clearActivity();
            monitor.lost();
          }
          if (status === 'online') reachedHub = true;
          const reviewing =
            status === 'connecting' && lastError !== null && !reachedHub && cache.lastPosition() > 0;
          setConnection({
            status: reviewing ? 'offline_review' : status,
            hubUrl: saved.hubUrl,
            lastError,
            catchUp: status === 'online' ? null : connection.catchUp,
          });
          if (status === 'online') {
            if (pruneWhenOnline) {
              pruneWhenOnline = false;
              retention.run();
            }
            resendLiveState(hubClient);
            void outbox.drain();
            notifier.checkReminders();
          }
        },
        applied(result, how) {
          if (client === hubClient) changesApplied(result, how);
        },
        roster(roster) {
          if (client === hubClient) team.setRoster(roster);
        },
        settings(settings) {
          if (client === hubClient) team.setSettings(settings);
        },
        activity(activity) {
          if (client === hubClient) team.setActivity(activity);
        },
        cannedReplies(replies) {
          if (client === hubClient) team.setCannedReplies(replies);
        },
        monitor(figures) {
          if (client === hubClient) monitor.pushed(figures, session?.account.role === 'lead');
        },
        authRefused(reason: AuthRefusal) {
          if (client !== hubClient) return;
          endSession(
            reason === 'session_expired'
              ? 'Your session has expired. Sign in again.'
              : 'The hub did not accept this session. Sign in again.',
          );
        },
        catchUp(state) {
          if (client === hubClient) setConnection({ ...connection, catchUp: state });
        },
        reset() {
          if (client !== hubClient) return;
          // The resync dropped the hub's pushed state too; this connection's pushes came before its first sync.
          team.persistCurrent();
          pruneWhenOnline = true;
          emit({ type: 'reset' });
          emit({ type: 'unread', unread: unread.current() });
        },
      },
    });
    client = hubClient;
    outbox.setTransport({
      isOnline: () => hubClient.isOnline(),
      send: (command) => hubClient.sendCommand(command),
    });
    hubClient.start();
  }

  function disconnect(): void {
    outbox.setTransport(null);
    client?.close();
    client = null;
    team.clearActivity();
    monitor.lost();
  }

  /** After a (re)connect the hub knows nothing of this console's live state: tell it again. */
  function resendLiveState(hubClient: HubClient): void {
    if (activityReport.conversationId !== null || activityReport.typing !== null) {
      hubClient.sendActivity(activityReport);
    }
    if (idle) sendIdle(hubClient, true);
  }

  function sendIdle(hubClient: HubClient, value: boolean): void {
    void runLiveRequest(() => hubClient.request('presence:idle', { idle: value })).then((outcome) => {
      if (!outcome.ok && outcome.error.code !== 'offline') {
        console.error(`desk core: the hub did not take the idle state: ${outcome.error.message}`);
      }
    });
  }

  function stopSignInRetry(): void {
    signInRetry?.stop();
    signInRetry = null;
  }

  /** Forget the session (the cache stays: the same account signing in again resumes from it). */
  function endSession(lastError: string | null): void {
    const hubUrl = session?.hubUrl ?? null;
    stopSignInRetry();
    disconnect();
    clearSavedSession(options.dataDir);
    session = null;
    activityReport = { conversationId: null, typing: null };
    idle = false;
    emit({ type: 'session', session: null });
    setConnection({ status: 'signed_out', hubUrl, lastError, catchUp: null });
  }

  /** A session the hub granted: saved, connected, and the offline verifier renewed for this password. */
  async function beginOnlineSession(
    hubUrl: string,
    granted: SignInResponse,
    password: string,
    stillWanted: () => boolean,
  ): Promise<DeskSession | null> {
    const verifier = await createOfflineVerifier(password);
    if (closed || !stillWanted()) {
      void endHubSession(hubUrl, granted.token);
      return null;
    }
    stopSignInRetry();
    disconnect();
    slaAlerts.reset();
    const saved: SavedSession = { hubUrl, ...granted };
    session = { account: granted.account, hubUrl, saved };
    // The cache belongs to one account on one hub: another one signing in starts from empty.
    cache.claimFor({ account: granted.account, hubUrl });
    storeOfflineVerifier(cache, verifier);
    team.reload();
    writeSavedSession(options.dataDir, saved, options.sessionCipher);
    const deskSession = { account: granted.account, hubUrl };
    emit({ type: 'session', session: deskSession });
    connect(saved);
    // The same account keeps its unread counts and refused actions: hosts (badge, tray) learn them again.
    emit({ type: 'unread', unread: unread.current() });
    emitFailedActions();
    return deskSession;
  }

  /**
   * Offline review: the cache's owner signed in while the hub cannot be reached. Reading, search and export work;
   * actions wait in the outbox. The hub sign-in is tried again until it answers, then the session goes live.
   */
  function openOfflineReview(owner: CacheOwner, credentials: Credentials, reason: string): DeskSession {
    stopSignInRetry();
    disconnect();
    const current: ActiveSession = { account: owner.account, hubUrl: owner.hubUrl, saved: null };
    session = current;
    team.reload();
    const deskSession = { account: owner.account, hubUrl: owner.hubUrl };
    emit({ type: 'session', session: deskSession });
    const offlineState = (lastError: string): ConnectionState => ({
      status: 'offline_review',
      hubUrl: owner.hubUrl,
      lastError,
      catchUp: null,
    });
    setConnection(offlineState(`${reason}. Showing this computer's cached copy; trying the hub again.`));
    emit({ type: 'unread', unread: unread.current() });
    emitFailedActions();
    const retry = new HubSignInRetry(
      credentials,
      {
        signedIn(granted) {
          void beginOnlineSession(owner.hubUrl, granted, credentials.password, () => session === current);
        },
        refused() {
          if (session !== current) return;
          signInRetry = null;
          setConnection(
            offlineState(
              'The hub is back but did not accept your password (was it changed?). Sign out and sign in again with your current password to go live.',
            ),
          );
        },
        stillUnreachable(error) {
          if (session === current) {
            setConnection(
              offlineState(`${error.message}. Showing this computer's cached copy; trying again.`),
            );
          }
        },
      },
      options.retryDelayMs ?? 1_000,
    );
    signInRetry = retry;
    retry.start();
    return deskSession;
  }

  // Resolved conversations past the retention period leave the cache: now, every 6 hours, and on a change.
  const retention = new RetentionSchedule({
    cache,
    retentionDays: () => readPreferences(cache).retentionDays,
    now,
    removed(conversationIds) {
      emitRemoved(conversationIds);
      emit({ type: 'unread', unread: unread.current() });
    },
  });
  retention.start();

  // A saved, unexpired session reconnects by itself.
  const saved = readSavedSession(options.dataDir, options.sessionCipher);
  if (saved && isExpired(saved)) {
    clearSavedSession(options.dataDir);
    connection = {
      status: 'signed_out',
      hubUrl: saved.hubUrl,
      lastError: 'Your session has expired. Sign in again.',
      catchUp: null,
    };
  } else if (saved) {
    session = { account: saved.account, hubUrl: saved.hubUrl, saved };
    cache.claimFor({ account: saved.account, hubUrl: saved.hubUrl });
    connect(saved);
  }

  // --- actions --------------------------------------------------------------------------------------------

  const notSignedInError: DeskError = { code: 'not_signed_in', message: 'Sign in to the hub first.' };
  function notSignedIn(): ActionResult {
    return { ok: false, error: notSignedInError };
  }

  /** A live request to the hub (never queued): `offline` at once when not connected. */
  async function live<N extends DeskRequestName, T = import('zod').infer<(typeof deskRequests)[N]['value']>>(
    name: N,
    payload: import('zod').input<(typeof deskRequests)[N]['payload']>,
  ): Promise<LiveOutcome<T>> {
    if (!session) return { ok: false, error: notSignedInError };
    const hubClient = client;
    if (!hubClient?.isConnected()) return { ok: false, error: OFFLINE_ERROR };
    return runLiveRequest(() => hubClient.request(name, payload) as Promise<RequestResult<T>>);
  }

  async function sendAndWait(command: Command): Promise<ActionResult> {
    if (!session) return notSignedIn();
    if (!client) {
      // Offline review: no connection is being tried, so there is no ack to wait for.
      outbox.submit(command);
      return { ok: true, pending: true };
    }
    const outcome = outbox.awaitOutcome(command.id, commandWaitMs);
    outbox.submit(command);
    const result = await outcome;
    if (result.kind === 'acked') return { ok: true, pending: false };
    if (result.kind === 'refused') return { ok: false, error: result.error };
    return { ok: true, pending: true };
  }

  /** Removing the account's data (clear cache, sign out and remove) would throw away unsent work. */
  function unsentWorkRefusal(discardUnsent: boolean): { ok: false; error: DeskError } | null {
    const unsent = cache.unsentCount();
    if (unsent === 0 || discardUnsent) return null;
    return {
      ok: false,
      error: {
        code: 'unsent_work',
        message: `${unsent} unsent action(s) wait on this computer and would be lost. Send them first, or discard them and clear.`,
      },
    };
  }

  /** After signing out: removes what the account had here and tells the renderer its views are empty. */
  function forgetAccountData(remove: () => void): void {
    remove();
    team.reload();
    emit({ type: 'reset' });
    emit({ type: 'unread', unread: {} });
    emit({ type: 'failedActions', failedActions: [] });
  }

  /** The newest online sign-in in flight: an older one finishing later must not replace it. */
  let latestSignIn: object | null = null;

  const core: DeskCore = {
    async getSnapshot(args) {
      parseArgs('getSnapshot', args);
      const signedIn = session !== null;
      return {
        session: publicSession(),
        connection,
        conversations: signedIn ? cache.conversations() : [],
        defaultHubUrl: session?.hubUrl ?? options.defaultHubUrl,
        roster: signedIn ? team.roster() : [],
        settings: signedIn ? team.settings() : null,
        cannedReplies: signedIn ? team.cannedReplies() : [],
        activity: signedIn ? team.activity() : [],
        unread: signedIn ? unread.current() : {},
        preferences: readPreferences(cache),
        monitor: signedIn ? monitor.current() : null,
        failedActions: signedIn ? failedActions(cache) : [],
      };
    },

    async signIn(args) {
      const { hubUrl: rawHubUrl, email, password } = parseArgs('signIn', args);
      const hubUrl = normalizeHubUrl(rawHubUrl);
      const owner = cache.owner();
      const unsent = cache.pendingCommands().length;
      if (
        owner &&
        unsent > 0 &&
        (owner.account.email.toLowerCase() !== email.toLowerCase() || owner.hubUrl !== hubUrl)
      ) {
        return signInError(
          'unsent_work',
          `${unsent} unsent action(s) by ${owner.account.name} (${owner.account.email}) wait on this machine; sign in as ${owner.account.email} to send them first.`,
        );
      }
      const outcome = await requestHubSession(hubUrl, { email, password });
      if (outcome.kind === 'unreachable') {
        // The account that last signed in here may still read its cached copy.
        const check = await checkOfflineSignIn(cache, { hubUrl, email, password });
        if (check.kind === 'wrong_password')
          return signInError('bad_credentials', 'Wrong email or password.');
        if (check.kind === 'not_eligible') return { ok: false, error: outcome.error };
        if (closed) return signInError('offline', 'The console is shutting down.');
        const offlineSession = openOfflineReview(
          check.owner,
          { hubUrl, email, password },
          outcome.error.message,
        );
        return { ok: true, session: offlineSession, offline: true };
      }
      if (outcome.kind === 'refused') return { ok: false, error: outcome.error };
      if (closed) return signInError('offline', 'The console is shutting down.');
      const attempt = {};
      latestSignIn = attempt;
      const deskSession = await beginOnlineSession(
        hubUrl,
        outcome.session,
        password,
        () => latestSignIn === attempt,
      );
      if (!deskSession) return signInError('offline', 'Another sign-in took its place.');
      return { ok: true, session: deskSession, offline: false };
    },

    async signOut(args) {
      const { removeCache, discardUnsent } = parseArgs('signOut', args);
      if (removeCache) {
        const refusal = unsentWorkRefusal(discardUnsent);
        if (refusal) return refusal;
      }
      const ending = session;
      if (ending) endSession(null);
      if (removeCache) forgetAccountData(() => cache.removeFromDisk());
      if (ending?.saved) await endHubSession(ending.hubUrl, ending.saved.token);
      return { ok: true };
    },

    async openConversation(args) {
      const { conversationId } = parseArgs('openConversation', args);
      const conversation = session ? cache.conversation(conversationId) : null;
      if (!conversation || conversation.status === 'with_ai') return { conversation: null, messages: [] };
      return { conversation, messages: transcript(cache, conversationId, localAuthor()) };
    },

    async claim(args) {
      const { conversationId } = parseArgs('claim', args);
      return sendAndWait({ id: randomUUID(), type: 'claim', conversationId });
    },

    async reply(args) {
      const { conversationId, text } = parseArgs('reply', args);
      if (!session) return notSignedIn();
      const command: Command = { id: randomUUID(), type: 'reply', conversationId, text };
      outbox.submit(command);
      // Shown at once as pending; the hub's copy (same id) replaces it when acknowledged.
      emitLocalMessage(command.id, conversationId);
      return { ok: true, pending: true };
    },

    async resolve(args) {
      const { conversationId, tags } = parseArgs('resolve', args);
      return sendAndWait({ id: randomUUID(), type: 'resolve', conversationId, tags });
    },

    async transfer(args) {
      const { conversationId, toAgentId, note } = parseArgs('transfer', args);
      return sendAndWait({
        id: randomUUID(),
        type: 'transfer',
        conversationId,
        toAgentId,
        ...(note === undefined ? {} : { note }),
      });
    },

    async setStatus(args) {
      const { conversationId, status, snoozedUntil } = parseArgs('setStatus', args);
      return sendAndWait({
        id: randomUUID(),
        type: 'set_status',
        conversationId,
        status,
        ...(snoozedUntil === undefined ? {} : { snoozedUntil }),
      });
    },

    async addNote(args) {
      const { conversationId, text, mentions } = parseArgs('addNote', args);
      if (!session) return notSignedIn();
      const command: Command = { id: randomUUID(), type: 'note', conversationId, text, mentions };
      outbox.submit(command);
      // Like a reply: shown at once as a pending note, replaced by the hub's copy (same id).
      emitLocalMessage(command.id, conversationId);
      return { ok: true, pending: true };
    },

    async setTags(args) {
      const { conversationId, tags } = parseArgs('setTags', args);
      return sendAndWait({ id: randomUUID(), type: 'set_tags', conversationId, tags });
    },

    async reportActivity(args) {
      activityReport = parseArgs('reportActivity', args);
      // Live state only: dropped when not connected, sent again after the next connect.
      if (session && client?.isOnline()) client.sendActivity(activityReport);
      return { ok: true };
    },

    async setIdle(args) {
      const next = parseArgs('setIdle', args).idle;
      const changed = next !== idle;
      idle = next;
      if (changed && session && client?.isOnline()) sendIdle(client, idle);
      return { ok: true };
    },

    async setPresence(args) {
      return live('presence:set', parseArgs('setPresence', args));
    },

    async updateSettings(args) {
      const outcome = await live('settings:update', parseArgs('updateSettings', args));
      // The hub pushes the new settings too; applying its answer now saves a round of waiting.
      if (outcome.ok) team.setSettings(outcome.value);
      return outcome;
    },

    async listAudit(args) {
      parseArgs('listAudit', args);
      return live('audit:list', { limit: 100 });
    },

    async shopperHistory(args) {
      const { conversationId } = parseArgs('shopperHistory', args);
      const historySchema = deskRequests['shopper:history'].value;
      const outcome = await live('shopper:history', { conversationId });
      if (outcome.ok) {
        cache.setShopperHistory(conversationId, outcome.value, new Date().toISOString());
        return { ok: true, value: { ...outcome.value, cached: false } };
      }
      // Offline (or the hub too slow): the last answer we kept for this conversation, marked as such.
      const cached =
        session && (outcome.error.code === 'offline' || outcome.error.code === 'timeout')
          ? cache.shopperHistory(conversationId, historySchema)
          : null;
      return cached ? { ok: true, value: { ...cached, cached: true } } : outcome;
    },

    async saveCannedReply(args) {
      return live('canned:save', parseArgs('saveCannedReply', args));
    },

    async deleteCannedReply(args) {
      return live('canned:delete', parseArgs('deleteCannedReply', args));
    },

    async markRead(args) {
      const { conversationId } = parseArgs('markRead', args);
      if (session) unread.markRead(conversationId);
      return { ok: true };
    },

    async search(args) {
      // Only the signed-in account's cache is searched (as openConversation): never the last user's after sign-out.
      const parsed = parseArgs('search', args);
      if (!session) return { hits: [], more: false };
      return searchCache(cache.db, parsed);
    },

    async setPreferences(args) {
      const patch = parseArgs('setPreferences', args);
      const before = readPreferences(cache);
      const preferences = updatePreferences(cache, patch);
      emit({ type: 'preferences', preferences });
      if (preferences.retentionDays !== before.retentionDays) retention.run();
      return preferences;
    },

    async exportConversation(args) {
      const { conversationId, format, language } = parseArgs('exportConversation', args);
      if (!session) return { ok: false, error: notSignedInError };
      const conversation = cache.conversation(conversationId);
      if (!conversation || conversation.status === 'with_ai') {
        return {
          ok: false,
          error: {
            code: 'not_found',
            message: `There is no conversation ${conversationId} on this computer.`,
          },
        };
      }
      const file = exportConversation(conversation, transcript(cache, conversationId, localAuthor()), {
        format,
        language,
        exportedAt: new Date(now()),
      });
      return { ok: true, ...file };
    },

    async cacheInfo(args) {
      parseArgs('cacheInfo', args);
      return cacheInfo(cache);
    },

    async clearCache(args) {
      const { discardUnsent } = parseArgs('clearCache', args);
      const refusal = unsentWorkRefusal(discardUnsent);
      if (refusal) return refusal;
      const ending = session;
      endSession(null);
      forgetAccountData(() => wipeAndCompact(cache));
      if (ending?.saved) await endHubSession(ending.hubUrl, ending.saved.token);
      return { ok: true };
    },

    async exportConversationsCsv(args) {
      const outcome = await live('monitor:export', parseArgs('exportConversationsCsv', args));
      if (!outcome.ok) return outcome;
      const { fileName, csv } = outcome.value;
      return { ok: true, value: { fileName, mimeType: 'text/csv;charset=utf-8', content: csv } };
    },

    async listSegments(args) {
      parseArgs('listSegments', args);
      return live('segments:list', {});
    },

    async createSegment(args) {
      return live('segments:create', parseArgs('createSegment', args));
    },

    async deleteSegment(args) {
      return live('segments:delete', parseArgs('deleteSegment', args));
    },

    async outboundState(args) {
      parseArgs('outboundState', args);
      return live('outbound:state', {});
    },

    async dismissFailedAction(args) {
      const { commandId } = parseArgs('dismissFailedAction', args);
      // The list event also tells the renderer to drop the refused reply or note (same id) from the transcript.
      if (session && cache.dismissFailedCommand(commandId)) emitFailedActions();
      return { ok: true };
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    viewingConversation() {
      return session && !idle ? activityReport.conversationId : null;
    },

    async close() {
      if (closed) return;
      closed = true;
      stopSignInRetry();
      retention.stop();
      notifier.stop();
      outbox.close();
      disconnect();
      listeners.clear();
      cache.close();
    },
  };
  return core;
}

function signInError(code: DeskError['code'], message: string): DeskCallResult<'signIn'> {
  return { ok: false, error: { code, message } };
}

/** `http://host:port/` and `http://host:port` are the same hub: keep one spelling (the cache's owner). */
export function normalizeHubUrl(hubUrl: string): string {
  const url = new URL(hubUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
