import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputDir } from './build-output-dir.js';

describe('the build output folder', () => {
  it('is dist/ at the project root, from the source or from a bundle in dist/', () => {
    const project = mkdtempSync(join(tmpdir(), 'handoff-build-output-'));
    writeFileSync(join(project, 'package.json'), '{}');
    mkdirSync(join(project, 'main', 'web'), { recursive: true });
    mkdirSync(join(project, 'dist'));
    expect(buildOutputDir(join(project, 'main', 'web'))).toBe(join(project, 'dist'));
    expect(buildOutputDir(join(project, 'main'))).toBe(join(project, 'dist'));
    expect(buildOutputDir(join(project, 'dist'))).toBe(join(project, 'dist'));
  });
});
