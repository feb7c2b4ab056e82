/**
 * `npm run build:server`: the two servers as plain JavaScript, so `npm start` and
 * `npm run start:runtime` run node on a bundle instead of compiling TypeScript through tsx at
 * every start (measured in README's benchmark section).
 *   designer/server/main.ts → dist/server/designer.mjs   (the all-in-one product, `npm start`)
 *   runtime/server/main.ts  → dist/server/runtime.mjs    (a league/banner runtime on its own)
 * Packages stay external: node_modules is loaded as installed (better-sqlite3's native addon
 * among them). Source maps sit beside each bundle and point at the TypeScript sources.
 */
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
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

/** Builds both bundles; each file is written beside its final name and renamed, so a server starting meanwhile never reads half a bundle. */
export async function buildServers(): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(SERVER_ENTRIES).map(([out, entry]) => ({ in: entry, out })),
    outdir: SERVER_BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    plugins: [sourceLocatedImportMeta, bundledPackageJson],
  });
  await mkdir(SERVER_BUNDLE_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`;
    await writeFile(partial, file.contents);
    await rename(partial, file.path);
  }
  return result.outputFiles.map((file) => relative(ROOT, file.path));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await buildServers();
  process.stdout.write(`built ${written.filter((f) => f.endsWith('.mjs')).join(', ')}\n`);
}
