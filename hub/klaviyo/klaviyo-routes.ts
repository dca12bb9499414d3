// Environment: Node (hub). The Klaviyo-compatible events API (shared/klaviyo-api.ts): its own scope, with
// Klaviyo's error shape, JSON:API bodies and `Klaviyo-API-Key` authorisation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  EVENTS_PATH,
  JSON_API_CONTENT_TYPE,
  MAX_EVENT_BODY_BYTES,
  METRICS_PATH,
  PROFILES_PATH,
  type EventResource,
  type MetricResource,
  type ProfileResource,
} from '../../shared/klaviyo-api.js';
import type { Clock } from '../core/clock.js';
import type { EventKey, EventsQuery, KlaviyoEventRecord, MetricRecord } from '../store/klaviyo-store.js';
import type { HubStore } from '../store/hub-store.js';
import { requireEventsApiKey } from './api-key-auth.js';
import { createEvent } from './create-event.js';
import { FilterError, parseEventFilter, parseFilter } from './event-filter.js';
import { klaviyoError, klaviyoErrorHandler, sendKlaviyoErrors } from './klaviyo-errors.js';
import {
  decodeCursor,
  decodeMetricsCursor,
  encodeCursor,
  encodeMetricsCursor,
  type EventsSort,
} from './page-cursor.js';
import { QueryParamError, QueryParams } from './query-params.js';
import { eventResource, metricResource, profileResource, withFields } from './resources.js';

const EVENT_FIELDS = ['timestamp', 'event_properties', 'datetime', 'uuid'] as const;
const METRIC_FIELDS = ['name', 'created', 'updated', 'integration'] as const;
const PROFILE_FIELDS = [
  'email',
  'phone_number',
  'external_id',
  'first_name',
  'last_name',
  'organization',
  'locale',
  'title',
  'image',
  'created',
  'updated',
  'last_event_date',
  'location',
  'properties',
] as const;
const SORTS: readonly EventsSort[] = ['datetime', '-datetime', 'timestamp', '-timestamp'];
const EVENT_INCLUDES = ['metric', 'profile'] as const;
/** Metrics are few; a filtered list reads at most this many. */
const MAX_METRICS_READ = 10_000;

/** The hub's own address as the client reached it: links are absolute, as Klaviyo's are. */
function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The request's own URL with `page[cursor]` set to `cursor`. */
function pageLink(request: FastifyRequest, cursor: string): string {
  const url = new URL(request.url, baseUrl(request));
  url.searchParams.set('page[cursor]', cursor);
  return url.toString();
}

function send(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type(JSON_API_CONTENT_TYPE).send(body);
}

function notFound(reply: FastifyReply, kind: string, id: string): FastifyReply {
  return sendKlaviyoErrors(reply, [
    klaviyoError(404, 'not_found', `A ${kind} with id ${JSON.stringify(id)} does not exist.`, {
      parameter: 'id',
    }),
  ]);
}

/** Handles the query errors every GET may raise. */
function withQueryErrors(
  handler: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await handler(request, reply);
    } catch (error) {
      if (error instanceof QueryParamError) return sendKlaviyoErrors(reply, [error.toKlaviyoError()]);
      if (error instanceof FilterError) {
        return sendKlaviyoErrors(reply, [
          klaviyoError(400, 'invalid', error.message, { parameter: 'filter' }),
        ]);
      }
      throw error;
    }
  };
}

function keyOf(event: KlaviyoEventRecord): EventKey {
  return { time: event.time, position: event.position };
}

