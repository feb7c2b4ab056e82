import { systemClock, type Clock } from '../../core/clock/index.js';
import { divisionLevel } from '../../core/codes/index.js';
import { divisionTree, findDivision, type DivisionNode } from '../../core/divisions/index.js';
import { catalogueProblem, NotFoundError, ValidationFailedError, type Problem } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import type { ConfigReader, ConfigStore } from '../../ports/config-store/port.js';
import type { StationRecord } from '../../core/model/records.js';

/**
 * Township and village service stations have no fixed national list, so a region administrator
 * adds them under their banner; only then can they claim items and have window staff.
 */
export async function addStation({ store, clock = systemClock, body, actor }: { store: ConfigStore; clock?: Clock; body: unknown; actor: string }): Promise<StationRecord> {
  const now = clock().toISOString();
  const input = (body ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const code = typeof input.code === 'string' ? input.code : '';
  const level = divisionLevel(code);
  if (!/^\d{9}$|^\d{12}$/.test(code) || (level !== 'township' && level !== 'village')) {
    problems.push(catalogueProblem('/code', 'station.code', { key: 'services.stations.code' }));
  } else if (findDivision(code.slice(0, 6))?.level !== 'banner_county') {
    problems.push(catalogueProblem('/code', 'station.parent', { key: 'services.stations.parent', values: { prefix: code.slice(0, 6) } }));
  }
  if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 100) problems.push(catalogueProblem('/name', 'station.name', { key: 'services.stations.name' }));
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.stations.invalid' }, problems);
  const station: StationRecord = { code, name: (input.name as string).trim(), parentCode: code.slice(0, 6), addedAt: now, addedBy: actor };
  await store.addStation(station);
  await store.appendAudit({ at: now, actor, action: 'station.added', code: null, version: null, reason: null, details: { station: code, name: station.name } });
  return station;
}

/** Whether `division` is a locality Tongban serves: a listed division, or a station an admin added. */
export async function requireServedLocality({ store, division }: { store: ConfigReader; division: string }): Promise<void> {
  if (findDivision(division)) return;
  const level = divisionLevel(division);
  if ((level === 'township' || level === 'village') && (await store.listStations()).some((s) => s.code === division)) return;
  throw new NotFoundError({ key: 'services.stations.notServed', values: { division } }, { division });
}

export interface StationNode extends StationRecord {
  children: [];
}

/**
 * The division tree with the registered stations under their banners; a village (嘎查村、社区)
 * station sits under its township's station when that township is registered too.
 */
export async function divisionTreeWithStations({ store }: { store: ConfigReader }): Promise<DivisionNode> {
  const tree = divisionTree();
  const stations = await store.listStations();
  const nodeOf = (station: StationRecord, parentCode: string): DivisionNode =>
    ({ code: station.code, name: station.name, parentCode, level: 'station' as never, kind: uiText('runtime.division.stations'), children: [] });
  const townships = new Map(stations.filter((s) => s.code.length === 9).map((s) => [s.code, nodeOf(s, s.parentCode)]));
  for (const village of stations.filter((s) => s.code.length === 12)) {
    const township = townships.get(village.code.slice(0, 9));
    if (township) township.children.push(nodeOf(village, township.code));
  }
  const visit = (node: DivisionNode) => {
    node.children.forEach(visit);
    if (node.level === 'banner_county') {
      for (const station of stations.filter((s) => s.parentCode === node.code)) {
        const township = townships.get(station.code);
        if (township) node.children.push(township);
        else if (!townships.has(station.code.slice(0, 9))) node.children.push(nodeOf(station, node.code));
      }
    }
  };
  visit(tree);
  return tree;
}

/**
 * A locality's own name: a station by the name it was registered with (保全庄街道便民服务站),
 * never after its banner; a listed division by its GB/T 2260 name; an unknown code as itself.
 */
export function localityName(code: string, stations: readonly Pick<StationRecord, 'code' | 'name'>[]): string {
  const station = code.length > 6 ? stations.find((s) => s.code === code) : undefined;
  return station?.name ?? findDivision(code)?.name ?? findDivision(code.slice(0, 6))?.name ?? code;
}
