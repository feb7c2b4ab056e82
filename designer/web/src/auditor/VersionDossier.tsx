import { useEffect, useState } from 'react';
import { draftStatuses, isDraftStatus, labelOf, legalChangeKinds, type ExampleReport, type VersionMeta } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { t } from '../ui-text.js';
import { auditorApi, regionTime, usePeople } from './auditor-api.js';
import { ImpactReportView, useImpact } from './DraftImpact.js';
import { ItemPicker, useItems } from './ItemPicker.js';
import { outcomeName } from './outcome.js';

interface DossierData {
  name: string;
  /** The version's publication record; null for the draft. */
  meta: VersionMeta | null;
  draft: { revision: number; status: string; createdBy: string; updatedBy: string; updatedAt: string; baseVersion: number | null } | null;
  previous: number | null;
  diff: string | null;
  examples: ExampleReport | null;
  decisions: Record<string, number> | null;
}

/** Everything a dossier shows, loaded from the existing APIs (version, diff, examples run on the server, decisions). */
async function loadDossier(code: string, which: string): Promise<DossierData> {
  const { item, versions } = await auditorApi.item(code);
  if (which === 'draft') {
    const draft = await auditorApi.draft(code);
    const previous = item.latestVersion;
    const [diff, check] = await Promise.all([previous ? auditorApi.diffText(code, String(previous), 'draft') : Promise.resolve(null), auditorApi.check(draft.config)]);
    return { name: item.name, meta: null, draft, previous, diff, examples: check.examples, decisions: null };
  }
  const number = Number(which);
  const record = await auditorApi.version(code, number);
  const previous = versions.filter((v) => v.version < number).map((v) => v.version).sort((a, b) => b - a)[0] ?? null;
  const [diff, check, recorded] = await Promise.all([
    previous ? auditorApi.diffText(code, String(previous), String(number)) : Promise.resolve(null),
    auditorApi.check(record.config),
    auditorApi.decisions({ code }).catch(() => null),
  ]);
  const counts: Record<string, number> = {};
  for (const d of recorded?.decisions ?? []) if (d.version === number) counts[d.outcome] = (counts[d.outcome] ?? 0) + 1;
  const { config: _config, ...meta } = record;
  return { name: item.name, meta, draft: null, previous, diff, examples: check.examples, decisions: recorded ? counts : null };
}

/**
 * The printable dossier of one version (or the draft): who drafted and reviewed it, what changed,
 * how its examples come out, its impact and its publication record — styled for paper.
 */
