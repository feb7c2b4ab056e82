import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { diffConfigs } from './index.js';
import type { ItemConfig, Material } from '../config/types.js';

function edited(edit: (c: ItemConfig) => void): ItemConfig {
  const config = itemConfig();
  edit(config);
  return config;
}

const licence: Material = {
  id: 'licence', name: '营业执照', required: true, necessity: { code: '1', label: '必要' }, type: { code: '1', label: '证件证书证明' },
  form: { code: '2', label: '电子化' }, source: { code: '20', label: '政府部门核发' },
};

describe('diffConfigs: materials, matched by id', () => {
  it('reports an added material with a one-line summary', () => {
    const diff = diffConfigs(itemConfig(), edited((c) => { c.standard.materials.push(licence); }));
    expect(diff.changes).toEqual([{
      section: 'materials', kind: 'added', pointer: '/standard/materials/5', label: '申请材料「营业执照」',
      after: licence, afterText: '必要，证件证书证明，电子化，政府部门核发', affectsDecision: true,
    }]);
    expect(diff.summary).toMatchObject({ total: 1, kinds: { added: 1 }, sections: { materials: { added: 1 } }, canAlterDecision: true });
  });

  it('reports a removed material at its index in the old config', () => {
    const from = itemConfig();
    const diff = diffConfigs(from, edited((c) => { c.standard.materials.splice(1, 1); }));
    expect(diff.changes).toEqual([{
      section: 'materials', kind: 'removed', pointer: '/standard/materials/1', label: '申请材料「授权委托书」',
      before: from.standard.materials[1], beforeText: '必要，申请表格文书，纸质，申请人自备', affectsDecision: true,
    }]);
  });

  it('lists which properties of a changed material changed, with the schema labels', () => {
    const to = edited((c) => {
      const m = c.standard.materials[4]!;
      m.required = true;
      m.necessity = { code: '3', label: '容缺后补' };
      m.copies = 2;
      m.notes = '近三个月内';
    });
    expect(diffConfigs(itemConfig(), to).changes).toEqual([{
      section: 'materials', kind: 'changed', pointer: '/standard/materials/4', label: '申请材料「近期免冠照片」',
      aspects: [
        { key: 'required', label: '是否必需', before: false, after: true, beforeText: '否', afterText: '是' },
        { key: 'necessity', label: '材料必要性', before: { code: '2', label: '非必要' }, after: { code: '3', label: '容缺后补' }, beforeText: '非必要', afterText: '容缺后补' },
        { key: 'copies', label: '复印件份数', after: 2, afterText: '2' },
        { key: 'notes', label: '备注', after: '近三个月内', afterText: '近三个月内' },
      ],
      affectsDecision: true,
    }]);
  });

  it('reports a material with a new name as renamed, labelled so that both directions read the same', () => {
    const diff = diffConfigs(itemConfig(), edited((c) => { c.standard.materials[0]!.name = '身份证'; }));
    expect(diff.changes).toEqual([{
      section: 'materials', kind: 'renamed', pointer: '/standard/materials/0', label: '申请材料',
      aspects: [{ key: 'name', label: '材料名称', before: '居民身份证', after: '身份证', beforeText: '居民身份证', afterText: '身份证' }],
      affectsDecision: true,
    }]);
  });

  it('reports a reordered material as moved, with both positions', () => {
    const to = edited((c) => { const [photo] = c.standard.materials.splice(4, 1); c.standard.materials.unshift(photo!); });
    expect(diffConfigs(itemConfig(), to).changes).toEqual([{
      section: 'materials', kind: 'moved', pointer: '/standard/materials/0', fromPointer: '/standard/materials/4', label: '申请材料「近期免冠照片」',
      before: 4, after: 0, beforeText: '第 5 项', afterText: '第 1 项', affectsDecision: true,
    }]);
  });

  it('does not call materials moved when an insertion only shifts them, but points to both places when they change', () => {
    const to = edited((c) => { c.standard.materials.unshift(licence); c.standard.materials[1]!.copies = 1; });
    expect(diffConfigs(itemConfig(), to).changes).toEqual([
      { section: 'materials', kind: 'added', pointer: '/standard/materials/0', label: '申请材料「营业执照」', after: licence, afterText: '必要，证件证书证明，电子化，政府部门核发', affectsDecision: true },
      { section: 'materials', kind: 'changed', pointer: '/standard/materials/1', fromPointer: '/standard/materials/0', label: '申请材料「居民身份证」', aspects: [{ key: 'copies', label: '复印件份数', after: 1, afterText: '1' }], affectsDecision: true },
    ]);
  });

  it('reports a material whose id changed under the same name as one material renamed (ids are internal)', () => {
    const diff = diffConfigs(itemConfig(), edited((c) => { c.standard.materials[4]!.id = 'photo-2'; }));
    expect(diff.changes).toEqual([{
      section: 'materials', kind: 'renamed', pointer: '/standard/materials/4', label: '申请材料「近期免冠照片」',
      aspects: [{ key: 'id', label: '标识（内部）', before: 'photo', after: 'photo-2', beforeText: 'photo', afterText: 'photo-2' }],
      affectsDecision: true,
    }]);
  });
});

