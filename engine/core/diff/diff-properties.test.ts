import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { stableKey } from './json-values.js';
import { pointerTokens } from './json-pointer.js';
import { mutate, neutralEdit, seededRng } from './config-mutator.js';
import { diffConfigs, mirrorDiff, type ConfigDiff } from './index.js';
import type { ItemConfig } from '../config/types.js';

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

/** Pair for a seed: `a` is the fixture after a few edits, `b` is `a` after a few more. */
function pairFor(seed: number): { a: ItemConfig; b: ItemConfig; applied: string[] } {
  const rng = seededRng(seed);
  const a = mutate(itemConfig(), rng, rng.int(4)).config;
  const { config: b, applied } = mutate(a, rng, 1 + rng.int(5));
  return { a, b, applied };
}

function resolve(document: unknown, at: string): unknown {
  let node = document;
  for (const token of pointerTokens(at)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * What the diff deliberately treats as meaningless, spelled out independently of its code: key
 * order, the order of rules, examples and sets, and defaults written out.
 */
function normalised(config: ItemConfig): string {
  const c = structuredClone(config) as unknown as Record<string, any>;
  const byKey = (key: string) => (x: any, y: any) => (stableKey(x?.[key]) < stableKey(y?.[key]) ? -1 : 1);
  c.rules.sort(byKey('name'));
  c.examples.sort(byKey('name'));
  for (const rule of c.rules) {
    if (rule.enabled === true) delete rule.enabled;
    if (rule.priority === 1) delete rule.priority;
    const visit = (n: any): void => {
      if (Array.isArray(n?.all)) n.all.forEach(visit);
      else if (Array.isArray(n?.any)) n.any.forEach(visit);
      else if (n?.not) visit(n.not);
      else if (n?.optional === false) delete n.optional;
    };
    visit(rule.conditions);
  }
  c.standard.localFields.sort();
  c.standard.serviceObjects.sort(byKey('code'));
  c.standard.exerciseLevels.sort(byKey('code'));
  const sortRequired = (n: any): void => {
    if (Array.isArray(n)) n.forEach(sortRequired);
    else if (n && typeof n === 'object') {
      if (Array.isArray(n.required)) n.required.sort();
      Object.values(n).forEach(sortRequired);
    }
  };
  sortRequired(c.form.schema);
  c.form.uiSchema ??= {};
  return stableKey(c);
}

function expectConsistentSummary(diff: ConfigDiff): void {
  for (const kind of ['added', 'removed', 'changed', 'moved'] as const) {
    expect(diff.summary.kinds[kind]).toBe(diff.changes.filter((c) => c.kind === kind).length);
    for (const [section, counts] of Object.entries(diff.summary.sections)) {
      expect(counts[kind]).toBe(diff.changes.filter((c) => c.kind === kind && c.section === section).length);
    }
  }
  expect(diff.summary.total).toBe(diff.changes.length);
  expect(diff.summary.canAlterDecision).toBe(diff.changes.some((c) => c.affectsDecision));
}

describe('diffConfigs on 200 generated pairs', () => {
  it.each(SEEDS)('seed %i: identity, mirror symmetry, pointers, completeness', (seed) => {
    const { a, b, applied } = pairFor(seed);
    const context = `seed ${seed}: ${applied.join(', ')}`;
    const snapshot = [stableKey(a), stableKey(b)];

    expect(diffConfigs(a, a).changes, context).toEqual([]);
    expect(diffConfigs(b, structuredClone(b)).changes, context).toEqual([]);

    const forward = diffConfigs(a, b);
    const backward = diffConfigs(b, a);
    expect(backward, context).toEqual(mirrorDiff(forward));
    expect(mirrorDiff(backward), context).toEqual(forward);

    // Deterministic, plain JSON, and the inputs are left alone.
    expect(diffConfigs(a, b)).toEqual(forward);
    expect(JSON.parse(JSON.stringify(forward))).toEqual(forward);
    expect([stableKey(a), stableKey(b)]).toEqual(snapshot);
    expectConsistentSummary(forward);

    // Every pointer addresses the thing on its side; values are the values found there.
    for (const change of forward.changes) {
      const side = change.kind === 'removed' ? a : b;
      expect(resolve(side, change.pointer), `${context} ${change.pointer}`).toBeDefined();
      if (change.kind !== 'added') expect(resolve(a, change.fromPointer ?? change.pointer), `${context} ${change.pointer}`).toBeDefined();
      if (change.kind === 'added') expect(resolve(b, change.pointer)).toEqual(change.after);
      if (change.kind === 'removed') expect(resolve(a, change.pointer)).toEqual(change.before);
      if (change.kind === 'moved' && typeof change.after === 'number') expect(pointerTokens(change.pointer).at(-1)).toBe(String(change.after));
      if (change.kind === 'changed' && !change.aspects) {
        expect(resolve(a, change.fromPointer ?? change.pointer)).toEqual(change.before);
        expect(resolve(b, change.pointer)).toEqual(change.after);
      }
    }

    // Complete: whatever differs beyond what is meaningless shows up.
    expect(forward.changes.length === 0, context).toBe(normalised(a) === normalised(b));
  });

  it.each(SEEDS)('seed %i: edits that mean nothing give an empty diff', (seed) => {
    const rng = seededRng(10_000 + seed);
    const a = mutate(itemConfig(), rng, rng.int(6)).config;
    const { config: b, applied } = neutralEdit(a, rng);
    expect(diffConfigs(a, b).changes, applied.join(', ')).toEqual([]);
    expect(normalised(b)).toBe(normalised(a));
  });
});
