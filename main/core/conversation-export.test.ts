// The export files: the whole readable transcript as a person sees it, JSON for programs, and file names that
// every OS accepts.
import { describe, expect, it } from 'vitest';
import type { DeskMessage } from '../../shared/desk-api.js';
import { exportConversation, fileNamePart, formatTimestamp } from './conversation-export.js';
import { conversationAt, messageAt } from './test-support/fixtures.js';

const alex = { id: 'a1', name: 'Alex Lindqvist', email: 'alex@shop.se' };
const conversation = conversationAt(9, {
  id: 'conv-1',
  status: 'resolved',
  shopper: { name: 'Åsa Öberg', email: 'asa@example.se', phone: '+46701234567', profileId: '01HPXYZ' },
  escalation: { reason: 'refund_request', procedure: 'refunds', tags: ['vip', 'damaged'] },
  assignee: alex,
  escalatedAt: '2026-11-21T23:30:00.000Z',
  resolvedAt: '2026-11-22T08:15:00.000Z',
  resolutionTags: ['refund-issued'],
  tags: ['refund'],
});
const messages: DeskMessage[] = [
  { ...messageAt(1, { text: 'Paketet kom trasigt.', sentAt: '2026-11-21T23:29:00.000Z' }), delivery: null },
  {
    ...messageAt(2, {
      author: 'customer_agent',
      text: 'Jag kopplar dig vidare.',
      sentAt: '2026-11-21T23:29:30.000Z',
    }),
    delivery: null,
  },
  {
    ...messageAt(3, {
      author: 'agent',
      agent: alex,
      text: 'Hej Åsa!\nVi ersätter det.',
      sentAt: '2026-11-22T08:00:00.000Z',
      products: [{ sku: 'MUG-1', name: 'Mugg', price: '149 kr' }],
    }),
    delivery: 'delivered',
  },
  {
    ...messageAt(4, {
      author: 'agent',
      agent: alex,
      text: 'Stamkund, var generös.',
      internal: true,
      sentAt: '2026-11-22T08:01:00.000Z',
    }),
    delivery: null,
  },
  {
    ...messageAt(5, { author: 'agent', agent: alex, text: 'Tack!', sentAt: '2026-11-22T08:16:00.000Z' }),
    delivery: 'failed',
  },
];
const stockholm = () => 60; // UTC+01:00 in November
const exportedAt = new Date('2026-11-22T09:00:00.000Z');

describe('exportConversation', () => {
  it('writes a readable transcript: shopper, escalation, outcome, then every message with time and author', () => {
    const file = exportConversation(conversation, messages, {
      format: 'text',
      language: 'en',
      exportedAt,
      utcOffsetMinutes: stockholm,
    });
    expect(file.fileName).toBe('conversation-2026-11-22-asa-oberg.txt');
    expect(file.mimeType).toBe('text/plain;charset=utf-8');
    expect(file.content).toBe(
      [
        'Conversation with Åsa Öberg',
        'Exported: 2026-11-22 10:00:00 UTC+01:00',
        '',
        'Shopper',
        '  Name: Åsa Öberg',
        '  Email: asa@example.se',
        '  Phone: +46701234567',
        '  Klaviyo profile ID: 01HPXYZ',
        'Channel: SMS',
        'Escalation reason: refund request',
        'Procedure: refunds',
        'AI tags: vip, damaged',
        'Team tags: refund',
        'Handed off: 2026-11-22 00:30:00 UTC+01:00',
        'Status: Resolved',
        'Assignee: Alex Lindqvist <alex@shop.se>',
        'Outcome: resolved 2026-11-22 09:15:00 UTC+01:00; resolution tags: refund-issued',
        'Conversation ID: conv-1',
        '',
        'Messages',
        '========',
        '',
        '2026-11-22 00:29:00 UTC+01:00 · Shopper',
        '  Paketet kom trasigt.',
        '',
        '2026-11-22 00:29:30 UTC+01:00 · Customer Agent',
        '  Jag kopplar dig vidare.',
        '',
        '2026-11-22 09:00:00 UTC+01:00 · Alex Lindqvist',
        '  Hej Åsa!',
        '  Vi ersätter det.',
        '  Products:',
        '  - Mugg (MUG-1) 149 kr',
        '',
        '2026-11-22 09:01:00 UTC+01:00 · Alex Lindqvist (internal note, not shown to the shopper)',
        '  Stamkund, var generös.',
        '',
        '2026-11-22 09:16:00 UTC+01:00 · Alex Lindqvist (not sent: the hub refused it)',
        '  Tack!',
        '',
      ].join('\n'),
    );
  });

  it('labels in Swedish when asked', () => {
    const file = exportConversation({ ...conversation, status: 'open', resolvedAt: null }, messages, {
      format: 'text',
      language: 'sv',
      exportedAt,
      utcOffsetMinutes: stockholm,
    });
    for (const line of [
      'Konversation med Åsa Öberg',
      'Kund',
      '  E-post: asa@example.se',
      'Kanal: sms',
      'Status: Öppen',
      'Utfall: inte löst',
      '2026-11-22 00:29:00 UTC+01:00 · Kund',
      '2026-11-22 09:01:00 UTC+01:00 · Alex Lindqvist (intern anteckning, visas inte för kunden)',
    ]) {
      expect(file.content.split('\n'), line).toContain(line);
    }
  });

  it('writes JSON with its format and version, the conversation and every message', () => {
    const file = exportConversation(conversation, messages, { format: 'json', language: 'en', exportedAt });
    expect(file.fileName).toMatch(/^conversation-2026-11-2\d-asa-oberg\.json$/);
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.content)).toEqual({
      format: 'handoff-desk-conversation',
      version: 1,
      exportedAt: '2026-11-22T09:00:00.000Z',
      conversation,
      messages,
    });
  });
});

describe('export helpers', () => {
  it('file names keep letters and digits only, whatever the shopper is called', () => {
    expect(fileNamePart('Åsa Öberg')).toBe('asa-oberg');
    expect(fileNamePart('Søren Ærø')).toBe('soren-aero');
    expect(fileNamePart('CON')).toBe('con');
    expect(fileNamePart('a/b\\c:d*e?f"g<h>i|j. ')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(fileNamePart('🙂🙂')).toBe('shopper');
    expect(fileNamePart('+46 70 123 45 67')).toBe('46-70-123-45-67');
    expect(fileNamePart('x'.repeat(300))).toHaveLength(60);
  });

  it('timestamps state their UTC offset, also west of Greenwich and across midnight', () => {
    expect(formatTimestamp('2026-11-22T02:30:00.000Z', () => -300)).toBe('2026-11-21 21:30:00 UTC-05:00');
    expect(formatTimestamp('2026-11-22T02:30:00+02:00', () => 0)).toBe('2026-11-22 00:30:00 UTC+00:00');
    expect(formatTimestamp('2026-11-22T02:30:00.000Z', () => 330)).toBe('2026-11-22 08:00:00 UTC+05:30');
  });
});
