// event_append: outcome events appended to the hub's event stream through the hub's own path — appendMetric
// (hub/core/events.ts: the metric's property schema checked) into SqliteHubStore.appendEvent (the metric and the
// shopper's profile looked up or created, the row inserted, one IMMEDIATE transaction committed) on a real
// SQLite file opened as the hub opens it (WAL, synchronous=FULL). The hub process's commit listeners (pushes to
// consoles, webhooks, segments) are not attached: this is the append itself.
// Baseline: plain better-sqlite3 inserts of the same rows (the same ten columns, values as the hub writes them)
// into a table of those columns, one prepared statement, on a file with the same journal_mode=WAL and
// synchronous=FULL, and the same commit granularity: one commit per event, because the hub acknowledges an
// event only once it is durable and appends each outcome in the transaction of the command that caused it.
// Both run in this process, in alternating rounds (see alternating-rates.ts); a few hundred appends each
// are discarded first as warm-up.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appendMetric } from '../../hub/core/events.js';
import { openHubConnection } from '../../hub/store/sqlite/hub-connection.js';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store.js';
import { METRICS, type MetricProperties } from '../../shared/events.js';
import { alternatingRates } from '../fixtures/alternating-rates.js';
import type { Scenario } from '../scenario.js';

/** Outcomes come from a few hundred shoppers, each with several conversations (profiles are reused). */
const SHOPPERS = 200;

interface OutcomeEvent {
  conversationId: string;
  email: string;
  time: string;
  properties: MetricProperties<typeof METRICS.handoffResolved>;
}

function outcomeEvent(sequence: number): OutcomeEvent {
  const conversationId = randomUUID();
  return {
    conversationId,
    email: `bench-shopper-${sequence % SHOPPERS}@example.com`,
    time: new Date().toISOString(),
    properties: {
      conversation_id: conversationId,
      channel: 'web_chat',
      agent_id: 'bench-agent',
      tags: ['order-status'],
      first_response_seconds: 12,
      resolution_seconds: 340,
    },
  };
}

export const eventAppendScenario: Scenario = {
  name: 'event-append',
  async run(context) {
    const hubDir = join(context.workDir, 'hub');
    const rawDir = join(context.workDir, 'raw');
    mkdirSync(rawDir, { recursive: true });
    const store = SqliteHubStore.open(hubDir);
    const raw = openHubConnection(join(rawDir, 'raw.sqlite'));
    try {
      raw.exec(`CREATE TABLE events (
        position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, metric TEXT NOT NULL, time TEXT NOT NULL,
        profile_email TEXT, profile_id TEXT, conversation_id TEXT, properties_json TEXT NOT NULL, value REAL,
        unique_id TEXT, profile_ref TEXT)`);
      const insert = raw.prepare(
        `INSERT INTO events (id, metric, time, profile_email, profile_id, conversation_id, properties_json, value,
           unique_id, profile_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      // better-sqlite3 runs a lone statement in its own (autocommit) transaction: one commit per row.
      const insertOne = raw.transaction((event: OutcomeEvent) => {
        const id = randomUUID();
        insert.run(
          id,
          METRICS.handoffResolved,
          event.time,
          event.email,
          null,
          event.conversationId,
          JSON.stringify(event.properties),
          null,
          id,
          `profile-${event.email}`,
        );
      });
      let hubSequence = 0;
      let rawSequence = 0;
      const rates = alternatingRates(
        {
          step: () => {
            const event = outcomeEvent((hubSequence += 1));
            appendMetric(
              store,
              METRICS.handoffResolved,
              { id: event.conversationId, shopper: { email: event.email } },
              event.time,
              event.properties,
            );
          },
        },
        { step: () => insertOne.immediate(outcomeEvent((rawSequence += 1))) },
        context.quick
          ? { rounds: 8, roundMs: 200, warmUpSteps: 100 }
          : { rounds: 20, roundMs: 500, warmUpSteps: 500 },
      );
      context.log(
        `hub ${rates.oursSteps} events (${rates.oursPerSecond.toFixed(0)}/s), ` +
          `raw ${rates.bareSteps} rows (${rates.barePerSecond.toFixed(0)}/s)`,
      );
      return {
        event_append: {
          hub_events_per_s: Math.round(rates.oursPerSecond),
          raw_sqlite_rows_per_s: Math.round(rates.barePerSecond),
          ratio: Number((rates.oursPerSecond / rates.barePerSecond).toFixed(3)),
        },
      };
    } finally {
      store.close();
      raw.close();
    }
  },
};
