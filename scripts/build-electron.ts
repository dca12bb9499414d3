// `npm run build:electron`: bundles the Electron main process and the preload into dist/electron/ (CommonJS, as
// Electron loads them). The sandboxed preload may require nothing but 'electron': checked after bundling.
import { build, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const outDir = join(repoRoot, 'dist', 'electron');

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: repoRoot,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: join(outDir, 'main.cjs'),
    platform: 'node',
    target: 'node22', // Electron 45's Node
    // Native modules load from node_modules at run time; ws's optional speed-ups may be absent.
    external: [
      'electron',
      'better-sqlite3',
      'better-sqlite3-multiple-ciphers',
      'bufferutil',
      'utf-8-validate',
    ],
  }),
  build({
    ...common,
    entryPoints: ['preload/index.ts'],
    outfile: join(outDir, 'preload.cjs'),
    // A sandboxed preload has no Node: bundle it like browser code.
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  }),
]);

const preload = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1]);
const forbidden = required.filter((name) => name !== 'electron');
if (forbidden.length > 0) {
  console.error(
    `The sandboxed preload requires ${forbidden.join(', ')}: only 'electron' is available there.`,
  );
  process.exit(1);
}
console.log(`Built ${join('dist', 'electron', 'main.cjs')} and ${join('dist', 'electron', 'preload.cjs')}.`);
