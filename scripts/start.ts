// `npm start`: the whole thing on one machine — the hub in demo mode, the shopper chat page and the console
// (Electron where its runtime exists, otherwise the web host in the browser).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchConsole } from '../main/launch-console.js';
import { HUB_MALLOC_ENV } from './hub-malloc-env.js';

const repoRoot = join(import.meta.dirname, '..');
const hubPort = process.env.HUB_PORT ?? '4710';
const consolePort = Number(process.env.CONSOLE_PORT ?? 4711);

// The hub as built by `npm run build` (npm start builds first): plain Node starts faster and lighter than tsx.
const hub = spawn(process.execPath, ['--enable-source-maps', 'dist/hub.mjs'], {
  cwd: repoRoot,
  env: {
    ...process.env,
    ...HUB_MALLOC_ENV,
    HUB_DEMO: process.env.HUB_DEMO ?? '1',
    // The demo's webhooks may point at a receiver on this machine.
    HUB_OUTBOUND_ALLOW_PRIVATE: process.env.HUB_OUTBOUND_ALLOW_PRIVATE ?? '1',
    HUB_PORT: hubPort,
    // The demo's own folder: its demo accounts and token never end up in a real hub's database.
    HUB_DATA_DIR: process.env.HUB_DATA_DIR ?? join(repoRoot, '.data', 'demo-hub'),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});

const hubUrl = await new Promise<string>((resolve, reject) => {
  let seen = '';
  hub.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
    const match = /http:\/\/[\w.-]+:\d+/.exec(seen);
    if (match) resolve(match[0]);
  });
  hub.once('exit', (code) => reject(new Error(`The hub exited (${code}) before it was ready:\n${seen}`)));
});
hub.stdout.pipe(process.stdout);

const console_ = await launchConsole({
  hubUrl,
  port: consolePort,
  // The demo's console cache lives beside the demo hub's data, so that wiping one wipes both.
  dataDir: process.env.CONSOLE_DATA_DIR ?? join(repoRoot, '.data', 'demo-console'),
});

console.log(`
Handoff Desk is running.
  Hub:               ${hubUrl}
  Shopper chat page: ${hubUrl}/chat
  Console:           ${console_.kind === 'web' ? `${console_.url} (web host — open it in a browser)` : 'the Electron window'}
${console_.reason ? `  Note:              ${console_.reason}\n` : ''}  Sign in as agent1@demo.test, agent2@demo.test or lead@demo.test with password demo-password.
  Handoff API token: demo-integration-token
Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await console_.close();
  hub.kill('SIGTERM');
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
hub.once('exit', () => {
  if (!stopping) console.error('The hub stopped; shutting down the console.');
  void stop().then(() => process.exit(0));
});
