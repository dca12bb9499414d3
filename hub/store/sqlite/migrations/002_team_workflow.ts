// Environment: Node (hub). Issue 3: pending and snoozed statuses, the team's tags, internal notes with
// mentions, presence and routing state per agent, settings and their audit log, canned replies, and
// indexes for routing, snoozes and a shopper's history.
import type { Migration } from '../migrate.js';

const CONVERSATION_COLUMNS = `id, channel, status, shopper_json, escalation_json, assignee_id, created_at, escalated_at,
  claimed_at, first_response_at, resolved_at, resolution_tags_json, last_message_at, last_message_preview, version`;

export const migration002TeamWorkflow: Migration = {
  version: 2,
  name: 'team_workflow',
  // The statuses live in a CHECK constraint, which SQLite can only change by rebuilding the table.
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE conversations_new (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL CHECK (channel IN ('web_chat', 'sms', 'email', 'whatsapp')),
        status TEXT NOT NULL CHECK (status IN ('with_ai', 'queued', 'open', 'pending', 'snoozed', 'resolved')),
        shopper_json TEXT NOT NULL,
        escalation_json TEXT,
        assignee_id TEXT REFERENCES accounts(id),
        created_at TEXT NOT NULL,
        escalated_at TEXT,
        claimed_at TEXT,
        first_response_at TEXT,
        resolved_at TEXT,
        resolution_tags_json TEXT NOT NULL DEFAULT '[]',
        last_message_at TEXT,
        last_message_preview TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        snoozed_until TEXT,
        tags_json TEXT NOT NULL DEFAULT '[]',
        -- A snoozed conversation always knows when it wakes, and only a snoozed one has a wake time.
        CHECK ((status = 'snoozed') = (snoozed_until IS NOT NULL))
      );
      INSERT INTO conversations_new (${CONVERSATION_COLUMNS}) SELECT ${CONVERSATION_COLUMNS} FROM conversations;
      DROP TABLE conversations;
      ALTER TABLE conversations_new RENAME TO conversations;

      -- Routing takes the oldest queued conversation and counts each agent's open ones.
      CREATE INDEX conversations_by_status ON conversations(status, escalated_at, id);
      CREATE INDEX conversations_by_assignee ON conversations(assignee_id, status);
      CREATE INDEX conversations_by_snooze ON conversations(snoozed_until) WHERE status = 'snoozed';
      -- A shopper's other conversations, by email (any case) or profile ID.
      CREATE INDEX conversations_by_shopper_email ON conversations(lower(json_extract(shopper_json, '$.email')));
      CREATE INDEX conversations_by_shopper_profile ON conversations(json_extract(shopper_json, '$.profileId'));

      ALTER TABLE messages ADD COLUMN internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1));
      ALTER TABLE messages ADD COLUMN mentions_json TEXT NOT NULL DEFAULT '[]';

      CREATE INDEX events_by_profile_email ON events(lower(profile_email), position);
      CREATE INDEX events_by_profile_id ON events(profile_id, position);

      -- What survives a reconnect or a restart: the chosen presence, and routing's fairness memory.
      CREATE TABLE agent_states (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        chosen_presence TEXT NOT NULL DEFAULT 'online' CHECK (chosen_presence IN ('online', 'away')),
        last_seen_at TEXT,
        last_assigned_at TEXT
      );

      -- One row per changed field; fields never changed fall back to the defaults in shared/settings.ts.
      CREATE TABLE settings (
        field TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      );

      CREATE TABLE settings_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        actor_email TEXT NOT NULL,
        changes_json TEXT NOT NULL
      );

      CREATE TABLE canned_replies (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('shared', 'personal')),
        owner_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
        shortcut TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((scope = 'personal') = (owner_id IS NOT NULL))
      );
      CREATE INDEX canned_replies_by_owner ON canned_replies(owner_id);
    `);
  },
};
