// Optional TLS: with a certificate the hub answers over https (HSTS on) and consoles connect over wss.
// The certificate is made by `openssl` (node:crypto cannot issue X.509 certificates); skipped without it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { DESK_NAMESPACE } from '../../shared/desk-protocol.js';
import { signInResponseSchema } from '../../shared/handoff-api.js';
import { addAccount, hubsClosedAfterEach, PASSWORD } from '../testing/hub-fixture.js';

const startHub = hubsClosedAfterEach();

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function selfSignedCertificate(): { cert: Buffer; key: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-tls-'));
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
    ].concat([
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
}

/** An https request trusting only `ca` (or the system's authorities); resolves with the status, headers and body text. */
function httpsRequest(url: string, ca: Buffer | undefined, init: { method?: string; body?: unknown } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const request = https.request(
        url,
        {
          method: init.method ?? 'GET',
          ca,
          headers: init.body ? { 'content-type': 'application/json' } : {},
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
          );
        },
      );
      request.on('error', reject);
      request.end(init.body === undefined ? undefined : JSON.stringify(init.body));
    },
  );
}

describe('TLS', () => {
  it.skipIf(!hasOpenssl())('serves the API over https with HSTS and consoles over wss', async () => {
    const tls = selfSignedCertificate();
    const hub = await startHub({ tls });
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await addAccount(hub, 'ida@example.com', 'Ida');

    const health = await httpsRequest(`${hub.url}/api/v1/health`, tls.cert);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');

    const signedIn = await httpsRequest(`${hub.url}/api/v1/sessions`, tls.cert, {
      method: 'POST',
      body: { email: 'ida@example.com', password: PASSWORD },
    });
    expect(signedIn.status).toBe(201);
    const { token } = signInResponseSchema.parse(JSON.parse(signedIn.text));

    const socket = io(`${hub.url}${DESK_NAMESPACE}`, {
      auth: { token },
      ca: tls.cert.toString('utf8'),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const answer = (await socket.timeout(5000).emitWithAck('sync', { after: 0, limit: 10 })) as {
        ok: boolean;
      };
      expect(answer.ok).toBe(true);
    } finally {
      socket.close();
    }

    // A client that does not trust the certificate is refused by TLS itself.
    await expect(httpsRequest(`${hub.url}/api/v1/health`, undefined)).rejects.toThrow(/self[- ]signed/i);
  });
});
