/**
 * The browser side of "same engine everywhere": the window compiles the exact config version it
 * fetched (checking its content hash) and decides with the engine code the runtime server runs.
 */
import { compileConfig, contentHash, evaluateCompiled, uiText, type CompiledConfig, type Decision, type ItemConfig } from '../../../engine/core/index.js';
import type { ItemDetail } from './api.js';

const cache = new Map<string, CompiledConfig>();

export class HashMismatchError extends Error {}

export function compileDetail(detail: ItemDetail): CompiledConfig {
  const key = `${detail.item.hash}@${String(detail.item.version)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const actual = contentHash(detail.config);
  if (actual !== detail.item.hash) {
    throw new HashMismatchError(uiText('runtime.api.hashMismatch', 'zh-CN', { expected: detail.item.hash.slice(0, 12), actual: actual.slice(0, 12) }));
  }
  const compiled = compileConfig(detail.config as ItemConfig, { version: detail.item.version, hash: detail.item.hash });
  cache.set(key, compiled);
  return compiled;
}

export interface WindowInput {
  scenario: string;
  formData: Record<string, unknown>;
  materials: string[];
  /** The clerk found the applicant on a 失信 list: no 容缺受理. */
  creditBlacklisted?: boolean;
}

export function decide(compiled: CompiledConfig, input: WindowInput, division: string): Promise<Decision> {
  return evaluateCompiled(compiled, input, { division, channel: 'comprehensive-window' });
}
