// Environment: Node. Where the console keeps its cache and session when no data dir is given.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Handoff Desk';

/** CONSOLE_DATA_DIR, else the platform's app-data folder for this user. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.CONSOLE_DATA_DIR) return env.CONSOLE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'handoff-desk');
}
