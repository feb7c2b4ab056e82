import { useEffect, useState } from 'react';
import { findDivision } from '../../../engine/core/index.js';
import { CasePage } from './CasePage.js';
import { CaseQueue, DEPARTMENT_TABS } from './CaseQueue.js';
import { hrefOf, linkHandler, navigate } from './routes.js';
import { SignIn, SignedInAs, SIGNED_IN_BY_COOKIE, usePersonAt, verifyHandlerToken } from './SignIn.js';

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
  useEffect(() => { document.title = `${divisionName} · 审批部门工作台`; }, [divisionName]);

  const signOut = (message?: string) => {
    void person.signOut();
    setNotice(message ?? '已退出登录。');
  };
  const queue = { page: 'department', division, caseNumber: null } as const;

  return (
    <div className="page">
      <header className="topbar">
        <a className="brand" href={hrefOf(queue)} onClick={linkHandler(queue)}>通办 <small>审批部门工作台</small></a>
        <span className="where">{divisionName} <small>{division}</small></span>
        <span className="spacer" />
        <a href={hrefOf({ page: 'clerk', division, code: null })} onClick={linkHandler({ page: 'clerk', division, code: null })}>窗口受理</a>
        {person.me && <SignedInAs me={person.me} />}
        {person.me && <button type="button" onClick={() => signOut()}>退出登录</button>}
      </header>
      {notice && token === null && <p role="status" className="banner info">{notice}</p>}
      {person.refusal && token === null && <p role="status" className="banner info">{person.refusal}</p>}
      {person.me === undefined ? (
        <p role="status" className="hint">正在确认登录…</p>
      ) : token === null ? (
        <SignIn division={division} divisionName={divisionName} title="审批部门登录" placeLabel="所在区划" tokenLabel="审批人员令牌" verify={verifyHandlerToken}
          onSignedIn={(me) => { person.signedIn(me); setNotice(null); }} />
      ) : (
        <div className="department-grid">
          {caseNumber ? (
            <CasePage key={caseNumber} caseNumber={caseNumber} token={token} onUnauthorized={(m) => signOut(m)} back={{ href: hrefOf(queue), onClick: linkHandler(queue) }} />
          ) : (
            <main className="workspace">
              <h1>审批部门工作台</h1>
              <p className="hint">推送到本部门的办件：审批办结后，按申请人选择的方式送达结果。</p>
              <CaseQueue division={division} token={token} tabs={DEPARTMENT_TABS} title="本部门办件队列" onUnauthorized={(m) => signOut(m)}
                hrefFor={(n) => hrefOf({ page: 'department', division, caseNumber: n })} onOpen={(n) => navigate({ page: 'department', division, caseNumber: n })} />
            </main>
          )}
        </div>
      )}
    </div>
  );
}
