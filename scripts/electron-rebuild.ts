// `npm run electron:rebuild`: builds better-sqlite3-multiple-ciphers (the console's encrypted cache; the hub's
// plain better-sqlite3 never runs in Electron) against Electron's ABI into build/electron-native/, apart from the
// Node build in node_modules that the tests use. main/electron/main.ts loads it via nativeBinding.
// Needs Electron's headers (downloaded by node-gyp), so it fails on machines without access to them.
import { rebuild } from '@electron/rebuild';
import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const outDir = join(repoRoot, 'build', 'electron-native');
const projectDir = join(outDir, 'project');

const electronVersion = (
  JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }
).version;
const sqliteModule = 'better-sqlite3-multiple-ciphers';
const sqliteDir = dirname(require.resolve(`${sqliteModule}/package.json`));
const sqliteVersion = (
  JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')) as { version: string }
).version;

// A throwaway project holding a copy of the module's sources, so the rebuild never touches node_modules.
rmSync(projectDir, { recursive: true, force: true });
mkdirSync(join(projectDir, 'node_modules'), { recursive: true });
writeFileSync(join(outDir, '.gitignore'), '*\n');
writeFileSync(
  join(projectDir, 'package.json'),
  JSON.stringify({
    name: 'electron-native',
    private: true,
    dependencies: { [sqliteModule]: sqliteVersion },
  }),
);
cpSync(sqliteDir, join(projectDir, 'node_modules', sqliteModule), {
  recursive: true,
  filter: (source) => !source.startsWith(join(sqliteDir, 'build')),
});
for (const dependency of ['bindings', 'file-uri-to-path']) {
  const dependencyDir = dirname(require.resolve(`${dependency}/package.json`, { paths: [sqliteDir] }));
  cpSync(dependencyDir, join(projectDir, 'node_modules', dependency), { recursive: true });
}

// A `nodedir` in the npm config (npm exports it to scripts) would make node-gyp build against Node's headers,
// silently producing a binary for the wrong ABI.
for (const key of Object.keys(process.env))
  if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];

console.log(`Building ${sqliteModule} ${sqliteVersion} for Electron ${electronVersion}…`);
try {
  await rebuild({ buildPath: projectDir, electronVersion, onlyModules: [sqliteModule], force: true });
} catch (error) {
  rmSync(projectDir, { recursive: true, force: true });
  console.error(
    `Could not build ${sqliteModule} for Electron ${electronVersion}: ${error instanceof Error ? error.message : String(error)}\n` +
      "This needs Electron's headers from https://electronjs.org/headers (or ELECTRON_MIRROR / npm_config_disturl).",
  );
  process.exit(1);
}
const built = join(projectDir, 'node_modules', sqliteModule, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(built)) {
  console.error(`The rebuild finished but ${built} is missing.`);
  process.exit(1);
}
// Node must refuse the Electron build (different NODE_MODULE_VERSION); if it loads here, it was built for Node.
const abiCheck = spawnSync(process.execPath, [
  '-e',
  `process.dlopen({ exports: {} }, ${JSON.stringify(built)})`,
]);
if (abiCheck.status === 0) {
  console.error(
    `The build at ${built} is for this Node's ABI, not Electron's: check npm's nodedir/disturl settings.`,
  );
  process.exit(1);
}
// The name main/electron/main.ts looks for.
const target = join('build', 'electron-native', 'better_sqlite3_multiple_ciphers.node');
copyFileSync(built, join(repoRoot, target));
rmSync(projectDir, { recursive: true, force: true });
console.log(`Built ${target}.`);
