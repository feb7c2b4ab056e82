import { expect, it } from 'vitest';
import { ConflictError, type DataListEntry, type ReportSnapshot } from '../../engine/core/index.js';
import type { StoreHarness } from './store-contract.js';

const commitment = (id: string, department: string, dataItem: string, status: 'planned' | 'provided' = 'planned'): DataListEntry => ({
  kind: 'responsibility', id, department, dataItem, interfaceName: '人口库身份核验接口', sharingMethod: 'interface', dueDate: '2027-03-31', status, updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'author-a',
});

const snapshot = (key: string, claimed: number): ReportSnapshot => ({
  period: 'week', key, start: '2026-11-30', end: '2026-12-06', takenAt: '2026-12-02T00:00:00.000Z', takenBy: 'admin',
  localities: [{ division: '150100', name: '呼和浩特市', level: 'league_city', parentCode: '150000', claimed, localFieldsCompleted: 0, casesAccepted: 0, casesDispatched: 0, casesOverdue: 0 }],
  departments: [],
});

/** 责任清单 / 负面清单 entries and 周调度 / 月通报 snapshots: both adapters keep, replace, order and refuse alike. */
export function programmeContract(harness: () => StoreHarness): void {
  it('keeps 责任清单 and 负面清单 entries apart, replaces by id, lists them by department and data item, and deletes', async () => {
    const { store } = harness();
    expect(await store.listDataListEntries('responsibility')).toEqual([]);
    const b = commitment('r-2', '内蒙古自治区民政厅', '婚姻登记信息');
    const a = commitment('r-1', '内蒙古自治区公安厅', '居民户籍信息');
    expect(await store.putDataListEntry(b)).toBeNull();
    expect(await store.putDataListEntry(a)).toBeNull();
    const negative: DataListEntry = { kind: 'negative', id: 'r-1', department: '内蒙古自治区公安厅', dataItem: '出入境记录', basis: '《中华人民共和国出境入境管理法》', updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'author-a' };
    expect(await store.putDataListEntry(negative)).toBeNull();
    const changed = commitment('r-2', '内蒙古自治区民政厅', '婚姻登记信息', 'provided');
    expect(await store.putDataListEntry(changed)).toEqual(b);
    // 公 (gōng) sorts before 民 (mín) in pinyin order.
    expect(await store.listDataListEntries('responsibility')).toEqual([a, changed]);
    expect(await store.listDataListEntries('negative')).toEqual([negative]);
    expect(await store.deleteDataListEntry('responsibility', 'r-1')).toBe(true);
    expect(await store.deleteDataListEntry('responsibility', 'r-1')).toBe(false);
    expect(await store.listDataListEntries('responsibility')).toEqual([changed]);
    expect(await store.listDataListEntries('negative')).toEqual([negative]);
  });

  it('keeps report snapshots as history: oldest first, one per period, a second one refused', async () => {
    const { store, openReader } = harness();
    await store.insertReportSnapshot(snapshot('2026-W49', 3));
    await store.insertReportSnapshot(snapshot('2026-W48', 1));
    await expect(store.insertReportSnapshot(snapshot('2026-W49', 9))).rejects.toBeInstanceOf(ConflictError);
    expect((await store.listReportSnapshots('week')).map((s) => [s.key, s.localities[0]?.claimed])).toEqual([['2026-W48', 1], ['2026-W49', 3]]);
    expect(await store.listReportSnapshots('month')).toEqual([]);
    const reader = await openReader();
    try {
      expect((reader as unknown as Record<string, unknown>).insertReportSnapshot).toBeUndefined();
      expect((reader as unknown as Record<string, unknown>).putDataListEntry).toBeUndefined();
    } finally {
      await reader.close();
    }
  });
}

/** Material templates' files: kept by content hash, the first record kept, served by a runtime's reader. */
export function templateFileContract(harness: () => StoreHarness): void {
  it('keeps a template file under its hash, keeps the first of two equal uploads, and a runtime reads it', async () => {
    const { store, openReader } = harness();
    const content = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);
    const file = { hash: `sha256:${'a'.repeat(64)}`, type: 'application/pdf', size: content.length, content, storedAt: '2026-12-01T00:00:00.000Z', storedBy: 'author-a' };
    expect(await store.getTemplateFile(file.hash)).toBeNull();
    expect(await store.putTemplateFile(file)).toBe(true);
    expect(await store.putTemplateFile({ ...file, storedBy: 'author-b' })).toBe(false);
    const reader = await openReader();
    try {
      const read = await reader.getTemplateFile(file.hash);
      expect(read).toEqual({ ...file, content: expect.any(Uint8Array) });
      expect([...(read?.content ?? [])]).toEqual([...content]);
      expect((reader as unknown as Record<string, unknown>).putTemplateFile).toBeUndefined();
    } finally {
      await reader.close();
    }
  });
}
