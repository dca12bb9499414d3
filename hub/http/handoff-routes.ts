// Environment: Node (hub). The handoff API for AI-agent integrations (shared/handoff-api.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  API_PREFIX,
  createHandoffRequestSchema,
  deliveryReceiptRequestSchema,
  eventsQuerySchema,
  shopperMessageRequestSchema,
} from '../../shared/handoff-api.js';
import { isoAt, type Clock } from '../core/clock.js';
import { eraseConversation } from '../core/erasure.js';
import type { HandoffRules } from '../core/handoff-rules.js';
import {
  appendShopperMessage,
  confirmDeliveries,
  createHandoff,
  duplicateTranscriptIds,
  handoffView,
} from '../core/handoffs.js';
import type { HubStore } from '../store/hub-store.js';
import { invalidRequest, issuesOf, sendError } from './errors.js';
import { requireIntegrationToken } from './integration-auth.js';

const conversationParamsSchema = z.strictObject({ conversationId: z.string().min(1).max(200) });

export function registerHandoffRoutes(
  app: FastifyInstance,
  store: HubStore,
  clock: Clock,
  rules: HandoffRules,
): void {
  const onRequest = requireIntegrationToken(store);
  const notFound = (conversationId: string) => `No handoff with conversationId ${conversationId}.`;

  app.post(`${API_PREFIX}/handoffs`, { onRequest }, async (request, reply) => {
    const parsed = createHandoffRequestSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(invalidRequest(issuesOf(parsed.error)));
    const duplicates = duplicateTranscriptIds(parsed.data.transcript);
    if (duplicates.length > 0) {
      return reply.code(400).send(
        invalidRequest(
          duplicates.map(({ index, id }) => ({
            path: `transcript.${index}.id`,
            message: `duplicate message id ${id}`,
          })),
        ),
      );
    }
    const { created, view } = createHandoff(store, parsed.data, isoAt(clock()), rules);
    return reply.code(created ? 201 : 200).send(view);
  });

  app.get(`${API_PREFIX}/handoffs/:conversationId`, { onRequest }, async (request, reply) => {
    const params = conversationParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    const view = handoffView(store, params.data.conversationId);
    if (!view) return sendError(reply, 404, 'not_found', notFound(params.data.conversationId));
    return view;
  });

  // The shop's data-erasure request (see core/erasure.ts): 204, and consoles get a `deleted` change.
  app.delete(`${API_PREFIX}/handoffs/:conversationId`, { onRequest }, async (request, reply) => {
    const params = conversationParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    if (!eraseConversation(store, params.data.conversationId)) {
      return sendError(reply, 404, 'not_found', notFound(params.data.conversationId));
    }
    return reply.code(204).send();
  });

  app.post(`${API_PREFIX}/handoffs/:conversationId/messages`, { onRequest }, async (request, reply) => {
    const params = conversationParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    const body = shopperMessageRequestSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send(invalidRequest(issuesOf(body.error)));
    const outcome = appendShopperMessage(store, params.data.conversationId, body.data, isoAt(clock()));
    if (outcome.kind === 'not_found') {
      return sendError(reply, 404, 'not_found', notFound(params.data.conversationId));
    }
    if (outcome.kind === 'id_taken') {
      return sendError(
        reply,
        409,
        'id_taken',
        `Message id ${body.data.id} is already used in this conversation.`,
      );
    }
    return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.message);
  });

  app.post(`${API_PREFIX}/handoffs/:conversationId/deliveries`, { onRequest }, async (request, reply) => {
    const params = conversationParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    const body = deliveryReceiptRequestSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send(invalidRequest(issuesOf(body.error)));
    const delivered = confirmDeliveries(store, params.data.conversationId, body.data.messageIds);
    if (delivered === null) return sendError(reply, 404, 'not_found', notFound(params.data.conversationId));
    return { delivered: delivered.map((message) => message.id) };
  });

  app.get(`${API_PREFIX}/events`, { onRequest }, async (request, reply) => {
    const query = eventsQuerySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send(invalidRequest(issuesOf(query.error)));
    return { events: store.listEvents(query.data) };
  });
}
