// Environment: Node (hub). The first schema: accounts, sessions, integration tokens, conversations,
// messages, the change log pushed to consoles, commands, the event stream and web chat sessions.
import type { Migration } from '../migrate.js';

export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'lead')),
        password_hash BLOB NOT NULL,
        password_salt BLOB NOT NULL,
        created_at TEXT NOT NULL
      );

      -- Only a sha256 of each token is kept, so a copied database grants nobody a session.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions(expires_at);

      CREATE TABLE integration_tokens (
        token_hash TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL CHECK (channel IN ('web_chat', 'sms', 'email', 'whatsapp')),
        status TEXT NOT NULL CHECK (status IN ('with_ai', 'queued', 'open', 'resolved')),
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
        version INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE messages (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        author TEXT NOT NULL CHECK (author IN ('shopper', 'customer_agent', 'system', 'agent')),
        agent_id TEXT REFERENCES accounts(id),
        text TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        delivery TEXT CHECK (delivery IN ('sent', 'delivered')),
        products_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (conversation_id, id),
        UNIQUE (conversation_id, position)
      );

      -- Every change to a handed-off conversation or its messages, as the snapshot pushed to consoles.
      CREATE TABLE changes (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('conversation', 'message')),
        snapshot_json TEXT NOT NULL
      );

      -- A command id is applied once; a retry gets the stored result.
      CREATE TABLE commands (
        id TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL,
        type TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        result_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE events (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        metric TEXT NOT NULL,
        time TEXT NOT NULL,
        profile_email TEXT,
        profile_id TEXT,
        conversation_id TEXT,
        properties_json TEXT NOT NULL
      );
      CREATE INDEX events_by_conversation ON events(conversation_id, position);

      CREATE TABLE chat_sessions (
        chat_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id),
        token_hash TEXT NOT NULL,
        prompt TEXT CHECK (prompt IN ('offer_handoff', 'ask_email')),
        pending_reason TEXT,
        last_skill TEXT,
        language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'sv')),
        created_at TEXT NOT NULL
      );
    `);
  },
};
