import type { ItemConfig, Rule } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';

/**
 * A heavier item than any sample: a 30-field form and 20 rules over it, the shape perf-anchors.md
 * uses as its reference workload.
 */
export function generatedItem(code = 'BENCH-30x20'): { config: ItemConfig; input: { scenario: string; formData: Record<string, unknown>; materials: string[]; date: string } } {
  const config = itemConfig(code, `基准测试事项 ${code}`);
  const properties: Record<string, unknown> = {
    name: { type: 'string', title: '姓名', minLength: 2, maxLength: 30 },
    idNumber: { type: 'string', title: '身份证号码', format: 'cn-id-number' },
    phone: { type: 'string', title: '手机号码', format: 'cn-mobile' },
  };
  const formData: Record<string, unknown> = { name: '王五', idNumber: '11010519491231002X', phone: '13912345678' };
  for (let i = 0; properties && Object.keys(properties).length < 30; i++) {
    const kind = i % 3;
    if (kind === 0) {
      properties[`amount${i}`] = { type: 'number', title: `金额${i}`, minimum: 0, maximum: 1_000_000 };
      formData[`amount${i}`] = 100 + i;
    } else if (kind === 1) {
      properties[`choice${i}`] = { type: 'string', title: `选项${i}`, enum: ['甲', '乙', '丙'] };
      formData[`choice${i}`] = '甲';
    } else {
      properties[`date${i}`] = { type: 'string', title: `日期${i}`, format: 'date' };
      formData[`date${i}`] = '2024-01-15';
    }
  }
  config.form.schema = { type: 'object', required: ['name', 'idNumber', 'phone'], properties };
  config.form.uiSchema = {};
  const rules: Rule[] = [];
  const fields = Object.keys(properties).filter((k) => k !== 'name' && k !== 'phone' && k !== 'idNumber');
  for (let r = 0; rules.length < 20; r++) {
    const field = fields[r % fields.length] as string;
    const condition = field.startsWith('amount')
      ? { fact: field, operator: 'greaterThan', value: 500_000 }
      : field.startsWith('choice')
        ? { fact: field, operator: 'equal', value: '丙' }
        : { fact: field, operator: 'dateAfter', value: { fact: 'today' } };
    rules.push({
      name: `rule-${r}`,
      conditions: { all: [condition, { fact: 'idNumber', operator: 'ageAtLeast', value: 18 }] },
      event: r % 4 === 0 ? { type: 'reject', params: { message: `规则 ${r}`, basis: '测试' } } : { type: 'supplement', params: { message: `规则 ${r}` } },
    });
  }
  config.rules = rules;
  config.examples = [{ name: '基准', input: { scenario: 'self', formData, materials: ['id-card'], date: '2025-06-01' }, expect: { outcome: 'accept' } }];
  return { config, input: { scenario: 'self', formData, materials: ['id-card'], date: '2025-06-01' } };
}
