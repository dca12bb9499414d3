// Environment: Node (hub). Channel integrations authenticate with `Authorization: Bearer <integration token>`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, hashToken } from '../auth/tokens.js';
import type { HubStore } from '../store/hub-store.js';
import { sendError } from './errors.js';

export function requireIntegrationToken(store: HubStore) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      await sendError(
        reply,
        401,
        'unauthorized',
        'Send an integration token as "Authorization: Bearer <token>".',
      );
      return;
    }
    if (!store.hasIntegrationToken(hashToken(token))) {
      await sendError(reply, 401, 'unauthorized', 'This integration token is not valid.');
    }
  };
}
