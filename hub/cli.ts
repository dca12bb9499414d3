// Environment: Node (hub). `npm run hub` starts the hub from the environment;
// `npm run hub -- add-user --email … --name … --role agent|lead [--password …]` creates an account.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { roleSchema } from '../shared/domain.js';
import net from 'node:net';
import {
  AccountError,
  createAccount,
  DEFAULT_SESSION_TTL_MS,
  ForwardingUrlError,
  LogRetentionError,
  startHub,
} from './app.js';
import { disableAccount, enableAccount } from './auth/account-access.js';
import {
  IntegrationTokenError,
  issueIntegrationToken,
  revokeIntegrationToken,
} from './auth/integration-tokens.js';
import { DAY_MS, DEFAULT_LOG_RETENTION_MS } from './core/log-compaction.js';
import { DEMO_ACCOUNTS, DEMO_INTEGRATION_TOKEN, DEMO_PASSWORD } from './demo/seed.js';
import { DEFAULT_REQUEST_RATE_LIMIT } from './http/security-plugins.js';
import { DEFAULT_BUSY_TIMEOUT_MS } from './store/sqlite/hub-connection.js';
import { ForwardingConfigError, forwardingFromEnv } from './outbound/forwarding-env.js';

import { EVENTS_KEY_USAGE, isEventsKeyCommand, runEventsKeyCommand } from './klaviyo/events-key-cli.js';

/** How long a stop (SIGTERM, SIGINT) may take before the hub exits without finishing its close. */
const STOP_GRACE_MS = 10_000;

const USAGE = `Usage:
  npm run hub                          start the hub (configured by HUB_PORT, HUB_HOST, HUB_DATA_DIR,
                                       HUB_DEMO=1, HUB_SESSION_TTL_HOURS, HUB_INTEGRATION_TOKENS,
                                       HUB_LOG_RETENTION_DAYS: how long the consoles' log keeps every
                                       change before compaction, at least 1, default 7;
                                       HUB_FORWARD_URL + HUB_FORWARD_KEY [+ HUB_FORWARD_METRICS, comma-
                                       separated]: forward outcome events to a Klaviyo-compatible endpoint;
                                       HUB_CORS_ORIGINS: comma-separated origins browsers may call the hub
                                       from, default none; HUB_RATE_LIMIT_PER_MINUTE: HTTP requests per
                                       address and minute, default 6000, 0 turns the limit off;
                                       HUB_TLS_CERT + HUB_TLS_KEY: PEM file paths, serve https and wss;
                                       HUB_TRUST_PROXY: comma-separated reverse-proxy addresses or CIDRs
                                       whose X-Forwarded-For names the client, default none;
                                       HUB_OUTBOUND_ALLOW_PRIVATE=1: let webhooks and forwarding reach
                                       loopback/private/link-local addresses, default refused;
                                       HUB_BUSY_TIMEOUT_MS: how long a write waits for a database lock held
                                       elsewhere before it is refused (503), default 2000;
                                       HUB_MAX_DB_PAGES: tests only, a page cap standing in for a full disk)
  npm run hub -- add-user --email EMAIL --name NAME --role agent|lead [--password PASSWORD]
                                       create an account (the password is read from stdin if not given)
  npm run hub -- disable-user --email EMAIL
                                       disable an account: its sessions end at once (sockets closed within
                                       2 seconds) and it cannot sign in until enabled
  npm run hub -- enable-user --email EMAIL
                                       let a disabled account sign in again
  npm run hub -- add-integration-token --name NAME
                                       issue a handoff API token (printed once, stored hashed)
  npm run hub -- revoke-integration-token --name NAME
                                       revoke it: refused (401) from the next request
${EVENTS_KEY_USAGE}`;

class UsageError extends Error {}

function dataDir(): string {
  return path.resolve(process.env.HUB_DATA_DIR || path.join(process.cwd(), '.data', 'hub'));
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`${name} must be a non-negative number, got "${raw}".`);
  return value;
}

/** HUB_TLS_CERT and HUB_TLS_KEY (PEM paths) read, both or neither. */
function tlsFromEnv(): { cert: Buffer; key: Buffer } | null {
  const certPath = process.env.HUB_TLS_CERT || '';
  const keyPath = process.env.HUB_TLS_KEY || '';
  if (!certPath && !keyPath) return null;
  if (!certPath || !keyPath)
    throw new UsageError('Set both HUB_TLS_CERT and HUB_TLS_KEY (PEM file paths), or neither.');
  const read = (name: string, file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new UsageError(`${name}: cannot read ${file} (${(error as Error).message}).`);
    }
  };
  return { cert: read('HUB_TLS_CERT', certPath), key: read('HUB_TLS_KEY', keyPath) };
}

/** A comma-separated variable's non-empty items. */
function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** HUB_TRUST_PROXY's items, each an IP address or a CIDR (what Fastify's trustProxy accepts as a list). */
function trustProxyFromEnv(): string[] {
  const items = listFromEnv('HUB_TRUST_PROXY');
  for (const item of items) {
    const [address = '', prefix, ...rest] = item.split('/');
    const family = net.isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length > 0)
      throw new UsageError(
        `HUB_TRUST_PROXY: "${item}" is not an IP address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/8).`,
      );
  }
  return items;
}

/** A 0/1 (or true/false) switch; unset is `fallback`. */
function flagFromEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new UsageError(`${name} must be 1 or 0, got "${raw}".`);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function addUser(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = (['email', 'name', 'role'] as const).filter((flag) => !values[flag]);
  if (missing.length > 0)
    throw new UsageError(`add-user needs ${missing.map((flag) => `--${flag}`).join(', ')}.`);
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new UsageError(`--role must be agent or lead, got "${values.role}".`);
  const password = values.password ?? (await readStdin());
  const account = await createAccount(dataDir(), {
    email: values.email ?? '',
    name: values.name ?? '',
    role: role.data,
    password,
  });
  console.log(`Created ${account.role} ${account.name} <${account.email}> in ${dataDir()}.`);
}

