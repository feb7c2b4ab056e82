import type { NewIntakeRecord } from '../../engine/ports/index.js';
import { ID_NUMBER, MOBILE, newDecision } from '../decision-log/fixtures.js';

export { ID_NUMBER, MOBILE };

export interface IntakeOptions {
  division?: string;
  handlingDivision?: string;
  code?: string;
  createdAt?: string;
  n?: number;
}

/** A record as the intake route builds it: Chinese text, nested values, personal data, an odd `$` key. */
export function newIntake(options: IntakeOptions = {}): NewIntakeRecord {
  const { division = '150102', code = 'ITEM-1', n = 0 } = options;
  const { input, decision, version, hash } = newDecision({ code, division, n });
  return {
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    createdBy: 'operator-xincheng',
    receivingDivision: division,
    handling: { department: '内蒙古自治区人力资源和社会保障厅', division: options.handlingDivision ?? division },
    item: { code, version, hash, name: '灵活就业人员登记（测试）' },
    scenario: input.scenario,
    formData: input.formData,
    materials: input.materials,
    decision,
  };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-not-a-real-image', 'latin1')]);
