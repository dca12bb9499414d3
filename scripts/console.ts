// `npm run console`: the console on its own, against HUB_URL (Electron where its runtime exists, else the web host
// on CONSOLE_PORT). Its cache and session live in CONSOLE_DATA_DIR (default: the platform's app-data folder).
import { defaultDataDir } from '../main/core/data-dir.js';
import { launchConsole } from '../main/launch-console.js';

const hubUrl = process.env.HUB_URL ?? 'http://127.0.0.1:4710';
const port = Number(process.env.CONSOLE_PORT ?? 4711);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`CONSOLE_PORT must be a port number, not "${process.env.CONSOLE_PORT}".`);
  process.exit(2);
}
const dataDir = defaultDataDir();

const launched = await launchConsole({ hubUrl, port, dataDir });
// The console's URL comes first on stdout: tools wait for the first loopback URL printed.
if (launched.kind === 'web') console.log(`Handoff Desk console: ${launched.url}  (open it in a browser)`);
else console.log('Handoff Desk console: the Electron window');
if (launched.reason) console.log(`Note: ${launched.reason}`);
console.log(`Hub: ${hubUrl}\nData: ${dataDir}\nPress Ctrl+C to stop.`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await launched.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
