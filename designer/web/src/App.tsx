import { lazy, Suspense, useEffect, useState } from 'react';
import { withElement } from '../../../engine/web-kit/index.js';
import type { Role } from './api.js';
import { AuditorWorkspace, isAuditView, type AuditLocation } from './auditor/AuditorWorkspace.js';
import { Dashboard } from './Dashboard.js';
import { isListView, ProgrammeLists } from './lists/ProgrammeLists.js';
import { isReportView, PeriodReports } from './reports/PeriodReports.js';
import { ConfirmHost } from './Modal.js';
import { DEFAULT_TAB, hrefOf, linkHandler, navigate, setNavigationGuard, useRoute } from './routes.js';
import { SignedInAs, SignIn, useSignedIn } from './SignIn.js';
import { t } from './ui-text.js';

/** The roles the item screens are shaped for; an auditor's home is the auditor workspace. */
const ITEM_ROLES: readonly Role[] = ['author', 'reviewer', 'admin'];
const AUDIT_ROLES = ['auditor', 'reviewer', 'admin'];

// The editor (RJSF, the rule engine, the validators) loads only when an item is opened: the sign-in and the list stay small.
const Editor = lazy(() => import('./Editor.js').then((m) => ({ default: m.Editor })));

export function App() {
  const route = useRoute();
  // Signed in by the browser's session cookie (GET /api/me): a new tab opens signed in.
  const person = useSignedIn();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const onUnauthorized = () => setExpired(true);
    window.addEventListener('tongban:unauthorized', onUnauthorized);
    return () => window.removeEventListener('tongban:unauthorized', onUnauthorized);
  }, []);
  // The session ends first, then the address changes: navigating first would mount the item list,
  // whose requests would meet the ended session (401s) on the way to the sign-in.
  const signOut = async () => {
    setNavigationGuard(null);
    await person.signOut();
    setExpired(false);
    navigate({ page: 'dashboard' }, { force: true });
  };
  if (person.me === undefined) return <main><p className="muted" aria-live="polite">{t('designer.app.checkingSignIn')}</p></main>;
  if (!person.me) return <SignIn onSignedIn={(me) => { person.signedIn(me); setExpired(false); }} />;
  const me = person.me;
  const principalRole = me.principal.role;
  const role: Role | null = (ITEM_ROLES as readonly string[]).includes(principalRole) ? (principalRole as Role) : null;
  const audits = AUDIT_ROLES.includes(principalRole);
  const auditAt = (r: typeof route): AuditLocation => (r.page === 'audit' ? { view: isAuditView(r.view) ? r.view : 'trail', ...(r.code ? { code: r.code } : {}), ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) } : { view: 'trail' });
  const toRoute = (at: AuditLocation) => ({ page: 'audit' as const, ...at });
  const auditor = <AuditorWorkspace at={auditAt(route)} go={(at) => navigate(toRoute(at))} href={(at) => hrefOf(toRoute(at))} />;
  return (
    <>
      <header className="top">
        <h1>{t('designer.app.title')}</h1>
        <nav aria-label={t('designer.app.nav')}>
          <a href={hrefOf({ page: 'dashboard' })} onClick={linkHandler({ page: 'dashboard' })}>{t('designer.app.nav.items')}</a>
          {audits ? <a href={hrefOf({ page: 'audit', view: 'trail' })} onClick={linkHandler({ page: 'audit', view: 'trail' })}>{t('designer.app.nav.audit')}</a> : null}
          <a href={hrefOf({ page: 'lists', view: 'needs' })} onClick={linkHandler({ page: 'lists', view: 'needs' })}>{t('designer.lists.title')}</a>
          {audits ? <a href={hrefOf({ page: 'reports', view: 'week' })} onClick={linkHandler({ page: 'reports', view: 'week' })}>{t('designer.reports.title')}</a> : null}
        </nav>
        <SignedInAs me={me} />
        <button className="small" onClick={() => void signOut()}>{t('designer.app.signOut')}</button>
      </header>
      {expired ? (
        <div className="notice error" role="alert" style={{ margin: '8px 20px' }}>
          {/* The expiry notice's sentence holds the sign-in button at its {signIn} placeholder. */}
          {withElement(t('designer.app.expired'), 'signIn', <button className="link" onClick={() => void signOut()}>{t('designer.app.signInAgain')}</button>)}
        </div>
      ) : null}
      {route.page === 'lists' ? <ProgrammeLists view={isListView(route.view) ? route.view : 'needs'} href={(view) => hrefOf({ page: 'lists', view })} go={(view) => navigate({ page: 'lists', view })} department={me.principal.department} mayEdit={principalRole === 'admin' || principalRole === 'author'} />
        : route.page === 'reports' && audits ? <PeriodReports period={isReportView(route.view) ? route.view : 'week'} href={(view) => hrefOf({ page: 'reports', view })} go={(view) => navigate({ page: 'reports', view })} mayTake={principalRole === 'admin'} />
        : route.page === 'audit' && audits ? auditor
        : !role ? (audits ? auditor : <main><div className="notice info">{t('designer.app.notForRole')}</div></main>)
        : route.page === 'item' ? (
        <Suspense fallback={<main><p aria-live="polite">{t('designer.app.loadingEditor')}</p></main>}>
          <Editor key={route.code} code={route.code} tab={route.tab ?? DEFAULT_TAB} role={role} />
        </Suspense>
      ) : <Dashboard role={role} />}
      <ConfirmHost />
    </>
  );
}
