// Who may read and define segments, over HTTP and on the console's socket; the routes' answers (201 with an id
// made from the name, 404, 403 for built-ins, 400 naming the problem); members pages; the shopper's segments in
// shopper:history; outbound:state for leads.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/handoff-api.js';
import { METRICS } from '../../shared/events.js';
import { segmentMembersPageSchema, SEGMENTS_PATH } from '../../shared/segments.js';
import { issueTestKey } from '../klaviyo/events-api-test-kit.js';
import {
  api,
  connectAs,
  handoffRequest,
  signIn,
  testHubForFile,
  type TestHub,
} from '../testing/hub-fixture.js';
import { createSegment, DAY_MS, listSegments, memberEmails, postEvent } from './segments-test-kit.js';

const hub: TestHub = testHubForFile(
  [
    ['alva@example.com', 'Alva Sund'],
    ['lena@example.com', 'Lena Lead', 'lead'],
  ],
  { startAt: Date.parse('2026-03-02T09:00:00.000Z'), sessionTtlMs: 365 * DAY_MS },
);
const errorOf = async (response: Response) => apiErrorSchema.parse(await response.json());
const VIEWED_ONCE = {
  name: 'Viewed once',
  conditions: [
    { kind: 'metric_count', metric: 'Viewed Product', comparison: 'at_least', count: 1, withinDays: null },
  ],
};

