// Segment membership on scripted event histories with known answers, through a real hub: events POSTed to
// /api/events, members read from GET /api/v1/segments/:id/profiles, the hub's clock moved instead of waiting.
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../shared/events.js';
import { issueTestKey } from '../klaviyo/events-api-test-kit.js';
import { addAccount, hubsClosedAfterEach, signIn, type TestHub } from '../testing/hub-fixture.js';
import {
  createSegment,
  DAY_MS,
  listSegments,
  memberEmails,
  PLACED_ORDER,
  postEvent,
} from './segments-test-kit.js';

const START = Date.parse('2026-03-02T09:00:00.000Z');
const SECOND = 1000;
const startHub = hubsClosedAfterEach();

async function scriptedHub(): Promise<{ hub: TestHub; key: string; token: string }> {
  // Sessions outlive the weeks the clock moves.
  const hub = await startHub({ startAt: START, sessionTtlMs: 365 * DAY_MS });
  await addAccount(hub, 'lena@example.com', 'Lena Lead', 'lead');
  return { hub, key: issueTestKey(hub.dataDir), token: (await signIn(hub.url, 'lena@example.com')).token };
}

describe('built-in segments', () => {
  it('recommended-no-order: a recommendation in the last 14 days and no Placed Order since; leaves exactly when 14 days pass', async () => {
    const { hub, key, token } = await scriptedHub();
    const members = () => memberEmails(hub, token, 'recommended-no-order');
    await postEvent(hub, key, { metric: METRICS.receivedProductRecommendation, email: 'nora@example.se' });
    // An order placed before the recommendation is not "since".
    await postEvent(hub, key, { metric: PLACED_ORDER, email: 'nora@example.se', time: START - DAY_MS });
    await postEvent(hub, key, {
      metric: METRICS.receivedProductRecommendation,
      email: 'old@example.se',
      time: START - 14 * DAY_MS,
    });
    expect(await members()).toEqual(['nora@example.se']);

    hub.advance(14 * DAY_MS - SECOND);
    expect(await members()).toEqual(['nora@example.se']);
    hub.advance(SECOND);
    expect(await members()).toEqual([]);
  });

  it('a Placed Order takes the shopper out of recommended-no-order at once; a new recommendation puts them back', async () => {
    const { hub, key, token } = await scriptedHub();
    const members = () => memberEmails(hub, token, 'recommended-no-order');
    await postEvent(hub, key, { metric: METRICS.receivedProductRecommendation, email: 'olle@example.se' });
    await postEvent(hub, key, { metric: METRICS.receivedProductRecommendation, email: 'nora@example.se' });
    hub.advance(DAY_MS);
    await postEvent(hub, key, { metric: PLACED_ORDER, email: 'olle@example.se' });
    // No clock move, no timer: the 202 is enough.
    expect(await members()).toEqual(['nora@example.se']);

    hub.advance(DAY_MS);
    await postEvent(hub, key, { metric: METRICS.receivedProductRecommendation, email: 'olle@example.se' });
    expect(await members()).toEqual(['nora@example.se', 'olle@example.se']);
    // Olle's window now runs from his second recommendation: Nora leaves 14 days after hers, Olle 2 days later.
    hub.advance(12 * DAY_MS);
    expect(await members()).toEqual(['olle@example.se']);
    hub.advance(2 * DAY_MS);
    expect(await members()).toEqual([]);
  });

  it('recently-escalated: an escalation in the last 7 days, counted from the latest one', async () => {
    const { hub, key, token } = await scriptedHub();
    const members = () => memberEmails(hub, token, 'recently-escalated');
    await postEvent(hub, key, { metric: METRICS.conversationEscalated, email: 'nora@example.se' });
    await postEvent(hub, key, { metric: METRICS.conversationEscalated, email: 'olle@example.se' });
    hub.advance(3 * DAY_MS);
    await postEvent(hub, key, { metric: METRICS.conversationEscalated, email: 'nora@example.se' });
    hub.advance(4 * DAY_MS - SECOND);
    expect(await members()).toEqual(['nora@example.se', 'olle@example.se']);
    hub.advance(SECOND); // 7 days after Olle's only escalation
    expect(await members()).toEqual(['nora@example.se']);
    hub.advance(3 * DAY_MS - SECOND);
    expect(await members()).toEqual(['nora@example.se']);
    hub.advance(SECOND); // 7 days after Nora's second
    expect(await members()).toEqual([]);
  });

  it('resolved-and-ordered: a resolution and an order, both in the last 30 days', async () => {
    const { hub, key, token } = await scriptedHub();
    const members = () => memberEmails(hub, token, 'resolved-and-ordered');
    await postEvent(hub, key, { metric: METRICS.conversationResolved, email: 'nora@example.se' });
    await postEvent(hub, key, { metric: METRICS.conversationResolved, email: 'olle@example.se' });
    // Olle's order is 31 days old: outside the window.
    await postEvent(hub, key, { metric: PLACED_ORDER, email: 'olle@example.se', time: START - 31 * DAY_MS });
    expect(await members()).toEqual([]);
    hub.advance(5 * DAY_MS);
    await postEvent(hub, key, { metric: PLACED_ORDER, email: 'nora@example.se' });
    expect(await members()).toEqual(['nora@example.se']);
    // The resolution (the older of the two) leaves first, 30 days after it.
    hub.advance(25 * DAY_MS - SECOND);
    expect(await members()).toEqual(['nora@example.se']);
    hub.advance(SECOND);
    expect(await members()).toEqual([]);
  });

  it('the built-ins are listed with fixed ids and live member counts', async () => {
    const { hub, key, token } = await scriptedHub();
    await postEvent(hub, key, { metric: METRICS.conversationEscalated, email: 'nora@example.se' });
    const segments = await listSegments(hub, token);
    expect(segments.map((segment) => [segment.id, segment.builtIn, segment.memberCount])).toEqual([
      ['recommended-no-order', true, 0],
      ['recently-escalated', true, 1],
      ['resolved-and-ordered', true, 0],
    ]);
  });
});

