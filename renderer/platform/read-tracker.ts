// Environment: browser. Marks the open conversation read while the agent can see it: when it opens, when
// new unread messages arrive in it, and when the window becomes visible again.
import type { DeskStore } from '../store/create-desk-store.js';

export function markReadWhileVisible(store: DeskStore, doc: Document): () => void {
  const check = () => {
    const state = store.getState();
    const id = state.selectedConversationId;
    // Behind the lead's monitor the conversation is not on screen, so nothing in it has been read.
    const onScreen = doc.visibilityState === 'visible' && state.view === 'desk';
    if (id && onScreen && (state.unread[id] ?? 0) > 0) state.markRead(id);
  };
  const stopStore = store.subscribe(check);
  doc.addEventListener('visibilitychange', check);
  check();
  return () => {
    stopStore();
    doc.removeEventListener('visibilitychange', check);
  };
}
