// Environment: Node (hub). Every event of the stream belongs to a metric (a row of `metrics`, created on first
// use) and, when the shopper is known, to a profile (a row of `profiles`). Used by the live store and by
// migration 005's backfill, so that old and new events are attributed alike.
import type Database from 'better-sqlite3';
import { newMetricId, newProfileId } from '../../klaviyo/ids.js';
import type { MetricIntegration } from '../klaviyo-store.js';
import { statementsOf } from './statement-cache.js';

const MAX_ID_ATTEMPTS = 20;

/** The metric's id, inserting the metric if its name is new. */
export function ensureMetric(
  db: Database.Database,
  name: string,
  integration: MetricIntegration,
  at: string,
): string {
  const existing = statementsOf(db).prepare('SELECT id FROM metrics WHERE name = ?').get(name) as
    { id: string } | undefined;
  if (existing) return existing.id;
  const taken = statementsOf(db).prepare('SELECT 1 FROM metrics WHERE id = ?');
  // 62^6 ids: a collision is rare, and the loop is bounded.
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt += 1) {
    const id = newMetricId();
    if (taken.get(id) !== undefined) continue;
    statementsOf(db)
      .prepare('INSERT INTO metrics (id, name, integration, created, updated) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, integration, at, at);
    return id;
  }
  throw new Error(`hub store: no free metric id after ${MAX_ID_ATTEMPTS} attempts`);
}

/**
 * The profile an event the hub records belongs to: the one with the shopper's Klaviyo profile ID, else the one
 * with their email (any case), else a new one (with the profile ID as its id when the handoff gave one).
 * null for an anonymous shopper.
 */
export function profileRefForShopper(
  db: Database.Database,
  shopper: { email: string | null; profileId: string | null },
  at: string,
): string | null {
  const { email, profileId } = shopper;
  if (!email && !profileId) return null;
  const byEmail = (candidate: string) =>
    statementsOf(db).prepare('SELECT id FROM profiles WHERE email = ?').get(candidate) as
      { id: string } | undefined;
  if (profileId) {
    const byId = statementsOf(db).prepare('SELECT id, email FROM profiles WHERE id = ?').get(profileId) as
      { id: string; email: string | null } | undefined;
    if (byId) {
      // The profile learns the shopper's email unless another profile already has it.
      if (email && byId.email === null && !byEmail(email)) {
        statementsOf(db)
          .prepare('UPDATE profiles SET email = ?, updated = ? WHERE id = ?')
          .run(email, at, byId.id);
      }
      return byId.id;
    }
  }
  if (email) {
    const existing = byEmail(email);
    if (existing) return existing.id;
  }
  const id = profileId ?? newProfileId(Date.parse(at));
  statementsOf(db)
    .prepare('INSERT INTO profiles (id, email, created, updated) VALUES (?, ?, ?, ?)')
    .run(id, email || null, at, at);
  return id;
}
