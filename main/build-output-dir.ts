// Where `npm run build` writes (dist/ at the project's root), found from the running file: the console runs from
// its source (main/…, with tsx) or from the bundle dist/console.mjs, and a bundle has a single folder for all of
// its modules.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function buildOutputDir(moduleDir: string): string {
  for (let dir = moduleDir; ; dir = dirname(dir)) {
    if (basename(dir) === 'dist') return dir;
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist');
    if (dirname(dir) === dir) throw new Error(`No project folder (package.json) above ${moduleDir}`);
  }
}
