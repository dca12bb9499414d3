// Environment: Node (hub). Every events API request: `Authorization: Klaviyo-API-Key <key>` with a key the hub
// issued and has not revoked (401 otherwise), and a `revision` header that, when sent, is a revision date
// (400 otherwise).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KLAVIYO_AUTH_SCHEME, revisionSchema } from '../../shared/klaviyo-api.js';
import { hashToken } from '../auth/tokens.js';
import type { HubStore } from '../store/hub-store.js';
import { klaviyoError, sendKlaviyoErrors } from './klaviyo-errors.js';

const AUTHORIZATION = new RegExp(`^${KLAVIYO_AUTH_SCHEME}\\s+(\\S+)\\s*$`, 'i');

export function requireEventsApiKey(store: HubStore) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const key = AUTHORIZATION.exec(request.headers.authorization ?? '')?.[1];
    if (!key) {
      await sendKlaviyoErrors(reply, [
        klaviyoError(
          401,
          'not_authenticated',
          `Missing or invalid authorization scheme. Please use ${KLAVIYO_AUTH_SCHEME}.`,
          { pointer: '/data/' },
        ),
      ]);
      return;
    }
    if (!store.klaviyo.hasEventsApiKey(hashToken(key))) {
      await sendKlaviyoErrors(reply, [
        klaviyoError(401, 'authentication_failed', 'Incorrect authentication credentials.', {
          pointer: '/data/',
        }),
      ]);
      return;
    }
    const revision = request.headers.revision;
    if (revision === undefined) return;
    const parsed = revisionSchema.safeParse(revision);
    if (!parsed.success) {
      await sendKlaviyoErrors(reply, [
        klaviyoError(
          400,
          'invalid',
          `Invalid revision header "${String(revision)}": ${parsed.error.issues[0]?.message ?? 'not a revision'}.`,
          { header: 'revision' },
        ),
      ]);
    }
  };
}
