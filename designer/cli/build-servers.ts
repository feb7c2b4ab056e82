/**
 * `npm run build:server`: the two servers as plain JavaScript, so `npm start` and
 * `npm run start:runtime` run node on a bundle instead of compiling TypeScript through tsx at
 * every start (measured in README's benchmark section).
 *   designer/server/main.ts → dist/server/designer.mjs   (the all-in-one product, `npm start`)
 *   runtime/server/main.ts  → dist/server/runtime.mjs    (a league/banner runtime on its own)
 * Packages are bundled too, but for the native addon (better-sqlite3) and the MongoDB driver:
 * finding and loading a hundred CommonJS files of node_modules (express and body-parser, ajv, their
 * dependencies) one by one was a sixth of a runtime's start before it listened. Source maps sit
 * beside each bundle and point at the TypeScript sources (and the packages' files).
 * Code reached only through `await import()` (the MongoDB adapters and their driver) goes to
 * chunks beside the bundles (`chunk-<hash>.mjs`), loaded when first imported: a runtime on SQLite
 * never loads the mongodb package (in one bundle, its static imports would be hoisted and load it
 * at every start).
 */
import { readdir, readFile, rename, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_BUNDLE_DIR = join(ROOT, 'dist', 'server');
export const SERVER_ENTRIES = { designer: 'designer/server/main.ts', runtime: 'runtime/server/main.ts' } as const;

/**
 * Our modules find their files next to their source (the built web apps, the fonts, the sample
 * items) through `import.meta.url`. In a bundle that would be the bundle's URL, so each module's
 * `import.meta.url` is rewritten to its source file's URL, relative to the bundle: the checkout
 * can still be moved as a whole.
 */
const sourceLocatedImportMeta: Plugin = {
  name: 'source-located-import-meta',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${join('/', 'node_modules')}/`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(SERVER_BUNDLE_DIR, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * A package's JSON (ajv's package.json, for its version) is bundled: an external JSON import would
 * lose its `with { type: 'json' }` attribute, which node requires.
 */
const bundledPackageJson: Plugin = {
  name: 'bundled-package-json',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: createRequire(args.importer).resolve(args.path) }));
  },
};

/**
 * Loaded from node_modules as installed: better-sqlite3 finds its compiled addon beside its own
 * files; the driver is only ever imported lazily (and keeps its own source maps).
 */
export const EXTERNAL_PACKAGES: readonly string[] = ['better-sqlite3', 'mongodb'];

/**
 * Bundled CommonJS packages `require` node's built-in modules (express: http, path, zlib...): in an
 * ES module there is no `require`, so each output file makes one, as node's own ES loader would.
 */
const REQUIRE_FOR_BUNDLED_COMMONJS = "import { createRequire as createRequireForBundledPackages } from 'node:module'; const require = createRequireForBundledPackages(import.meta.url);";

/** Chunks of earlier builds are removed once this old: a server started before a rebuild may still import its own lazily. */
const STALE_CHUNK_MS = 60 * 60 * 1000;

/**
 * Builds both bundles; each file is written beside its final name and renamed, so a server starting
 * meanwhile never reads half a bundle. Chunks (named by their content) are written before the
 * entries that import them; chunks no build has written for an hour are removed.
 */
export async function buildServers(): Promise<string[]> {
  // One build per server: a chunk shared by both would carry every export either one uses, and the runtime would load the designer's.
  const outputs = await Promise.all(Object.entries(SERVER_ENTRIES).map(async ([out, entry]) => (await build({
    absWorkingDir: ROOT,
    entryPoints: [{ in: entry, out }],
    outdir: SERVER_BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    target: 'node20',
    external: [...EXTERNAL_PACKAGES],
    banner: { js: REQUIRE_FOR_BUNDLED_COMMONJS },
    sourcemap: 'linked',
    sourcesContent: false,
    // The bundled packages' copyright and licence notices travel with their code, at each file's end.
    legalComments: 'eof',
    logLevel: 'warning',
    write: false,
    plugins: [sourceLocatedImportMeta, bundledPackageJson],
  })).outputFiles));
  await mkdir(SERVER_BUNDLE_DIR, { recursive: true });
  const isChunk = (path: string) => /^chunk-[^/\\]+\.mjs(\.map)?$/.test(relative(SERVER_BUNDLE_DIR, path));
  const files = [...outputs.flat().filter((f) => isChunk(f.path)), ...outputs.flat().filter((f) => !isChunk(f.path))];
  for (const file of files) {
    const partial = `${file.path}.${process.pid}.partial`;
    await writeFile(partial, file.contents);
    await rename(partial, file.path);
  }
  const written = new Set(files.map((file) => file.path));
  for (const name of await readdir(SERVER_BUNDLE_DIR)) {
    const path = join(SERVER_BUNDLE_DIR, name);
    if (!isChunk(path) || written.has(path)) continue;
    try {
      if (Date.now() - (await stat(path)).mtimeMs > STALE_CHUNK_MS) await unlink(path);
    } catch {
      // removed meanwhile by another build
    }
  }
  return files.map((file) => relative(ROOT, file.path));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await buildServers();
  process.stdout.write(`built ${written.filter((f) => f.endsWith('.mjs')).join(', ')}\n`);
}
