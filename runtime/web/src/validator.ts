import type { RJSFValidationError } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { fieldFormats } from '../../../engine/core/index.js';

/**
 * RJSF's validator with the engine's own formats (cn-id-number, cn-mobile …), so that the inline
 * errors under a field agree with the engine's field errors in the decision panel.
 */
export const formValidator = customizeValidator({
  customFormats: Object.fromEntries(Object.entries(fieldFormats).map(([name, format]) => [name, (value: string) => format.validate(value)])),
});

const formatLabels: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  'date-time': '日期时间',
  email: '电子邮箱',
  uri: '网址',
  ...Object.fromEntries(Object.entries(fieldFormats).map(([name, format]) => [name, format.label])),
};

/** The field a validation error is about, as RJSF names it (".a.b" or "['a']"). */
function fieldPath(error: RJSFValidationError): string {
  const property = (error.property ?? '').replace(/\[['"]?([^'"\]]+)['"]?\]/g, '.$1');
  if (error.name === 'required' && error.params?.missingProperty) {
    const missing = String(error.params.missingProperty);
    return property.endsWith(`.${missing}`) ? property : `${property}.${missing}`;
  }
  return property;
}

/**
 * Chinese messages like the engine's, and required-field errors only for fields the clerk has
 * already visited (or all of them once the clerk tries to save).
 */
export function chineseErrors(touched: ReadonlySet<string>, showAll: boolean) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      .filter((error) => showAll || error.name !== 'required' || touched.has(fieldPath(error).replace(/^\./, '')))
      .filter((error) => error.name !== 'oneOf' && error.name !== 'anyOf' && error.name !== 'if')
      .map((error) => {
        const field = `「${error.title ?? (fieldPath(error).split('.').pop() || '表单')}」`;
        const p = (error.params ?? {}) as Record<string, unknown>;
        let message: string | undefined;
        switch (error.name) {
          case 'required': message = '请填写此项'; break;
          case 'format': message = `${field}不是有效的${formatLabels[String(p.format)] ?? String(p.format)}`; break;
          case 'pattern': message = `${field}格式不正确`; break;
          case 'minLength': message = `${field}至少应有 ${String(p.limit)} 个字符`; break;
          case 'maxLength': message = `${field}最多 ${String(p.limit)} 个字符`; break;
          case 'minimum': message = `${field}应不小于 ${String(p.limit)}`; break;
          case 'maximum': message = `${field}应不大于 ${String(p.limit)}`; break;
          case 'enum': message = `${field}应为给定选项之一`; break;
          case 'const': message = `${field}取值不符合要求`; break;
          case 'type': message = `${field}类型不正确`; break;
          default: message = error.message;
        }
        return { ...error, message: message ?? '填写有误', stack: `${field}${message ?? ''}` };
      });
}
