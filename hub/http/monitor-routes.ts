// Environment: Node (hub). The lead's monitor for tools (shared/monitor-api.ts): the figures as JSON and a
// period's conversations as CSV, with a console session's bearer token, for leads only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../../shared/domain.js';
import { MONITOR_CSV_PATH, MONITOR_PATH, monitorCsvQuerySchema } from '../../shared/monitor-api.js';
import type { Sessions } from '../auth/sessions.js';
import { bearerToken } from '../auth/tokens.js';
import type { MonitorService } from '../monitor/monitor-service.js';
import { invalidRequest, issuesOf, sendError } from './errors.js';

/** The signed-in lead, or null after the refusal (401 or 403) was sent. */
function leadOf(sessions: Sessions, request: FastifyRequest, reply: FastifyReply): Account | null {
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
      `Only a lead can read the queue monitor; ${check.account.email} is signed in as an ${check.account.role}.`,
    );
    return null;
  }
  return check.account;
}

export function registerMonitorRoutes(
  app: FastifyInstance,
  sessions: Sessions,
  monitor: MonitorService,
): void {
  app.get(MONITOR_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply)) return reply;
    return monitor.snapshot();
  });

  app.get(MONITOR_CSV_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply)) return reply;
    const query = monitorCsvQuerySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send(invalidRequest(issuesOf(query.error)));
    const { fileName, csv } = monitor.exportCsv(query.data);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(csv);
  });
}
