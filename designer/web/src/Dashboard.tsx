import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ITEM_CODE_HINT, isItemCode, type ItemConfig } from '../../../engine/core/index.js';
import { advice } from '../../../engine/web-kit/index.js';
import { api, type ItemSummary, type Role } from './api.js';
import { ExampleCell } from './ExampleStatus.js';
import { hrefOf, linkHandler, navigate } from './routes.js';
import { formatTime, StatusBadges } from './status.js';
import { usePeople } from './people.js';
import { t } from './ui-text.js';

const DEPT_KEY = 'tongban.designer.department';

/** The skeleton of a brand-new item: enough for the server to accept it as a draft. */
export function skeleton(code: string, name: string, department: string): ItemConfig {
  return {
    code,
    standard: { name, code, department: { name: department } } as unknown as ItemConfig['standard'],
    form: { schema: { type: 'object', properties: {} }, uiSchema: {} },
    rules: [],
    examples: [],
  };
}

function NewItem({ onCancel }: { onCancel: () => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [department, setDepartment] = useState(() => localStorage.getItem(DEPT_KEY) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isItemCode(code)) return setError(ITEM_CODE_HINT);
    if (!name.trim()) return setError(t('designer.new.nameMissing'));
    if (!department.trim()) return setError(t('designer.new.departmentMissing'));
    setBusy(true);
    setError(null);
    try {
      await api.saveDraft(code, skeleton(code, name.trim(), department.trim()), null);
      localStorage.setItem(DEPT_KEY, department.trim());
      navigate({ page: 'item', code });
    } catch (err) {
      setError(advice(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-title">
      <h2 id="new-title">{t('designer.new.title')}</h2>
      <div className="row">
        <label>{t('guide.field.code')} <input name="code" value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('designer.new.codePlaceholder')} autoFocus /></label>
        <label>{t('guide.field.name')} <input name="name" value={name} onChange={(e) => setName(e.target.value)} size={30} /></label>
        <label>{t('guide.field.department')} <input name="department" value={department} onChange={(e) => setDepartment(e.target.value)} size={30} /></label>
        <button className="primary" type="submit" disabled={busy}>{busy ? t('designer.new.creating') : t('designer.new.create')}</button>
        <button type="button" onClick={onCancel}>{t('designer.modal.cancel')}</button>
      </div>
      {error ? <div className="notice error" role="alert">{error}</div> : null}
    </form>
  );
}

/**
 * The administrator's reminder to load next year's holiday calendar: from 1 December (on the
 * server's clock) while next year is missing, deadlines would be counted on weekends alone.
 */
function CalendarWarning() {
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.calendarCoverage().then((coverage) => {
      if (live) setWarning(coverage.warning ?? null);
    }, () => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!warning) return null;
  return (
    <div className="notice warn calendar-warning" role="status">
      <strong>{t('designer.calendar.title')}</strong>{warning}{t('designer.calendar.howToLoad', { command: 'tongban calendar put' })}
    </div>
  );
}

function ItemTable({ items, caption }: { items: ItemSummary[]; caption: string }) {
  const nameOf = usePeople();
  return (
    <table className="list">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr><th>{t('guide.field.code')}</th><th>{t('guide.field.name')}</th><th>{t('guide.field.department')}</th><th>{t('designer.items.status')}</th><th>{t('designer.items.sample')}</th><th>{t('designer.items.changed')}</th></tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.code}>
            <td><a href={hrefOf({ page: 'item', code: item.code })} onClick={linkHandler({ page: 'item', code: item.code })}>{item.code}</a></td>
            <td>{item.name}</td>
            <td>{item.department}</td>
            <td><StatusBadges item={item} /></td>
            <td><ExampleCell item={item} /></td>
            <td>{formatTime(item.draft?.updatedAt ?? item.latestPublishedAt ?? item.createdAt)}{item.draft ? <span className="muted" title={item.draft.updatedBy}>{t('designer.items.changedBy', { name: nameOf(item.draft.updatedBy) })}</span> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Dashboard({ role }: { role: Role }) {
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await api.items()).items);
    } catch (err) {
      setError(advice(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const filtered = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const list = [...(items ?? [])].sort((a, b) => (b.draft?.updatedAt ?? b.latestPublishedAt ?? '').localeCompare(a.draft?.updatedAt ?? a.latestPublishedAt ?? ''));
    return q ? list.filter((i) => `${i.code} ${i.name} ${i.department}`.toLowerCase().includes(q)) : list;
  }, [items, filter]);
  const queue = filtered.filter((i) => i.draft?.status === 'submitted');
  const approved = filtered.filter((i) => i.draft?.status === 'approved');
  return (
    <main>
      {error ? <div className="notice error" role="alert">{error} <button className="link" onClick={() => void load()}>{t('designer.retry')}</button></div> : null}
      {role === 'admin' ? <CalendarWarning /> : null}
      {role !== 'reviewer' ? (creating ? <NewItem onCancel={() => setCreating(false)} /> : null) : null}
      {role === 'reviewer' || role === 'admin' ? (
        <section className="card" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('designer.queue.title', { n: queue.length })}</h2>
          {queue.length ? <ItemTable items={queue} caption={t('designer.queue.caption')} /> : <p className="muted">{t('designer.queue.empty')}</p>}
        </section>
      ) : null}
      {role !== 'reviewer' && approved.length ? (
        <section className="card" aria-labelledby="approved-title">
          <h2 id="approved-title">{t('designer.approved.title', { n: approved.length })}</h2>
          <ItemTable items={approved} caption={t('designer.approved.caption')} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="all-title">
        <div className="row" style={{ marginBottom: 8 }}>
          <h2 id="all-title" className="grow" style={{ margin: 0 }}>{t('designer.items.all')}</h2>
          <label>{t('designer.items.filter')} <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('designer.items.filterPlaceholder')} /></label>
          <button onClick={() => void load()}>{t('designer.refresh')}</button>
          {role !== 'reviewer' ? <button className="primary" onClick={() => setCreating(true)}>{t('designer.new.title')}</button> : null}
        </div>
        {items === null ? <p className="muted" aria-live="polite">{t('designer.loading')}</p> : <ItemTable items={filtered} caption={t('designer.items.all')} />}
      </section>
    </main>
  );
}
