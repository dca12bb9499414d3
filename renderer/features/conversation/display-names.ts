// Environment: browser. How people are named on screen.
import type { Channel, Conversation, Shopper } from '../../../shared/domain.js';
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
