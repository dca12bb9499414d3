// Environment: browser. The window title carries the unread total, "(3) Handoff Desk", in the UI language.
import { i18n } from '../i18n/i18n.js';
import { t } from '../i18n/t.js';
import type { DeskStore } from '../store/create-desk-store.js';
import { unreadTotal } from '../store/preferences-slice.js';

export function titleFor(unread: number): string {
  return unread > 0 ? t('app.titleWithUnread', { count: unread }) : t('app.title');
}

export function showUnreadInTitle(store: DeskStore, doc: Document): () => void {
  const apply = () => {
    const title = titleFor(unreadTotal(store.getState().unread));
    if (doc.title !== title) doc.title = title;
  };
  apply();
  const stopStore = store.subscribe(apply);
  i18n.on('languageChanged', apply);
  return () => {
    stopStore();
    i18n.off('languageChanged', apply);
  };
}