describe('segments over HTTP', () => {
  it('answers 401 without a console session, 403 to agents on every route', async () => {
    const agent = (await signIn(hub.url, 'alva@example.com')).token;
    const routes = [
      { method: 'GET', path: SEGMENTS_PATH },
      { method: 'POST', path: SEGMENTS_PATH, body: VIEWED_ONCE },
      { method: 'GET', path: `${SEGMENTS_PATH}/recently-escalated` },
      { method: 'GET', path: `${SEGMENTS_PATH}/recently-escalated/profiles` },
      { method: 'DELETE', path: `${SEGMENTS_PATH}/recently-escalated` },
    ];
    for (const { method, path, body } of routes) {
      const anonymous = await api(hub.url, path, { method, body, token: null });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect((await errorOf(anonymous)).message).toMatch(/session token/);
      // The handoff API's integration token is not a console session.
      expect((await api(hub.url, path, { method, body })).status).toBe(401);
      const refused = await api(hub.url, path, { method, body, token: agent });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect((await errorOf(refused)).message).toMatch(
        /Only a lead.*alva@example.com is signed in as an agent/,
      );
    }
    expect(await listSegments(hub, agent).catch(() => 'refused')).toBe('refused');
  });

  it('creates a segment with an id made from its name (unique), reads it, and deletes it; built-ins stay', async () => {
    const lead = (await signIn(hub.url, 'lena@example.com')).token;
    const first = await createSegment(hub, lead, { ...VIEWED_ONCE, name: '  Köpt två gånger! ' });
    expect(first).toMatchObject({
      id: 'kopt-tva-ganger',
      name: 'Köpt två gånger!',
      builtIn: false,
      createdAt: new Date(hub.now()).toISOString(),
      memberCount: 0,
      conditions: VIEWED_ONCE.conditions,
    });
    const second = await createSegment(hub, lead, { ...VIEWED_ONCE, name: 'Köpt två gånger' });
    expect(second.id).toBe('kopt-tva-ganger-2');
    expect((await createSegment(hub, lead, { ...VIEWED_ONCE, name: '!!!' })).id).toBe('segment');

    const read = await api(hub.url, `${SEGMENTS_PATH}/kopt-tva-ganger-2`, { token: lead });
    expect(await read.json()).toEqual(second);
    const ids = (await listSegments(hub, lead)).map((segment) => segment.id);
    expect(ids).toEqual([
      'recommended-no-order',
      'recently-escalated',
      'resolved-and-ordered',
      'kopt-tva-ganger',
      'kopt-tva-ganger-2',
      'segment',
    ]);

    for (const id of ['kopt-tva-ganger', 'kopt-tva-ganger-2', 'segment']) {
      expect((await api(hub.url, `${SEGMENTS_PATH}/${id}`, { method: 'DELETE', token: lead })).status).toBe(
        204,
      );
    }
    const gone = await api(hub.url, `${SEGMENTS_PATH}/kopt-tva-ganger`, { token: lead });
    expect(gone.status).toBe(404);
    expect((await errorOf(gone)).message).toBe('No segment kopt-tva-ganger.');
    expect((await api(hub.url, `${SEGMENTS_PATH}/segment`, { method: 'DELETE', token: lead })).status).toBe(
      404,
    );
    expect((await api(hub.url, `${SEGMENTS_PATH}/nothing/profiles`, { token: lead })).status).toBe(404);

    const builtIn = await api(hub.url, `${SEGMENTS_PATH}/recently-escalated`, {
      method: 'DELETE',
      token: lead,
    });
    expect(builtIn.status).toBe(403);
    expect((await errorOf(builtIn)).message).toMatch(/built-in/);
    expect((await listSegments(hub, lead)).map((segment) => segment.id)).toEqual([
      'recommended-no-order',
      'recently-escalated',
      'resolved-and-ordered',
    ]);
  });

  it('refuses bad definitions, ids and page parameters with a 400 naming the problem', async () => {
    const lead = (await signIn(hub.url, 'lena@example.com')).token;
    const post = (body: unknown) => api(hub.url, SEGMENTS_PATH, { token: lead, body });
    const cases: [unknown, RegExp][] = [
      [{ name: '', conditions: VIEWED_ONCE.conditions }, /name:/],
      [{ name: 'No conditions', conditions: [] }, /conditions:/],
      [{ name: 'Bad kind', conditions: [{ kind: 'sometimes', metric: 'X' }] }, /conditions\.0\.kind/],
      [
        {
          name: 'Bad count',
          conditions: [
            { kind: 'metric_count', metric: 'X', comparison: 'at_least', count: -1, withinDays: 7 },
          ],
        },
        /conditions\.0\.count/,
      ],
      [{ ...VIEWED_ONCE, extra: true }, /extra/],
    ];
    for (const [body, problem] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(response)).message).toMatch(problem);
    }
    const badId = await api(hub.url, `${SEGMENTS_PATH}/Not%20An%20Id`, { token: lead });
    expect(badId.status).toBe(400);
    expect((await errorOf(badId)).message).toMatch(/id: a segment id/);
    for (const [query, problem] of [
      ['page[size]=0', /page\[size\]/],
      ['page[size]=501', /page\[size\]/],
      ['page[cursor]=not-a-cursor', /page\[cursor\]: not a cursor/],
      ['sort=since', /sort/],
    ] as const) {
      const response = await api(hub.url, `${SEGMENTS_PATH}/recently-escalated/profiles?${query}`, {
        token: lead,
      });
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).message).toMatch(problem);
    }
  });

  it('pages members oldest membership first with absolute next links, none repeated or skipped as others join', async () => {
    const lead = (await signIn(hub.url, 'lena@example.com')).token;
    const key = issueTestKey(hub.dataDir);
    const segment = await createSegment(hub, lead, { ...VIEWED_ONCE, name: 'Pages' });
    const emails = Array.from({ length: 7 }, (_, index) => `page${index}@example.se`);
    for (const email of emails) {
      await postEvent(hub, key, { metric: 'Viewed Product', email });
      hub.advance(1000);
    }
    const pageAt = async (url: string) => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${lead}` } });
      expect(response.status).toBe(200);
      return segmentMembersPageSchema.parse(await response.json());
    };
    const first = await pageAt(`${hub.url}${SEGMENTS_PATH}/${segment.id}/profiles?page[size]=3`);
    expect(first.members.map((member) => member.email)).toEqual(emails.slice(0, 3));
    expect(first.members[0]).toMatchObject({
      phoneNumber: null,
      externalId: null,
      profileId: expect.any(String),
    });
    expect(first.next?.startsWith(`${hub.url}${SEGMENTS_PATH}/${segment.id}/profiles?`)).toBe(true);
    // A member joining between pages comes last, on a later page.
    await postEvent(hub, key, { metric: 'Viewed Product', email: 'late@example.se' });
    const second = await pageAt(first.next!);
    expect(second.members.map((member) => member.email)).toEqual(emails.slice(3, 6));
    const third = await pageAt(second.next!);
    expect(third.members.map((member) => member.email)).toEqual([emails[6], 'late@example.se']);
    expect(third.next).toBeNull();
    expect(await memberEmails(hub, lead, segment.id, 2)).toEqual([...emails, 'late@example.se'].sort());
    expect(
      (await api(hub.url, `${SEGMENTS_PATH}/${segment.id}`, { method: 'DELETE', token: lead })).status,
    ).toBe(204);
  });
});

describe('segments on the console socket', () => {
  it('lists segments for any account; creating and deleting them, and outbound state, are for leads', async () => {
    const alva = await connectAs(hub.url, 'alva@example.com');
    const lena = await connectAs(hub.url, 'lena@example.com');
    const listed = await alva.request('segments:list', {});
    expect(listed.ok && listed.value.map((segment) => segment.id)).toEqual([
      'recommended-no-order',
      'recently-escalated',
      'resolved-and-ordered',
    ]);
    for (const [name, payload] of [
      ['segments:create', VIEWED_ONCE],
      ['segments:delete', { id: 'recently-escalated' }],
      ['outbound:state', {}],
    ] as const) {
      expect(await alva.request(name, payload)).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringMatching(/Only a lead.*Alva Sund is signed in as an agent/),
        },
      });
    }

    const created = await lena.request('segments:create', {
      name: 'From the console',
      conditions: [{ ...VIEWED_ONCE.conditions[0], metric: 'Never Sent' }],
    });
    expect(created).toMatchObject({
      ok: true,
      value: { id: 'from-the-console', builtIn: false, memberCount: 0 },
    });
    const invalid = await lena.request('segments:create', { name: 'x', conditions: [] });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await lena.request('segments:delete', { id: 'recently-escalated' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/built-in/) },
    });
    expect(await lena.request('segments:delete', { id: 'from-the-console' })).toEqual({
      ok: true,
      value: {},
    });
    expect(await lena.request('segments:delete', { id: 'from-the-console' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await lena.request('outbound:state', {})).toEqual({
      ok: true,
      value: {
        forwarding: expect.objectContaining({ enabled: false, url: null, lagEvents: 0 }),
        webhooks: [],
      },
    });
  });

  it("shopper:history carries the shopper's segments now: escalated by the handoff, a recommendation with no order since", async () => {
    const key = issueTestKey(hub.dataDir);
    const created = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-segments') });
    expect(created.status).toBe(201);
    const anonymous = await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-anonymous', { shopper: { name: 'Anonym' } }),
    });
    expect(anonymous.status).toBe(201);
    const alva = await connectAs(hub.url, 'alva@example.com');
    const segmentIds = async (conversationId: string) => {
      const history = await alva.request('shopper:history', { conversationId });
      if (!history.ok) throw new Error(history.error.message);
      return history.value.segments.map((segment) => segment.id);
    };
    expect(await segmentIds('conv-segments')).toEqual(['recently-escalated']);
    expect(await segmentIds('conv-anonymous')).toEqual([]);

    // The same shopper by email through the events API (matched to the handoff's profile).
    await postEvent(hub, key, { metric: METRICS.receivedProductRecommendation, email: 'nora.ek@example.se' });
    expect(await segmentIds('conv-segments')).toEqual(['recommended-no-order', 'recently-escalated']);
    await postEvent(hub, key, { metric: 'Placed Order', email: 'nora.ek@example.se' });
    expect(await segmentIds('conv-segments')).toEqual(['recently-escalated']);
    const history = await alva.request('shopper:history', { conversationId: 'conv-segments' });
    expect(history.ok && history.value.segments).toEqual([
      { id: 'recently-escalated', name: 'Recently escalated' },
    ]);
  });
});
