import records from '../../../standards/divisions.json' with { type: 'json' };
import { divisionLevel, isDivisionWithin, normalizeDivisionCode } from '../codes/index.js';

export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: 'region' | 'league_city' | 'banner_county';
  kind: string;
}

export interface DivisionNode extends Division {
  children: DivisionNode[];
}

const divisions = records as Division[];
const byCode = new Map(divisions.map((d) => [d.code, d]));

export function listDivisions(): readonly Division[] {
  return divisions;
}

export function findDivision(code: string): Division | undefined {
  return byCode.get(normalizeDivisionCode(code) ?? code);
}

/**
 * A locality Tongban can serve: the region, a league/city or banner/county of the list, or a
 * township/village station code under a listed banner (stations have no fixed national list).
 */
export function isKnownLocality(code: string): boolean {
  if (typeof code !== 'string') return false;
  const normalized = normalizeDivisionCode(code);
  if (!normalized) return false;
  if (byCode.has(normalized)) return true;
  const level = divisionLevel(normalized);
  if (level !== 'township' && level !== 'village') return false;
  return byCode.get(normalized.slice(0, 6))?.level === 'banner_county';
}

/** Where a locality sits: itself and its ancestors, region first. */
export function divisionChain(code: string): Division[] {
  return divisions.filter((d) => isDivisionWithin(code, d.code)).sort((a, b) => a.code.replace(/0+$/, '').length - b.code.replace(/0+$/, '').length);
}

export function divisionTree(): DivisionNode {
  const nodes = new Map<string, DivisionNode>(divisions.map((d) => [d.code, { ...d, children: [] }]));
  let root: DivisionNode | undefined;
  for (const node of nodes.values()) {
    if (node.parentCode) nodes.get(node.parentCode)?.children.push(node);
    else root = node;
  }
  if (!root) throw new Error('standards/divisions.json has no region record');
  return root;
}
