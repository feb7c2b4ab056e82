import type { ConditionNode, LeafCondition } from '../config/types.js';

export function isLeaf(node: ConditionNode): node is LeafCondition {
  return typeof (node as LeafCondition).fact === 'string';
}

/** Visits every leaf with its JSON pointer relative to the node. */
export function forEachLeaf(node: ConditionNode, visit: (leaf: LeafCondition, pointer: string) => void, pointer = ''): void {
  if ('all' in node && Array.isArray(node.all)) node.all.forEach((child, i) => forEachLeaf(child, visit, `${pointer}/all/${i}`));
  else if ('any' in node && Array.isArray(node.any)) node.any.forEach((child, i) => forEachLeaf(child, visit, `${pointer}/any/${i}`));
  else if ('not' in node && node.not) forEachLeaf(node.not, visit, `${pointer}/not`);
  else if (isLeaf(node)) visit(node, pointer);
}

/** Three-valued truth: a condition over a missing fact is unknown unless the rest decides it. */
export type Truth = true | false | 'unknown';

/**
 * Kleene's strong three-valued logic: `all` is false as soon as one branch is false, `any` true as
 * soon as one is true; otherwise an unknown branch makes the whole unknown. A rule whose conditions
 * come out unknown cannot be decided from the data at hand.
 */
export function evaluateThreeValued(node: ConditionNode, leafTruth: (leaf: LeafCondition) => Truth): Truth {
  if ('all' in node && Array.isArray(node.all)) {
    let unknown = false;
    for (const child of node.all) {
      const t = evaluateThreeValued(child, leafTruth);
      if (t === false) return false;
      if (t === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : true;
  }
  if ('any' in node && Array.isArray(node.any)) {
    let unknown = false;
    for (const child of node.any) {
      const t = evaluateThreeValued(child, leafTruth);
      if (t === true) return true;
      if (t === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : false;
  }
  if ('not' in node && node.not) {
    const t = evaluateThreeValued(node.not, leafTruth);
    return t === 'unknown' ? t : !t;
  }
  return leafTruth(node as LeafCondition);
}
