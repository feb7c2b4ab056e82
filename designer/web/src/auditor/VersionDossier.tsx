import { useEffect, useState } from 'react';
import { draftStatuses, isDraftStatus, labelOf, legalChangeKinds, type ExampleReport, type VersionMeta } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
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
          <label htmlFor="dossier-version" className="picker"><span>版本</span>
            <select id="dossier-version" value={which} onChange={(e) => onChange({ code, which: e.target.value })}>
              {versions.map((v) => <option key={v.version} value={String(v.version)}>第 {v.version} 版</option>)}
              {item?.draft ? <option value="draft">当前草稿</option> : null}
            </select>
          </label>
        )}
        {data && <button type="button" className="primary" onClick={() => window.print()}>打印档案</button>}
      </div>
      {!code ? <p className="muted">请选择事项和版本。</p>
        : error ? <div className="notice error" role="alert">{error}</div>
        : !data ? <p className="muted" aria-live="polite">正在整理档案…</p>
        : (
          <article className="dossier-page" data-testid="dossier">
            <h2 id="dossier-title">事项版本档案</h2>
            <p className="dossier-subtitle">{data.name}（{code}）· {data.meta ? `第 ${data.meta.version} 版` : `草稿（修订 ${data.draft?.revision ?? '—'}）`}</p>
            <h3>一、编制与审核</h3>
            <table className="list dossier-facts">
              <tbody>
                {data.meta ? (
                  <>
                    <tr><th>编制人</th><td>{nameOf(data.meta.author)}</td></tr>
                    <tr><th>审核人</th><td>{nameOf(data.meta.reviewer)}</td></tr>
                    <tr><th>发布人</th><td>{nameOf(data.meta.publishedBy)}</td></tr>
                  </>
                ) : (
                  <>
                    <tr><th>编制人</th><td>{nameOf(data.draft?.createdBy)}</td></tr>
                    <tr><th>最后修改</th><td>{nameOf(data.draft?.updatedBy)}，{regionTime(data.draft?.updatedAt)}</td></tr>
                    <tr><th>审核状态</th><td>{data.draft && isDraftStatus(data.draft.status) ? labelOf(draftStatuses, data.draft.status) : '—'}</td></tr>
                  </>
                )}
              </tbody>
            </table>
            <h3>二、与{data.previous ? `第 ${data.previous} 版` : '上一版'}相比的变化</h3>
            {data.diff !== null ? <pre className="diff">{data.diff}</pre> : <p>首次设立，无上一版可比较。</p>}
            <h3>三、测试样例结果</h3>
            {!data.examples || data.examples.results.length === 0 ? <p>无测试样例。</p> : (
              <>
                <p>共 {data.examples.results.length} 个，通过 {data.examples.passed} 个，未通过 {data.examples.failed} 个。</p>
                <table className="list">
                  <thead><tr><th>样例</th><th>期望</th><th>实际</th><th>结论</th></tr></thead>
                  <tbody>
                    {data.examples.results.map((r) => (
                      <tr key={r.name}><td>{r.name}</td><td>{outcomeName(r.expected.outcome)}</td><td>{outcomeName(r.actual.outcome)}</td><td>{r.passed ? '通过' : `未通过：${r.differences.join('；')}`}</td></tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <h3>四、影响</h3>
            {data.meta ? (
              data.decisions && Object.keys(data.decisions).length > 0
                ? <p>本版已记录的受理决定：{Object.entries(data.decisions).map(([o, n]) => `${outcomeName(o)} ${n} 个`).join('，')}（最近 50 个决定中）。</p>
                : <p>本版尚无记录的受理决定。发布前的影响评估见草稿档案。</p>
            ) : impactError ? <div className="notice error">{impactError}</div> : impact ? <ImpactReportView report={impact} /> : item?.latestVersion === null ? <p>首次设立，无已记录的决定可评估。</p> : <p className="muted">正在评估影响…</p>}
            <h3>五、发布信息</h3>
            {data.meta ? (
              <table className="list dossier-facts">
                <tbody>
                  <tr><th>发布时间</th><td>{regionTime(data.meta.publishedAt)}</td></tr>
                  <tr><th>立改废释</th><td>{labelOf(legalChangeKinds, data.meta.changeKind)}</td></tr>
                  <tr><th>发布理由</th><td>{data.meta.reason}</td></tr>
                  <tr><th>法律依据</th><td>{data.meta.legalBasis}</td></tr>
                  <tr><th>内容哈希</th><td><code>{data.meta.hash}</code></td></tr>
                  <tr><th>发布签名</th><td>{data.meta.signature ? `密钥 ${data.meta.signature.keyId}` : '无签名（各地不予使用）'}</td></tr>
                  {data.meta.imported ? <tr><th>导入</th><td>{nameOf(data.meta.imported.by)}，{regionTime(data.meta.imported.at)}</td></tr> : null}
                </tbody>
              </table>
            ) : <p>尚未发布。</p>}
            <p className="dossier-footer">打印时间：{regionTime(new Date().toISOString())}</p>
          </article>
        )}
    </section>
  );
}
