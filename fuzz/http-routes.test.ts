// Property-based fuzzing of every HTTP route of a real hub (handoff API, sessions, events, the Klaviyo-compatible
// API, monitor, segments, forwarding, webhooks): malformed, wrongly typed, oversized, deeply nested and hostile
// bodies, paths, queries and headers never get a 5xx or a hang, every 4xx names the problem, and the hub still
// answers its health check afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EVENTS_PATH,
  JSON_API_CONTENT_TYPE,
  KLAVIYO_REVISION,
  METRICS_PATH,
  PROFILES_PATH,
} from '../shared/klaviyo-api.js';
import { METRICS } from '../shared/events.js';
import { MONITOR_CSV_PATH, MONITOR_PATH } from '../shared/monitor-api.js';
import { FORWARDING_DELIVERIES_PATH, FORWARDING_PATH, WEBHOOKS_PATH } from '../shared/outbound.js';
import { SEGMENTS_PATH } from '../shared/segments.js';
import { eventBody, issueTestKey } from '../hub/klaviyo/events-api-test-kit.js';
import {
  addAccount,
  api,
  handoffRequest,
  INTEGRATION_TOKEN,
  PASSWORD,
  signIn,
  startTestHub,
  type TestHub,
} from '../hub/testing/hub-fixture.js';
import { fuzzParameters } from './fuzz-settings.js';
import { expectClientFacingAnswer, expectHealthy, pathSegment, type FuzzedRequest } from './http-fuzz-kit.js';
import {
  anyValue,
  asJsonText,
  deeplyNested,
  hostileString,
  malformedJsonText,
  mutationsOf,
} from './hostile-values.js';

type AuthKind = 'integration' | 'lead' | 'klaviyo' | 'sacrificial' | 'none';

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** `:id` is replaced by `ids()` or a hostile segment. */
  path: string;
  auth: AuthKind;
  /** A body the route accepts (POST only). */
  valid?: () => unknown;
  /** Values for `:id` (valid in this hub unless `unknownIds`). */
  ids?: () => string[];
  /** `ids` name nothing in this hub: the well-formed request is answered 404. */
  unknownIds?: true;
  /** The query of a well-formed request. */
  validQuery?: string;
}

let hub: TestHub;
const secrets = { lead: '', klaviyo: '', sacrificial: '', webhookId: 'wh_none' };
let counter = 0;
const unique = (label: string) => `${label}-${++counter}`;
const CONVERSATION = 'fuzz-conversation';

const routes: Route[] = [
  { method: 'GET', path: '/api/v1/health', auth: 'none' },
  {
    method: 'POST',
    path: '/api/v1/handoffs',
    auth: 'integration',
    valid: () => handoffRequest(unique('fuzz-c')),
  },
  { method: 'GET', path: '/api/v1/handoffs/:id', auth: 'integration', ids: () => [CONVERSATION] },
  {
    method: 'DELETE',
    path: '/api/v1/handoffs/:id',
    auth: 'integration',
    ids: () => [unique('fuzz-gone')],
    unknownIds: true,
  },
  {
    method: 'POST',
    path: '/api/v1/handoffs/:id/messages',
    auth: 'integration',
    ids: () => [CONVERSATION],
    valid: () => ({ id: unique('s'), text: 'Hej igen', sentAt: '2026-01-10T09:01:00+01:00' }),
  },
  {
    method: 'POST',
    path: '/api/v1/handoffs/:id/deliveries',
    auth: 'integration',
    ids: () => [CONVERSATION],
    valid: () => ({ messageIds: ['m1'] }),
  },
  { method: 'GET', path: '/api/v1/events', auth: 'integration' },
  {
    method: 'POST',
    path: '/api/v1/sessions',
    auth: 'none',
    valid: () => ({ email: 'fuzz.agent@example.com', password: PASSWORD }),
  },
  { method: 'DELETE', path: '/api/v1/sessions', auth: 'sacrificial' },
  { method: 'GET', path: MONITOR_PATH, auth: 'lead' },
  {
    method: 'GET',
    path: MONITOR_CSV_PATH,
    auth: 'lead',
    validQuery: '?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
  },
  { method: 'GET', path: FORWARDING_PATH, auth: 'lead' },
  { method: 'GET', path: FORWARDING_DELIVERIES_PATH, auth: 'lead' },
  {
    method: 'POST',
    path: WEBHOOKS_PATH,
    auth: 'lead',
    // A closed loopback port: nothing leaves the machine even when a mutation keeps the URL valid.
    valid: () => ({ url: 'http://127.0.0.1:9/fuzz', metrics: [METRICS.handoffMissed] }),
  },
  { method: 'GET', path: WEBHOOKS_PATH, auth: 'lead' },
  { method: 'GET', path: `${WEBHOOKS_PATH}/:id`, auth: 'lead', ids: () => [secrets.webhookId] },
  { method: 'GET', path: `${WEBHOOKS_PATH}/:id/deliveries`, auth: 'lead', ids: () => [secrets.webhookId] },
  {
    method: 'DELETE',
    path: `${WEBHOOKS_PATH}/:id`,
    auth: 'lead',
    ids: () => ['wh_unknown'],
    unknownIds: true,
  },
  {
    method: 'POST',
    path: SEGMENTS_PATH,
    auth: 'lead',
    valid: () => ({
      name: unique('Fuzz'),
      conditions: [
        { kind: 'metric_count', metric: 'Placed Order', comparison: 'at_least', count: 1, withinDays: 30 },
      ],
    }),
  },
  { method: 'GET', path: SEGMENTS_PATH, auth: 'lead' },
  { method: 'GET', path: `${SEGMENTS_PATH}/:id`, auth: 'lead', ids: () => ['fuzz-1'], unknownIds: true },
  {
    method: 'GET',
    path: `${SEGMENTS_PATH}/:id/profiles`,
    auth: 'lead',
    ids: () => ['fuzz-1'],
    unknownIds: true,
  },
  {
    method: 'DELETE',
    path: `${SEGMENTS_PATH}/:id`,
    auth: 'lead',
    ids: () => ['no-such-segment'],
    unknownIds: true,
  },
  {
    method: 'POST',
    path: EVENTS_PATH,
    auth: 'klaviyo',
    valid: () =>
      eventBody({
        metric: 'Placed Order',
        profile: { email: 'fuzz.shopper@example.com' },
        properties: { total: 12 },
        uniqueId: unique('order'),
      }),
  },
  { method: 'GET', path: EVENTS_PATH, auth: 'klaviyo' },
  {
    method: 'GET',
    path: `${EVENTS_PATH}/:id`,
    auth: 'klaviyo',
    ids: () => ['unknown-event'],
    unknownIds: true,
  },
  { method: 'GET', path: METRICS_PATH, auth: 'klaviyo' },
  {
    method: 'GET',
    path: `${METRICS_PATH}/:id`,
    auth: 'klaviyo',
    ids: () => ['unknown-metric'],
    unknownIds: true,
  },
  {
    method: 'GET',
    path: `${PROFILES_PATH}/:id`,
    auth: 'klaviyo',
    ids: () => ['unknown-profile'],
    unknownIds: true,
  },
  { method: 'GET', path: '/chat', auth: 'none' },
  { method: 'GET', path: '/chat/:id', auth: 'none', ids: () => ['index.html', ''] },
];

