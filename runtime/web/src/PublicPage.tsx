import { useEffect } from 'react';
import { useItems } from './ClerkApp.js';
import { ItemSearch } from './ItemSearch.js';
import { ProgressLookup } from './ProgressLookup.js';
import { hrefOf, navigate } from './routes.js';
import { Workspace } from './Workspace.js';

/** /window/public/<division>/<code>: the same guide, form and decision for applicants; no sign-in, nothing saved. */
export function PublicPage({ division, code }: { division: string; code: string | null }) {
  const { list, error } = useItems(division);
  const divisionName = list?.division.name ?? division;
  useEffect(() => { document.title = `${divisionName} · 通办 网上办事指南`; }, [divisionName]);
  return (
    <div className="page public">
      <header className="topbar">
        <span className="brand">通办 <small>网上办事指南与自查</small></span>
        <span className="where">{divisionName} <small>{division}</small></span>
      </header>
      {error && <p role="alert" className="banner error">无法加载事项：{error}</p>}
      <div className={code ? 'public-grid' : 'clerk-grid'}>
        {!code && list && (
          <ItemSearch items={list.items} selected={null} hrefFor={(c) => hrefOf({ page: 'public', division, code: c })}
            onSelect={(c) => navigate({ page: 'public', division, code: c })} />
        )}
        {code ? <Workspace key={`${division}/${code}`} division={division} code={code} /> : <main className="workspace empty"><h1>请选择事项</h1><p className="hint">在左侧查找事项，查看办事指南并在线自查；已办理的，可在下方查询办件进度。</p><ProgressLookup /></main>}
      </div>
    </div>
  );
}
