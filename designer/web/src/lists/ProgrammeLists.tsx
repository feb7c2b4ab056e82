import { useEffect, useState } from 'react';
import { commitmentStatuses, dataListKinds, labelOf, type DataListEntry, type DataListKind } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { usePeople } from '../people.js';
import { t } from '../ui-text.js';
import { listsApi, type DataNeedsView } from './lists-api.js';
import './lists.css';

export type ListView = 'needs' | DataListKind;
export const LIST_VIEWS: readonly ListView[] = ['needs', 'responsibility', 'negative'];
export const isListView = (value: string): value is ListView => (LIST_VIEWS as readonly string[]).includes(value);

const TITLES: Record<ListView, string> = { needs: t('designer.lists.needs'), responsibility: labelOf(dataListKinds, 'responsibility'), negative: labelOf(dataListKinds, 'negative') };

const FIELDS: Record<DataListKind, { key: string; label: string; type?: string }[]> = {
  responsibility: [
    { key: 'id', label: t('designer.lists.col.id') }, { key: 'department', label: t('designer.lists.col.department') }, { key: 'dataItem', label: t('designer.lists.col.dataItem') },
    { key: 'interfaceName', label: t('designer.lists.col.interfaceName') }, { key: 'sharingMethod', label: t('designer.lists.col.sharingMethod') },
    { key: 'dueDate', label: t('designer.lists.col.dueDate'), type: 'date' }, { key: 'status', label: t('designer.lists.col.status') }, { key: 'note', label: t('designer.lists.col.note') },
  ],
  negative: [
    { key: 'id', label: t('designer.lists.col.id') }, { key: 'department', label: t('designer.lists.col.department') }, { key: 'dataItem', label: t('designer.lists.col.dataItem') },
    { key: 'basis', label: t('designer.lists.col.basis') }, { key: 'note', label: t('designer.lists.col.note') },
  ],
};

/** 三清单: the 需求清单 derived from the items, the 责任清单 and 负面清单 kept by the providing departments; printable. */
export function ProgrammeLists({ view, href, go, department, mayEdit }: { view: ListView; href: (v: ListView) => string; go: (v: ListView) => void; department: string | null; mayEdit: boolean }) {
  return (
    <main className="programme">
      <nav className="views" aria-label={t('designer.lists.title')}>
        {LIST_VIEWS.map((v) => (
          <a key={v} href={href(v)} aria-current={v === view ? 'page' : undefined} onClick={(e) => { e.preventDefault(); go(v); }}>{TITLES[v]}</a>
        ))}
      </nav>
      <h2>{TITLES[view]}</h2>
      {view === 'needs' ? <NeedsList /> : <EditableList key={view} kind={view} department={department} mayEdit={mayEdit} />}
    </main>
  );
}

function NeedsList() {
  const [needs, setNeeds] = useState<DataNeedsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { listsApi.needs().then(setNeeds, (e: unknown) => setError(advice(e))); }, []);
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!needs) return <p className="muted">{t('designer.lists.loading')}</p>;
  return (
    <>
      <div className="actions">
        <button onClick={() => window.print()}>{t('designer.lists.print')}</button>
        <button onClick={() => void listsApi.downloadCsv('/api/catalogue/data-needs', `${TITLES.needs}.csv`)}>{t('designer.lists.exportCsv')}</button>
      </div>
      <table>
        <thead><tr><th>{t('designer.lists.col.department')}</th><th>{t('designer.lists.col.dataItem')}</th><th>{t('designer.lists.col.item')}</th><th>{t('designer.lists.col.requestingDepartment')}</th><th>{t('designer.lists.col.sharingMethod')}</th></tr></thead>
        <tbody>
          {needs.departments.flatMap((d) => d.dataItems.flatMap((item) => item.items.map((use) => (
            <tr key={`${d.owningDepartment}/${item.dataItem}/${use.code}`}><td>{d.owningDepartment}</td><td>{item.dataItem}</td><td>{t('designer.batches.itemLabel', { name: use.name, code: use.code })}</td><td>{use.department}</td><td>{use.sharingMethod.label}</td></tr>
          ))))}
        </tbody>
      </table>
    </>
  );
}

const valueOf = (entry: DataListEntry, key: string): string => {
  if (key === 'status' && entry.kind === 'responsibility') return labelOf(commitmentStatuses, entry.status);
  const value = (entry as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
};

function EditableList({ kind, department, mayEdit }: { kind: DataListKind; department: string | null; mayEdit: boolean }) {
  const people = usePeople();
  const [entries, setEntries] = useState<DataListEntry[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const blank = (): Record<string, string> => ({ department: department ?? '', ...(kind === 'responsibility' ? { status: 'planned', sharingMethod: 'interface' } : {}) });
  const [draft, setDraft] = useState<Record<string, string>>(blank);
  const load = () => listsApi.entries(kind).then((r) => setEntries(r.entries), (e: unknown) => setMessage({ kind: 'error', text: advice(e) }));
  useEffect(() => { void load(); }, [kind]);
  const save = async () => {
    const { id = '', ...body } = draft;
    try {
      await listsApi.put(kind, id.trim(), Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '')));
      setMessage({ kind: 'info', text: t('designer.lists.saved', { id }) });
      setDraft(blank());
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: advice(e) });
    }
  };
  const fields = FIELDS[kind];
  return (
    <>
      <div className="actions">
        <button onClick={() => window.print()}>{t('designer.lists.print')}</button>
        <button onClick={() => void listsApi.downloadCsv(`/api/lists/${kind}`, `${TITLES[kind]}.csv`)}>{t('designer.lists.exportCsv')}</button>
      </div>
      {message ? <div className={`notice ${message.kind} no-print`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</div> : null}
      {mayEdit ? (
        <form className="entry" aria-label={t('designer.lists.entryForm', { list: TITLES[kind] })} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {fields.map((f) => (
            <label key={f.key}>{f.label}
              {f.key === 'status' ? (
                <select value={draft.status ?? 'planned'} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
                  {commitmentStatuses.codes.map((c) => <option key={c} value={c}>{labelOf(commitmentStatuses, c)}</option>)}
                </select>
              ) : (
                <input name={f.key} type={f.type ?? 'text'} value={draft[f.key] ?? ''} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
              )}
            </label>
          ))}
          <div><button type="submit">{t('designer.lists.saveEntry')}</button></div>
        </form>
      ) : null}
      {!entries ? <p className="muted">{t('designer.lists.loading')}</p> : entries.length === 0 ? <p className="muted">{t('designer.lists.empty')}</p> : (
        <table>
          <thead><tr>{fields.map((f) => <th key={f.key}>{f.label}</th>)}<th>{t('designer.lists.col.updatedBy')}</th>{mayEdit ? <th className="no-print">{t('designer.col.actions')}</th> : null}</tr></thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                {fields.map((f) => <td key={f.key}>{valueOf(entry, f.key)}</td>)}
                <td>{people(entry.updatedBy)}</td>
                {mayEdit ? (
                  <td className="no-print">
                    <button className="small" onClick={() => setDraft(Object.fromEntries(fields.map((f) => [f.key, f.key === 'status' && entry.kind === 'responsibility' ? entry.status : valueOf(entry, f.key)])))}>{t('designer.lists.edit')}</button>
                    <button className="small" onClick={() => void listsApi.remove(kind, entry.id).then(load, (e: unknown) => setMessage({ kind: 'error', text: advice(e) }))}>{t('designer.lists.delete')}</button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
