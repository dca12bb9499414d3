// dispatchDeskCall reaches every DeskApi call, parses its arguments and checks its result against the contract.
import { afterEach, describe, expect, it } from 'vitest';
import { deskCalls, type DeskCallName } from '../../shared/desk-api.js';
import { createDeskCore, dispatchDeskCall, type DeskCore } from './desk-core.js';
import { temporaryDir } from './test-support/fixtures.js';

/** Valid arguments for every call (signed out: nothing reaches a hub). */
const sampleArgs: Record<DeskCallName, unknown> = {
  getSnapshot: {},
  // Port 9 (discard) on loopback: nothing listens, so sign-in fails fast with hub_unreachable.
  signIn: { hubUrl: 'http://127.0.0.1:9', email: 'agent1@demo.test', password: 'x' },
  signOut: {},
  openConversation: { conversationId: 'c1' },
  claim: { conversationId: 'c1' },
  reply: { conversationId: 'c1', text: 'Hej!' },
  resolve: { conversationId: 'c1' },
  transfer: { conversationId: 'c1', toAgentId: null, note: 'Back to the queue' },
  setStatus: { conversationId: 'c1', status: 'snoozed', snoozedUntil: '2030-01-01T09:00:00.000+01:00' },
  addNote: { conversationId: 'c1', text: 'VIP', mentions: ['a2'] },
  setTags: { conversationId: 'c1', tags: ['refund'] },
  reportActivity: { conversationId: 'c1', typing: 'reply' },
  setIdle: { idle: true },
  setPresence: { presence: 'away' },
  updateSettings: { patch: { autoAssign: true } },
  listAudit: {},
  shopperHistory: { conversationId: 'c1' },
  saveCannedReply: {
    id: 'cr-1',
    scope: 'personal',
    shortcut: 'hej',
    title: 'Hej',
    body: 'Hej {{shopper.first_name}}!',
  },
  deleteCannedReply: { id: 'cr-1' },
  markRead: { conversationId: 'c1' },
  setPreferences: { sound: true },
  search: { query: 'beställning', channel: 'sms', limit: 10 },
  exportConversation: { conversationId: 'c1', format: 'text', language: 'sv' },
  cacheInfo: {},
  clearCache: { discardUnsent: false },
  exportConversationsCsv: { from: '2026-11-01T00:00:00.000+01:00', to: '2026-11-22T00:00:00.000+01:00' },
  dismissFailedAction: { commandId: 'cmd-1' },
  listSegments: {},
  createSegment: {
    name: 'Asked about returns',
    conditions: [
      { kind: 'metric_count', metric: 'Asked Question', comparison: 'at_least', count: 2, withinDays: 30 },
    ],
  },
  deleteSegment: { id: 'asked-about-returns' },
  outboundState: {},
};

let core: DeskCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('dispatchDeskCall', () => {
  it('runs every call in the contract and returns results its schema accepts', async () => {
    core = createDeskCore({ dataDir: temporaryDir(), defaultHubUrl: 'http://127.0.0.1:4710' });
    for (const method of Object.keys(deskCalls) as DeskCallName[]) {
      const outcome = await dispatchDeskCall(core, method, sampleArgs[method]);
      expect(outcome, method).toMatchObject({ ok: true });
      expect(
        deskCalls[method].result.safeParse((outcome as { result: unknown }).result).success,
        method,
      ).toBe(true);
    }
  });

  it('refuses arguments that break the contract, naming the field', async () => {
    core = createDeskCore({ dataDir: temporaryDir(), defaultHubUrl: 'http://127.0.0.1:4710' });
    expect(
      await dispatchDeskCall(core, 'setStatus', { conversationId: 'c1', status: 'resolved' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('status') },
    });
    expect(
      await dispatchDeskCall(core, 'reportActivity', { conversationId: 'c1', typing: 'singing' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('typing') },
    });
    expect(await dispatchDeskCall(core, 'setPreferences', { volume: 11 })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await dispatchDeskCall(core, 'setPreferences', { retentionDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('retentionDays') },
    });
    expect(
      await dispatchDeskCall(core, 'exportConversation', { conversationId: 'c1', format: 'pdf' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('format') } });
    expect(
      await dispatchDeskCall(core, 'exportConversationsCsv', {
        from: '2026-11-22T00:00:00.000+01:00',
        to: '2026-11-01T00:00:00.000+01:00',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('to') } });
    expect(
      await dispatchDeskCall(core, 'exportConversationsCsv', {
        from: 'yesterday',
        to: '2026-11-01T00:00:00Z',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('from') } });
    expect(await dispatchDeskCall(core, 'clearCache', { discardUnsent: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('discardUnsent') },
    });
  });
});
