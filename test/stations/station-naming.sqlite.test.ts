// Stations are named by their own name, never after their banner, and a village station sits under
// its township's station in the division tree the pickers show (real SQLite store).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DivisionNode } from '../../engine/core/index.js';
import { divisionTreeWithStations, localityName } from '../../engine/services/index.js';
import { placeName, centreName } from '../../runtime/server/notice-documents.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

const TOWNSHIP = { code: '150102001', name: '中山东路街道便民服务中心' };
const VILLAGE = { code: '150102001001', name: '海东路社区便民服务站' };
const LONE_VILLAGE = { code: '150102002003', name: '兴安路社区便民服务站' };

describe('station naming', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    for (const station of [TOWNSHIP, VILLAGE, LONE_VILLAGE]) expect((await request(t.app).post('/api/divisions/stations').set(t.as.admin).send(station)).status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names a station by its own name and a division by its GB/T 2260 name', async () => {
    const stations = await t.store.listStations();
    expect(localityName(TOWNSHIP.code, stations)).toBe(TOWNSHIP.name);
    expect(localityName(VILLAGE.code, stations)).toBe(VILLAGE.name);
    expect(localityName('150102', stations)).toBe('新城区');
    expect(localityName('150102009', stations)).toBe('新城区');
    const names = new Map(stations.map((s) => [s.code, s.name]));
    expect(placeName(TOWNSHIP.code, names)).toBe(`呼和浩特市新城区${TOWNSHIP.name}`);
    expect(placeName(TOWNSHIP.code, names)).not.toContain('站点');
    expect(centreName(VILLAGE.code, names)).toBe(`呼和浩特市新城区${VILLAGE.name}`);
    expect(centreName('150102', names)).toBe('呼和浩特市新城区政务服务中心');
  });

  it('puts a village station under its township station, and one without a registered township under the banner', async () => {
    const tree = await divisionTreeWithStations({ store: t.store });
    const find = (node: DivisionNode, code: string): DivisionNode | undefined => (node.code === code ? node : node.children.map((c) => find(c, code)).find(Boolean));
    const banner = find(tree, '150102') as DivisionNode;
    expect(banner.children.map((c) => c.code).sort()).toEqual([TOWNSHIP.code, LONE_VILLAGE.code]);
    const township = banner.children.find((c) => c.code === TOWNSHIP.code) as DivisionNode;
    expect(township.name).toBe(TOWNSHIP.name);
    expect(township.children.map((c) => [c.code, c.name])).toEqual([[VILLAGE.code, VILLAGE.name]]);
  });

  it('the runtime names a station locality by its own name', async () => {
    const list = await request(t.app).get(`/api/runtime/${VILLAGE.code}/items`);
    expect(list.status).toBe(200);
    expect(list.body.division).toEqual({ code: VILLAGE.code, name: VILLAGE.name });
  });
});
