// Environment: Node (hub). Console sign-in and sign-out.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, signInRequestSchema, type SignInResponse } from '../../shared/handoff-api.js';
import { checkCredentials } from '../auth/accounts.js';
import type { Sessions } from '../auth/sessions.js';
import type { SignInLimiter } from '../auth/sign-in-limiter.js';
import { bearerToken } from '../auth/tokens.js';
import type { HubStore } from '../store/hub-store.js';
import { invalidRequest, issuesOf, sendError } from './errors.js';

export function registerSessionRoutes(
  app: FastifyInstance,
  store: HubStore,
  sessions: Sessions,
  limiter: SignInLimiter,
): void {
  app.post(`${API_PREFIX}/sessions`, async (request, reply) => {
    const parsed = signInRequestSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(invalidRequest(issuesOf(parsed.error)));
    const { email, password } = parsed.data;
    const gate = limiter.gate(email, request.ip);
    if (!gate.allowed) {
      reply.header('retry-after', String(gate.retryAfterSeconds));
      return sendError(
        reply,
        429,
        'too_many_sign_in_attempts',
        `Too many failed sign-ins for this ${gate.by === 'account' ? 'account' : 'address'}: ` +
          `try again in ${gate.retryAfterSeconds} seconds.`,
      );
    }
    const account = await checkCredentials(store, email, password);
    // One message for an unknown email and a wrong password: a sign-in form must not reveal who has an account.
    if (!account) {
      limiter.recordFailure(email, request.ip);
      return sendError(reply, 401, 'bad_credentials', 'Wrong email or password.');
    }
    if (account === 'disabled') {
      return sendError(reply, 403, 'account_disabled', 'This account is disabled: ask a lead to enable it.');
    }
    limiter.recordSuccess(email);
    const { token, expiresAt } = sessions.start(account);
    return reply.code(201).send({ token, expiresAt, account } satisfies SignInResponse);
  });

  app.delete(`${API_PREFIX}/sessions`, async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    if (!token)
      return sendError(
        reply,
        401,
        'unauthorized',
        'Send the session token as "Authorization: Bearer <token>".',
      );
    const check = sessions.check(token);
    if (!check.ok && check.code === 'unauthorized') {
      return sendError(reply, 401, 'unauthorized', 'This session does not exist.');
    }
    sessions.end(token);
    return reply.code(204).send();
  });
}
