// Environment: Node (hub). The leads' HTTP routes for forwarding and webhooks (shared/outbound.ts): every
// body, query and path parameter parsed with zod, a 400 naming each problem.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createWebhookRequestSchema,
  deliveriesQuerySchema,
  FORWARDING_DELIVERIES_PATH,
  FORWARDING_PATH,
  WEBHOOKS_PATH,
  webhookIdSchema,
} from '../../shared/outbound.js';
import type { Sessions } from '../auth/sessions.js';
import { invalidRequest, issuesOf, sendError } from '../http/errors.js';
import { leadOf } from '../http/lead-access.js';
import { OutboundUrlError } from './outbound-address-policy.js';
import { WebhookLimitError, type OutboundService } from './outbound-service.js';

const webhookParamsSchema = z.strictObject({ id: webhookIdSchema });

export function registerOutboundRoutes(
  app: FastifyInstance,
  sessions: Sessions,
  outbound: OutboundService,
): void {
  app.get(FORWARDING_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'see forwarding')) return reply;
    return outbound.forwardingState();
  });

  app.get(FORWARDING_DELIVERIES_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'see forwarding')) return reply;
    const query = deliveriesQuerySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send(invalidRequest(issuesOf(query.error)));
    return outbound.forwardingDeliveries(query.data) ?? { deliveries: [], nextBefore: null };
  });

  app.post(WEBHOOKS_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'manage webhooks')) return reply;
    const body = createWebhookRequestSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send(invalidRequest(issuesOf(body.error)));
    try {
      return reply.code(201).send(await outbound.createWebhook(body.data));
    } catch (error) {
      if (error instanceof OutboundUrlError) {
        return reply.code(400).send(invalidRequest([{ path: 'url', message: error.message }]));
      }
      if (!(error instanceof WebhookLimitError)) throw error;
      return reply.code(400).send(invalidRequest([{ path: '(body)', message: error.message }]));
    }
  });

  app.get(WEBHOOKS_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'manage webhooks')) return reply;
    return { webhooks: outbound.listWebhooks() };
  });

  app.get(`${WEBHOOKS_PATH}/:id`, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'manage webhooks')) return reply;
    const params = webhookParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    return outbound.getWebhook(params.data.id) ?? notFound(reply, params.data.id);
  });

  app.delete(`${WEBHOOKS_PATH}/:id`, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'manage webhooks')) return reply;
    const params = webhookParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    if (!(await outbound.deleteWebhook(params.data.id))) return notFound(reply, params.data.id);
    return reply.code(204).send();
  });

  app.get(`${WEBHOOKS_PATH}/:id/deliveries`, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'manage webhooks')) return reply;
    const params = webhookParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidRequest(issuesOf(params.error)));
    const query = deliveriesQuerySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send(invalidRequest(issuesOf(query.error)));
    return outbound.webhookDeliveries(params.data.id, query.data) ?? notFound(reply, params.data.id);
  });
}

function notFound(reply: Parameters<typeof sendError>[0], id: string) {
  return sendError(reply, 404, 'not_found', `No webhook subscription ${id}.`);
}
