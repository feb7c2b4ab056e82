import { isIsoDate, todayInRegion } from '../codes/index.js';
import { isKnownLocality } from '../divisions/index.js';
import { ValidationFailedError, type Problem } from '../errors.js';
import type { EvaluationInput, ItemConfig } from '../config/types.js';
import { CHANNELS, channels, isChannel, labelOf, type Channel } from '../vocabulary/index.js';
import type { EvaluationContext } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks an evaluation request against the config it asks about: a request that names a scenario
 * or material the item does not have is refused whole, naming the field, rather than half-decided.
 */
export function checkEvaluationInput(config: ItemConfig, input: unknown, context: unknown): { input: Required<EvaluationInput>; context: EvaluationContext } {
  const problems: Problem[] = [];
  const add = (pointer: string, code: string, message: string) => problems.push({ pointer, code, message });
  if (!isRecord(input)) throw new ValidationFailedError('评估请求应为对象', [{ pointer: '', code: 'input.type', message: '评估请求应为对象（含办理情形、表单数据、已收材料）' }]);
  const scenario = input.scenario;
  if (typeof scenario !== 'string' || !config.standard.scenarios.some((s) => s.id === scenario)) {
    add('/scenario', 'input.scenario', `请选择办理情形，可选：${config.standard.scenarios.map((s) => `「${s.name}」（「${s.id}」）`).join('、')}`);
  }
  const formData = input.formData ?? {};
  if (!isRecord(formData)) add('/formData', 'input.formData', '表单数据应为对象（字段名到所填内容）');
  const materials = input.materials ?? [];
  if (!Array.isArray(materials)) add('/materials', 'input.materials', '已收材料应为材料标识的列表');
  else {
    const known = new Set(config.standard.materials.map((m) => m.id));
    materials.forEach((id, i) => {
      if (typeof id !== 'string' || !known.has(id)) add(`/materials/${i}`, 'input.unknown-material', `「${String(id)}」不是本事项的申请材料`);
    });
  }
  const creditBlacklisted = input.creditBlacklisted ?? false;
  if (typeof creditBlacklisted !== 'boolean') add('/creditBlacklisted', 'input.credit', '「申请人列入失信名单」应为「是」或「否」');
  const date = input.date ?? todayInRegion();
  if (!isIsoDate(date)) add('/date', 'input.date', `评估日期「${String(date)}」不是有效日期（形如「2025-06-01」）`);
  if (!isRecord(context)) add('', 'context', '缺少受理地信息');
  const division = isRecord(context) ? context.division : undefined;
  if (typeof division !== 'string' || !isKnownLocality(division)) add('/division', 'context.division', `「${String(division)}」不是内蒙古自治区的行政区划代码`);
  const channel = isRecord(context) ? context.channel ?? 'comprehensive-window' : undefined;
  if (!isChannel(channel)) add('/channel', 'context.channel', `受理渠道应为${CHANNELS.map((c) => `「${labelOf(channels, c)}」`).join('或')}`);
  if (problems.length > 0) throw new ValidationFailedError('评估请求有误', problems);
  return {
    input: { scenario: scenario as string, formData: formData as Record<string, unknown>, materials: [...new Set(materials as string[])], date: date as string, creditBlacklisted: creditBlacklisted as boolean },
    context: { division: division as string, channel: channel as Channel },
  };
}
