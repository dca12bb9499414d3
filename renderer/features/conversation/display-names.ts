// Environment: browser. How people are named on screen.
import type { Channel, Conversation, Shopper } from '../../../shared/domain.js';
import { en } from '../../i18n/en.js';
import { t } from '../../i18n/t.js';

export function shopperDisplayName(shopper: Shopper): string {
  return shopper.name ?? shopper.email ?? shopper.phone ?? shopper.profileId ?? t('queue.unknownShopper');
}

/** The second line under a shopper's name: their email when the name is shown above it. */
export function shopperSecondaryName(shopper: Shopper): string | null {
  if (shopper.name) return shopper.email ?? shopper.phone ?? null;
  return null;
}

export function channelName(channel: Channel): string {
  return t(`channel.${channel}`);
}

export function statusName(conversation: Conversation): string {
  return t(`status.${conversation.status}`);
}

/**
 * Escalation reasons arrive either as words ("Refund over 2000 SEK") or as codes ("knowledge_gap").
 * Known codes get their translated label, unknown codes are made readable, words are shown as they are.
 */
export function reasonLabel(reason: string): string {
  const key = `reason.${reason}`;
  if (key in en) return t(key as keyof typeof en);
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(reason)) {
    const words = reason.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return reason;
}

/** Codes like `order_tracking` (procedures, AI tags) made readable; free text is left alone. */
export function codeLabel(code: string): string {
  return /^[a-z0-9]+(_[a-z0-9]+)*$/.test(code) ? code.replace(/_/g, ' ') : code;
}
