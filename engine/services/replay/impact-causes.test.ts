// What the impact analysis says changed a recorded decision, from the two decisions alone.
import { describe, expect, it } from 'vitest';
import { impactCauses } from './decision-replay.js';

type Side = Parameters<typeof impactCauses>[0];
const decision = (over: Partial<Side> = {}): Side => ({ reasons: [], fieldErrors: [], missingMaterials: [], ...over });
const names = { rule: (id: string) => ({ retired: '已达退休年龄', minor: '未满16周岁' })[id] ?? id, field: (path: string) => ({ '/employer': '工作单位', '/age': '年龄' })[path] ?? path };

describe('impactCauses', () => {
  it('names a rule that now fires, one that stops, and one that became undecidable, by Chinese name', () => {
    const before = decision({ reasons: [{ rule: 'minor', type: 'reject', message: '未满16周岁' }] });
    const after = decision({ reasons: [{ rule: 'retired', type: 'reject', message: '已达退休年龄' }, { rule: 'agent', type: 'undecided', message: '请填写代办人，以便判断“代办人信息”' }] });
    expect(impactCauses(before, after, names).map((c) => c.text)).toEqual([
      '受理规则「已达退休年龄」现在触发：不予受理',
      '受理规则「未满16周岁」不再触发',
      '受理规则「agent」缺少判断所需的信息：请填写代办人，以便判断“代办人信息”',
    ]);
  });

  it('tells a new required field from a field that fails otherwise, and fields that pass now', () => {
    const before = decision({ fieldErrors: [{ path: '/age', keyword: 'maximum', message: '「年龄」不能大于 150' }] });
    const after = decision({ fieldErrors: [{ path: '/employer', keyword: 'required', message: '请填写「工作单位」' }, { path: '/age', keyword: 'minimum', message: '「年龄」不能小于 16' }] });
    expect(impactCauses(before, after, names)).toEqual([
      { kind: 'field', field: '/employer', title: '工作单位', change: 'fails', message: '请填写「工作单位」', text: '新增必填字段「工作单位」未填写：请填写「工作单位」' },
      { kind: 'field', field: '/age', title: '年龄', change: 'fails', message: '「年龄」不能小于 16', text: '表单字段「年龄」不再通过校验：「年龄」不能小于 16' },
      { kind: 'field', field: '/age', title: '年龄', change: 'passes', message: '「年龄」不能大于 150', text: '表单字段「年龄」不再报错（原为：「年龄」不能大于 150）' },
    ]);
  });

  it('names materials now missing or no longer, 容缺受理 and the channel', () => {
    const before = decision({
      missingMaterials: [{ id: 'proxy', name: '授权委托书', deferrable: true }],
      deferredAcceptance: { granted: true, message: '容缺受理', materials: [], consequence: '终止办理' },
    });
    const after = decision({
      missingMaterials: [{ id: 'photo', name: '近期免冠照片', deferrable: false }],
      redirect: { channel: 'police-station', where: '派出所' },
      reasons: [{ rule: 'channel', type: 'redirect', message: '本事项不在此类窗口受理，请到派出所办理' }],
    });
    expect(impactCauses(before, after, names).map((c) => [c.kind, c.text])).toEqual([
      ['material', '现须提交申请材料「近期免冠照片」，该申请未提交'],
      ['material', '申请材料「授权委托书」不再要求或不再缺少'],
      ['deferral', '不再容缺受理（草稿不允许容缺受理）'],
      ['channel', '受理渠道变更：本事项不在此类窗口受理，请到派出所办理'],
    ]);
  });

  it('finds nothing when the two decisions agree', () => {
    const same = decision({ reasons: [{ rule: 'minor', type: 'reject', message: 'x' }], missingMaterials: [{ id: 'photo', name: '近期免冠照片', deferrable: false }] });
    expect(impactCauses(same, structuredClone(same), names)).toEqual([]);
  });
});