describe('diffConfigs: scenarios, matched by id', () => {
  it('names the materials of a scenario from each side', () => {
    const to = edited((c) => { c.standard.scenarios[0]!.materialIds = ['id-card', 'licence']; c.standard.materials.push(licence); });
    const scenarios = diffConfigs(itemConfig(), to).changes.filter((c) => c.section === 'scenarios');
    expect(scenarios).toEqual([{
      section: 'scenarios', kind: 'changed', pointer: '/standard/scenarios/0', label: '办理情形「本人办理」',
      aspects: [{ key: 'materialIds', label: '所需材料', before: ['id-card', 'photo'], after: ['id-card', 'licence'], beforeText: '居民身份证、近期免冠照片', afterText: '居民身份证、营业执照' }],
      affectsDecision: true,
    }]);
  });

  it('reports scenarios added, removed and moved', () => {
    const from = itemConfig();
    const to = edited((c) => {
      c.standard.scenarios.reverse();
      c.standard.scenarios.push({ id: 'guardian', name: '监护人代办', description: '未成年人', materialIds: ['guardian-consent'] });
    });
    expect(diffConfigs(from, to).changes).toEqual([
      { section: 'scenarios', kind: 'moved', pointer: '/standard/scenarios/1', fromPointer: '/standard/scenarios/0', label: '办理情形「本人办理」', before: 0, after: 1, beforeText: '第 1 项', afterText: '第 2 项', affectsDecision: true },
      { section: 'scenarios', kind: 'added', pointer: '/standard/scenarios/2', label: '办理情形「监护人代办」', after: { id: 'guardian', name: '监护人代办', description: '未成年人', materialIds: ['guardian-consent'] }, afterText: '所需材料：监护人同意书', affectsDecision: true },
    ]);
    expect(diffConfigs(to, from).changes.map((c) => [c.kind, c.pointer, c.fromPointer])).toEqual([
      ['moved', '/standard/scenarios/0', '/standard/scenarios/1'],
      ['removed', '/standard/scenarios/2', undefined],
    ]);
  });
});

describe('diffConfigs: incomplete drafts', () => {
  it('never throws and still says what differs', () => {
    const draft = { code: 'TEST-0001', standard: { name: '草稿', materials: 'pending' }, form: { schema: { type: 'object' } } } as unknown as ItemConfig;
    const diff = diffConfigs(draft, itemConfig());
    expect(diff.summary.total).toBeGreaterThan(20);
    expect(diff.changes.find((c) => c.pointer === '/standard/materials')).toMatchObject({ kind: 'changed', label: '申请材料', before: 'pending' });
    expect(diff.changes.find((c) => c.pointer === '/rules/0')).toMatchObject({ kind: 'added', label: '受理规则「未满16周岁不予登记（未命名）」' });
    expect(diffConfigs(draft, draft).changes).toEqual([]);
    const broken = { code: 'X', standard: 7, form: [], rules: {}, examples: null } as unknown as ItemConfig;
    expect(diffConfigs(broken, itemConfig()).changes.map((c) => [c.section, c.kind, c.pointer])).toEqual([
      ['standard', 'changed', '/code'],
      ['standard', 'added', '/meta'],
      ['standard', 'changed', '/standard'],
      ['form', 'changed', '/form'],
      ['rules', 'changed', '/rules'],
      ['examples', 'changed', '/examples'],
    ]);
  });
});
