// Environment: Node. Can this machine show the console in Electron? Its binary must be installed (or fetchable:
// the electron package downloads it lazily when first required) and, on Linux, a display must exist.
import { execFile } from 'node:child_process';

export type ElectronRuntime = { available: true; binary: string } | { available: false; reason: string };

const RESOLVE_TIMEOUT_MS = 60_000;

export async function findElectronRuntime(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<ElectronRuntime> {
  const binary = await resolveElectronBinary();
  if (!binary) {
    return { available: false, reason: "Electron's runtime is not installed and could not be downloaded" };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      available: false,
      reason: 'there is no display for an Electron window (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    };
  }
  return { available: true, binary };
}

/**
 * require('electron') answers the binary's path, downloading it first if needed, and throws when it can't.
 * It runs in a child process with a timeout so a slow or hanging download never blocks the launcher.
 */
function resolveElectronBinary(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', "process.stdout.write(String(require('electron')))"],
      { timeout: RESOLVE_TIMEOUT_MS, cwd: import.meta.dirname },
      (error, stdout) => resolve(error || !stdout ? null : stdout.trim()),
    );
  });
}
