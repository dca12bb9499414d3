// `npm run lint:electron`: Doyensec's Electronegativity over what the console ships — the bundled Electron main
// process and preload (as built by build-electron.ts) and the renderer's HTML — failing on any finding not
// explained in security/electronegativity-explained.json (and on explanations that no longer match a finding).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareWithExplanations,
  explanationsSchema,
  parseFindingsSarif,
  type Finding,
} from './electronegativity-findings.js';

const repoRoot = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const explanationsPath = join(repoRoot, 'security', 'electronegativity-explained.json');

// Bundle main + preload exactly as the package does.
execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'build-electron.ts')], {
  cwd: repoRoot,
  stdio: 'inherit',
});

// Electronegativity scans only .js/.ts/.html files (not .cjs): copy the bundles under .js names.
const scanDir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  copyFileSync(join(repoRoot, 'dist', 'electron', 'main.cjs'), join(scanDir, 'main.js'));
  copyFileSync(join(repoRoot, 'dist', 'electron', 'preload.cjs'), join(scanDir, 'preload.js'));
  copyFileSync(join(repoRoot, 'renderer', 'index.html'), join(scanDir, 'index.html'));
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
  const report = join(scanDir, 'results.sarif');
  execFileSync(
    process.execPath,
    [
      cli,
      ...['-i', scanDir, '-r', '-v', 'false', '-o', report],
      // The installed Electron, since the scan folder has no package.json to detect it from.
      ...['-e', electronVersion],
      // Needs the network to list Electron releases (none here); Electron upgrades are Dependabot's/npm's job.
      ...['-x', 'AvailableSecurityFixesGlobalCheck'],
    ],
    { cwd: scanDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (!existsSync(report)) throw new Error('Electronegativity wrote no report: the scan did not run.');
  const findings = parseFindingsSarif(readFileSync(report, 'utf8'), (file) => {
    const path = join(scanDir, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  });
  const explanations = explanationsSchema.parse(JSON.parse(readFileSync(explanationsPath, 'utf8')));
  const { unexplained, stale } = compareWithExplanations(findings, explanations);

  const describe = (f: Finding) =>
    `  ${f.check} (${f.severity}) ${f.file}:${f.location} ${f.description}\n    ${f.sample}`;
  console.log(
    `Electronegativity: ${findings.length} finding(s), ${findings.length - unexplained.length} explained.`,
  );
  if (unexplained.length > 0) {
    console.error(`Unexplained findings (fix them, or explain them in ${explanationsPath}):`);
    for (const finding of unexplained) console.error(describe(finding));
  }
  if (stale.length > 0) {
    console.error('Explanations that match no finding any more (remove them):');
    for (const e of stale)
      console.error(`  ${e.check} ${e.file}${e.sampleIncludes ? ` "${e.sampleIncludes}"` : ''}`);
  }
  if (unexplained.length > 0 || stale.length > 0) process.exitCode = 1;
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}
