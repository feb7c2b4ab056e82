import { Ajv, _, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import equal from 'ajv/dist/runtime/equal.js';
import uri from 'ajv/dist/runtime/uri.js';
import validationError from 'ajv/dist/runtime/validation_error.js';
import ajvPackage from 'ajv/package.json' with { type: 'json' };
import { sha256Hex } from '../canonical/content-hash.js';
import { extendFormAjv, formAjvOptions } from './form-ajv.js';
import { linearRegExp } from './linear-regexp.js';
import { formValidatorOf, type FormValidator } from './form-validator.js';

/**
 * Where generated validator code is kept between processes (a runtime's data directory). The
 * store vouches for what it returns: a file that was altered or cut short must read as absent.
 */
export interface FormValidatorCodeStore {
  read(key: string): string | null;
  write(key: string, source: string): void;
  /**
   * Optional: the function that runs `source` (code this store returned for `key` or was given
   * under it), taking `parameters` by those names. Without it, `new Function(...parameters, source)`.
   * A server's store compiles it with node:vm and keeps V8's compiled code beside the file, so a
   * restart neither parses nor compiles the validator again (runtime/server/validator-code-files.ts).
   */
  load?(key: string, source: string, parameters: readonly string[]): (...args: unknown[]) => unknown;
}

/** Bumped when how code is generated or loaded here changes: older cache entries are then never asked for. */
const CODE_GENERATION = 'form-validator-code/2';

let generation: string | undefined;

/**
 * What the generated code depends on besides the schema: this module's generation, ajv's version
 * and the kind of every format (generated code calls a function format and tests a regex one
 * differently). Any change makes every key new.
 */
function codeGeneration(): string {
  generation ??= JSON.stringify([
    CODE_GENERATION,
    ajvPackage.version,
    Object.entries(generatingAjv().formats).map(([name, format]) => `${name}:${format instanceof RegExp ? 'regexp' : typeof format === 'object' && format !== null ? `object:${typeof (format as { validate?: unknown }).validate}:${String((format as { async?: unknown }).async ?? false)}` : typeof format}`),
  ]);
  return generation;
}

/** SHA-256 (hex) of a text; the core's pure-JS one by default, a server may hand in node:crypto's. */
export type TextHash = (text: string) => string;

/**
 * The key of a schema's generated validator: SHA-256 of the code generation and the schema's JSON
 * text. (The same content written with its keys in another order gets another key: it is then
 * compiled once more, never given another schema's code.)
 */
export function formValidatorKey(schema: Record<string, unknown>, hash: TextHash = sha256Hex): string {
  return hash(`${codeGeneration()}\n${JSON.stringify(schema)}`);
}

/**
 * Generated code as ASCII: the titles and messages of a Chinese form would otherwise make the
 * whole source a two-byte string, which V8 keeps for as long as the validator lives.
 */
function asciiSource(source: string): string {
  // Outside ASCII, generated code has characters only in string literals and identifiers, where \uXXXX means the same.
  return source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const FORMATS_NAME = 'tongbanFormats';
// The name linearRegExp gives ajv for its code (`code.regExp.code`).
const REGEXP_NAME = (linearRegExp as unknown as { code: string }).code;

let codeAjv: Ajv | undefined;

/** The form ajv set up to emit standalone code: formats and the linear regex engine referenced by name. */
function generatingAjv(): Ajv {
  if (!codeAjv) {
    const options = formAjvOptions({ strict: false });
    codeAjv = extendFormAjv(new Ajv({ ...options, code: { ...options.code, source: true, formats: _`tongbanFormats` } }));
  }
  return codeAjv;
}

/** What generated code may `require`: ajv's runtime helpers, nothing else. */
const RUNTIME_MODULES: Record<string, unknown> = {
  'ajv/dist/runtime/ucs2length': ucs2length,
  'ajv/dist/runtime/equal': equal,
  'ajv/dist/runtime/uri': uri,
  'ajv/dist/runtime/validation_error': validationError,
};

function runtimeRequire(name: string): unknown {
  const found = RUNTIME_MODULES[name];
  if (found === undefined) throw new Error(`generated validator code asks for ${name}`);
  // Generated code reads `.default` (CommonJS); bundlers may already have unwrapped it.
  return typeof found === 'object' && found !== null && 'default' in found ? found : { default: found };
}

/** The names generated code runs under: CommonJS's three, the formats and the linear regex engine. */
const PARAMETERS: readonly string[] = ['require', 'module', 'exports', FORMATS_NAME, REGEXP_NAME];

/**
 * Runs generated code (as ajv's standalone output is a CommonJS module) and returns its validate
 * function; through the store's own loader when it has one.
 */
function loadGenerated(source: string, store?: FormValidatorCodeStore, key?: string): ValidateFunction {
  const module: { exports: unknown } = { exports: {} };
  const run = store?.load && key !== undefined
    ? store.load(key, source, PARAMETERS)
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the same evaluation ajv.compile does, on code we generated
    : (new Function(...PARAMETERS, source) as (...args: unknown[]) => unknown);
  run(runtimeRequire, module, module.exports, generatingAjv().formats, linearRegExp);
  const validate = module.exports as ValidateFunction;
  if (typeof validate !== 'function') throw new Error('generated validator code exports no function');
  return validate;
}

type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;

function generate(schema: Record<string, unknown>): { validate: ValidateFunction; source: string } {
  const ajv = generatingAjv();
  const compiled = ajv.compile(schema);
  try {
    const module = standaloneCode as unknown as { default?: StandaloneCode } & StandaloneCode;
    const render = module.default ?? module;
    return { validate: compiled, source: asciiSource(render(ajv, compiled)) };
  } finally {
    ajv.removeSchema(schema);
  }
}

export interface FormValidatorCompiler {
  (schema: Record<string, unknown>): FormValidator;
  /** Counters for tests and the bench: compiled by ajv, loaded from the store, shared in memory. */
  readonly counts: { compiled: number; loaded: number; shared: number; refused: number };
}

/**
 * Form validators compiled once per distinct schema and process, and once per schema at all when
 * a code store is given: ajv's generated code is kept under the schema's content hash and loaded
 * by the next process instead of compiled again (a fraction of a millisecond against tens). Code
 * the store returns that does not load is ignored and compiled afresh. Identical schemas (items
 * built from one template) share one validator.
 */
export function formValidatorCompiler({ store, capacity = 1000, hash = sha256Hex }: { store?: FormValidatorCodeStore; capacity?: number; hash?: TextHash } = {}): FormValidatorCompiler {
  const shared = new Map<string, ValidateFunction>();
  const counts = { compiled: 0, loaded: 0, shared: 0, refused: 0 };
  const validateFor = (schema: Record<string, unknown>): ValidateFunction => {
    const key = formValidatorKey(schema, hash);
    const known = shared.get(key);
    if (known) {
      counts.shared++;
      return known;
    }
    let validate: ValidateFunction | undefined;
    const cached = store?.read(key) ?? null;
    if (cached !== null) {
      try {
        validate = loadGenerated(cached, store, key);
        counts.loaded++;
      } catch {
        counts.refused++;
      }
    }
    if (!validate) {
      const generated = generate(schema);
      validate = generated.validate;
      counts.compiled++;
      if (store) {
        store.write(key, generated.source);
        // A store with its own loader runs the code it keeps from the first process on (and may keep V8's compiled code of it).
        if (store.load) {
          try {
            validate = loadGenerated(generated.source, store, key);
          } catch {
            // ajv's own compiled function stays
          }
        }
      }
    }
    if (shared.size >= capacity) shared.delete(shared.keys().next().value as string);
    shared.set(key, validate);
    return validate;
  };
  const compile = ((schema: Record<string, unknown>) => formValidatorOf(schema, validateFor(schema))) as FormValidatorCompiler;
  Object.defineProperty(compile, 'counts', { value: counts });
  return compile;
}
