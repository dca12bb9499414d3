// Environment: browser. Tells the team (through the desk core and hub) which conversation this console shows
// and what the agent types there: one report per change, none while hidden, again after a reconnect (the hub
// forgets a console's activity when it drops).
import type { DeskApi } from '../../shared/desk-api.js';
import type { ActivityReport } from '../../shared/team.js';
import type { DeskStore } from '../store/create-desk-store.js';

export function reportActivityChanges(
  store: DeskStore,
  api: Pick<DeskApi, 'reportActivity'>,
  doc: Document,
): () => void {
  let last: string | null = null;

  const current = (): ActivityReport | null => {
    const state = store.getState();
    if (!state.session || state.connection.status !== 'online') return null;
    const visible = doc.visibilityState === 'visible';
    const conversationId = visible ? state.selectedConversationId : null;
    return { conversationId, typing: conversationId ? state.typing : null };
  };

  const sync = () => {
    const report = current();
    if (!report) {
      last = null; // Not connected: the next connection starts with a fresh report.
      return;
    }
    const key = JSON.stringify(report);
    if (key === last) return;
    last = key;
    api.reportActivity(report).catch((error: unknown) => console.error('reportActivity failed', error));
  };

  const stopStore = store.subscribe(sync);
  doc.addEventListener('visibilitychange', sync);
  sync();
  return () => {
    stopStore();
    doc.removeEventListener('visibilitychange', sync);
  };
}
