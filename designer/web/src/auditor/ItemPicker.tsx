import { useEffect, useState } from 'react';
import type { ItemSummary } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { t } from '../ui-text.js';
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

export function ItemPicker({ id, items, value, onChange, label = t('designer.auditor.item.label'), allowAll = false, filter }: {
  id: string; items: ItemSummary[]; value: string; onChange: (code: string) => void; label?: string; allowAll?: boolean; filter?: (item: ItemSummary) => boolean;
}) {
  return (
    <label htmlFor={id} className="picker">
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll ? <option value="">{t('designer.auditor.item.all')}</option> : <option value="" disabled>{t('designer.auditor.item.choose')}</option>}
        {items.filter(filter ?? (() => true)).map((item) => <option key={item.code} value={item.code}>{t('designer.auditor.item.option', { name: item.name, code: item.code })}</option>)}
      </select>
    </label>
  );
}
