// Environment: Node (hub). Issue 5: indexes for the lead's monitor, so that each recomputation reads index
// ranges (today, the last 24 hours, the queue) instead of scanning the event stream or every conversation.
import type { Migration } from '../migrate.js';

export const migration004MonitorIndexes: Migration = {
  version: 4,
  name: 'monitor_indexes',
  up(db) {
    db.exec(`
      -- A metric's events in a time range (handoffs today, resolutions per hour, the queue's history).
      CREATE INDEX events_by_metric_time ON events(metric, time);
      -- First responses given in a time range.
      CREATE INDEX conversations_by_first_response ON conversations(first_response_at)
        WHERE first_response_at IS NOT NULL;
      -- The conversations still waiting for a first reply: the SLA list.
      CREATE INDEX conversations_awaiting_first_response ON conversations(escalated_at)
        WHERE escalated_at IS NOT NULL AND first_response_at IS NULL AND status NOT IN ('with_ai', 'resolved');
      -- The CSV export: conversations handed off in a period.
      CREATE INDEX conversations_by_escalation ON conversations(escalated_at) WHERE escalated_at IS NOT NULL;
    `);
  },
};
