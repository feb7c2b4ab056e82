import { useMemo, useState } from 'react';
import { departmentName, type OfferedItem } from './api.js';
import { matchesSearch } from './pinyin-initials.js';

export function ItemSearch({ items, selected, onSelect, hrefFor }: { items: OfferedItem[]; selected: string | null; onSelect: (code: string) => void; hrefFor: (code: string) => string }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    if (!query.trim()) return items;
    return items.filter((i) => matchesSearch([i.name, ...(i.aliases ?? []), departmentName(i.department), i.code], query));
  }, [items, query]);
  return (
    <nav className="item-search" aria-label="事项列表">
      <label className="field" htmlFor="item-query">
        <span>查找事项 <small>名称、别名、部门、编码、拼音或拼音首字母</small></span>
        <input id="item-query" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="如 婚姻、hunyin、hydj、低保、民政厅" />
      </label>
      <p className="hint" role="status">{shown.length} / {items.length} 个事项</p>
      <ul className="item-list">
        {shown.map((item) => (
          <li key={item.code}>
            <a href={hrefFor(item.code)} aria-current={item.code === selected ? 'page' : undefined}
              onClick={(e) => { if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; e.preventDefault(); onSelect(item.code); }}>
              <span className="item-name">{item.name}</span>
              {item.aliases && item.aliases.length > 0 && <span className="item-aliases">又称：{item.aliases.join('、')}</span>}
              <span className="item-meta">{departmentName(item.department)} · {item.code} · 第 {item.version} 版</span>
            </a>
          </li>
        ))}
        {shown.length === 0 && <li className="hint">没有符合「{query}」的事项。</li>}
      </ul>
    </nav>
  );
}
