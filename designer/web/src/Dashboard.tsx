import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ITEM_CODE_HINT, isItemCode, type ItemConfig } from '../../../engine/core/index.js';
import { advice } from '../../../engine/web-kit/index.js';
import { api, type ItemSummary, type Role } from './api.js';
import { ExampleCell } from './ExampleStatus.js';
import { hrefOf, linkHandler, navigate } from './routes.js';
import { formatTime, StatusBadges } from './status.js';
import { usePeople } from './people.js';

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
    if (!name.trim()) return setError('请填写事项名称。');
    if (!department.trim()) return setError('请填写实施部门（须与您所属部门一致）。');
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
      <h2 id="new-title">新建事项</h2>
      <div className="row">
        <label>事项编码 <input name="code" value={code} onChange={(e) => setCode(e.target.value)} placeholder="如 RS-0101" autoFocus /></label>
        <label>事项名称 <input name="name" value={name} onChange={(e) => setName(e.target.value)} size={30} /></label>
        <label>实施部门 <input name="department" value={department} onChange={(e) => setDepartment(e.target.value)} size={30} /></label>
        <button className="primary" type="submit" disabled={busy}>{busy ? '创建中…' : '创建草稿'}</button>
        <button type="button" onClick={onCancel}>取消</button>
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
      <strong>工作日历：</strong>{warning}（可用 PUT /api/calendar/年份 或命令行 <code>tongban calendar put</code> 载入。）
    </div>
  );
}

function ItemTable({ items, caption }: { items: ItemSummary[]; caption: string }) {
  const nameOf = usePeople();
  return (
    <table className="list">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr><th>事项编码</th><th>事项名称</th><th>实施部门</th><th>状态</th><th>样例</th><th>最近变更</th></tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.code}>
            <td><a href={hrefOf({ page: 'item', code: item.code })} onClick={linkHandler({ page: 'item', code: item.code })}>{item.code}</a></td>
            <td>{item.name}</td>
            <td>{item.department}</td>
            <td><StatusBadges item={item} /></td>
            <td><ExampleCell item={item} /></td>
            <td>{formatTime(item.draft?.updatedAt ?? item.latestPublishedAt ?? item.createdAt)}{item.draft ? <span className="muted" title={item.draft.updatedBy}>（{nameOf(item.draft.updatedBy)}）</span> : null}</td>
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
      {error ? <div className="notice error" role="alert">{error} <button className="link" onClick={() => void load()}>重试</button></div> : null}
      {role === 'admin' ? <CalendarWarning /> : null}
      {role !== 'reviewer' ? (creating ? <NewItem onCancel={() => setCreating(false)} /> : null) : null}
      {role === 'reviewer' || role === 'admin' ? (
        <section className="card" aria-labelledby="queue-title">
          <h2 id="queue-title">待审核（{queue.length}）</h2>
          {queue.length ? <ItemTable items={queue} caption="待审核事项" /> : <p className="muted">目前没有待审核的草稿。</p>}
        </section>
      ) : null}
      {role !== 'reviewer' && approved.length ? (
        <section className="card" aria-labelledby="approved-title">
          <h2 id="approved-title">审核通过、待发布（{approved.length}）</h2>
          <ItemTable items={approved} caption="待发布事项" />
        </section>
      ) : null}
      <section className="card" aria-labelledby="all-title">
        <div className="row" style={{ marginBottom: 8 }}>
          <h2 id="all-title" className="grow" style={{ margin: 0 }}>全部事项</h2>
          <label>筛选 <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="编码、名称或部门" /></label>
          <button onClick={() => void load()}>刷新</button>
          {role !== 'reviewer' ? <button className="primary" onClick={() => setCreating(true)}>新建事项</button> : null}
        </div>
        {items === null ? <p className="muted" aria-live="polite">加载中…</p> : <ItemTable items={filtered} caption="全部事项" />}
      </section>
    </main>
  );
}