export async function registerKlaviyoRoutes(
  app: FastifyInstance,
  store: HubStore,
  clock: Clock,
): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler(klaviyoErrorHandler);
    // Klaviyo's documentation sends JSON:API's media type; plain application/json works too.
    scope.addContentTypeParser(
      JSON_API_CONTENT_TYPE,
      { parseAs: 'string', bodyLimit: MAX_EVENT_BODY_BYTES },
      scope.getDefaultJsonParser('error', 'ignore'),
    );
    scope.addHook('onRequest', requireEventsApiKey(store));

    const included = (
      events: KlaviyoEventRecord[],
      include: string[] | undefined,
      base: string,
      fields: {
        metric?: string[];
        profile?: string[];
      },
    ) => {
      if (!include) return undefined;
      const resources = new Map<string, MetricResource | ProfileResource>();
      for (const event of events) {
        if (include.includes('metric') && !resources.has(`metric:${event.metricId}`)) {
          const metric = store.klaviyo.getMetric(event.metricId);
          if (metric)
            resources.set(`metric:${metric.id}`, withFields(metricResource(metric, base), fields.metric));
        }
        if (
          include.includes('profile') &&
          event.profileRef &&
          !resources.has(`profile:${event.profileRef}`)
        ) {
          const profile = store.klaviyo.getProfile(event.profileRef);
          if (profile) {
            resources.set(
              `profile:${profile.id}`,
              withFields(profileResource(profile, base), fields.profile),
            );
          }
        }
      }
      return [...resources.values()];
    };

    const eventOptions = (params: QueryParams) => ({
      include: params.list('include', EVENT_INCLUDES),
      eventFields: params.list('fields[event]', EVENT_FIELDS),
      metricFields: params.list('fields[metric]', METRIC_FIELDS),
      profileFields: params.list('fields[profile]', PROFILE_FIELDS),
    });

    const createEventHandler = async (request: FastifyRequest, reply: FastifyReply) => {
      const outcome = createEvent(store, request.body, clock());
      if (outcome.kind === 'invalid') return sendKlaviyoErrors(reply, outcome.errors);
      // A duplicate is accepted too: Klaviyo answers 202 and keeps the first event.
      return reply.code(202).send();
    };

    const listEventsHandler = withQueryErrors((request, reply) => {
      const params = new QueryParams(request.query, [
        'filter',
        'sort',
        'page[cursor]',
        'page[size]',
        'include',
        'fields[event]',
        'fields[metric]',
        'fields[profile]',
      ]);
      const options = eventOptions(params);
      const sortParam = params.get('sort') ?? 'datetime';
      if (!SORTS.includes(sortParam as EventsSort)) {
        throw new QueryParamError('sort', `'${sortParam}' is not a valid sort. Valid: ${SORTS.join(', ')}.`);
      }
      const sort = sortParam as EventsSort;
      const limit = params.pageSize();
      const filter = params.get('filter') === undefined ? null : parseEventFilter(params.get('filter') ?? '');
      const cursorToken = params.get('page[cursor]');
      const cursor = cursorToken === undefined ? null : decodeCursor(cursorToken);
      if (cursorToken !== undefined && (cursor === null || cursor.sort !== sort)) {
        throw new QueryParamError(
          'page[cursor]',
          cursor === null
            ? 'page[cursor] is not a cursor from this API: follow links.next or links.prev.'
            : `page[cursor] was made for sort=${cursor.sort}, not sort=${sort}.`,
        );
      }
      const base = baseUrl(request);
      const self = new URL(request.url, base).toString();

      // Filters on metric and profile ids: one of each at most can match (AND of equals).
      const metricIds = [...new Set(filter?.metricIds ?? [])];
      const profileIds = [...new Set(filter?.profileIds ?? [])];
      const metric: MetricRecord | null | undefined =
        metricIds.length === 0
          ? undefined
          : metricIds.length === 1
            ? store.klaviyo.getMetric(metricIds[0]!)
            : null;
      const matchesNothing = metric === null || profileIds.length > 1;
      if (matchesNothing) return send(reply, { data: [], links: { self, next: null, prev: null } });

      const query: Omit<EventsQuery, 'limit'> = {
        ...(metric ? { metricName: metric.name } : {}),
        ...(profileIds[0] !== undefined ? { profileRef: profileIds[0] } : {}),
        timeBounds: filter?.timeBounds ?? [],
        order: sort.startsWith('-') ? 'desc' : 'asc',
      };
      const events =
        cursor?.towards === 'prev'
          ? store.klaviyo.queryEvents({ ...query, before: cursor, limit }).reverse()
          : store.klaviyo.queryEvents({ ...query, ...(cursor ? { after: cursor } : {}), limit });
      const first = events.at(0);
      const last = events.at(-1);
      const hasPrev =
        first !== undefined &&
        store.klaviyo.queryEvents({ ...query, before: keyOf(first), limit: 1 }).length > 0;
      const hasNext =
        last !== undefined &&
        store.klaviyo.queryEvents({ ...query, after: keyOf(last), limit: 1 }).length > 0;
      const data: EventResource[] = events.map((event) =>
        withFields(eventResource(event, base), options.eventFields),
      );
      const includedResources = included(events, options.include, base, {
        metric: options.metricFields,
        profile: options.profileFields,
      });
      return send(reply, {
        data,
        ...(includedResources ? { included: includedResources } : {}),
        links: {
          self,
          next:
            hasNext && last
              ? pageLink(request, encodeCursor({ sort, towards: 'next', ...keyOf(last) }))
              : null,
          prev:
            hasPrev && first
              ? pageLink(request, encodeCursor({ sort, towards: 'prev', ...keyOf(first) }))
              : null,
        },
      });
    });

    const getEventHandler = withQueryErrors((request, reply) => {
      const params = new QueryParams(request.query, [
        'include',
        'fields[event]',
        'fields[metric]',
        'fields[profile]',
      ]);
      const options = eventOptions(params);
      const { id } = request.params as { id: string };
      const event = store.klaviyo.getEvent(id);
      if (!event) return notFound(reply, 'event', id);
      const base = baseUrl(request);
      const includedResources = included([event], options.include, base, {
        metric: options.metricFields,
        profile: options.profileFields,
      });
      return send(reply, {
        data: withFields(eventResource(event, base), options.eventFields),
        ...(includedResources ? { included: includedResources } : {}),
        links: { self: new URL(request.url, base).toString() },
      });
    });

    const listMetricsHandler = withQueryErrors((request, reply) => {
      const params = new QueryParams(request.query, ['filter', 'page[cursor]', 'fields[metric]']);
      const fields = params.list('fields[metric]', METRIC_FIELDS);
      const conditions = metricConditions(params.get('filter'));
      const cursorToken = params.get('page[cursor]');
      const afterId = cursorToken === undefined ? undefined : decodeMetricsCursor(cursorToken);
      if (afterId === null) {
        throw new QueryParamError(
          'page[cursor]',
          'page[cursor] is not a cursor from this API: follow links.next.',
        );
      }
      const base = baseUrl(request);
      const matching = store.klaviyo
        .listMetrics({ ...(afterId ? { afterId } : {}), limit: MAX_METRICS_READ })
        .map((metric) => metricResource(metric, base))
        .filter((resource) =>
          conditions.every(({ field, value }) => resource.attributes.integration[field] === value),
        );
      const page = matching.slice(0, 200);
      const last = page.at(-1);
      return send(reply, {
        data: page.map((resource) => withFields(resource, fields)),
        links: {
          self: new URL(request.url, base).toString(),
          next:
            matching.length > page.length && last ? pageLink(request, encodeMetricsCursor(last.id)) : null,
          prev: null,
        },
      });
    });

    const getMetricHandler = withQueryErrors((request, reply) => {
      const fields = new QueryParams(request.query, ['fields[metric]']).list('fields[metric]', METRIC_FIELDS);
      const { id } = request.params as { id: string };
      const metric = store.klaviyo.getMetric(id);
      if (!metric) return notFound(reply, 'metric', id);
      const base = baseUrl(request);
      return send(reply, {
        data: withFields(metricResource(metric, base), fields),
        links: { self: new URL(request.url, base).toString() },
      });
    });

    const getProfileHandler = withQueryErrors((request, reply) => {
      const fields = new QueryParams(request.query, ['fields[profile]']).list(
        'fields[profile]',
        PROFILE_FIELDS,
      );
      const { id } = request.params as { id: string };
      const profile = store.klaviyo.getProfile(id);
      if (!profile) return notFound(reply, 'profile', id);
      const base = baseUrl(request);
      return send(reply, {
        data: withFields(profileResource(profile, base), fields),
        links: { self: new URL(request.url, base).toString() },
      });
    });

    // Klaviyo's paths end with a slash in its links; both forms are served.
    for (const suffix of ['', '/']) {
      scope.post(`${EVENTS_PATH}${suffix}`, { bodyLimit: MAX_EVENT_BODY_BYTES }, createEventHandler);
      scope.get(`${EVENTS_PATH}${suffix}`, listEventsHandler);
      scope.get(`${EVENTS_PATH}/:id${suffix}`, getEventHandler);
      scope.get(`${METRICS_PATH}${suffix}`, listMetricsHandler);
      scope.get(`${METRICS_PATH}/:id${suffix}`, getMetricHandler);
      scope.get(`${PROFILES_PATH}/:id${suffix}`, getProfileHandler);
    }
  });
}

