import type { Decision, Outcome } from '../../engine/core/index.js';
import type { NewDecisionRecord } from '../../engine/ports/index.js';

export const ID_NUMBER = '150102199003070011';
export const MOBILE = '13812345678';

export const at = (n: number): string => new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString();

export interface DecisionOptions {
  code?: string;
  version?: number;
  division?: string;
  outcome?: Outcome;
  at?: string;
  n?: number;
}

/** A decision as the evaluator returns it, with Chinese text, nested values and personal data. */
export function newDecision(options: DecisionOptions = {}): NewDecisionRecord & { decision: Decision } {
  const { code = 'ITEM-1', version = 1, division = '150102', outcome = 'supplement', n = 0 } = options;
  const hash = `${'ab'.repeat(31)}${String(n % 100).padStart(2, '0')}`;
  const formData = {
    applicant: { name: '张三', idNumber: ID_NUMBER, mobile: MOBILE, address: '呼和浩特市新城区“政务服务中心” 🚀' },
    household: [{ relation: '配偶', age: 34, insured: true }, { relation: '子女', age: 3.5, insured: null }],
    note: `联系电话${MOBILE}，身份证号${ID_NUMBER}`,
    $odd: { 'a.b': ['值', 1e21, -0.25, false] },
    n,
  };
  const decision: Decision = {
    outcome,
    item: { code, version, hash },
    date: '2025-01-01',
    division,
    channel: 'comprehensive-window',
    scenario: { id: 's1', name: '首次申领' },
    ...(outcome === 'redirect' ? { redirect: { channel: 'police-station' as const, where: '户籍所在地派出所' } } : {}),
    fieldErrors: [{ path: '/applicant/mobile', keyword: 'pattern', message: `手机号码「${MOBILE}」格式不正确` }],
    requiredMaterials: [{ id: 'm1', name: '居民身份证', because: { scenario: 's1' } }, { id: 'm2', name: '户口簿', because: { rule: 'r-household' } }],
    missingMaterials: [{ id: 'm2', name: '户口簿', deferrable: true }],
    reasons: [{ rule: 'r-household', type: 'requireMaterial', message: '家庭成员需提供户口簿', basis: '《社会救助暂行办法》第十一条' }],
    timeLimits: { promised: { value: 5, unit: { code: 'wd', label: '工作日' } }, statutory: { value: null, unit: { code: 'wd', label: '工作日' }, note: '无法定时限' } },
    explanation: [
      {
        rule: 'r-adult',
        fired: false,
        undecidable: false,
        conditions: [{ pointer: '/conditions/all/0', fact: 'form', path: '$.applicant.idNumber', operator: 'equal', value: ID_NUMBER, held: true }],
      },
    ],
  };
  return {
    ...(options.at ? { at: options.at } : {}),
    division,
    channel: 'comprehensive-window',
    code,
    version,
    hash,
    input: { scenario: 's1', formData, materials: ['m1'], date: '2025-01-01' },
    outcome,
    decision,
  };
}
