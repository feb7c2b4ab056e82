import { compileFormValidator, type FormValidator } from '../form/form-validator.js';
import { formFields } from '../form/form-fields.js';
import { conditionalFields, type ConditionalField } from '../form/field-conditions.js';
import { CompiledRules } from '../rules/compiled-rules.js';
import { contentHash } from '../canonical/content-hash.js';
import type { ItemConfig, Material } from '../config/types.js';
import type { ItemRef } from './types.js';
import { CONTEXT_FACTS } from '../vocabulary/index.js';

/** Everything an evaluation needs, built once per config version and shared by every request. */
export interface CompiledConfig {
  readonly config: ItemConfig;
  readonly item: ItemRef;
  readonly validateForm: FormValidator;
  readonly rules: CompiledRules;
  readonly fieldNames: readonly string[];
  /** Every fact a rule may read (the fields, then the context), each undefined: what an evaluation copies and fills in. */
  readonly blankFacts: Readonly<Record<string, undefined>>;
  /** Lookups every evaluation needs, built once. */
  readonly materialsById: ReadonlyMap<string, Material>;
  readonly fieldTitles: ReadonlyMap<string, string>;
  /** The form's fields shown or required only under a condition on another field. */
  readonly conditionalFields: readonly ConditionalField[];
}

/** How a config's form schema becomes its validator: ajv on the spot by default, or a caching compiler (form-validator-code.ts). */
export type CompileForm = (schema: Record<string, unknown>) => FormValidator;

export function compileConfig(config: ItemConfig, item?: Partial<ItemRef>, compileForm: CompileForm = compileFormValidator): CompiledConfig {
  const fields = formFields(config.form.schema);
  return {
    config,
    item: { code: config.code, version: item?.version ?? null, hash: item?.hash ?? contentHash(config) },
    validateForm: compileForm(config.form.schema),
    rules: new CompiledRules(config.rules),
    fieldNames: [...fields.keys()],
    blankFacts: blankFacts([...fields.keys()]),
    materialsById: new Map(config.standard.materials.map((m) => [m.id, m])),
    fieldTitles: new Map([...fields.values()].map((f) => [f.name, f.title])),
    conditionalFields: conditionalFields(config.form.schema),
  };
}

/** Made in one go (Object.fromEntries gives an object V8 keeps in its fast, shaped form; one grown key by key past a dozen is not). */
function blankFacts(fieldNames: readonly string[]): Record<string, undefined> {
  return Object.fromEntries([...fieldNames, ...CONTEXT_FACTS].map((name) => [name, undefined]));
}

/**
 * Compiled configs keyed by content hash: a version is compiled once per process however many
 * requests, windows or instances ask for it (concurrent first requests share one load).
 * Bounded; the least recently used entry leaves first.
 */
export class CompiledConfigCache {
  private readonly entries = new Map<string, CompiledConfig>();
  private readonly loading = new Map<string, Promise<CompiledConfig>>();
  /** How many compilations this cache has run: a benchmark and test probe for "compile once". */
  compilations = 0;

  constructor(private readonly capacity = 1000, private readonly compileForm: CompileForm = compileFormValidator) {}

  private peek(key: string): CompiledConfig | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Compiles `config` unless a config with the same hash is already compiled. */
  compile(config: ItemConfig, item: { version: number | null; hash?: string }): CompiledConfig {
    const hash = item.hash ?? contentHash(config);
    // The version is part of the key: identical content may be published under two versions,
    // and a decision must name the one it was asked about.
    const key = cacheKey(hash, item.version);
    const hit = this.peek(key);
    if (hit) return hit;
    const compiled = compileConfig(config, { version: item.version, hash }, this.compileForm);
    this.compilations++;
    this.entries.set(key, compiled);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return compiled;
  }

  async getOrLoad(
    item: { hash: string; version: number | null },
    load: () => Promise<ItemConfig>,
  ): Promise<CompiledConfig> {
    const key = cacheKey(item.hash, item.version);
    const hit = this.peek(key);
    if (hit) return hit;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load()
        .then((config) => this.compile(config, item))
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }
}

function cacheKey(hash: string, version: number | null): string {
  return `${hash}@${version ?? 'draft'}`;
}
