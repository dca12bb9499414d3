// Environment: any. What the signed-in agent may do with a conversation right now, mirroring the hub's rules
// (the hub enforces them; the console only hides what would be refused). One place for buttons, shortcuts
// and the command palette.
import type { Account, Conversation } from '../../shared/domain.js';

export interface Abilities {
  claim: boolean;
  reply: boolean;
  note: boolean;
  resolve: boolean;
  transfer: boolean;
  pending: boolean;
  snooze: boolean;
  reopen: boolean;
  editTags: boolean;
}

export const NO_ABILITIES: Abilities = {
  claim: false,
  reply: false,
  note: false,
  resolve: false,
  transfer: false,
  pending: false,
  snooze: false,
  reopen: false,
  editTags: false,
};

export function abilitiesFor(
  conversation: Conversation | undefined,
  account: Account | undefined,
): Abilities {
  if (!conversation || !account || conversation.status === 'with_ai') return NO_ABILITIES;
  const { status } = conversation;
  const mine = conversation.assignee?.id === account.id;
  const lead = account.role === 'lead';
  const inHand = status === 'open' || status === 'pending' || status === 'snoozed';
  const owns = mine || lead;
  return {
    claim: status === 'queued',
    // Only the assignee replies; a pending or snoozed one reopens when they do.
    reply: mine && inHand,
    note: true,
    resolve: mine && inHand,
    // A queued one can be routed by a lead; a claimed one by its assignee or a lead.
    transfer: (owns && inHand) || (lead && status === 'queued'),
    pending: owns && status === 'open',
    snooze: owns && (status === 'open' || status === 'pending'),
    reopen: owns && (status === 'pending' || status === 'snoozed' || status === 'resolved'),
    editTags: true,
  };
}
