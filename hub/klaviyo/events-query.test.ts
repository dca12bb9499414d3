// GET /api/events over a few hundred events with known answers: filters on metric, profile and datetime (and
// their combinations), both sorts, cursor pages of at most 200 that neither skip nor repeat an event (also
// while new events arrive), links.prev back to the page before; and query plans that read an index, never scan.
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsListResponseSchema, metricsListResponseSchema } from '../../shared/klaviyo-api.js';
import type { EventsQuery } from '../store/klaviyo-store.js';
import { eventsQuerySql } from '../store/sqlite/sqlite-klaviyo-store.js';
import { DATABASE_FILE } from '../store/sqlite/sqlite-hub-store.js';
import { testHubForFile } from '../testing/hub-fixture.js';
import { allPages, eventBody, issueTestKey, klaviyoFetch, parsed } from './events-api-test-kit.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const MINUTE = 60_000;
const COUNT = 300;
const METRICS = ['Viewed Product', 'Added to Cart', 'Placed Order'] as const;
const hub = testHubForFile([], { startAt: Date.parse('2026-04-01T00:00:00Z') });
let key = '';
const metricIds = new Map<string, string>();
const profileIds = new Map<number, string>();

/** Event i: metric i mod 3, shopper i mod 4, at T0 + ⌊i/2⌋ minutes (so pairs share a time). */
const timeOf = (i: number) => new Date(T0 + Math.floor(i / 2) * MINUTE).toISOString();
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);
const indexesOf = (events: { attributes: { event_properties: Record<string, unknown> } }[]) =>
  events.map((event) => event.attributes.event_properties.i as number);

async function pagesOf(query: string) {
  return allPages(hub.url, `/api/events?${query}`, key);
}
const filterParam = (filter: string) => `filter=${encodeURIComponent(filter)}`;

beforeAll(async () => {
  key = issueTestKey(hub.dataDir, 'query');
  for (let i = 0; i < COUNT; i += 1) {
    const response = await klaviyoFetch(hub.url, '/api/events', key, {
      body: eventBody({
        metric: METRICS[i % 3]!,
        profile: { email: `shopper${i % 4}@example.com` },
        time: timeOf(i),
        properties: { i },
      }),
    });
    if (response.status !== 202) throw new Error(`event ${i}: ${response.status} ${await response.text()}`);
  }
  const metrics = await parsed(await klaviyoFetch(hub.url, '/api/metrics', key), metricsListResponseSchema);
  for (const metric of metrics.data) metricIds.set(metric.attributes.name, metric.id);
  const firstPage = await parsed(
    await klaviyoFetch(hub.url, '/api/events?page[size]=4', key),
    eventsListResponseSchema,
  );
  firstPage.data.forEach((event, i) => profileIds.set(i % 4, event.relationships.profile.data?.id ?? ''));
});

describe('sort and pages', () => {
  it('lists every event oldest first by default, 200 a page, ties in the order they arrived; links.next is absolute', async () => {
    const pages = await pagesOf('');
    expect(pages.map((page) => page.data.length)).toEqual([200, 100]);
    expect(indexesOf(pages.flatMap((page) => page.data))).toEqual(range(0, COUNT));
    expect(pages[0]?.links.next).toMatch(new RegExp(`^${hub.url}/api/events\\?page%5Bcursor%5D=`));
    expect(pages[0]?.links.prev).toBeNull();
    expect(pages[1]?.links.next).toBeNull();
    // links.prev of the second page is the first page again.
    const back = await parsed(await klaviyoFetch(pages[1]!.links.prev!, '', key), eventsListResponseSchema);
    expect(indexesOf(back.data)).toEqual(range(0, 200));
    expect(back.links.prev).toBeNull();
  });

  it('sorts newest first with -datetime (and -timestamp), pages of page[size] neither skipping nor repeating', async () => {
    const newestFirst = range(0, COUNT).reverse();
    for (const sort of ['-datetime', '-timestamp']) {
      const pages = await pagesOf(`sort=${sort}&page[size]=70`);
      expect(pages.map((page) => page.data.length)).toEqual([70, 70, 70, 70, 20]);
      expect(indexesOf(pages.flatMap((page) => page.data))).toEqual(newestFirst);
    }
    const pages = await pagesOf('sort=datetime&page[size]=70');
    const prev = await parsed(await klaviyoFetch(pages[3]!.links.prev!, '', key), eventsListResponseSchema);
    expect(indexesOf(prev.data)).toEqual(range(140, 210));
  });

  it('a cursor made for one sort is refused with another', async () => {
    const [first] = await pagesOf('sort=-datetime&page[size]=250'.replace('250', '100'));
    const cursor = new URL(first!.links.next!).searchParams.get('page[cursor]') ?? '';
    const response = await klaviyoFetch(hub.url, `/api/events?sort=datetime&page[cursor]=${cursor}`, key);
    expect(response.status).toBe(400);
  });
});

