// `npm run build:node`: bundles the hub (dist/hub.mjs) and the console's launcher (dist/console.mjs), so that
// `npm run hub` and `npm run console` start plain Node: tsx compiles on every start and keeps its loader thread
// alive (about 0.5 s and 40 MB more than a bundle). npm packages stay outside the bundles (native SQLite among
// them). Both sit directly in dist/: the hub finds the chat page as ../dist/chat from its own folder, as it does
// from hub/ when run from source; the console finds dist/ with main/build-output-dir.ts.
import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');

const common: BuildOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native modules load from node_modules at run time; ws's optional speed-ups may be absent.
  external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'bufferutil', 'utf-8-validate', 'electron'],
  // The CommonJS packages inside an ES module bundle still call require() for Node's own modules.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['hub/cli.ts'], outfile: join(repoRoot, 'dist', 'hub.mjs') }),
  build({ ...common, entryPoints: ['scripts/console.ts'], outfile: join(repoRoot, 'dist', 'console.mjs') }),
]);
