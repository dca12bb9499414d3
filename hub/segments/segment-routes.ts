// Environment: Node (hub). Segments over HTTP (shared/segments.ts), for leads: a console session's bearer token
// (401 without a valid one, 403 for an agent); bodies, queries and path parameters parsed with zod, a 400
// naming each problem.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  SEGMENTS_PATH,
  segmentDefinitionSchema,
  segmentIdSchema,
  type segmentMembersPageSchema,
} from '../../shared/segments.js';
import type { Sessions } from '../auth/sessions.js';
import { invalidRequest, issuesOf, sendError } from '../http/errors.js';
import { leadOf } from '../http/lead-access.js';
import { decodeMembersCursor, encodeMembersCursor } from './members-cursor.js';
import { SegmentLimitError, type SegmentEngine } from './segment-engine.js';

export const DEFAULT_MEMBERS_PAGE_SIZE = 50;
export const MAX_MEMBERS_PAGE_SIZE = 500;

const segmentParamsSchema = z.strictObject({ id: segmentIdSchema });
const membersQuerySchema = z.strictObject({
  'page[cursor]': z.string().min(1).max(500).optional(),
  'page[size]': z.coerce.number().int().min(1).max(MAX_MEMBERS_PAGE_SIZE).default(DEFAULT_MEMBERS_PAGE_SIZE),
});

export function registerSegmentRoutes(
  app: FastifyInstance,
  sessions: Sessions,
  segments: SegmentEngine,
): void {
  app.post(SEGMENTS_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'define segments')) return reply;
    const body = segmentDefinitionSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send(invalidRequest(issuesOf(body.error)));
    try {
      return reply.code(201).send(segments.create(body.data));
    } catch (error) {
      if (!(error instanceof SegmentLimitError)) throw error;
      return reply.code(400).send(invalidRequest([{ path: '(body)', message: error.message }]));
    }
  });

  app.get(SEGMENTS_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'read segments')) return reply;
    return { segments: segments.list() };
  });

  app.get(`${SEGMENTS_PATH}/:id`, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'read segments')) return reply;
    const params = segmentParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    return segments.get(params.data.id) ?? notFound(reply, params.data.id);
  });

  app.get(`${SEGMENTS_PATH}/:id/profiles`, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'read segments')) return reply;
    const params = segmentParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    const query = membersQuerySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send(invalidRequest(issuesOf(query.error)));
    if (!segments.get(params.data.id)) return notFound(reply, params.data.id);
    const token = query.data['page[cursor]'];
    const after = token === undefined ? null : decodeMembersCursor(token);
    if (token !== undefined && after === null) {
      return reply
        .code(400)
        .send(invalidRequest([{ path: 'page[cursor]', message: 'not a cursor from a previous page' }]));
    }
    const size = query.data['page[size]'];
    // One more than the page: whether there is a next page, without a count.
    const rows = segments.membersPage(params.data.id, after, size + 1);
    const members = rows.slice(0, size);
    const last = members.at(-1);
    const next =
      rows.length > size && last
        ? nextPageUrl(request, encodeMembersCursor({ since: last.since, profileId: last.profileId }), size)
        : null;
    return { members, next } satisfies z.infer<typeof segmentMembersPageSchema>;
  });

  app.delete(`${SEGMENTS_PATH}/:id`, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'delete segments')) return reply;
    const params = segmentParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    const outcome = segments.delete(params.data.id);
    if (outcome === 'not_found') return notFound(reply, params.data.id);
    if (outcome === 'built_in') {
      return sendError(
        reply,
        403,
        'forbidden',
        `${params.data.id} is a built-in segment: it cannot be deleted.`,
      );
    }
    return reply.code(204).send();
  });
}

/** Absolute, from the address the client used. */
function nextPageUrl(request: FastifyRequest, cursor: string, size: number): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.set('page[cursor]', cursor);
  url.searchParams.set('page[size]', String(size));
  return url.toString();
}

function notFound(reply: FastifyReply, id: string) {
  return sendError(reply, 404, 'not_found', `No segment ${id}.`);
}
