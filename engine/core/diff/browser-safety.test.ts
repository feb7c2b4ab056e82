import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runtime imports of a module (type-only imports vanish when compiled, so they are fine). */
function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
    if (!match[2]) specifiers.push(match[3] as string);
  }
  for (const match of source.matchAll(/^\s*import\s+'([^']+)'/gm)) specifiers.push(match[1] as string);
  return specifiers;
}

describe('engine/diff is browser-safe', () => {
  it('reaches no Node built-in, no package and no Node global from its index', () => {
    const seen = new Set<string>();
    const packages: string[] = [];
    const globals: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (file.endsWith('.json')) return;
      const source = readFileSync(file, 'utf8');
      if (/\b(process\.|Buffer\b|require\(|__dirname)/.test(source)) globals.push(relative(root, file));
      for (const specifier of runtimeImports(source)) {
        if (!specifier.startsWith('.')) packages.push(`${relative(root, file)} → ${specifier}`);
        else visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      }
    };
    visit(resolve(root, 'engine/core/diff/index.ts'));
    expect(packages).toEqual([]);
    expect(globals).toEqual([]);
    expect([...seen].map((f) => relative(root, f))).toContain('standards/item-standard.schema.json');
  });
});
