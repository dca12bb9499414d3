// Environment: Node. A conversation as a file, from the cache alone (works offline): a transcript a person reads
// (shopper details, escalation, outcome, then every message with its time and author; labels in English or
// Swedish) or JSON for programs. File names are safe on every OS.
import type { DeskMessage } from '../../shared/desk-api.js';
import type { Channel, Conversation, ConversationStatus } from '../../shared/domain.js';
import { shopperLabel } from './notifier.js';

export type ExportFormat = 'text' | 'json';
export type ExportLanguage = 'en' | 'sv';

export interface ConversationFile {
  fileName: string;
  mimeType: 'text/plain;charset=utf-8' | 'application/json';
  content: string;
}

export interface ExportOptions {
  format: ExportFormat;
  language: ExportLanguage;
  exportedAt: Date;
  /** Minutes east of UTC at a moment (default: this machine's time zone). Injected by tests. */
  utcOffsetMinutes?: (at: Date) => number;
}

export const EXPORT_JSON_FORMAT = 'handoff-desk-conversation';
export const EXPORT_JSON_VERSION = 1;

interface Labels {
  title: string;
  exported: string;
  conversationId: string;
  shopper: string;
  name: string;
  email: string;
  phone: string;
  profileId: string;
  channel: string;
  escalationReason: string;
  procedure: string;
  aiTags: string;
  teamTags: string;
  status: string;
  assignee: string;
  outcome: string;
  resolvedAt: string;
  notResolved: string;
  resolutionTags: string;
  escalatedAt: string;
  messages: string;
  noMessages: string;
  shopperAuthor: string;
  customerAgent: string;
  system: string;
  agent: string;
  internalNote: string;
  pending: string;
  failed: string;
  products: string;
  none: string;
  channels: Record<Channel, string>;
  statuses: Record<ConversationStatus, string>;
}

const LABELS: Record<ExportLanguage, Labels> = {
  en: {
    title: 'Conversation with',
    exported: 'Exported',
    conversationId: 'Conversation ID',
    shopper: 'Shopper',
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    profileId: 'Klaviyo profile ID',
    channel: 'Channel',
    escalationReason: 'Escalation reason',
    procedure: 'Procedure',
    aiTags: 'AI tags',
    teamTags: 'Team tags',
    status: 'Status',
    assignee: 'Assignee',
    outcome: 'Outcome',
    resolvedAt: 'resolved',
    notResolved: 'not resolved',
    resolutionTags: 'resolution tags',
    escalatedAt: 'Handed off',
    messages: 'Messages',
    noMessages: '(no messages)',
    shopperAuthor: 'Shopper',
    customerAgent: 'Customer Agent',
    system: 'System',
    agent: 'Agent',
    internalNote: 'internal note, not shown to the shopper',
    pending: 'not sent yet',
    failed: 'not sent: the hub refused it',
    products: 'Products',
    none: '—',
    channels: { web_chat: 'Web chat', sms: 'SMS', email: 'Email', whatsapp: 'WhatsApp' },
    statuses: {
      with_ai: 'With the Customer Agent',
      queued: 'Queued',
      open: 'Open',
      pending: 'Pending',
      snoozed: 'Snoozed',
      resolved: 'Resolved',
    },
  },
  sv: {
    title: 'Konversation med',
    exported: 'Exporterad',
    conversationId: 'Konversations-ID',
    shopper: 'Kund',
    name: 'Namn',
    email: 'E-post',
    phone: 'Telefon',
    profileId: 'Klaviyo-profil-ID',
    channel: 'Kanal',
    escalationReason: 'Orsak till överlämning',
    procedure: 'Rutin',
    aiTags: 'AI-taggar',
    teamTags: 'Teamets taggar',
    status: 'Status',
    assignee: 'Ansvarig',
    outcome: 'Utfall',
    resolvedAt: 'löst',
    notResolved: 'inte löst',
    resolutionTags: 'lösningstaggar',
    escalatedAt: 'Överlämnad',
    messages: 'Meddelanden',
    noMessages: '(inga meddelanden)',
    shopperAuthor: 'Kund',
    customerAgent: 'Customer Agent',
    system: 'System',
    agent: 'Agent',
    internalNote: 'intern anteckning, visas inte för kunden',
    pending: 'inte skickat än',
    failed: 'inte skickat: hubben avvisade det',
    products: 'Produkter',
    none: '—',
    channels: { web_chat: 'Webbchatt', sms: 'sms', email: 'E-post', whatsapp: 'WhatsApp' },
    statuses: {
      with_ai: 'Hos Customer Agent',
      queued: 'I kö',
      open: 'Öppen',
      pending: 'Väntar',
      snoozed: 'Snoozad',
      resolved: 'Löst',
    },
  },
};

