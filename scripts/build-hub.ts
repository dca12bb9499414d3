// `npm run build:hub`: bundles the hub into dist/hub.mjs, so that `npm run hub` and `npm start` run plain Node:
// tsx compiles on every start and keeps its loader thread alive (about 0.5 s and 40 MB more than the bundle).
// npm packages stay outside the bundle (native SQLite among them). The bundle sits directly in dist/ because
// the hub finds the chat page as ../dist/chat from its own folder, as it does from hub/ when run from source.
import { build } from 'esbuild';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');

await build({
  entryPoints: ['hub/cli.ts'],
  outfile: join(repoRoot, 'dist', 'hub.mjs'),
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
