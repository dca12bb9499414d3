// Environment: Node (hub). What the Klaviyo-compatible events API (hub/klaviyo) reads and writes besides the
// event stream itself: metrics, profiles, events with their Klaviyo fields, and the events API keys.
// Times are the hub's ISO strings (UTC, milliseconds).

/** Who created a metric: a client of POST /api/events, or the hub itself. */
export type MetricIntegration = 'api' | 'handoff_desk';

export interface MetricRecord {
  id: string;
  name: string;
  integration: MetricIntegration;
  created: string;
  updated: string;
}

export interface ProfileLocation {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  country?: string | null;
  latitude?: number | string | null;
  longitude?: number | string | null;
  region?: string | null;
  zip?: string | null;
  timezone?: string | null;
  ip?: string | null;
}

/** A profile's attributes other than its identifiers. */
export interface ProfileAttributes {
  first_name?: string | null;
  last_name?: string | null;
  organization?: string | null;
  title?: string | null;
  image?: string | null;
  locale?: string | null;
  location?: ProfileLocation | null;
  properties?: Record<string, unknown>;
}

export interface ProfileRecord {
  id: string;
  email: string | null;
  phoneNumber: string | null;
  externalId: string | null;
  attributes: ProfileAttributes;
  created: string;
  updated: string;
  /** The time of the profile's latest event, if any. */
  lastEventDate: string | null;
}

export interface ProfileIdentifiers {
  id?: string | null;
  email?: string | null;
  phoneNumber?: string | null;
  externalId?: string | null;
}

/** One event of the stream with what the Klaviyo API shows of it. */
export interface KlaviyoEventRecord {
  position: number;
  id: string;
  metric: string;
  metricId: string;
  time: string;
  value: number | null;
  uniqueId: string | null;
  /** The profile it belongs to; null for an anonymous shopper's event. */
  profileRef: string | null;
  properties: Record<string, unknown>;
}

/** A place in the (time, position) order of events. */
export interface EventKey {
  time: string;
  position: number;
}

export interface TimeBound {
  op: '>' | '>=' | '<' | '<=';
  time: string;
}

export interface EventsQuery {
  metricName?: string;
  profileRef?: string;
  timeBounds: TimeBound[];
  /** asc: oldest first. */
  order: 'asc' | 'desc';
  /** Only events strictly after (`after`) or strictly before (`before`) this key in `order`. */
  after?: EventKey;
  before?: EventKey;
  limit: number;
}

export interface KlaviyoStore {
  getMetric(id: string): MetricRecord | null;
  findMetricByName(name: string): MetricRecord | null;
  /** Inserts the metric if its name is new (with this integration); returns it either way. */
  ensureMetric(name: string, integration: MetricIntegration, at: string): MetricRecord;
  /** Metrics by id, after `afterId`. */
  listMetrics(options: { afterId?: string; limit: number }): MetricRecord[];

  getProfile(id: string): ProfileRecord | null;
  /**
   * Finds the profile by id, email, phone number or external id (in that order; the first found wins) and
   * merges the rest into it, or creates one. An identifier another profile already holds is left there.
   */
  upsertProfile(identifiers: ProfileIdentifiers, attributes: ProfileAttributes, at: string): ProfileRecord;

  getEvent(id: string): KlaviyoEventRecord | null;
  queryEvents(query: EventsQuery): KlaviyoEventRecord[];
  /** The stream after `position`, in order, with the Klaviyo fields (forwarding reads this). */
  readStreamAfter(position: number, limit: number): KlaviyoEventRecord[];

  /** False if an active key already has this name. */
  addEventsApiKey(name: string, keyHash: string, createdAt: string): boolean;
  /** False if no active key has this name. */
  revokeEventsApiKey(name: string, revokedAt: string): boolean;
  hasEventsApiKey(keyHash: string): boolean;
}