export function VersionDossier({ code, which, onChange }: { code: string; which: string; onChange: (next: { code: string; which: string }) => void }) {
  const nameOf = usePeople();
  const { items } = useItems();
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [data, setData] = useState<DossierData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const item = items?.find((i) => i.code === code) ?? null;
  const { report: impact, error: impactError } = useImpact(code, which === 'draft' && item?.latestVersion !== null && item !== null);
  useEffect(() => {
    if (!code) return;
    let live = true;
    auditorApi.item(code).then((r) => { if (live) setVersions(r.versions); }, () => undefined);
    return () => { live = false; };
  }, [code]);
  useEffect(() => {
    if (!code || !which) return;
    let live = true;
    setData(null);
    setError(null);
    loadDossier(code, which).then((d) => { if (live) setData(d); }, (e: unknown) => { if (live) setError(advice(e)); });
    return () => { live = false; };
  }, [code, which]);
  return (
    <section aria-labelledby="dossier-title" className="dossier">
      <div className="row filters no-print">
        {items && <ItemPicker id="dossier-item" items={items} value={code} onChange={(c) => onChange({ code: c, which: String(items.find((i) => i.code === c)?.latestVersion ?? 'draft') })} />}
        {versions && (
          <label htmlFor="dossier-version" className="picker"><span>{t('designer.auditor.dossier.version')}</span>
            <select id="dossier-version" value={which} onChange={(e) => onChange({ code, which: e.target.value })}>
              {versions.map((v) => <option key={v.version} value={String(v.version)}>{t('designer.auditor.version', { version: v.version })}</option>)}
              {item?.draft ? <option value="draft">{t('designer.auditor.currentDraft')}</option> : null}
            </select>
          </label>
        )}
        {data && <button type="button" className="primary" onClick={() => window.print()}>{t('designer.auditor.dossier.print')}</button>}
      </div>
      {!code ? <p className="muted">{t('designer.auditor.dossier.choose')}</p>
        : error ? <div className="notice error" role="alert">{error}</div>
        : !data ? <p className="muted" aria-live="polite">{t('designer.auditor.dossier.loading')}</p>
        : (
          <article className="dossier-page" data-testid="dossier">
            <h2 id="dossier-title">{t('designer.auditor.dossier.title')}</h2>
            <p className="dossier-subtitle">{data.meta
              ? t('designer.auditor.dossier.subtitleVersion', { name: data.name, code, version: data.meta.version })
              : t('designer.auditor.dossier.subtitleDraft', { name: data.name, code, revision: data.draft?.revision ?? '—' })}</p>
            <h3>{t('designer.auditor.dossier.section.people')}</h3>
            <table className="list dossier-facts">
              <tbody>
                {data.meta ? (
                  <>
                    <tr><th>{t('designer.auditor.dossier.author')}</th><td>{nameOf(data.meta.author)}</td></tr>
                    <tr><th>{t('designer.auditor.dossier.reviewer')}</th><td>{nameOf(data.meta.reviewer)}</td></tr>
                    <tr><th>{t('designer.auditor.dossier.publisher')}</th><td>{nameOf(data.meta.publishedBy)}</td></tr>
                  </>
                ) : (
                  <>
                    <tr><th>{t('designer.auditor.dossier.author')}</th><td>{nameOf(data.draft?.createdBy)}</td></tr>
                    <tr><th>{t('designer.auditor.dossier.lastChange')}</th><td>{t('designer.auditor.dossier.personAt', { name: nameOf(data.draft?.updatedBy), at: regionTime(data.draft?.updatedAt) })}</td></tr>
                    <tr><th>{t('designer.auditor.dossier.reviewStatus')}</th><td>{data.draft && isDraftStatus(data.draft.status) ? labelOf(draftStatuses, data.draft.status) : '—'}</td></tr>
                  </>
                )}
              </tbody>
            </table>
            <h3>{data.previous ? t('designer.auditor.dossier.section.changesSince', { version: data.previous }) : t('designer.auditor.dossier.section.changesSincePrevious')}</h3>
            {data.diff !== null ? <pre className="diff">{data.diff}</pre> : <p>{t('designer.auditor.dossier.firstVersion')}</p>}
            <h3>{t('designer.auditor.dossier.section.examples')}</h3>
            {!data.examples || data.examples.results.length === 0 ? <p>{t('designer.auditor.dossier.noExamples')}</p> : (
              <>
                <p>{t('designer.auditor.dossier.examplesSummary', { total: data.examples.results.length, passed: data.examples.passed, failed: data.examples.failed })}</p>
                <table className="list">
                  <thead><tr>{(['example', 'expected', 'actual', 'verdict'] as const).map((c) => <th key={c}>{t(`designer.auditor.dossier.col.${c}`)}</th>)}</tr></thead>
                  <tbody>
                    {data.examples.results.map((r) => (
                      <tr key={r.name}><td>{r.name}</td><td>{outcomeName(r.expected.outcome)}</td><td>{outcomeName(r.actual.outcome)}</td><td>{r.passed ? t('designer.auditor.dossier.passed') : t('designer.auditor.dossier.failed', { differences: r.differences.join(t('designer.auditor.dossier.differenceSeparator')) })}</td></tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <h3>{t('designer.auditor.dossier.section.impact')}</h3>
            {data.meta ? (
              data.decisions && Object.keys(data.decisions).length > 0
                ? <p>{t('designer.auditor.dossier.decisionsRecorded', { list: Object.entries(data.decisions).map(([o, n]) => t('designer.auditor.dossier.decisionCount', { outcome: outcomeName(o), n })).join(t('designer.auditor.dossier.decisionSeparator')) })}</p>
                : <p>{t('designer.auditor.dossier.noDecisions')}</p>
            ) : impactError ? <div className="notice error">{impactError}</div> : impact ? <ImpactReportView report={impact} /> : item?.latestVersion === null ? <p>{t('designer.auditor.dossier.firstNoDecisions')}</p> : <p className="muted">{t('designer.auditor.evaluatingImpact')}</p>}
            <h3>{t('designer.auditor.dossier.section.publication')}</h3>
            {data.meta ? (
              <table className="list dossier-facts">
                <tbody>
                  <tr><th>{t('designer.auditor.dossier.publishedAt')}</th><td>{regionTime(data.meta.publishedAt)}</td></tr>
                  <tr><th>{t('designer.auditor.dossier.changeKind')}</th><td>{labelOf(legalChangeKinds, data.meta.changeKind)}</td></tr>
                  <tr><th>{t('designer.auditor.dossier.reason')}</th><td>{data.meta.reason}</td></tr>
                  <tr><th>{t('designer.auditor.dossier.legalBasis')}</th><td>{data.meta.legalBasis}</td></tr>
                  <tr><th>{t('designer.auditor.dossier.hash')}</th><td><code>{data.meta.hash}</code></td></tr>
                  <tr><th>{t('designer.auditor.dossier.signature')}</th><td>{data.meta.signature ? t('designer.auditor.dossier.signedWith', { keyId: data.meta.signature.keyId }) : t('designer.auditor.dossier.unsigned')}</td></tr>
                  {data.meta.imported ? <tr><th>{t('designer.auditor.dossier.imported')}</th><td>{t('designer.auditor.dossier.personAt', { name: nameOf(data.meta.imported.by), at: regionTime(data.meta.imported.at) })}</td></tr> : null}
                </tbody>
              </table>
            ) : <p>{t('designer.auditor.dossier.unpublished')}</p>}
            <p className="dossier-footer">{t('designer.auditor.dossier.printedAt', { at: regionTime(new Date().toISOString()) })}</p>
          </article>
        )}
    </section>
  );
}
