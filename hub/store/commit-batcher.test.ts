import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitBatcher, type BatchedOutcome } from './commit-batcher.js';
import type { CommittedBatch } from './hub-store.js';
import { SqliteHubStore } from './sqlite/sqlite-hub-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'commit-batcher-'));
  dirs.push(dir);
  return SqliteHubStore.open(dir);
}

const event = (id: string) => ({
  id,
  metric: 'Handoff Resolved',
  time: '2026-01-01T00:00:00.000Z',
  profile: { email: null, profileId: null },
  conversationId: null,
  properties: {},
});

describe('CommitBatcher', () => {
  it('commits the writes of one turn together and answers each only after that commit', async () => {
    const store = openStore();
    const commits: CommittedBatch[] = [];
    store.onCommit((batch) => commits.push(batch));
    const batcher = new CommitBatcher(store);
    const answers: { id: string; commitsSeen: number }[] = [];
    await new Promise<void>((resolve) => {
      for (const id of ['a', 'b', 'c'])
        batcher.run(
          () => store.appendEvent(event(id)).id,
          (outcome) => {
            answers.push({ id: outcome.ok ? outcome.value : 'failed', commitsSeen: commits.length });
            if (answers.length === 3) resolve();
          },
        );
      // Nothing is written before the turn ends.
      expect(store.listEvents({ after: 0, limit: 10 })).toEqual([]);
    });
    expect(commits).toHaveLength(1);
    expect(commits[0]?.events.map((appended) => appended.id)).toEqual(['a', 'b', 'c']);
    expect(answers).toEqual([
      { id: 'a', commitsSeen: 1 },
      { id: 'b', commitsSeen: 1 },
      { id: 'c', commitsSeen: 1 },
    ]);
    store.close();
  });

  it('undoes only the writes of the one that throws, and tells it so', async () => {
    const store = openStore();
    const commits: CommittedBatch[] = [];
    store.onCommit((batch) => commits.push(batch));
    const batcher = new CommitBatcher(store);
    const outcomes = await Promise.all(
      ['kept-1', 'undone', 'kept-2'].map(
        (id) =>
          new Promise<BatchedOutcome<string>>((resolve) =>
            batcher.run(() => {
              store.appendEvent(event(id));
              if (id === 'undone') throw new Error('refused after writing');
              return id;
            }, resolve),
          ),
      ),
    );
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: new Error('refused after writing') });
    expect(store.listEvents({ after: 0, limit: 10 }).map((stored) => stored.id)).toEqual([
      'kept-1',
      'kept-2',
    ]);
    // What was undone is never pushed.
    expect(commits.flatMap((batch) => batch.events.map((pushed) => pushed.id))).toEqual(['kept-1', 'kept-2']);
    store.close();
  });
});