const QUERY_KEYS = [
  'conversationId',
  'after',
  'limit',
  'filter',
  'sort',
  'page[cursor]',
  'page[size]',
  'fields[event]',
  'fields[metric]',
  'fields[profile]',
  'include',
  'from',
  'to',
  'timeZone',
  '__proto__',
  'constructor',
];

/** Header values fetch can send (printable ASCII). */
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);

const smallHostile = hostileString.filter((value) => value.length < 1000);

const queryArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...QUERY_KEYS), smallHostile),
        fc.oneof(smallHostile, fc.jsonValue().map(String)),
      ),
      {
        maxLength: 4,
      },
    )
    .map((pairs) => {
      const query = new URLSearchParams();
      for (const [key, value] of pairs) query.append(key, value.replace(/[\uD800-\uDFFF]/g, '?'));
      return `?${query.toString()}`;
    }),
  fc.constantFrom(
    '?%',
    '?a=%zz',
    '?limit=1&limit=2',
    '?after=-1',
    '?filter=equals(',
    '?page[size]=1e9',
    '?&&=&',
  ),
);

function authHeader(kind: AuthKind): Record<string, string> {
  switch (kind) {
    case 'integration':
      return { authorization: `Bearer ${INTEGRATION_TOKEN}` };
    case 'lead':
      return { authorization: `Bearer ${secrets.lead}` };
    case 'sacrificial':
      return { authorization: `Bearer ${secrets.sacrificial}` };
    case 'klaviyo':
      return { authorization: `Klaviyo-API-Key ${secrets.klaviyo}`, revision: KLAVIYO_REVISION };
    case 'none':
      return {};
  }
}

const headersArbitrary = (route: Route) =>
  fc.record({
    auth: fc.oneof(
      { weight: 6, arbitrary: fc.constant(authHeader(route.auth)) },
      fc.constant({}),
      headerText.map((value) => ({ authorization: value })),
      headerText.map((value) => ({ authorization: `Bearer ${value}` })),
      headerText.map((value) => ({ ...authHeader(route.auth), revision: value })),
    ),
    contentType: fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constant<string | undefined>(
          route.auth === 'klaviyo' ? JSON_API_CONTENT_TYPE : 'application/json',
        ),
      },
      fc.constantFrom<string | undefined>(
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/octet-stream',
        'application/json, text/plain',
        '',
      ),
      headerText,
    ),
    accept: fc.option(headerText, { nil: undefined }),
  });

