import { useMemo, useState } from 'react';
import { MONGOLIAN, uiTexts, type Language } from '../../../engine/core/index.js';
import { departmentName, type OfferedItem } from './api.js';
import { matchesSearch } from './pinyin-initials.js';

/**
 * The list of items with its search. Its own texts are in `language`: the public page passes the
 * reader's (its language switch), the staff's window keeps Chinese. With ᠮᠣᠩᠭᠣᠯ the list stays
 * horizontal, like the form's labels (a search box and a list of links cannot be set vertically);
 * the items' names are the Chinese ones, and marked so.
 */
export function ItemSearch({ items, selected, onSelect, hrefFor, language = 'zh-CN' }: {
  items: OfferedItem[];
  selected: string | null;
  onSelect: (code: string) => void;
  hrefFor: (code: string) => string;
  language?: Language;
}) {
  const t = uiTexts(language);
  const mongolian = language === MONGOLIAN;
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    if (!query.trim()) return items;
    return items.filter((i) => matchesSearch([i.name, ...(i.aliases ?? []), departmentName(i.department), i.code], query));
  }, [items, query]);
  return (
    <nav className={mongolian ? 'item-search item-search-mongolian' : 'item-search'} lang={mongolian ? MONGOLIAN : undefined} aria-label={t('runtime.itemSearch.nav')}>
      <label className="field" htmlFor="item-query">
        <span>{t('runtime.itemSearch.label')} <small>{t('runtime.itemSearch.labelHint')}</small></span>
        <input id="item-query" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('runtime.itemSearch.placeholder')} />
      </label>
      <p className="hint" role="status">{t('runtime.itemSearch.count', { shown: shown.length, total: items.length })}</p>
      <ul className="item-list">
        {shown.map((item) => (
          <li key={item.code}>
            <a href={hrefFor(item.code)} aria-current={item.code === selected ? 'page' : undefined}
              onClick={(e) => { if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; e.preventDefault(); onSelect(item.code); }}>
              <span className="item-name" lang={mongolian ? 'zh-CN' : undefined}>{item.name}</span>
              {item.aliases && item.aliases.length > 0 && <span className="item-aliases">{t('runtime.itemSearch.aliases', { aliases: item.aliases.join(t('runtime.itemSearch.aliasSeparator')) })}</span>}
              <span className="item-meta">{t('runtime.itemSearch.meta', { department: departmentName(item.department), code: item.code, version: item.version })}</span>
            </a>
          </li>
        ))}
        {shown.length === 0 && <li className="hint">{t('runtime.itemSearch.noMatch', { query })}</li>}
      </ul>
    </nav>
  );
}