describe('filters', () => {
  it('by metric, by profile, and both (AND), with known answers', async () => {
    const placed = metricIds.get('Placed Order')!;
    const byMetric = await pagesOf(filterParam(`equals(metric_id,"${placed}")`));
    expect(indexesOf(byMetric.flatMap((page) => page.data))).toEqual(
      range(0, COUNT).filter((i) => i % 3 === 2),
    );
    const shopper1 = profileIds.get(1)!;
    const byProfile = await pagesOf(`${filterParam(`equals(profile_id,"${shopper1}")`)}&sort=-datetime`);
    expect(indexesOf(byProfile.flatMap((page) => page.data))).toEqual(
      range(0, COUNT)
        .filter((i) => i % 4 === 1)
        .reverse(),
    );
    const both = await pagesOf(filterParam(`equals(metric_id,"${placed}"),equals(profile_id,"${shopper1}")`));
    expect(indexesOf(both.flatMap((page) => page.data))).toEqual(
      range(0, COUNT).filter((i) => i % 3 === 2 && i % 4 === 1),
    );
    const unknown = await pagesOf(filterParam('equals(metric_id,"NoSuch")'));
    expect(unknown[0]?.data).toEqual([]);
  });

  it('by datetime ranges (inclusive and strict bounds, Klaviyo’s and ISO forms, timestamps) and with a metric', async () => {
    const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString().replace('.000Z', 'Z');
    const window = await pagesOf(
      filterParam(`greater-or-equal(datetime,${at(50)}),less-than(datetime,${at(120)})`),
    );
    expect(indexesOf(window.flatMap((page) => page.data))).toEqual(range(100, 240));
    const strict = await pagesOf(
      filterParam(
        `and(greater-than(datetime,${at(50).replace('Z', '+00:00')}),less-or-equal(datetime,${at(60)}))`,
      ),
    );
    expect(indexesOf(strict.flatMap((page) => page.data))).toEqual(range(102, 122));
    const seconds = (T0 + 140 * MINUTE) / 1000;
    const fromTimestamp = await pagesOf(filterParam(`greater-or-equal(timestamp,${seconds})`));
    expect(indexesOf(fromTimestamp.flatMap((page) => page.data))).toEqual(range(280, COUNT));
    const viewed = metricIds.get('Viewed Product')!;
    const metricWindow = await pagesOf(
      `${filterParam(`equals(metric_id,"${viewed}"),less-than(datetime,${at(10)})`)}&sort=-datetime&page[size]=3`,
    );
    expect(indexesOf(metricWindow.flatMap((page) => page.data))).toEqual([18, 15, 12, 9, 6, 3, 0]);
  });
});

describe('while events arrive', () => {
  it('the next page continues after the last event seen: new events come at the end, none skipped or repeated', async () => {
    const placed = metricIds.get('Placed Order')!;
    const first = await parsed(
      await klaviyoFetch(
        hub.url,
        `/api/events?${filterParam(`equals(metric_id,"${placed}")`)}&page[size]=60`,
        key,
      ),
      eventsListResponseSchema,
    );
    for (const i of [COUNT, COUNT + 1]) {
      await klaviyoFetch(hub.url, '/api/events', key, {
        body: eventBody({
          metric: 'Placed Order',
          profile: { email: 'late@example.com' },
          time: new Date(T0 + 1000 * MINUTE).toISOString(),
          properties: { i },
        }),
      });
    }
    const rest = await allPages(
      hub.url,
      new URL(first.links.next!).pathname + new URL(first.links.next!).search,
      key,
    );
    const seen = indexesOf([...first.data, ...rest.flatMap((page) => page.data)]);
    expect(seen).toEqual([...range(0, COUNT).filter((i) => i % 3 === 2), COUNT, COUNT + 1]);
  });
});

describe('query plans', () => {
  it('every events query reads an index range in order: no scan of the stream, no sort', () => {
    const db = new Database(path.join(hub.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const key = { time: '2026-03-01T00:00:00.000Z', position: 5 };
      const bounds = [{ op: '>=' as const, time: '2026-03-01T00:00:00.000Z' }];
      const queries: [string, EventsQuery, string][] = [
        ['all', { timeBounds: [], order: 'asc', limit: 200 }, 'events_by_time'],
        [
          'all, next page, newest first',
          { timeBounds: [], order: 'desc', after: key, limit: 200 },
          'events_by_time',
        ],
        ['time range', { timeBounds: bounds, order: 'asc', limit: 200 }, 'events_by_time'],
        [
          'metric',
          { metricName: 'Placed Order', timeBounds: [], order: 'asc', after: key, limit: 200 },
          'events_by_metric_time',
        ],
        [
          'metric and time',
          { metricName: 'Placed Order', timeBounds: bounds, order: 'desc', before: key, limit: 1 },
          'events_by_metric_time',
        ],
        [
          'profile',
          { profileRef: 'P', timeBounds: bounds, order: 'asc', limit: 200 },
          'events_by_profile_time',
        ],
      ];
      for (const [name, query, index] of queries) {
        const { sql, parameters } = eventsQuerySql(query);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parameters) as { detail: string }[]).map(
          (row) => row.detail,
        );
        const described = `${name}: ${plan.join(' | ')}`;
        expect(
          plan.find((detail) => / e /.test(` ${detail} `) || /events/.test(detail)),
          described,
        ).toMatch(new RegExp(`^SEARCH e USING INDEX ${index} |^SCAN e USING INDEX ${index}`));
        expect(
          plan.some((detail) => /^SCAN e$|TEMP B-TREE/.test(detail)),
          described,
        ).toBe(false);
      }
    } finally {
      db.close();
    }
  });
});