function bodyArbitrary(route: Route): fc.Arbitrary<string | undefined> {
  if (route.method === 'GET') return fc.constant(undefined);
  const noise = fc.oneof(
    anyValue.map(asJsonText),
    deeplyNested.map(asJsonText),
    malformedJsonText,
    fc.constant(undefined),
  );
  if (!route.valid) return noise;
  const valid = route.valid();
  return fc.oneof(
    { weight: 5, arbitrary: mutationsOf(valid).map(asJsonText) },
    { weight: 2, arbitrary: noise },
    { weight: 1, arbitrary: fc.constant(asJsonText(valid)) },
  );
}

function pathArbitrary(route: Route): fc.Arbitrary<string> {
  const ids = route.ids?.() ?? [];
  const segment = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(ids.length > 0 ? ids : ['x'])).map(pathSegment) },
    { weight: 3, arbitrary: smallHostile.map(pathSegment) },
    fc.constantFrom('%', '%zz', '..', '.', '%2e%2e%2f', 'a%00b', '%C0%AF'),
  );
  return fc.tuple(segment, queryArbitrary).map(([id, query]) => route.path.replace(':id', id) + query);
}

function requestArbitrary(route: Route): fc.Arbitrary<FuzzedRequest> {
  return fc
    .tuple(pathArbitrary(route), headersArbitrary(route), bodyArbitrary(route))
    .map(([path, { auth, contentType, accept }, body]) => {
      const headers: Record<string, string> = { ...auth };
      if (contentType !== undefined && body !== undefined) headers['content-type'] = contentType;
      if (accept !== undefined) headers.accept = accept;
      return { method: route.method, path, headers, body };
    });
}

function validRequest(route: Route): FuzzedRequest {
  const body = route.valid ? asJsonText(route.valid()) : undefined;
  const headers: Record<string, string> = { ...authHeader(route.auth) };
  if (body !== undefined)
    headers['content-type'] = route.auth === 'klaviyo' ? JSON_API_CONTENT_TYPE : 'application/json';
  const id = route.ids?.()[0] ?? '';
  return {
    method: route.method,
    path: route.path.replace(':id', pathSegment(id)) + (route.validQuery ?? ''),
    headers,
    body,
  };
}

beforeAll(async () => {
  // A built chat page, so its static files are served (the fixture's default has none: a 503 by design).
  const chatPageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-chat-page-'));
  fs.writeFileSync(path.join(chatPageDir, 'index.html'), '<!doctype html><title>Chat</title>');
  hub = await startTestHub({
    chatPageDir,
    // Thousands of requests from one address: the limits (tested on their own) would answer 429 to the rest.
    requestRateLimit: { max: 1_000_000, windowMs: 60_000 },
    signInLimits: { perAccount: 1_000_000, perAddress: 1_000_000, windowMs: 60_000 },
    // Its webhook points at 127.0.0.1 (the SSRF guard's opt-in).
    outboundAllowPrivate: true,
  });
  await addAccount(hub, 'fuzz.lead@example.com', 'Fuzz Lead', 'lead');
  await addAccount(hub, 'fuzz.agent@example.com', 'Fuzz Agent', 'agent');
  secrets.lead = (await signIn(hub.url, 'fuzz.lead@example.com')).token;
  secrets.sacrificial = (await signIn(hub.url, 'fuzz.agent@example.com')).token;
  secrets.klaviyo = issueTestKey(hub.dataDir, 'fuzz');
  const handoff = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest(CONVERSATION) });
  if (handoff.status !== 201) throw new Error(`handoff refused: ${await handoff.text()}`);
  const webhook = await api(hub.url, WEBHOOKS_PATH, {
    body: { url: 'http://127.0.0.1:9/fuzz', metrics: [METRICS.handoffMissed] },
    token: secrets.lead,
  });
  if (webhook.status !== 201) throw new Error(`webhook refused: ${await webhook.text()}`);
  secrets.webhookId = ((await webhook.json()) as { id: string }).id;
});
afterAll(() => hub?.close());

describe('every HTTP route under fuzzed requests', () => {
  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: no 5xx, no hang, every 4xx names the problem',
    async (_name, route) => {
      const statuses: number[] = [];
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route), async (request) => {
          statuses.push(await expectClientFacingAnswer(hub.url, request));
        }),
        fuzzParameters(route.method === 'GET' ? 40 : 120),
      );
      await expectHealthy(hub.url);
      // The fuzzing reached the route's refusals, and a valid request still succeeds afterwards.
      if (route.valid) expect(statuses.some((status) => status >= 400)).toBe(true);
      if (route.auth !== 'sacrificial') {
        const status = await expectClientFacingAnswer(hub.url, validRequest(route));
        if (route.unknownIds) expect(status).toBe(404);
        else expect(status).toBeLessThan(300);
      }
    },
  );

  it('unknown routes and methods are refused by name', async () => {
    const methods = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');
    await fc.assert(
      fc.asyncProperty(methods, smallHostile, async (method, segment) => {
        await expectClientFacingAnswer(hub.url, {
          method,
          path: `/api/v1/${pathSegment(segment)}/x`,
          headers: { authorization: `Bearer ${INTEGRATION_TOKEN}` },
        });
      }),
      fuzzParameters(60),
    );
    await expectHealthy(hub.url);
  });
});
