// Environment: browser. Who is signed in, the snapshot that seeds the store, and sign-in/out.
import type { DeskApi, DeskCallArgs, DeskError, DeskSession, DeskSnapshot } from '../../shared/desk-api.js';
import { t } from '../i18n/t.js';
import { describeDeskError } from './describe-desk-error.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';

export interface SessionSlice {
  session: DeskSession | null;
  /** loading until the first snapshot arrives: the UI shows skeletons, never a wrong screen. */
  snapshotStatus: 'loading' | 'ready' | 'error';
  snapshotError: string | null;
  defaultHubUrl: string;
  signInPending: boolean;
  signInError: string | null;
  loadSnapshot(): Promise<void>;
  applySnapshot(snapshot: DeskSnapshot): void;
  applySession(session: DeskSession | null): void;
  signIn(args: DeskCallArgs<'signIn'>): Promise<boolean>;
  signOutPending: boolean;
  signOutError: string | null;
  /**
   * Resolves true once signed out. With `removeCache` this computer's cached conversations go too; refused
   * (false, `signOutError` set, still signed in) while unsent work would be lost unless `discardUnsent`.
   */
  signOut(options?: { removeCache?: boolean; discardUnsent?: boolean }): Promise<boolean>;
  /** The sign-out dialog opens: forget its last refusal and count the unsent work again. */
  prepareSignOut(): Promise<void>;
  /** Forget everything that belongs to the previous account. */
  clearAccountData(): void;
}

function describeSignInError(error: DeskError, hubUrl: string): string {
  switch (error.code) {
    case 'bad_credentials':
      return t('signIn.badCredentials');
    case 'hub_unreachable':
      return t('signIn.hubUnreachable', { hubUrl });
    case 'unsent_work':
      return t('signIn.unsentWork');
    default:
      return t('signIn.failed', { message: error.message });
  }
}

export const createSessionSlice =
  (api: DeskApi): DeskSliceCreator<SessionSlice> =>
  (set, get) => ({
    session: null,
    snapshotStatus: 'loading',
    snapshotError: null,
    defaultHubUrl: '',
    signInPending: false,
    signInError: null,
    signOutPending: false,
    signOutError: null,

    async loadSnapshot() {
      try {
        const snapshot = await api.getSnapshot({});
        get().applySnapshot(snapshot);
        // The selected conversation may have missed messages while the link was down.
        const selected = get().selectedConversationId;
        if (snapshot.session && selected) void get().loadTranscript(selected);
      } catch (error) {
        // Keep what is on screen (it may be stale but is marked so by the connection state).
        set({
          snapshotStatus: get().snapshotStatus === 'ready' ? 'ready' : 'error',
          snapshotError: describeFailure(error),
        });
      }
    },

    applySnapshot(snapshot) {
      const previous = get().session;
      if (previous && (!snapshot.session || previous.account.id !== snapshot.session.account.id)) {
        get().clearAccountData();
      }
      set({
        session: snapshot.session,
        defaultHubUrl: snapshot.defaultHubUrl,
        snapshotStatus: 'ready',
        snapshotError: null,
      });
      get().setConnection(snapshot.connection);
      get().replaceConversations(snapshot.conversations);
      get().applyRoster(snapshot.roster);
      get().applySettings(snapshot.settings);
      get().applyCannedReplies(snapshot.cannedReplies);
      get().replaceActivity(snapshot.activity);
      get().applyUnread(snapshot.unread);
      get().applyPreferences(snapshot.preferences);
      get().applyFailedActions(snapshot.failedActions);
      get().applyMonitor(snapshot.monitor);
    },

    applySession(session) {
      set({ session });
    },

    async signIn(args) {
      set({ signInPending: true, signInError: null });
      try {
        const result = await api.signIn(args);
        if (!result.ok) {
          set({ signInPending: false, signInError: describeSignInError(result.error, args.hubUrl) });
          return false;
        }
        set({ signInPending: false, session: result.session });
        // Signed in on this computer's cached copy: say so at once, before the snapshot confirms it.
        if (result.offline) get().setConnection({ ...get().connection, status: 'offline_review' });
        // The desk core pushes session/connection/conversation events too; the snapshot makes it exact.
        await get().loadSnapshot();
        return true;
      } catch (error) {
        set({ signInPending: false, signInError: t('signIn.failed', { message: describeFailure(error) }) });
        return false;
      }
    },

    async prepareSignOut() {
      set({ signOutError: null });
      await get().loadCacheInfo();
    },

    async signOut(options = {}) {
      set({ signOutPending: true, signOutError: null });
      try {
        const result = await api.signOut(options);
        if (!result.ok) {
          set({ signOutPending: false, signOutError: describeDeskError(result.error) });
          // Unsent work may have appeared since the dialog opened: show how much, so the agent can decide.
          if (result.error.code === 'unsent_work') void get().loadCacheInfo();
          return false;
        }
      } catch (error) {
        set({ signOutPending: false, signOutError: describeFailure(error) });
        return false;
      }
      set({ signOutPending: false });
      get().clearAccountData();
      set({ session: null });
      return true;
    },

    clearAccountData() {
      set({
        conversationsById: {},
        messagesByConversation: {},
        transcriptStatus: {},
        selectedConversationId: null,
        actionsByConversation: {},
        queueTab: 'unassigned',
        queueCursorId: null,
        dialog: null,
        resolveFormFor: null,
        composerMode: 'reply',
        roster: [],
        activityByConversation: {},
        presencePending: null,
        presenceError: null,
        settings: null,
        audit: { state: 'idle' },
        cannedReplies: [],
        unread: {},
        historyByConversation: {},
        drafts: {},
        typing: null,
        failedActions: [],
        removedNotice: null,
        cacheInfo: { state: 'idle' },
        // Another account must not see this one's search results.
        searchQuery: '',
        searchStatus: 'idle',
        searchHits: [],
        searchMore: false,
        highlightedMessage: null,
        // A lead's figures and view are not the next account's.
        monitor: null,
        csvExport: { state: 'idle' },
        view: 'desk',
        watchedConversationId: null,
        slaByConversation: {},
        // A lead's segments and integrations are not the next account's either.
        segments: { state: 'idle' },
        integrations: { state: 'idle' },
      });
    },
  });
