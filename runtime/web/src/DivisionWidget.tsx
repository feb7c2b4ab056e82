import type { WidgetProps } from '@rjsf/utils';
import { findDivision, listDivisions, MONGOLIAN, uiTexts, type Division, type Language } from '../../../engine/core/index.js';
import { t } from './ui-text.js';

const divisions = listDivisions();

/** 150602 → 鄂尔多斯市东胜区（150602） */
export function divisionLabel(code: string): string {
  const division = findDivision(code);
  if (!division) return code;
  const league = division.level === 'banner_county' && division.parentCode ? findDivision(division.parentCode) : undefined;
  return t('runtime.division.label', { league: league?.name ?? '', name: division.name, code: division.code });
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
 * division's name shown beside it. A clerk never needs to know 150602 is 东胜区. Its own hints follow
 * the form's language (`formContext.language`, set where the form is in Mongolian); division names
 * stay the Chinese ones.
 */
export function DivisionWidget({ id, value, required, disabled, readonly, autofocus, placeholder, onChange, onBlur, onFocus, rawErrors, registry }: WidgetProps) {
  const code = typeof value === 'string' ? value : '';
  const known = code !== '' && findDivision(code) !== undefined;
  const language: Language = (registry.formContext as { language?: Language } | undefined)?.language ?? 'zh-CN';
  const text = uiTexts(language);
  return (
    <>
      <input id={id} name={id} type="text" className="form-control division-widget" list={`${id}-divisions`} value={code} required={required} disabled={disabled || readonly}
        autoFocus={autofocus} placeholder={placeholder || text('runtime.division.widgetPlaceholder')} autoComplete="off"
        aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined} aria-describedby={`${id}-division-name`}
        onChange={(e) => onChange(e.target.value === '' ? undefined : divisionCodeOf(e.target.value))}
        onBlur={(e) => onBlur(id, e.target.value)} onFocus={(e) => onFocus(id, e.target.value)} />
      <datalist id={`${id}-divisions`}>
        {divisions.map((d) => <option key={d.code} value={d.code} label={divisionLabel(d.code)} />)}
      </datalist>
      <small id={`${id}-division-name`} className="division-name" data-testid="division-widget-name" aria-live="polite" lang={language === MONGOLIAN ? 'mn-Mong' : undefined}>
        {known ? text('runtime.division.chosen', { division: divisionLabel(code) }) : code !== '' ? text('runtime.division.notFound') : ''}
      </small>
    </>
  );
}
