// Environment: Node (hub). Every migration, in order. Append new ones; never edit an applied one.
import type { Migration } from '../migrate.js';
import { migration001Initial } from './001_initial.js';
import { migration002TeamWorkflow } from './002_team_workflow.js';
import { migration003LogIdentityAndCompaction } from './003_log_identity_and_compaction.js';
import { migration004MonitorIndexes } from './004_monitor_indexes.js';
import { migration005KlaviyoEvents } from './005_klaviyo_events.js';
import { migration006Outbound } from './006_outbound.js';
import { migration007Segments } from './007_segments.js';
import { migration008AccountAccess } from './008_account_access.js';

export const migrations: readonly Migration[] = [
  migration001Initial,
  migration002TeamWorkflow,
  migration003LogIdentityAndCompaction,
  migration004MonitorIndexes,
  migration005KlaviyoEvents,
  migration006Outbound,
  migration007Segments,
  migration008AccountAccess,
];
