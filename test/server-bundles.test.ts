import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { buildServers, EXTERNAL_PACKAGES, SERVER_BUNDLE_DIR } from '../designer/cli/build-servers.js';

/** The modules a built file imports: statically (loaded with it) and through `import()` (loaded when first asked for). */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const text = readFileSync(join(SERVER_BUNDLE_DIR, file), 'utf8');
  return {
    static: [...text.matchAll(/^import\s+(?:[^'";]*?\s+from\s+)?"([^"]+)";?$/gm)].map((m) => m[1] as string),
    dynamic: [...text.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1] as string),
  };
}

/** Every package a bundle loads at start (its static imports, followed through its own chunks), and the chunks it may load later. */
function startGraph(entry: string): { packages: Set<string>; lazyChunks: Set<string> } {
  const packages = new Set<string>();
  const lazyChunks = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { static: loaded, dynamic } = importsOf(file);
    for (const name of loaded) {
      if (name.startsWith('./')) visit(name.slice(2));
      else packages.add(name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/'));
    }
    for (const name of dynamic) if (name.startsWith('./')) lazyChunks.add(name.slice(2));
  };
  visit(entry);
  for (const chunk of seen) lazyChunks.delete(chunk);
  return { packages, lazyChunks };
}

describe('server bundles', () => {
  beforeAll(async () => {
    await buildServers();
  }, 60_000);

  it('a runtime on SQLite never loads the MongoDB driver: the MongoDB adapters are a chunk imported when MongoDB is configured', () => {
    const runtime = startGraph('runtime.mjs');
    expect(runtime.packages).toContain('better-sqlite3');
    expect(runtime.packages).not.toContain('mongodb');
    // Everything else is in the bundle (express, ajv...): at start, node loads only its own modules and the native addon from node_modules.
    expect([...runtime.packages].filter((name) => !name.startsWith('node:'))).toEqual(['better-sqlite3']);
    // The bundled packages' notices come with them (express's dependencies carry theirs as /*! comments).
    expect(readFileSync(join(SERVER_BUNDLE_DIR, 'runtime.mjs'), 'utf8')).toMatch(/Bundled license information:[\s\S]*MIT Licensed/);
    const lazy = [...runtime.lazyChunks].flatMap((chunk) => importsOf(chunk).static);
    expect(lazy).toContain('mongodb');
  });

  it('the designer loads neither the driver at start, and no package but the external ones', () => {
    const designer = startGraph('designer.mjs');
    expect(designer.packages).not.toContain('mongodb');
    for (const name of designer.packages) if (!name.startsWith('node:')) expect(EXTERNAL_PACKAGES).toContain(name);
  });
});
