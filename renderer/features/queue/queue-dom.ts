// Environment: browser. DOM ids of queue rows, so the keyboard can move focus to one from anywhere. The queue is
// virtualised: a row far from view is not in the DOM, so focusing it asks the queue to scroll it into view and
// the queue focuses it once drawn (takePendingQueueFocus).
export function queueRowDomId(conversationId: string): string {
  return `queue-row-${conversationId.replace(/[^\w-]/g, '_')}`;
}

let pendingFocus: string | null = null;
let revealRow: ((conversationId: string) => void) | null = null;

/** The queue list registers how to scroll a row into view (null when it unmounts). */
export function setQueueRowRevealer(reveal: ((conversationId: string) => void) | null): void {
  revealRow = reveal;
}

export function focusQueueRow(conversationId: string): void {
  const row = document.getElementById(queueRowDomId(conversationId));
  if (row) {
    pendingFocus = null;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
    return;
  }
  pendingFocus = conversationId;
  revealRow?.(conversationId);
}

/** After the queue drew new rows: focuses the row a keyboard move asked for, if it is there now. */
export function takePendingQueueFocus(): void {
  if (!pendingFocus) return;
  const row = document.getElementById(queueRowDomId(pendingFocus));
  if (!row) return;
  pendingFocus = null;
  row.focus();
}