/** GET /api/metrics' filter: equals(integration.name,"…") and equals(integration.category,"…"). */
function metricConditions(filter: string | undefined): { field: 'name' | 'category'; value: string }[] {
  if (filter === undefined) return [];
  const conditions: { field: 'name' | 'category'; value: string }[] = [];
  const unsupported: string[] = [];
  const visit = (expression: ReturnType<typeof parseFilter>[number]) => {
    if (expression.kind === 'call' && expression.op === 'and') {
      expression.args.forEach(visit);
      return;
    }
    const [field, value, ...extra] = expression.kind === 'call' ? expression.args : [];
    if (
      expression.kind === 'call' &&
      expression.op === 'equals' &&
      field?.kind === 'bare' &&
      (field.value === 'integration.name' || field.value === 'integration.category') &&
      value?.kind === 'string' &&
      extra.length === 0
    ) {
      conditions.push({
        field: field.value === 'integration.name' ? 'name' : 'category',
        value: value.value,
      });
      return;
    }
    unsupported.push(expression.text);
  };
  parseFilter(filter).forEach(visit);
  if (unsupported.length > 0) {
    throw new FilterError(
      `Unsupported filter: ${unsupported.join(', ')}. Supported: equals(integration.name,"…"), equals(integration.category,"…").`,
    );
  }
  return conditions;
}
