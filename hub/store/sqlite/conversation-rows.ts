// Environment: Node (hub). A conversation row as the SQLite store reads it (with its assignee joined), shared by
// the store and the monitor's queries.
import type { AgentRef, Conversation } from '../../../shared/domain.js';

export interface ConversationRow {
  id: string;
  channel: Conversation['channel'];
  status: Conversation['status'];
  shopper_json: string;
  escalation_json: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  created_at: string;
  escalated_at: string | null;
  claimed_at: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  resolution_tags_json: string;
  last_message_at: string | null;
  last_message_preview: string | null;
  version: number;
  snoozed_until: string | null;
  tags_json: string;
}

export const CONVERSATION_SELECT = `
  SELECT c.*, a.name AS assignee_name, a.email AS assignee_email
  FROM conversations c LEFT JOIN accounts a ON a.id = c.assignee_id`;

/** An agent joined onto a row (assignee, message author); their name and email are empty if the account is gone. */
export function toAgentRef(id: string | null, name: string | null, email: string | null): AgentRef | null {
  return id === null ? null : { id, name: name ?? '', email: email ?? '' };
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    shopper: JSON.parse(row.shopper_json),
    escalation: row.escalation_json === null ? null : JSON.parse(row.escalation_json),
    assignee: toAgentRef(row.assignee_id, row.assignee_name, row.assignee_email),
    createdAt: row.created_at,
    escalatedAt: row.escalated_at,
    claimedAt: row.claimed_at,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    resolutionTags: JSON.parse(row.resolution_tags_json),
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    version: row.version,
    snoozedUntil: row.snoozed_until,
    tags: JSON.parse(row.tags_json),
  };
}
