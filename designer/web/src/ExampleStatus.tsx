/**
 * Example results outside the examples tab: the dashboard's 样例 column (checked lazily, when a row
 * scrolls into view) and the review view. A draft is checked by the server
 * (`POST /api/items/:code/draft/validate`); a published version runs in this browser with the
 * same engine as every window.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExampleReport } from '../../../engine/core/index.js';
import { advice } from '../../../engine/web-kit/index.js';
import { api, type ItemSummary } from './api.js';
import { OUTCOME_LABEL } from './outcomeLabel.js';
import { t } from './ui-text.js';

export interface ExampleCheck {
  /** What was checked: the draft (revision) or a published version. */
  source: { draft: number } | { version: number } | null;
  problems: number;
  report: ExampleReport | null;
  /** Enabled rules of the draft that no example fires (submitting is refused while any is left). */
  uncovered?: number;
  error?: string;
}

const cache = new Map<string, Promise<ExampleCheck>>();
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= 3) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function check(item: ItemSummary): Promise<ExampleCheck> {
  try {
    if (item.draft) {
      const r = await api.validateDraft(item.code);
      return { source: { draft: r.revision }, problems: r.problems.length, report: r.examples, uncovered: (r.coverage ?? []).length };
    }
    if (item.latestVersion !== null) {
      const v = await api.version(item.code, item.latestVersion);
      return { source: { version: v.version }, problems: 0, report: await (await import('./examplesRunner.js')).runExamples(v.config) };
    }
    return { source: null, problems: 0, report: null };
  } catch (err) {
    return { source: null, problems: 0, report: null, error: advice(err) };
  }
}

/** The example check of an item's draft, or else of its latest version; cached per revision / version. */
export function exampleCheck(item: ItemSummary): Promise<ExampleCheck> {
  const key = `${item.code}|${item.draft ? `d${item.draft.revision}` : `v${item.latestVersion ?? '-'}`}`;
  let p = cache.get(key);
  if (!p) {
    p = limited(() => check(item));
    cache.set(key, p);
    // A failure (network, permissions) is not remembered: the next look tries again.
    void p.then((r) => r.error && cache.delete(key));
  }
  return p;
}

export function ExampleCell({ item }: { item: ItemSummary }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(false);
  const [result, setResult] = useState<ExampleCheck | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        io.disconnect();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    if (!visible) return;
    let live = true;
    setResult(null);
    void exampleCheck(item).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [visible, item.code, item.draft?.revision, item.latestVersion]);
  const what = item.draft ? t('designer.examples.draft') : item.latestVersion !== null ? t('designer.examples.version', { version: item.latestVersion }) : '';
  let body;
  if (!result) body = <span className="muted">{visible ? t('designer.examples.checking') : '—'}</span>;
  else if (result.error) body = <span className="muted" title={result.error}>{t('designer.examples.cannotCheck')}</span>;
  else if (!result.source) body = <span className="muted">—</span>;
  else if (result.problems) body = <span className="badge fail" title={t('designer.examples.problemsTitle', { what, n: result.problems })}>{t('designer.examples.problems', { n: result.problems })}</span>;
  else if (!result.report || result.report.results.length === 0) body = <span className="badge fail" title={t('designer.examples.noneTitle', { what })}>{t('designer.examples.none')}</span>;
  else if (result.report.failed) {
    const failing = result.report.results.filter((r) => !r.passed);
    body = (
      <span className="badge fail" title={t('designer.examples.failingTitle', { what, list: failing.map((r) => t('designer.examples.failingOne', { name: r.name, differences: r.differences.join(t('designer.examples.differenceSeparator')) })).join(t('designer.examples.listSeparator')) })}>
        {t('designer.examples.failing', { n: result.report.failed })}
      </span>
    );
  } else if (result.uncovered) {
    body = <span className="badge fail" title={t('designer.examples.uncoveredTitle', { what, n: result.uncovered })}>{t('designer.examples.uncovered', { n: result.uncovered })}</span>;
  } else body = <span className="badge pass" title={t('designer.examples.passedTitle', { what, n: result.report.passed })}>{t('designer.examples.passed', { n: result.report.passed })}</span>;
  return <span ref={ref} className="examples-cell" data-examples={result ? (result.report?.failed ? 'fail' : result.uncovered ? 'uncovered' : result.report ? 'pass' : 'none') : 'pending'}>{body}</span>;
}

/** The examples of the saved draft, run by the server: shown next to the diff in the review view. */
export function ReviewExamples({ code, revision }: { code: string; revision: number | undefined }) {
  const [state, setState] = useState<{ problems: number; report: ExampleReport | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (revision === undefined) return;
    let live = true;
    setState(null);
    setError(null);
    api.validateDraft(code).then((r) => live && setState({ problems: r.problems.length, report: r.examples }), (err: unknown) => live && setError(advice(err)));
    return () => {
      live = false;
    };
  }, [code, revision]);
  if (revision === undefined) return <p className="muted">{t('designer.review.noDraft')}</p>;
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!state) return <p className="muted" aria-live="polite">{t('designer.review.runningExamples')}</p>;
  if (state.problems) return <div className="notice error">{t('designer.review.draftProblems', { n: state.problems })}</div>;
  const report = state.report;
  if (!report || report.results.length === 0) return <div className="notice warn">{t('designer.review.noExamples')}</div>;
  return (
    <>
      <p className={report.failed ? 'notice error' : 'notice ok'} role="status">{t('designer.review.examplesSummary', { passed: report.passed, failed: report.failed })}</p>
      <table className="list compare" aria-label={t('designer.review.examplesTable')}>
        <thead><tr><th>{t('designer.examples.col.example')}</th><th>{t('designer.examples.col.result')}</th><th>{t('designer.examples.col.expected')}</th><th>{t('designer.examples.col.actual')}</th><th>{t('designer.examples.col.differences')}</th></tr></thead>
        <tbody>
          {report.results.map((r) => (
            <tr key={r.name} data-example={r.name} data-passed={r.passed}>
              <td>{r.name}</td>
              <td>{r.passed ? <span className="badge pass">{t('designer.examples.pass')}</span> : <span className="badge fail">{t('designer.examples.fail')}</span>}</td>
              <td>{OUTCOME_LABEL[r.expected.outcome]}</td>
              <td className={r.actual.outcome !== r.expected.outcome ? 'bad' : ''}>{OUTCOME_LABEL[r.actual.outcome]}</td>
              <td>{r.differences.join(t('designer.examples.differenceSeparator')) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
