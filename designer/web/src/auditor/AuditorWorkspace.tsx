import type { ReactNode } from 'react';
import { t } from '../ui-text.js';
import './auditor.css';
import { AdoptionView } from './AdoptionView.js';
import { AuditTrail } from './AuditTrail.js';
import { DecisionSearch } from './DecisionSearch.js';
import { DraftImpact } from './DraftImpact.js';
import { VersionCompare } from './VersionCompare.js';
import { VersionDossier } from './VersionDossier.js';

/** The auditor workspace's views, in the order its tabs show them. */
export const AUDIT_VIEWS = [
  { view: 'trail', label: t('designer.auditor.view.trail') },
  { view: 'compare', label: t('designer.auditor.view.compare') },
  { view: 'adoption', label: t('designer.auditor.view.adoption') },
  { view: 'decisions', label: t('designer.auditor.view.decisions') },
  { view: 'impact', label: t('designer.auditor.view.impact') },
  { view: 'dossier', label: t('designer.auditor.view.dossier') },
] as const;

export type AuditView = (typeof AUDIT_VIEWS)[number]['view'];

/** Where the workspace is: its view and, for item views, the item and the versions. */
export interface AuditLocation {
  view: AuditView;
  code?: string;
  from?: string;
  to?: string;
}

export function isAuditView(value: string | null | undefined): value is AuditView {
  return AUDIT_VIEWS.some((v) => v.view === value);
}

/**
 * The auditor's workspace in the designer: the audit trail and its verification, any two versions
 * compared, adoption and drift across the localities, recorded decisions with replay, a draft's
 * impact and a printable version dossier. Reads only; every figure comes from the audit APIs.
 */
export function AuditorWorkspace({ at, go, href }: { at: AuditLocation; go: (next: AuditLocation) => void; href: (next: AuditLocation) => string }) {
  let body: ReactNode;
  switch (at.view) {
    case 'compare': body = <VersionCompare code={at.code ?? ''} from={at.from ?? ''} to={at.to ?? ''} onChange={(n) => go({ view: 'compare', ...n })} />; break;
    case 'adoption': body = <AdoptionView />; break;
    case 'decisions': body = <DecisionSearch initialCode={at.code ?? ''} />; break;
    case 'impact': body = <DraftImpact code={at.code ?? ''} onChange={(code) => go({ view: 'impact', code })} />; break;
    case 'dossier': body = <VersionDossier code={at.code ?? ''} which={at.from ?? ''} onChange={({ code, which }) => go({ view: 'dossier', code, from: which })} />; break;
    default: body = <AuditTrail />;
  }
  return (
    <main className="auditor">
      <nav className="auditor-tabs no-print" aria-label={t('designer.auditor.tabs')}>
        {AUDIT_VIEWS.map(({ view, label }) => (
          <a key={view} href={href({ view })} aria-current={at.view === view ? 'page' : undefined}
            onClick={(e) => { if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return; e.preventDefault(); go({ view }); }}>{label}</a>
        ))}
      </nav>
      {body}
    </main>
  );
}
