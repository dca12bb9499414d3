import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signIn } from './testing/hub-fixture.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx hub/cli.ts …`; `onStdout` may stop it (e.g. with a signal) once it printed what the test needs. */
function runCli(
  args: string[],
  env: Record<string, string>,
  options: {
    stdin?: string;
    onStdout?: (output: string, stop: (signal: NodeJS.Signals) => void) => void;
  } = {},
): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    options.onStdout?.(stdout, (signal) => child.kill(signal));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run hub', () => {
  it('adds a user with a piped password, refuses bad flags, then serves and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
    const env = { HUB_DATA_DIR: dataDir, HUB_PORT: '0', HUB_DEMO: '0' };

    const added = await runCli(
      ['add-user', '--email', 'tove@example.se', '--name', 'Tove Lind', '--role', 'agent'],
      env,
      {
        stdin: 'a-long-password\n',
      },
    );
    expect(added.stderr).toBe('');
    expect(added).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Created agent Tove Lind <tove@example.se>'),
    });

    const duplicate = await runCli(
      [
        'add-user',
        '--email',
        'tove@example.se',
        '--name',
        'T',
        '--role',
        'agent',
        '--password',
        'another-password',
      ],
      env,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');

    const badRole = await runCli(
      [
        'add-user',
        '--email',
        'x@example.se',
        '--name',
        'X',
        '--role',
        'admin',
        '--password',
        'whatever-pass',
      ],
      env,
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be agent or lead');
    const unknownFlag = await runCli(['add-user', '--mail', 'x@example.se'], env);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--mail/);

    let url = '';
    let signedIn: Promise<unknown> | null = null;
    const served = await runCli([], env, {
      onStdout(output, stop) {
        const match = /Hub listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (!match || signedIn) return;
        url = match[1]!;
        signedIn = signIn(url, 'tove@example.se', 'a-long-password').finally(() => stop('SIGTERM'));
      },
    });
    expect(url).not.toBe('');
    await expect(signedIn).resolves.toMatchObject({ account: { email: 'tove@example.se', role: 'agent' } });
    expect(served.code).toBe(0);
    expect(served.stdout).toContain('/chat');
  });
});

describe('HUB_LOG_RETENTION_DAYS', () => {
  it('refuses less than a day before opening anything, with the usage text', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
    const run = await runCli([], { HUB_DATA_DIR: dataDir, HUB_PORT: '0', HUB_LOG_RETENTION_DAYS: '0.5' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('log retention must be at least 1 day');
    expect(run.stderr).toContain('HUB_LOG_RETENTION_DAYS');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe('HUB_TRUST_PROXY and HUB_OUTBOUND_ALLOW_PRIVATE', () => {
  it('refuses a proxy entry that is not an address or CIDR, and forwarding to a loopback URL, with exit 2', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
    const badProxy = await runCli([], {
      HUB_DATA_DIR: dataDir,
      HUB_PORT: '0',
      HUB_TRUST_PROXY: '10.0.0.1, proxy.internal',
    });
    expect(badProxy.code).toBe(2);
    expect(badProxy.stderr).toContain('HUB_TRUST_PROXY: "proxy.internal" is not an IP address or CIDR');
    const loopbackForward = await runCli([], {
      HUB_DATA_DIR: dataDir,
      HUB_PORT: '0',
      HUB_FORWARD_URL: 'http://127.0.0.1:9',
      HUB_FORWARD_KEY: 'pk_test',
    });
    expect(loopbackForward.code).toBe(2);
    expect(loopbackForward.stderr).toContain('HUB_FORWARD_URL: 127.0.0.1 is a loopback address');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe('npm run hub -- disable-user / enable-user', () => {
  it('disables and enables an account by email, and names an unknown one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
    const env = { HUB_DATA_DIR: dataDir };
    const args = ['--email', 'tove@example.se', '--name', 'Tove Lind', '--role', 'agent'];
    expect((await runCli(['add-user', ...args, '--password', 'a-long-password'], env)).code).toBe(0);

    const disabled = await runCli(['disable-user', '--email', 'tove@example.se'], env);
    expect(disabled).toMatchObject({ code: 0, stdout: expect.stringContaining('Disabled agent Tove Lind') });
    const enabled = await runCli(['enable-user', '--email', 'tove@example.se'], env);
    expect(enabled).toMatchObject({ code: 0, stdout: expect.stringContaining('Enabled agent Tove Lind') });

    const unknown = await runCli(['disable-user', '--email', 'nobody@example.se'], env);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('No account has the email') });
    const missing = await runCli(['enable-user'], env);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('enable-user needs --email') });
  });
});

describe('npm run hub -- add-integration-token / revoke-integration-token', () => {
  it('prints a new token once and revokes it by name', async () => {
    const env = { HUB_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-')) };
    const added = await runCli(['add-integration-token', '--name', 'storefront'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /Integration token "storefront" \(shown only now; the hub keeps its hash\):\n\S{40,}\n/,
    );
    const revoked = await runCli(['revoke-integration-token', '--name', 'storefront'], env);
    expect(revoked).toMatchObject({ code: 0, stdout: 'Revoked integration token "storefront".\n' });
    const again = await runCli(['revoke-integration-token', '--name', 'storefront'], env);
    expect(again).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No integration token is named'),
    });
  });
});
