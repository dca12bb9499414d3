// Environment: browser. DOM ids of queue rows, so the keyboard can move focus to one from anywhere.
export function queueRowDomId(conversationId: string): string {
  return `queue-row-${conversationId.replace(/[^\w-]/g, '_')}`;
}

export function focusQueueRow(conversationId: string): void {
  const row = document.getElementById(queueRowDomId(conversationId));
  row?.focus();
  row?.scrollIntoView({ block: 'nearest' });
}
