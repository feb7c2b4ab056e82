import { useMemo, useState } from 'react';
import { departmentName, type OfferedItem } from './api.js';
import { pinyinInitials } from './pinyin-initials.js';

export function ItemSearch({ items, selected, onSelect, hrefFor }: { items: OfferedItem[]; selected: string | null; onSelect: (code: string) => void; hrefFor: (code: string) => string }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return items;
    const initials = /^[a-z]+$/.test(q) ? q.toUpperCase() : null;
    return items.filter((i) =>
      i.name.toLowerCase().includes(q) || i.code.toLowerCase().includes(q) || departmentName(i.department).toLowerCase().includes(q) ||
      (initials !== null && (pinyinInitials(i.name).includes(initials) || pinyinInitials(departmentName(i.department)).includes(initials))));
  }, [items, query]);
  return (
    <nav className="item-search" aria-label="事项列表">
      <label className="field" htmlFor="item-query">
        <span>查找事项 <small>名称、部门、编码或拼音首字母</small></span>
        <input id="item-query" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="如 婚姻、hydj、民政厅、SAMPLE-MZ" />
      </label>
      <p className="hint" role="status">{shown.length} / {items.length} 个事项</p>
      <ul className="item-list">
        {shown.map((item) => (
          <li key={item.code}>
            <a href={hrefFor(item.code)} aria-current={item.code === selected ? 'page' : undefined}
              onClick={(e) => { if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; e.preventDefault(); onSelect(item.code); }}>
              <span className="item-name">{item.name}</span>
              <span className="item-meta">{departmentName(item.department)} · {item.code} · 第 {item.version} 版</span>
            </a>
          </li>
        ))}
        {shown.length === 0 && <li className="hint">没有符合「{query}」的事项。</li>}
      </ul>
    </nav>
  );
}
