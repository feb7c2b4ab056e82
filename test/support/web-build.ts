import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds a web app unless its dist is newer than its sources and the engine (which it bundles). */
export async function ensureWebAppBuilt(app: 'runtime/web' | 'designer/web'): Promise<void> {
  const index = join(ROOT, app, 'dist/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > Math.max(newestMtime(join(ROOT, app)), newestMtime(join(ROOT, 'engine')))) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, app, 'vite.config.ts'), logLevel: 'warn' });
}
