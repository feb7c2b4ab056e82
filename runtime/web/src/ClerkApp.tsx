import { useEffect, useState } from 'react';
import { ApiError, withElement } from '../../../engine/web-kit/index.js';
import { getJson, runtimePath, type ItemList } from './api.js';
import { CasePage } from './CasePage.js';
import { CaseQueue, WINDOW_TABS } from './CaseQueue.js';
import { ItemSearch } from './ItemSearch.js';
import { LocalFieldsScreen } from './LocalFieldsScreen.js';
import { OlderVersionBanner } from './OlderVersionBanner.js';
import { hrefOf, linkHandler, navigate } from './routes.js';
import { SignIn, SignedInAs, SIGNED_IN_BY_COOKIE, usePersonAt } from './SignIn.js';
import { t } from './ui-text.js';
import { Workspace } from './Workspace.js';

export function useItems(division: string): { list: ItemList | null; error: string | null } {
  const [list, setList] = useState<ItemList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setList(null);
    setError(null);
    getJson<ItemList>(runtimePath(division, '/items')).then(
      (l) => { if (live) setList(l); },
      (e: unknown) => { if (live) setError(e instanceof ApiError ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [division]);
  return { list, error };
}

/**
 * The window clerk's app at /window/<division>[/<code>], one case at /window/<division>/cases/<caseNumber>,
 * the locality's 属地信息 at /window/<division>/_local-fields.
 */
export function ClerkApp({ division, code, caseNumber = null, localFields = false }: { division: string; code: string | null; caseNumber?: string | null; localFields?: boolean }) {
  // Signed in by the browser's session cookie: screens send no token of their own.
  const person = usePersonAt(division, 'operator');
  const token = person.me ? SIGNED_IN_BY_COOKIE : null;
  const [notice, setNotice] = useState<string | null>(null);
  const { list, error } = useItems(division);
  const divisionName = list?.division.name ?? division;
  useEffect(() => { document.title = t('runtime.clerk.documentTitle', { division: divisionName }); }, [divisionName]);

  const signOut = (message?: string) => {
    void person.signOut();
    setNotice(message ?? t('runtime.clerk.signedOut'));
  };

  return (
    <div className="page">
      <header className="topbar">
        <a className="brand" href={hrefOf({ page: 'divisions' })} onClick={linkHandler({ page: 'divisions' })}>{t('runtime.clerk.brand')} <small>{t('runtime.clerk.tagline')}</small></a>
        <span className="where">{divisionName} <small>{division}</small></span>
        <span className="spacer" />
        {person.me && <a href={hrefOf({ page: 'local-fields', division })} onClick={linkHandler({ page: 'local-fields', division })} aria-current={localFields ? 'page' : undefined}>{t('runtime.clerk.localFields')}</a>}
        <a href={hrefOf({ page: 'public', division, code })} target="_blank" rel="noreferrer">{t('runtime.clerk.publicPage')}</a>
        <a href={hrefOf({ page: 'divisions' })} onClick={linkHandler({ page: 'divisions' })}>{t('runtime.clerk.switchDivision')}</a>
        {person.me && <SignedInAs me={person.me} />}
        {person.me && <button type="button" onClick={() => signOut()}>{t('runtime.clerk.signOut')}</button>}
      </header>
      {error && <p role="alert" className="banner error">{withElement(t('runtime.clerk.loadError', { error }), 'link', <a href={hrefOf({ page: 'divisions' })}>{t('runtime.clerk.chooseAgain')}</a>)}</p>}
      {notice && token === null && <p role="status" className="banner info">{notice}</p>}
      {person.refusal && token === null && <p role="status" className="banner info">{person.refusal}</p>}
      {person.me === undefined ? (
        <p role="status" className="hint">{t('runtime.clerk.checkingSignIn')}</p>
      ) : token === null ? (
        <SignIn division={division} divisionName={divisionName} onSignedIn={(me, note) => { person.signedIn(me); setNotice(note ?? null); }}
          footer={<p className="hint">{withElement(t('runtime.clerk.departmentFooter'), 'link', <a href={hrefOf({ page: 'department', division, caseNumber: null })} onClick={linkHandler({ page: 'department', division, caseNumber: null })}>{t('runtime.clerk.departmentLink')}</a>)}</p>} />
      ) : (
        <div className="clerk-grid">
          {notice && <p role="status" className="banner info span-all">{notice}</p>}
          {list ? (
            <ItemSearch items={list.items} selected={code} hrefFor={(c) => hrefOf({ page: 'clerk', division, code: c })}
              onSelect={(c) => navigate({ page: 'clerk', division, code: c })} />
          ) : (
            !error && <p role="status" className="hint">{t('runtime.clerk.loadingItems')}</p>
          )}
          {localFields ? (
            list ? <LocalFieldsScreen division={division} items={list.items} onUnauthorized={(m) => signOut(m)} /> : <main className="workspace"><p role="status" className="hint">{t('runtime.clerk.loadingItems')}</p></main>
          ) : caseNumber ? (
            <CasePage key={caseNumber} caseNumber={caseNumber} token={token} printAt={division} onUnauthorized={(m) => signOut(m)}
              back={{ href: hrefOf({ page: 'clerk', division, code: null }), onClick: linkHandler({ page: 'clerk', division, code: null }) }} />
          ) : code ? (
            <div className="workspace-column">
              <OlderVersionBanner item={list?.items.find((i) => i.code === code)} divisionName={divisionName} />
              <Workspace key={`${division}/${code}`} division={division} code={code} clerk={{ token, onUnauthorized: (m) => signOut(m) }} />
            </div>
          ) : (
            <main className="workspace empty">
              <h1>{t('runtime.clerk.homeTitle')}</h1>
              <p className="hint">{t('runtime.clerk.homeHint')}</p>
              <CaseQueue division={division} token={token} tabs={WINDOW_TABS} initialTab="to-do" overdueReport title={t('runtime.clerk.queueTitle')} onUnauthorized={(m) => signOut(m)}
                hrefFor={(n) => hrefOf({ page: 'case', division, caseNumber: n })} onOpen={(n) => navigate({ page: 'case', division, caseNumber: n })} />
            </main>
          )}
        </div>
      )}
    </div>
  );
}
