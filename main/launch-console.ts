// Environment: Node. Starts the console the best way this machine allows: Electron where its runtime exists,
// otherwise the web host, saying plainly why. HANDOFF_CONSOLE=web|electron forces one.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutputDir } from './build-output-dir.js';
import { findElectronRuntime, type ElectronRuntime } from './electron-runtime.js';
import { startWebHost } from './web/web-host.js';

export interface LaunchConsoleOptions {
  hubUrl: string;
  dataDir: string;
  /** The web host's port (0 picks a free one). */
  port: number;
  /** Defaults to HANDOFF_CONSOLE; anything else means "Electron if possible". */
  force?: 'web' | 'electron';
  /** How to look for Electron's runtime (tests replace it; the default may download the binary). */
  findRuntime?: () => Promise<ElectronRuntime>;
}

export interface LaunchedConsole {
  kind: 'electron' | 'web';
  /** The web host's URL (kind 'web'). */
  url?: string;
  /** Why the web host was used instead of Electron. */
  reason?: string;
  close(): Promise<void>;
}

const ELECTRON_MAIN = join(buildOutputDir(import.meta.dirname), 'electron', 'main.cjs');

export async function launchConsole(options: LaunchConsoleOptions): Promise<LaunchedConsole> {
  const forced = options.force ?? parseForced(process.env.HANDOFF_CONSOLE);
  let reason: string | undefined;
  if (forced !== 'web') {
    const runtime = await (options.findRuntime ?? findElectronRuntime)();
    if (runtime.available && existsSync(ELECTRON_MAIN)) return launchElectron(runtime.binary, options);
    reason = runtime.available
      ? `the Electron build is missing (${ELECTRON_MAIN}; run \`npm run build:electron\`)`
      : runtime.reason;
    if (forced === 'electron') throw new Error(`HANDOFF_CONSOLE=electron, but ${reason}.`);
    reason = `${capitalize(reason)}; using the web host.`;
  }
  const host = await startWebHost({
    port: options.port,
    dataDir: options.dataDir,
    defaultHubUrl: options.hubUrl,
  });
  return { kind: 'web', url: host.openUrl, ...(reason ? { reason } : {}), close: () => host.close() };
}

function parseForced(value: string | undefined): 'web' | 'electron' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'web' || value === 'electron') return value;
  throw new Error(`HANDOFF_CONSOLE must be "web" or "electron", not "${value}".`);
}

function launchElectron(binary: string, options: LaunchConsoleOptions): LaunchedConsole {
  const child: ChildProcess = spawn(binary, [ELECTRON_MAIN], {
    env: { ...process.env, HUB_URL: options.hubUrl, CONSOLE_DATA_DIR: options.dataDir },
    stdio: 'inherit',
  });
  return {
    kind: 'electron',
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
