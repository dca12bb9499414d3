// Environment: Node (hub). Issue 7: a lead can disable an account (its sessions end and it cannot sign in until
// enabled again), and integration tokens issued by name can be revoked by that name.
import type { Migration } from '../migrate.js';

export const migration008AccountAccess: Migration = {
  version: 8,
  name: 'account_access',
  up(db) {
    db.exec(`
      -- NULL while the account may sign in; when it was disabled otherwise.
      ALTER TABLE accounts ADD COLUMN disabled_at TEXT;
      -- Revocation by name: the CLI names each token it issues (tokens from HUB_INTEGRATION_TOKENS share one label).
      CREATE INDEX integration_tokens_by_label ON integration_tokens(label);
    `);
  },
};
