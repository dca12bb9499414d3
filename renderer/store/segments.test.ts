// The segments and integrations slices: a lead's list with counts (built-ins first), creating and deleting
// one (errors in the lead's words, the list unchanged), the integrations' state, nothing carried over to the
// next account; and the shopper's segments arriving with the history (cached ones marked).
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SEGMENTS, type Segment } from '../../shared/segments.js';
import { setUiLanguage } from '../i18n/i18n.js';
import { conversation, lead, ready, scriptedDesk, snapshot } from './test-support/scripted-desk.js';

const leadSession = { account: lead, hubUrl: 'http://127.0.0.1:4710' };

function segment(id: string, patch: Partial<Segment> = {}): Segment {
  const builtIn = BUILT_IN_SEGMENTS.find((known) => known.id === id);
  return {
    id,
    name: builtIn?.name ?? `Segment ${id}`,
    conditions: builtIn?.conditions ?? [
      { kind: 'metric_count', metric: 'Placed Order', comparison: 'at_least', count: 2, withinDays: null },
    ],
    builtIn: builtIn !== undefined,
    createdAt: '2026-11-01T10:00:00.000Z',
    memberCount: 0,
    ...patch,
  };
}

const repeatBuyers = segment('repeat-buyers', { name: 'Repeat buyers', memberCount: 4 });

async function leadDesk() {
  setUiLanguage('en');
  const desk = scriptedDesk(snapshot([conversation('c1')], { session: leadSession }));
  await ready(desk);
  return desk;
}

describe('segments slice', () => {
  it('lists built-ins first, then the leads’ segments oldest first, with their counts', async () => {
    const desk = await leadDesk();
    desk.api.listSegments.mockResolvedValueOnce({
      ok: true,
      value: [
        segment('late', { createdAt: '2026-11-05T10:00:00.000Z', memberCount: 1 }),
        repeatBuyers,
        segment('recently-escalated', { memberCount: 7 }),
      ],
    });
    await desk.store.getState().loadSegments();
    const state = desk.store.getState().segments;
    expect(state.state).toBe('ready');
    if (state.state !== 'ready') return;
    expect(state.segments.map((known) => [known.id, known.memberCount])).toEqual([
      ['recently-escalated', 7],
      ['repeat-buyers', 4],
      ['late', 1],
    ]);
  });

  it('says why the list is missing when the hub cannot be reached', async () => {
    const desk = await leadDesk();
    desk.api.listSegments.mockResolvedValueOnce({
      ok: false,
      error: { code: 'offline', message: 'Not connected to the hub.' },
    });
    await desk.store.getState().loadSegments();
    expect(desk.store.getState().segments).toEqual({
      state: 'error',
      message: expect.stringMatching(/offline|connect/i),
    });
  });

  it('shows a created segment at once with the count the hub evaluated', async () => {
    const desk = await leadDesk();
    desk.api.listSegments.mockResolvedValueOnce({ ok: true, value: [segment('recently-escalated')] });
    await desk.store.getState().loadSegments();
    desk.api.createSegment.mockResolvedValueOnce({ ok: true, value: repeatBuyers });
    const definition = { name: 'Repeat buyers', conditions: repeatBuyers.conditions };
    expect(await desk.store.getState().createSegment(definition)).toEqual({ ok: true });
    expect(desk.api.createSegment).toHaveBeenCalledWith(definition);
    const state = desk.store.getState().segments;
    expect(state.state === 'ready' && state.segments.map((known) => known.id)).toEqual([
      'recently-escalated',
      'repeat-buyers',
    ]);
  });

  it('returns a refusal in the lead’s words and leaves the list as it was', async () => {
    const desk = await leadDesk();
    desk.api.listSegments.mockResolvedValueOnce({ ok: true, value: [segment('recently-escalated')] });
    await desk.store.getState().loadSegments();
    desk.api.createSegment.mockResolvedValueOnce({
      ok: false,
      error: { code: 'forbidden', message: 'Only leads can define segments.' },
    });
    const outcome = await desk.store
      .getState()
      .createSegment({ name: 'Repeat buyers', conditions: repeatBuyers.conditions });
    expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
    const state = desk.store.getState().segments;
    expect(state.state === 'ready' && state.segments).toHaveLength(1);
  });

  it('removes a deleted segment, and keeps one the hub would not delete', async () => {
    const desk = await leadDesk();
    desk.api.listSegments.mockResolvedValueOnce({
      ok: true,
      value: [segment('recently-escalated'), repeatBuyers],
    });
    await desk.store.getState().loadSegments();
    desk.api.deleteSegment.mockResolvedValueOnce({
      ok: false,
      error: { code: 'forbidden', message: 'Built-in segments cannot be deleted.' },
    });
    expect(await desk.store.getState().deleteSegment('recently-escalated')).toMatchObject({ ok: false });
    expect(await desk.store.getState().deleteSegment('repeat-buyers')).toEqual({ ok: true });
    expect(desk.api.deleteSegment).toHaveBeenLastCalledWith({ id: 'repeat-buyers' });
    const state = desk.store.getState().segments;
    expect(state.state === 'ready' && state.segments.map((known) => known.id)).toEqual([
      'recently-escalated',
    ]);
  });

  it('forgets the segments and integrations at sign-out', async () => {
    const desk = await leadDesk();
    desk.api.listSegments.mockResolvedValueOnce({ ok: true, value: [repeatBuyers] });
    await desk.store.getState().loadSegments();
    await desk.store.getState().loadIntegrations();
    await desk.store.getState().signOut();
    expect(desk.store.getState().segments).toEqual({ state: 'idle' });
    expect(desk.store.getState().integrations).toEqual({ state: 'idle' });
  });
});

