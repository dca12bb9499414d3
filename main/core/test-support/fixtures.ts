// Test data shaped by the shared schemas (parsed, so a contract change breaks these tests loudly).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conversationSchema, messageSchema } from '../../../shared/domain.js';
import type { Conversation, Message } from '../../../shared/domain.js';

export function temporaryDir(prefix = 'desk-core-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function conversationAt(version: number, overrides: Partial<Conversation> = {}): Conversation {
  return conversationSchema.parse({
    id: 'c1',
    channel: 'sms',
    status: 'queued',
    shopper: { email: 'maja@example.se' },
    escalation: { reason: 'knowledge_gap', tags: [] },
    assignee: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    escalatedAt: '2026-01-01T10:01:00.000Z',
    claimedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    resolutionTags: [],
    lastMessageAt: null,
    lastMessagePreview: null,
    version,
    ...overrides,
  });
}

export function messageAt(position: number, overrides: Partial<Message> = {}): Message {
  return messageSchema.parse({
    id: `m${position}`,
    conversationId: 'c1',
    position,
    author: 'shopper',
    agent: null,
    text: `message ${position}`,
    sentAt: '2026-01-01T10:00:00.000Z',
    delivery: null,
    products: [],
    ...overrides,
  });
}