export function exportConversation(
  conversation: Conversation,
  messages: readonly DeskMessage[],
  options: ExportOptions,
): ConversationFile {
  const offsetOf = options.utcOffsetMinutes ?? ((at: Date) => -at.getTimezoneOffset());
  const date = formatTimestamp(conversation.escalatedAt ?? conversation.createdAt, offsetOf).slice(0, 10);
  const base = `conversation-${date}-${fileNamePart(shopperLabel(conversation))}`;
  if (options.format === 'json') {
    return {
      fileName: `${base}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(
        {
          format: EXPORT_JSON_FORMAT,
          version: EXPORT_JSON_VERSION,
          exportedAt: options.exportedAt.toISOString(),
          conversation,
          messages,
        },
        null,
        2,
      )}\n`,
    };
  }
  return {
    fileName: `${base}.txt`,
    mimeType: 'text/plain;charset=utf-8',
    content: transcriptText(conversation, messages, LABELS[options.language], options.exportedAt, offsetOf),
  };
}

function transcriptText(
  conversation: Conversation,
  messages: readonly DeskMessage[],
  labels: Labels,
  exportedAt: Date,
  offsetOf: (at: Date) => number,
): string {
  const time = (iso: string) => formatTimestamp(iso, offsetOf);
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : labels.none);
  const value = (text: string | null | undefined) => text ?? labels.none;
  const { shopper, escalation, assignee } = conversation;
  const outcome =
    conversation.status === 'resolved' && conversation.resolvedAt
      ? `${labels.resolvedAt} ${time(conversation.resolvedAt)}; ${labels.resolutionTags}: ${list(conversation.resolutionTags)}`
      : labels.notResolved;
  const lines = [
    `${labels.title} ${shopperLabel(conversation)}`,
    `${labels.exported}: ${time(exportedAt.toISOString())}`,
    '',
    `${labels.shopper}`,
    `  ${labels.name}: ${value(shopper.name)}`,
    `  ${labels.email}: ${value(shopper.email)}`,
    `  ${labels.phone}: ${value(shopper.phone)}`,
    `  ${labels.profileId}: ${value(shopper.profileId)}`,
    `${labels.channel}: ${labels.channels[conversation.channel]}`,
    `${labels.escalationReason}: ${escalation ? humanize(escalation.reason) : labels.none}`,
    `${labels.procedure}: ${value(escalation?.procedure)}`,
    `${labels.aiTags}: ${list(escalation?.tags ?? [])}`,
    `${labels.teamTags}: ${list(conversation.tags)}`,
    `${labels.escalatedAt}: ${conversation.escalatedAt ? time(conversation.escalatedAt) : labels.none}`,
    `${labels.status}: ${labels.statuses[conversation.status]}`,
    `${labels.assignee}: ${assignee ? `${assignee.name} <${assignee.email}>` : labels.none}`,
    `${labels.outcome}: ${outcome}`,
    `${labels.conversationId}: ${conversation.id}`,
    '',
    labels.messages,
    '='.repeat(labels.messages.length),
  ];
  if (messages.length === 0) lines.push(labels.noMessages);
  for (const message of messages) {
    const marks = [
      message.internal ? labels.internalNote : null,
      message.delivery === 'pending' ? labels.pending : null,
      message.delivery === 'failed' ? labels.failed : null,
    ].filter((mark): mark is string => mark !== null);
    const heading = [time(message.sentAt), authorLabel(message, labels)].join(' · ');
    lines.push('', marks.length > 0 ? `${heading} (${marks.join('; ')})` : heading);
    // Every line of the text indented: a message can never pass for a heading.
    for (const line of message.text.split(/\r?\n/)) lines.push(`  ${line}`);
    if (message.products.length > 0) {
      lines.push(`  ${labels.products}:`);
      for (const product of message.products) {
        lines.push(`  - ${product.name} (${product.sku}) ${product.price}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function authorLabel(message: DeskMessage, labels: Labels): string {
  switch (message.author) {
    case 'shopper':
      return labels.shopperAuthor;
    case 'customer_agent':
      return labels.customerAgent;
    case 'system':
      return labels.system;
    case 'agent':
      return message.agent?.name ?? labels.agent;
  }
}

/** `knowledge_gap` → `knowledge gap`. */
function humanize(code: string): string {
  return code.replaceAll('_', ' ');
}

/** `2026-11-22 10:01:05 UTC+01:00`: the date and time where this machine is, with its offset stated. */
export function formatTimestamp(iso: string, offsetOf: (at: Date) => number): string {
  const at = new Date(iso);
  const offset = offsetOf(at);
  const shifted = new Date(at.getTime() + offset * 60_000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} UTC${sign}${hours}:${minutes}`;
}

/**
 * Lower-case ASCII letters, digits and single dashes only: no separators, reserved characters, trailing dots or
 * spaces on any OS (and never a reserved Windows name, as the caller prefixes it).
 */
export function fileNamePart(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'shopper';
}
