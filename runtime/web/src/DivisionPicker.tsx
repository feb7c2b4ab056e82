import { useEffect, useState } from 'react';
import { getJson, type DivisionNode } from './api.js';
import { hrefOf, linkHandler } from './routes.js';

/** /window/ without a division: pick the centre this window belongs to. */
export function DivisionPicker() {
  const [tree, setTree] = useState<DivisionNode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    getJson<DivisionNode>('/api/divisions').then(setTree, (e: Error) => setError(e.message));
  }, []);
  const match = (d: DivisionNode) => !filter || d.name.includes(filter) || d.code.startsWith(filter);
  return (
    <div className="page">
      <header className="topbar">
        <span className="brand">通办 <small>全区通办窗口受理</small></span>
      </header>
      <main className="picker" aria-labelledby="picker-title">
        <h1 id="picker-title">选择受理地</h1>
        <label className="field">
          <span>按名称或区划代码筛选</span>
          <input value={filter} onChange={(e) => setFilter(e.target.value.trim())} placeholder="如 新城区 或 150102" />
        </label>
        {error && <p role="alert" className="banner error">区划列表加载失败：{error}。请刷新页面重试。</p>}
        {!tree && !error && <p role="status">正在加载区划…</p>}
        {tree && (
          <div className="picker-grid">
            {tree.children.filter((league) => match(league) || league.children.some(match)).map((league) => (
              <section key={league.code} className="card">
                <h2><a href={hrefOf({ page: 'clerk', division: league.code, code: null })} onClick={linkHandler({ page: 'clerk', division: league.code, code: null })}>{league.name}</a> <small>{league.code}</small></h2>
                <ul className="chips">
                  {league.children.filter((b) => match(b) || match(league)).map((banner) => (
                    <li key={banner.code}>
                      <a href={hrefOf({ page: 'clerk', division: banner.code, code: null })} onClick={linkHandler({ page: 'clerk', division: banner.code, code: null })}>{banner.name}</a>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </main>
    </div>
  );
}