describe('lead-defined segments', () => {
  it('at least N in a window: joins with the N-th event (a back-dated one counts) and leaves when the oldest counted one leaves', async () => {
    const { hub, key, token } = await scriptedHub();
    const segment = await createSegment(hub, token, {
      name: 'Browsed twice',
      conditions: [
        { kind: 'metric_count', metric: 'Viewed Product', comparison: 'at_least', count: 2, withinDays: 3 },
      ],
    });
    const members = () => memberEmails(hub, token, segment.id);
    await postEvent(hub, key, { metric: 'Viewed Product', email: 'nora@example.se' });
    await postEvent(hub, key, { metric: 'Viewed Product', email: 'olle@example.se' });
    await postEvent(hub, key, {
      metric: 'Viewed Product',
      email: 'olle@example.se',
      time: START - 2 * DAY_MS,
    });
    expect(await members()).toEqual(['olle@example.se']);
    hub.advance(DAY_MS - SECOND);
    expect(await members()).toEqual(['olle@example.se']);
    // Olle's back-dated view (START - 2 days) is 3 days old at START + 1 day: he leaves by the clock alone.
    hub.advance(SECOND);
    expect(await members()).toEqual([]);
    await postEvent(hub, key, { metric: 'Viewed Product', email: 'nora@example.se' });
    expect(await members()).toEqual(['nora@example.se']);
    hub.advance(2 * DAY_MS - SECOND);
    expect(await members()).toEqual(['nora@example.se']);
    hub.advance(SECOND); // 3 days after Nora's first view
    expect(await members()).toEqual([]);
  });

  it('at most N in a window: a shopper joins by the clock alone once the extra event leaves', async () => {
    const { hub, key, token } = await scriptedHub();
    const segment = await createSegment(hub, token, {
      name: 'Ordered, few returns',
      conditions: [
        { kind: 'metric_count', metric: PLACED_ORDER, comparison: 'at_least', count: 1, withinDays: null },
        { kind: 'metric_count', metric: 'Returned Item', comparison: 'at_most', count: 1, withinDays: 30 },
      ],
    });
    const members = () => memberEmails(hub, token, segment.id);
    for (const email of ['nora@example.se', 'olle@example.se']) {
      await postEvent(hub, key, { metric: PLACED_ORDER, email, time: START - 100 * DAY_MS });
      await postEvent(hub, key, { metric: 'Returned Item', email });
    }
    hub.advance(10 * DAY_MS);
    await postEvent(hub, key, { metric: 'Returned Item', email: 'nora@example.se' });
    await postEvent(hub, key, { metric: 'Returned Item', email: 'ingen-order@example.se' });
    expect(await members()).toEqual(['olle@example.se']);
    hub.advance(20 * DAY_MS - SECOND);
    expect(await members()).toEqual(['olle@example.se']);
    hub.advance(SECOND); // Nora's first return is 30 days old: one return left in the window
    expect(await members()).toEqual(['nora@example.se', 'olle@example.se']);
  });

  it('property equals (typed) and none since: an SMS checkout with no order after it', async () => {
    const { hub, key, token } = await scriptedHub();
    const segment = await createSegment(hub, token, {
      name: 'Abandoned SMS checkout',
      conditions: [
        {
          kind: 'property_equals',
          metric: 'Started Checkout',
          property: 'Channel',
          value: 'sms',
          withinDays: 7,
        },
        { kind: 'none_since', metric: PLACED_ORDER, sinceMetric: 'Started Checkout' },
      ],
    });
    const bigGift = await createSegment(hub, token, {
      name: 'Two gift items',
      conditions: [
        {
          kind: 'property_equals',
          metric: 'Started Checkout',
          property: 'items',
          value: 2,
          withinDays: null,
        },
        {
          kind: 'property_equals',
          metric: 'Started Checkout',
          property: 'gift',
          value: true,
          withinDays: null,
        },
      ],
    });
    const checkout = (email: string, properties: Record<string, unknown>) =>
      postEvent(hub, key, { metric: 'Started Checkout', email, properties });
    await checkout('sms@example.se', { Channel: 'sms', items: 2, gift: true });
    await checkout('email@example.se', { Channel: 'email', items: '2', gift: true });
    await checkout('ordered@example.se', { Channel: 'sms', items: 2, gift: 1 });
    await checkout('nested@example.se', { details: { Channel: 'sms' }, items: 2.0, gift: 'true' });
    hub.advance(DAY_MS);
    await postEvent(hub, key, { metric: PLACED_ORDER, email: 'ordered@example.se' });
    expect(await memberEmails(hub, token, segment.id)).toEqual(['sms@example.se']);
    expect(await memberEmails(hub, token, bigGift.id)).toEqual(['sms@example.se']);

    // A checkout after the order counts again; the first SMS checkout leaves the 7-day window 7 days after it.
    await checkout('ordered@example.se', { Channel: 'sms' });
    expect(await memberEmails(hub, token, segment.id)).toEqual(['ordered@example.se', 'sms@example.se']);
    hub.advance(6 * DAY_MS);
    expect(await memberEmails(hub, token, segment.id)).toEqual(['ordered@example.se']);
    hub.advance(DAY_MS);
    expect(await memberEmails(hub, token, segment.id)).toEqual([]);
    expect(await memberEmails(hub, token, bigGift.id)).toEqual(['sms@example.se']);
  });

  it('a new segment is evaluated over every existing profile before it is returned', async () => {
    const { hub, key, token } = await scriptedHub();
    for (let index = 0; index < 12; index += 1) {
      const email = `shopper${String(index).padStart(2, '0')}@example.se`;
      await postEvent(hub, key, { metric: 'Viewed Product', email, time: START - index * DAY_MS });
    }
    hub.advance(DAY_MS);
    const segment = await createSegment(hub, token, {
      name: 'Viewed this week',
      conditions: [
        { kind: 'metric_count', metric: 'Viewed Product', comparison: 'at_least', count: 1, withinDays: 7 },
      ],
    });
    // Views at START - 0..5 days are within 7 days of START + 1 day; START - 6 days leaves exactly now.
    expect(segment.memberCount).toBe(6);
    expect(await memberEmails(hub, token, segment.id, 4)).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => `shopper0${index}@example.se`),
    );
    hub.advance(DAY_MS);
    expect((await listSegments(hub, token)).find((listed) => listed.id === segment.id)?.memberCount).toBe(5);
  });

  it('membership, scheduled expiries and the stream cursor survive a restart', async () => {
    const { hub, key, token } = await scriptedHub();
    await postEvent(hub, key, { metric: METRICS.conversationEscalated, email: 'nora@example.se' });
    await hub.restart();
    const lead = (await signIn(hub.url, 'lena@example.com')).token;
    expect(await memberEmails(hub, lead, 'recently-escalated')).toEqual(['nora@example.se']);
    hub.advance(7 * DAY_MS);
    expect(await memberEmails(hub, lead, 'recently-escalated')).toEqual([]);
    expect(token).not.toBe(lead);
  });
});
