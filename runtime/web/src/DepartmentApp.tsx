import { useEffect, useState } from 'react';
import { findDivision } from '../../../engine/core/index.js';
import { CasePage } from './CasePage.js';
import { CaseQueue, DEPARTMENT_TABS } from './CaseQueue.js';
import { hrefOf, linkHandler, navigate } from './routes.js';
import { SignIn, SignedInAs, SIGNED_IN_BY_COOKIE, usePersonAt, verifyHandlerToken } from './SignIn.js';
import { t } from './ui-text.js';

/**
 * The approving department's desk (审批部门工作台) at /window/department/<division>: a handler signs
 * in with its token and sees its department's cases there — to decide, to deliver — and each case
 * with 审批 and 送达.
 */
export function DepartmentApp({ division, caseNumber }: { division: string; caseNumber: string | null }) {
  // Signed in by the browser's session cookie: screens send no token of their own.
  const person = usePersonAt(division, 'handler');
  const token = person.me ? SIGNED_IN_BY_COOKIE : null;
  const [notice, setNotice] = useState<string | null>(null);
  const divisionName = findDivision(division)?.name ?? division;
  useEffect(() => { document.title = t('runtime.department.documentTitle', { division: divisionName }); }, [divisionName]);

  const signOut = (message?: string) => {
    void person.signOut();
    setNotice(message ?? t('runtime.department.signedOut'));
  };
  const queue = { page: 'department', division, caseNumber: null } as const;

  return (
    <div className="page">
      <header className="topbar">
        <a className="brand" href={hrefOf(queue)} onClick={linkHandler(queue)}>{t('public.brand')} <small>{t('runtime.department.desk')}</small></a>
        <span className="where">{divisionName} <small>{division}</small></span>
        <span className="spacer" />
        <a href={hrefOf({ page: 'clerk', division, code: null })} onClick={linkHandler({ page: 'clerk', division, code: null })}>{t('runtime.department.clerkLink')}</a>
        {person.me && <SignedInAs me={person.me} />}
        {person.me && <button type="button" onClick={() => signOut()}>{t('runtime.department.signOut')}</button>}
      </header>
      {notice && token === null && <p role="status" className="banner info">{notice}</p>}
      {person.refusal && token === null && <p role="status" className="banner info">{person.refusal}</p>}
      {person.me === undefined ? (
        <p role="status" className="hint">{t('runtime.department.checkingSignIn')}</p>
      ) : token === null ? (
        <SignIn division={division} divisionName={divisionName} title={t('runtime.department.signInTitle')} placeLabel={t('runtime.department.signInPlace')} tokenLabel={t('runtime.department.signInToken')} verify={verifyHandlerToken}
          onSignedIn={(me) => { person.signedIn(me); setNotice(null); }} />
      ) : (
        <div className="department-grid">
          {caseNumber ? (
            <CasePage key={caseNumber} caseNumber={caseNumber} token={token} onUnauthorized={(m) => signOut(m)} back={{ href: hrefOf(queue), onClick: linkHandler(queue) }} />
          ) : (
            <main className="workspace">
              <h1>{t('runtime.department.desk')}</h1>
              <p className="hint">{t('runtime.department.hint')}</p>
              <CaseQueue division={division} token={token} tabs={DEPARTMENT_TABS} title={t('runtime.department.queueTitle')} onUnauthorized={(m) => signOut(m)}
                hrefFor={(n) => hrefOf({ page: 'department', division, caseNumber: n })} onOpen={(n) => navigate({ page: 'department', division, caseNumber: n })} />
            </main>
          )}
        </div>
      )}
    </div>
  );
}
