// Integration tokens on a real hub: issued by name from another database connection (as the CLI does), shown
// once and stored only as a sha256, accepted by the handoff API, and refused from the very next request once
// revoked. Tokens from HUB_INTEGRATION_TOKENS are stored hashed too.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/handoff-api.js';
import {
  IntegrationTokenError,
  issueIntegrationToken,
  revokeIntegrationToken,
} from '../auth/integration-tokens.js';
import { DATABASE_FILE } from '../store/sqlite/sqlite-hub-store.js';
import { api, handoffRequest, INTEGRATION_TOKEN, testHubForFile } from '../testing/hub-fixture.js';

const hub = testHubForFile([]);

function storedTokenHashes(): string[] {
  const db = new Database(path.join(hub.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT token_hash FROM integration_tokens').all() as { token_hash: string }[]).map(
      (row) => row.token_hash,
    );
  } finally {
    db.close();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('integration tokens', () => {
  it('are accepted once issued and refused at once when revoked', async () => {
    const token = issueIntegrationToken(hub.dataDir, 'storefront');
    expect(token.length).toBeGreaterThanOrEqual(40);
    const created = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-token'), token });
    expect(created.status).toBe(201);

    revokeIntegrationToken(hub.dataDir, 'storefront');
    const refused = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-token-2'), token });
    expect(refused.status).toBe(401);
    expect(apiErrorSchema.parse(await refused.json()).message).toBe('This integration token is not valid.');
    // The configured token is untouched.
    expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-token-3') })).status).toBe(
      201,
    );
  });

  it('are stored only as their sha256, configured ones included', () => {
    const token = issueIntegrationToken(hub.dataDir, 'hashed');
    const stored = storedTokenHashes();
    expect(stored).toContain(sha256(token));
    expect(stored).toContain(sha256(INTEGRATION_TOKEN));
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(INTEGRATION_TOKEN);
  });

  it('refuse a taken, reserved or blank name, and name an unknown one on revoke', () => {
    issueIntegrationToken(hub.dataDir, 'helpdesk');
    expect(() => issueIntegrationToken(hub.dataDir, 'helpdesk')).toThrow(/named "helpdesk" exists already/);
    expect(() => issueIntegrationToken(hub.dataDir, 'configured')).toThrow(IntegrationTokenError);
    expect(() => issueIntegrationToken(hub.dataDir, ' ')).toThrow(/1 to 80 characters/);
    expect(() => revokeIntegrationToken(hub.dataDir, 'nothing')).toThrow(
      'No integration token is named "nothing".',
    );
  });
});