describe('integrations slice', () => {
  it('holds forwarding’s state and the webhooks as the hub gave them', async () => {
    const desk = await leadDesk();
    const error = { at: '2026-11-22T09:00:00.000Z', eventId: 'e9', status: 429, message: 'Rate limited' };
    desk.api.outboundState.mockResolvedValueOnce({
      ok: true,
      value: {
        forwarding: {
          enabled: true,
          url: 'https://a.klaviyo.com',
          metrics: ['Handoff Resolved'],
          lagEvents: 3,
          lastDeliveredAt: '2026-11-22T08:59:00.000Z',
          lastError: error,
          nextAttemptAt: '2026-11-22T09:00:30.000Z',
          failedEvents: [],
          failedEventCount: 0,
        },
        webhooks: [
          {
            id: 'wh_1',
            url: 'https://hooks.shop.test/handoffs',
            metrics: ['Handoff Accepted'],
            createdAt: '2026-11-01T10:00:00.000Z',
            lagEvents: 0,
            lastDeliveredAt: null,
            lastError: null,
            nextAttemptAt: null,
            failedEventCount: 0,
          },
        ],
      },
    });
    await desk.store.getState().loadIntegrations();
    expect(desk.store.getState().integrations).toMatchObject({
      state: 'ready',
      forwarding: { enabled: true, lagEvents: 3, lastError: error },
      webhooks: [{ id: 'wh_1', url: 'https://hooks.shop.test/handoffs' }],
    });
  });

  it('says when the hub refuses or cannot be reached', async () => {
    const desk = await leadDesk();
    desk.api.outboundState.mockResolvedValueOnce({
      ok: false,
      error: { code: 'forbidden', message: 'Leads only.' },
    });
    await desk.store.getState().loadIntegrations();
    expect(desk.store.getState().integrations).toMatchObject({ state: 'error' });
  });
});

describe('the shopper’s segments', () => {
  it('arrive with the shopper’s history, marked when they are the last known copy', async () => {
    const desk = await leadDesk();
    const segments = [{ id: 'recently-escalated', name: 'Recently escalated' }];
    desk.api.shopperHistory.mockResolvedValueOnce({
      ok: true,
      value: { conversations: [], events: [], segments, cached: true },
    });
    await desk.store.getState().loadShopperHistory('c1');
    expect(desk.store.getState().historyByConversation.c1).toMatchObject({
      state: 'ready',
      segments,
      cached: true,
    });
  });
});
