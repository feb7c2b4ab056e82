import { useMemo } from 'react';
import { applicantStrings, MONGOLIAN, orphanTranslations, translationsIn, type ItemConfig, type Problem } from '../../../engine/core/index.js';
import './translation.css';
import { t } from './ui-text.js';

/** The Mongolian field's accessible name: where the text sits and the text itself (several conditions share a place). */
export const translationLabel = (s: { where: string; zh: string }) => t('designer.translation.fieldLabel', { where: s.where, zh: s.zh.length > 30 ? `${s.zh.slice(0, 30)}…` : s.zh });

/**
 * 翻译: every applicant-facing text of the item with its traditional Mongolian beside it,
 * untranslated strings first. The author types the Mongolian (in vertical columns, as it is read);
 * an item marked bilingual cannot be submitted while a string lacks it.
 */
export function TranslationTab({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const strings = useMemo(() => applicantStrings(config), [config]);
  const table = translationsIn(config, MONGOLIAN);
  const signature = strings.map((s) => s.key).join('\u0000');
  // Untranslated first, in the order the strings stand when the tab opens (or the texts change):
  // a row does not jump away while its Mongolian is being typed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const order = useMemo(() => [...strings].sort((a, b) => Number(Boolean(table[a.key]?.trim())) - Number(Boolean(table[b.key]?.trim()))).map((s) => s.key), [signature]);
  const byKey = new Map(strings.map((s) => [s.key, s]));
  const rows = [...order, ...strings.map((s) => s.key).filter((k) => !order.includes(k))].flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
  const missing = strings.filter((s) => !table[s.key]?.trim()).length;
  const orphans = orphanTranslations(config, MONGOLIAN);
  const bilingual = config.standard?.bilingual === true;
  const review = config.translations?.review?.[MONGOLIAN]?.status ?? 'draft';
  const gate = problems.filter((p) => p.code === 'translation.missing').length;

  const write = (changes: Record<string, string | null>, next: Partial<ItemConfig> = {}) => {
    const mongolian = { ...table };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value.trim() === '') delete mongolian[key];
      else mongolian[key] = value;
    }
    onChange({ ...config, ...next, translations: { ...config.translations, [MONGOLIAN]: mongolian } });
  };

  return (
    <section className="translations" aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('translation.heading')}</h2>
      <p>
        <label>
          <input type="checkbox" checked={bilingual} disabled={readOnly}
            onChange={(e) => onChange({ ...config, standard: { ...config.standard, bilingual: e.target.checked } })} /> {t('translation.bilingualFlag')}
        </label>
        {' '}
        <label>
          {t('translation.status')}{' '}
          <select value={review} disabled={readOnly}
            onChange={(e) => write({}, { translations: { ...config.translations, review: { ...config.translations?.review, [MONGOLIAN]: { status: e.target.value as 'draft' | 'reviewed' } } } })}>
            <option value="draft">{t('translation.statusDraft')}</option>
            <option value="reviewed">{t('translation.statusReviewed')}</option>
          </select>
        </label>
      </p>
      <p className={bilingual && missing > 0 ? 'notice warn' : 'notice info'} role="status" data-testid="translation-counts">
        {bilingual ? t('translation.bilingualOn') : t('translation.bilingualOff')} {t('translation.counts', { missing, total: strings.length })}
        {bilingual && gate > 0 ? t('translation.gate', { count: gate }) : ''}
      </p>
      <table className="list">
        <thead><tr><th>{t('translation.where')}</th><th>{t('translation.chinese')}</th><th>{t('translation.mongolian')}</th></tr></thead>
        <tbody>
          {rows.map((s) => {
            const value = table[s.key] ?? '';
            const untranslated = value.trim() === '';
            return (
              <tr key={s.key} className={untranslated ? 'untranslated' : undefined} data-key={s.key}>
                <td className="where">{s.where}{untranslated ? <><br /><span className="badge returned">{t('translation.untranslated')}</span></> : null}</td>
                <td className="zh" lang="zh-CN">{s.zh}</td>
                <td>
                  <textarea className="mongolian" lang="mn-Mong" aria-label={translationLabel(s)} value={value} readOnly={readOnly}
                    onChange={(e) => write({ [s.key]: e.target.value })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {orphans.length > 0 ? (
        <div className="notice info">
          {t('translation.orphans')}
          <ul>{orphans.map((k) => <li key={k}><code>{k}</code>{t('designer.translation.orphanSeparator')}<span lang="mn-Mong">{table[k]}</span></li>)}</ul>
          {!readOnly ? <button type="button" className="small" onClick={() => write(Object.fromEntries(orphans.map((k) => [k, null])))}>{t('translation.removeOrphans')}</button> : null}
        </div>
      ) : null}
    </section>
  );
}
