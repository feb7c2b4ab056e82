import type { WidgetProps } from '@rjsf/utils';
import { findDivision, listDivisions, type Division } from '../../../engine/core/index.js';

const divisions = listDivisions();

/** 150602 → 鄂尔多斯市东胜区（150602） */
export function divisionLabel(code: string): string {
  const division = findDivision(code);
  if (!division) return code;
  const league = division.level === 'banner_county' && division.parentCode ? findDivision(division.parentCode) : undefined;
  return `${league?.name ?? ''}${division.name}（${division.code}）`;
}

/** 东胜区 / 鄂尔多斯市东胜区 / 150602 → 150602; anything else as typed (the format check names it). */
export function divisionCodeOf(text: string): string {
  const typed = text.trim().replace(/（\d+）$/, '');
  if (findDivision(typed)) return typed;
  const byName = divisions.filter((d) => d.name === typed || divisionLabel(d.code).replace(/（\d+）$/, '') === typed);
  return byName.length === 1 ? (byName[0] as Division).code : text;
}

/**
 * The form's division fields (format cn-division): typed or picked by name (the list offers every
 * league and banner by name), stored as the GB/T 2260 code the rules compare, and the chosen
 * division's name shown beside it. A clerk never needs to know 150602 is 东胜区.
 */
export function DivisionWidget({ id, value, required, disabled, readonly, autofocus, placeholder, onChange, onBlur, onFocus, rawErrors }: WidgetProps) {
  const code = typeof value === 'string' ? value : '';
  const known = code !== '' && findDivision(code) !== undefined;
  return (
    <>
      <input id={id} name={id} type="text" className="form-control division-widget" list={`${id}-divisions`} value={code} required={required} disabled={disabled || readonly}
        autoFocus={autofocus} placeholder={placeholder || '输入名称或代码，如 东胜区'} autoComplete="off"
        aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined} aria-describedby={`${id}-division-name`}
        onChange={(e) => onChange(e.target.value === '' ? undefined : divisionCodeOf(e.target.value))}
        onBlur={(e) => onBlur(id, e.target.value)} onFocus={(e) => onFocus(id, e.target.value)} />
      <datalist id={`${id}-divisions`}>
        {divisions.map((d) => <option key={d.code} value={d.code} label={divisionLabel(d.code)} />)}
      </datalist>
      <small id={`${id}-division-name`} className="division-name" data-testid="division-widget-name" aria-live="polite">
        {known ? `已选：${divisionLabel(code)}` : code !== '' ? '未找到该区划，请按名称选择' : ''}
      </small>
    </>
  );
}
