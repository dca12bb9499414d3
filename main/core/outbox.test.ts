// The outbox against a scripted transport (standing in for the hub's acks, so that the hub's rare answers can be
// produced on demand; the real hub is exercised by the *.integration tests).
import { describe, expect, it } from 'vitest';
import type { Command, CommandResult } from '../../shared/desk-protocol.js';
import { DeskCache } from './cache.js';
import { Outbox, type OutboxListener } from './outbox.js';
import { conversationAt, temporaryDir } from './test-support/fixtures.js';

describe('outbox', () => {
  it('keeps a command the hub could not apply just now and sends the same id again until it is applied', async () => {
    const cache = new DeskCache({ dataDir: temporaryDir() });
    const sent: string[] = [];
    const answers: ((command: Command) => CommandResult)[] = [
      (command) => ({
        ok: false,
        commandId: command.id,
        error: { code: 'unavailable', message: 'busy' },
      }),
      (command) => ({ ok: true, commandId: command.id, conversation: conversationAt(2) }),
    ];
    let applied: () => void = () => {};
    const ackedOnce = new Promise<void>((resolve) => (applied = resolve));
    const refusals: string[] = [];
    const listener: OutboxListener = {
      acked: () => applied(),
      refused: (_entry, error) => refusals.push(error.code),
      unauthorized: () => refusals.push('unauthorized'),
    };
    const outbox = new Outbox(cache, listener, 1);
    outbox.setTransport({
      isOnline: () => true,
      send: async (command) => {
        sent.push(command.id);
        const answer = answers.shift();
        if (!answer) throw new Error('no more answers');
        return answer(command);
      },
    });

    outbox.submit({ id: 'claim-1', type: 'claim', conversationId: 'c1' });
    await ackedOnce;

    expect(sent).toEqual(['claim-1', 'claim-1']);
    expect(refusals).toEqual([]);
    expect(cache.pendingCommands()).toEqual([]);
    outbox.close();
    cache.close();
  });
});
