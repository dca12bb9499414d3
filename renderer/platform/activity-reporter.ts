// Environment: browser. Tells the team (through the desk core and hub) which conversation this console shows
// and what the agent types there: one report per change, none while hidden, again after a reconnect (the hub
// forgets a console's activity when it drops). While the agent keeps typing, the report is repeated well
// within the hub's TYPING_TIMEOUT_MS, after which the hub forgets a typing report.
import type { DeskApi } from '../../shared/desk-api.js';
import { TYPING_TIMEOUT_MS, type ActivityReport } from '../../shared/team.js';
import type { DeskStore } from '../store/create-desk-store.js';

export const TYPING_REPEAT_MS = Math.floor(TYPING_TIMEOUT_MS / 3);

export function reportActivityChanges(
  store: DeskStore,
  api: Pick<DeskApi, 'reportActivity'>,
  doc: Document,
): () => void {
  let last: string | null = null;
  let repeat: ReturnType<typeof setInterval> | null = null;

  const current = (): ActivityReport | null => {
    const state = store.getState();
    if (!state.session || state.connection.status !== 'online') return null;
    // Behind the monitor the conversation is not on screen: nobody is shown as viewing it.
    const visible = doc.visibilityState === 'visible' && state.view === 'desk';
    const conversationId = visible ? state.selectedConversationId : null;
    return { conversationId, typing: conversationId ? state.typing : null };
  };

  const send = (report: ActivityReport) =>
    api.reportActivity(report).catch((error: unknown) => console.error('reportActivity failed', error));

  const sync = () => {
    const report = current();
    const key = report ? JSON.stringify(report) : null;
    if (key !== last) {
      last = key; // Not connected: null, so the next connection starts with a fresh report.
      if (report) void send(report);
    }
    const typing = report?.typing != null;
    if (typing && !repeat) {
      repeat = setInterval(() => {
        const now = current();
        if (now?.typing) void send(now);
      }, TYPING_REPEAT_MS);
    } else if (!typing && repeat) {
      clearInterval(repeat);
      repeat = null;
    }
  };

  const stopStore = store.subscribe(sync);
  doc.addEventListener('visibilitychange', sync);
  sync();
  return () => {
    stopStore();
    doc.removeEventListener('visibilitychange', sync);
    if (repeat) clearInterval(repeat);
  };
}
