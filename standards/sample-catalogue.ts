import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ItemConfig } from '../engine/core/index.js';

export const SAMPLE_ITEMS_DIR = fileURLToPath(new URL('./items/', import.meta.url));

/** The sample item configs shipped in standards/items (marked `meta.sample`), sorted by code. */
export function loadSampleCatalogue(dir: string = SAMPLE_ITEMS_DIR): ItemConfig[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as ItemConfig)
    .sort((a, b) => a.code.localeCompare(b.code));
}
