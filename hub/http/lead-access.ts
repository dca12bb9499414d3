// Environment: Node (hub). Leads' HTTP routes (monitor, segments, outbound): a console session's bearer token, 401 without a
// valid one, 403 for an agent.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../../shared/domain.js';
import type { Sessions } from '../auth/sessions.js';
import { bearerToken } from '../auth/tokens.js';
import { sendError } from './errors.js';

/** The signed-in lead, or null after the refusal was sent. `what` names what is refused to agents. */
export function leadOf(
  sessions: Sessions,
  request: FastifyRequest,
  reply: FastifyReply,
  what: string,
): Account | null {
  const token = bearerToken(request.headers.authorization);
  if (!token) {
    void sendError(
      reply,
      401,
      'unauthorized',
      'Send a console session token as "Authorization: Bearer <token>".',
    );
    return null;
  }
  const check = sessions.check(token);
  if (!check.ok) {
    const why = check.code === 'session_expired' ? 'This session expired' : 'This session does not exist';
    void sendError(reply, 401, 'unauthorized', `${why}: sign in again.`);
    return null;
  }
  if (check.account.role !== 'lead') {
    void sendError(
      reply,
      403,
      'forbidden',
      `Only a lead can ${what}; ${check.account.email} is signed in as an ${check.account.role}.`,
    );
    return null;
  }
  return check.account;
}
