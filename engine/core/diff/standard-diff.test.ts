import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { diffConfigs } from './index.js';
import type { ItemConfig } from '../config/types.js';

const WD = { code: 'WD', label: '工作日' };

function edited(edit: (c: ItemConfig) => void): ItemConfig {
  const config = itemConfig();
  edit(config);
  return config;
}

describe('diffConfigs: identical configs', () => {
  it('give an empty diff with zero counts', () => {
    const zero = { added: 0, removed: 0, changed: 0, moved: 0, renamed: 0 };
    expect(diffConfigs(itemConfig(), itemConfig())).toEqual({
      changes: [],
      summary: {
        total: 0,
        kinds: zero,
        sections: { standard: zero, materials: zero, scenarios: zero, form: zero, rules: zero, examples: zero },
        canAlterDecision: false,
      },
    });
  });
});

describe('diffConfigs: standard elements', () => {
  it('reports a time limit by its Chinese label, with the unit', () => {
    const from = edited((c) => { c.standard.promisedTimeLimit.value = 20; });
    const to = edited((c) => { c.standard.promisedTimeLimit.value = 15; });
    const diff = diffConfigs(from, to);
    expect(diff.changes).toEqual([{
      section: 'standard', kind: 'changed', pointer: '/standard/promisedTimeLimit', label: '承诺办理时限',
      before: { value: 20, unit: WD }, after: { value: 15, unit: WD }, beforeText: '20 个工作日', afterText: '15 个工作日',
      affectsDecision: false,
    }]);
    expect(diff.summary).toMatchObject({ total: 1, kinds: { changed: 1 }, sections: { standard: { changed: 1 } }, canAlterDecision: false });
  });

  it('reads a statutory limit without a value and a unit change', () => {
    const to = edited((c) => { c.standard.statutoryTimeLimit = { value: null, unit: WD, note: '法律未规定' }; c.standard.stageTimeLimits[0]!.unit = { code: 'H', label: '小时' }; });
    expect(diffConfigs(itemConfig(), to).changes.map((c) => [c.label, c.beforeText, c.afterText])).toEqual([
      ['法定办理时限', '10 个工作日', '无法定时限（法律未规定）'],
      ['办理时限', '受理 1 个工作日', '受理 1 小时'],
    ]);
  });

  it('reports coded values by their label', () => {
    const to = edited((c) => { c.standard.caseType = { code: '1', label: '即办件' }; c.standard.scope = { code: '3', label: '全盟市通办' }; });
    expect(diffConfigs(itemConfig(), to).changes).toEqual([
      { section: 'standard', kind: 'changed', pointer: '/standard/caseType', label: '办件类型', before: { code: '2', label: '承诺件' }, after: { code: '1', label: '即办件' }, beforeText: '承诺件', afterText: '即办件', affectsDecision: false },
      { section: 'standard', kind: 'changed', pointer: '/standard/scope', label: '通办范围', before: { code: '2', label: '全区通办' }, after: { code: '3', label: '全盟市通办' }, beforeText: '全区通办', afterText: '全盟市通办', affectsDecision: false },
    ]);
  });

  it('lists acceptance conditions added and removed, each at its own index', () => {
    const from = edited((c) => { c.standard.acceptanceConditions = ['甲', '乙', '丙']; });
    const to = edited((c) => { c.standard.acceptanceConditions = ['甲', '丙', '丁']; });
    expect(diffConfigs(from, to).changes).toEqual([
      { section: 'standard', kind: 'removed', pointer: '/standard/acceptanceConditions/1', label: '受理条件', before: '乙', beforeText: '乙', affectsDecision: false },
      { section: 'standard', kind: 'added', pointer: '/standard/acceptanceConditions/2', label: '受理条件', after: '丁', afterText: '丁', affectsDecision: false },
    ]);
  });

  it('reports reordered acceptance conditions once, for the element', () => {
    const from = edited((c) => { c.standard.acceptanceConditions = ['甲', '乙']; });
    const to = edited((c) => { c.standard.acceptanceConditions = ['乙', '甲']; });
    expect(diffConfigs(from, to).changes).toEqual([{
      section: 'standard', kind: 'moved', pointer: '/standard/acceptanceConditions', label: '受理条件',
      before: ['甲', '乙'], after: ['乙', '甲'], beforeText: '甲；乙', afterText: '乙；甲', affectsDecision: false,
    }]);
  });

  it('lists service objects and local fields as entries, by label, in any order', () => {
    const to = edited((c) => {
      c.standard.serviceObjects = [{ code: '2', label: '企业法人' }, { code: '1', label: '自然人' }];
      c.standard.localFields = ['openingHours', 'consultPhone', 'trafficGuide'];
    });
    expect(diffConfigs(itemConfig(), to).changes).toEqual([
      { section: 'standard', kind: 'added', pointer: '/standard/serviceObjects/0', label: '服务对象', after: { code: '2', label: '企业法人' }, afterText: '企业法人', affectsDecision: false },
      { section: 'standard', kind: 'removed', pointer: '/standard/localFields/0', label: '属地可设字段', before: 'windowAddress', beforeText: '办理地点', affectsDecision: false },
      { section: 'standard', kind: 'added', pointer: '/standard/localFields/2', label: '属地可设字段', after: 'trafficGuide', afterText: '交通指引', affectsDecision: false },
    ]);
  });

  it('reports a relabelled coded entry as changed', () => {
    const to = edited((c) => { c.standard.exerciseLevels = [{ code: '4', label: '县级' }]; });
    expect(diffConfigs(itemConfig(), to).changes).toEqual([
      { section: 'standard', kind: 'changed', pointer: '/standard/exerciseLevels/0', label: '行使层级', before: { code: '4', label: '旗县级' }, after: { code: '4', label: '县级' }, beforeText: '旗县级', afterText: '县级', affectsDecision: false },
    ]);
  });

  it('marks a channel change as able to alter decisions (a runtime redirects)', () => {
    const to = edited((c) => { c.standard.channel = 'police-station'; c.standard.channelNote = '仅限派出所'; });
    const diff = diffConfigs(itemConfig(), to);
    expect(diff.changes).toEqual([
      { section: 'standard', kind: 'changed', pointer: '/standard/channel', label: '受理渠道', before: 'comprehensive-window', after: 'police-station', beforeText: '政务服务中心“全区通办”综合窗口', afterText: '户籍地或居住地公安派出所', affectsDecision: true },
      { section: 'standard', kind: 'added', pointer: '/standard/channelNote', label: '受理渠道说明', after: '仅限派出所', afterText: '仅限派出所', affectsDecision: false },
    ]);
    expect(diff.summary.canAlterDecision).toBe(true);
  });

  it('reports 容缺受理 added, changed and removed as able to alter decisions, in words', () => {
    const terms = { allowed: true, basis: '容缺受理事项清单', consequence: '终止办理', supplementLimit: { value: 10, unit: { code: 'WD', label: '工作日' } } };
    const allowing = edited((c) => { c.standard.deferredAcceptance = terms; });
    const added = diffConfigs(itemConfig(), allowing);
    expect(added.changes).toEqual([
      { section: 'standard', kind: 'added', pointer: '/standard/deferredAcceptance', label: '容缺受理', after: terms, afterText: '允许容缺受理；补齐时限 10 个工作日；逾期：终止办理；依据：容缺受理事项清单', affectsDecision: true },
    ]);
    expect(added.summary.canAlterDecision).toBe(true);
    const off = edited((c) => { c.standard.deferredAcceptance = { ...terms, allowed: false }; });
    expect(diffConfigs(allowing, off).changes).toMatchObject([{ kind: 'changed', pointer: '/standard/deferredAcceptance', afterText: '不允许容缺受理', affectsDecision: true }]);
    expect(diffConfigs(allowing, itemConfig()).changes).toMatchObject([{ kind: 'removed', pointer: '/standard/deferredAcceptance', label: '容缺受理', affectsDecision: true }]);
  });

  it('compares the other elements as whole values, shown as the guide shows them', () => {
    const to = edited((c) => {
      c.standard.name = '灵活就业登记';
      c.standard.department = { name: '人社厅', code: '11150000MB1234567X' };
      c.standard.legalBasis.provisions.push({ law: '《社会保险法》', article: '第十条' });
      c.standard.process = [{ name: '申请' }, { name: '办结' }];
      c.standard.dataNeeds[0]!.frequency = { code: 'daily', label: '每日' };
      c.standard.materialTemplates = [];
    });
    expect(diffConfigs(itemConfig(), to).changes.map((c) => `${c.pointer} ${c.label}: ${c.beforeText} → ${c.afterText}`)).toEqual([
      '/standard/name 事项名称: 灵活就业人员登记（测试） → 灵活就业登记',
      '/standard/legalBasis 权力来源: 法定本级行使；《中华人民共和国就业促进法》第三十五条 → 法定本级行使；《中华人民共和国就业促进法》第三十五条、《社会保险法》第十条',
      '/standard/process 办事流程: 申请 → 受理 → 办结 → 申请 → 办结',
      '/standard/materialTemplates 材料模板: 授权委托书模板 → （空）',
      '/standard/department 实施部门: 内蒙古自治区人力资源和社会保障厅 → 人社厅（11150000MB1234567X）',
      '/standard/dataNeeds 数据共享需求: 户籍信息（内蒙古自治区公安厅·人口信息管理系统，接口调用，实时） → 户籍信息（内蒙古自治区公安厅·人口信息管理系统，接口调用，每日）',
    ]);
  });

  it('reports the config code and meta at the top level', () => {
    const to = edited((c) => { c.code = 'TEST-0002'; c.standard.code = 'TEST-0002'; delete c.meta; });
    expect(diffConfigs(itemConfig(), to).changes).toEqual([
      { section: 'standard', kind: 'changed', pointer: '/code', label: '配置编码', before: 'TEST-0001', after: 'TEST-0002', beforeText: 'TEST-0001', afterText: 'TEST-0002', affectsDecision: false },
      { section: 'standard', kind: 'removed', pointer: '/meta', label: '元数据', before: { sample: true, note: '测试数据' }, beforeText: '{"note":"测试数据","sample":true}', affectsDecision: false },
      { section: 'standard', kind: 'changed', pointer: '/standard/code', label: '编码', before: 'TEST-0001', after: 'TEST-0002', beforeText: 'TEST-0001', afterText: 'TEST-0002', affectsDecision: false },
    ]);
  });

  it('ignores key order', () => {
    const reverse = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverse) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v;
    expect(diffConfigs(itemConfig(), reverse(itemConfig()) as ItemConfig).changes).toEqual([]);
  });
});
