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
