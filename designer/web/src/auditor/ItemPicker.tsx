import { useEffect, useState } from 'react';
import type { ItemSummary } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { auditorApi } from './auditor-api.js';

/** The catalogue's items, once per screen. */
export function useItems(): { items: ItemSummary[] | null; error: string | null } {
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    auditorApi.items().then((r) => { if (live) setItems(r.items); }, (e: unknown) => { if (live) setError(advice(e)); });
    return () => { live = false; };
  }, []);
  return { items, error };
}

export function ItemPicker({ id, items, value, onChange, label = '事项', allowAll = false, filter }: {
  id: string; items: ItemSummary[]; value: string; onChange: (code: string) => void; label?: string; allowAll?: boolean; filter?: (item: ItemSummary) => boolean;
}) {
  return (
    <label htmlFor={id} className="picker">
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll ? <option value="">全部事项</option> : <option value="" disabled>请选择事项</option>}
        {items.filter(filter ?? (() => true)).map((item) => <option key={item.code} value={item.code}>{item.name}（{item.code}）</option>)}
      </select>
    </label>
  );
}
