// Environment: Node (hub). The lead's monitor for tools (shared/monitor-api.ts): the figures as JSON and a
// period's conversations as CSV, with a console session's bearer token, for leads only.
import type { FastifyInstance } from 'fastify';
import { MONITOR_CSV_PATH, MONITOR_PATH, monitorCsvQuerySchema } from '../../shared/monitor-api.js';
import type { Sessions } from '../auth/sessions.js';
import type { MonitorService } from '../monitor/monitor-service.js';
import { invalidRequest, issuesOf } from './errors.js';
import { leadOf } from './lead-access.js';

export function registerMonitorRoutes(
  app: FastifyInstance,
  sessions: Sessions,
  monitor: MonitorService,
): void {
  app.get(MONITOR_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'read the queue monitor')) return reply;
    return monitor.snapshot();
  });

  app.get(MONITOR_CSV_PATH, async (request, reply) => {
    if (!leadOf(sessions, request, reply, 'read the queue monitor')) return reply;
    const query = monitorCsvQuerySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send(invalidRequest(issuesOf(query.error)));
    const { fileName, csv } = monitor.exportCsv(query.data);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(csv);
  });
}
