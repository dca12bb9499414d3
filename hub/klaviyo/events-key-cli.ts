// Environment: Node (hub). `npm run hub -- add-events-key --name NAME` prints a new events API key (shown
// once); `npm run hub -- revoke-events-key --name NAME` revokes it.
import { parseArgs } from 'node:util';
import { EventsApiKeyError, issueEventsApiKey, revokeEventsApiKey } from './api-keys.js';

export const EVENTS_KEY_COMMANDS = ['add-events-key', 'revoke-events-key'] as const;
export type EventsKeyCommand = (typeof EVENTS_KEY_COMMANDS)[number];

export const EVENTS_KEY_USAGE = `  npm run hub -- add-events-key --name NAME
                                       issue a key for the Klaviyo-compatible events API (/api/events);
                                       it is printed once and only its sha256 is kept
  npm run hub -- revoke-events-key --name NAME
                                       revoke that key`;

export function isEventsKeyCommand(command: string): command is EventsKeyCommand {
  return (EVENTS_KEY_COMMANDS as readonly string[]).includes(command);
}

/** Runs the command against the hub database in `dataDir`; returns the process exit code. */
export function runEventsKeyCommand(command: EventsKeyCommand, args: string[], dataDir: string): number {
  let name: string | undefined;
  try {
    ({
      values: { name },
    } = parseArgs({ args, options: { name: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\nUsage:\n${EVENTS_KEY_USAGE}`);
    return 2;
  }
  if (!name) {
    console.error(`${command} needs --name.\n\nUsage:\n${EVENTS_KEY_USAGE}`);
    return 2;
  }
  try {
    if (command === 'add-events-key') {
      const key = issueEventsApiKey(dataDir, name);
      console.log(key);
      console.error(
        `Events API key "${name}" created in ${dataDir}. It is shown only this once: send it as "Authorization: Klaviyo-API-Key <key>".`,
      );
      return 0;
    }
    if (!revokeEventsApiKey(dataDir, name)) {
      console.error(`No active events API key is named "${name}".`);
      return 1;
    }
    console.log(`Events API key "${name}" revoked.`);
    return 0;
  } catch (error) {
    if (error instanceof EventsApiKeyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