function setUserDisabled(args: string[], disabled: boolean): void {
  const command = disabled ? 'disable-user' : 'enable-user';
  const email = requiredFlag(command, args, 'email');
  const account = disabled ? disableAccount(dataDir(), email) : enableAccount(dataDir(), email);
  console.log(
    disabled
      ? `Disabled ${account.role} ${account.name} <${account.email}>: every session ended.`
      : `Enabled ${account.role} ${account.name} <${account.email}>.`,
  );
}

/** The one required `--flag VALUE` of a command. */
function requiredFlag(command: string, args: string[], flag: string): string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { [flag]: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const value = values[flag];
  if (typeof value !== 'string' || value === '') throw new UsageError(`${command} needs --${flag}.`);
  return value;
}

function integrationTokenCommand(
  command: 'add-integration-token' | 'revoke-integration-token',
  args: string[],
) {
  const name = requiredFlag(command, args, 'name');
  if (command === 'add-integration-token') {
    const token = issueIntegrationToken(dataDir(), name);
    console.log(`Integration token "${name}" (shown only now; the hub keeps its hash):\n${token}`);
  } else {
    revokeIntegrationToken(dataDir(), name);
    console.log(`Revoked integration token "${name}".`);
  }
}

async function serve(): Promise<void> {
  const demo = process.env.HUB_DEMO === '1' || process.env.HUB_DEMO === 'true';
  const port = numberFromEnv('HUB_PORT', 4710);
  const ttlHours = numberFromEnv('HUB_SESSION_TTL_HOURS', DEFAULT_SESSION_TTL_MS / 3_600_000);
  const logRetentionDays = numberFromEnv('HUB_LOG_RETENTION_DAYS', DEFAULT_LOG_RETENTION_MS / DAY_MS);
  const integrationTokens = listFromEnv('HUB_INTEGRATION_TOKENS');
  const forwarding = forwardingFromEnv(process.env);
  const corsOrigins = listFromEnv('HUB_CORS_ORIGINS');
  const tls = tlsFromEnv();
  const ratePerMinute = numberFromEnv('HUB_RATE_LIMIT_PER_MINUTE', DEFAULT_REQUEST_RATE_LIMIT.max);
  const trustProxy = trustProxyFromEnv();
  const outboundAllowPrivate = flagFromEnv('HUB_OUTBOUND_ALLOW_PRIVATE', false);
  const storage = {
    busyTimeoutMs: numberFromEnv('HUB_BUSY_TIMEOUT_MS', DEFAULT_BUSY_TIMEOUT_MS),
    maxDatabasePages: process.env.HUB_MAX_DB_PAGES ? numberFromEnv('HUB_MAX_DB_PAGES', 0) : undefined,
  };
  const hub = await startHub({
    storage,
    port,
    host: process.env.HUB_HOST || '127.0.0.1',
    dataDir: dataDir(),
    demo,
    sessionTtlMs: ttlHours * 3_600_000,
    logRetentionMs: logRetentionDays * DAY_MS,
    integrationTokens,
    forwarding,
    log: process.env.HUB_LOG === '1',
    corsOrigins,
    tls,
    requestRateLimit: ratePerMinute === 0 ? null : { max: ratePerMinute, windowMs: 60_000 },
    trustProxy,
    outboundAllowPrivate,
  });
  console.log(`Hub listening on ${hub.url}`);
  console.log(`  Handoff API:  ${hub.url}/api/v1`);
  console.log(`  Shopper chat: ${hub.url}/chat`);
  console.log(`  Data:         ${dataDir()}`);
  if (corsOrigins.length > 0) console.log(`  CORS origins: ${corsOrigins.join(', ')}`);
  if (forwarding) console.log(`  Forwarding:   ${forwarding.metrics.join(', ')} → ${forwarding.url}`);
  if (trustProxy.length > 0) console.log(`  Trusted proxies: ${trustProxy.join(', ')}`);
  if (outboundAllowPrivate)
    console.log('  Outbound:     private addresses allowed (HUB_OUTBOUND_ALLOW_PRIVATE)');
  if (demo) {
    console.log(
      `  Demo sign-in: ${DEMO_ACCOUNTS.map((account) => account.email).join(', ')} / ${DEMO_PASSWORD}`,
    );
    console.log(`  Demo integration token: ${DEMO_INTEGRATION_TOKEN}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Hub stopping (${signal})…`);
    // A connection that never finishes closing must not keep the hub from stopping: everything acknowledged is
    // already committed, so leaving now is as safe as a crash, and the supervisor can start it again.
    setTimeout(() => {
      console.error(`Hub did not stop within ${STOP_GRACE_MS / 1000} s; exiting anyway.`);
      process.exit(1);
    }, STOP_GRACE_MS).unref();
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Hub did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined) return serve();
  if (command === 'add-user') return addUser(rest);
  if (command === 'add-integration-token' || command === 'revoke-integration-token') {
    return integrationTokenCommand(command, rest);
  }
  if (command === 'disable-user' || command === 'enable-user') {
    return setUserDisabled(rest, command === 'disable-user');
  }
  if (isEventsKeyCommand(command)) {
    process.exitCode = runEventsKeyCommand(command, rest, dataDir());
    return;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  throw new UsageError(`Unknown command "${command}".`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof LogRetentionError ||
    error instanceof ForwardingConfigError ||
    error instanceof ForwardingUrlError
  ) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof AccountError || error instanceof IntegrationTokenError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error('Hub failed:', error);
  process.exit(1);
});
