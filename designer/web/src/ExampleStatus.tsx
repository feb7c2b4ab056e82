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
  const what = item.draft ? '草稿' : item.latestVersion !== null ? `第 ${item.latestVersion} 版` : '';
  let body;
  if (!result) body = <span className="muted">{visible ? '检查中…' : '—'}</span>;
  else if (result.error) body = <span className="muted" title={result.error}>无法检查</span>;
  else if (!result.source) body = <span className="muted">—</span>;
  else if (result.problems) body = <span className="badge fail" title={`${what}有 ${result.problems} 处配置问题，样例未运行`}>{result.problems} 处问题</span>;
  else if (!result.report || result.report.results.length === 0) body = <span className="badge fail" title={`${what}没有测试样例`}>无样例</span>;
  else if (result.report.failed) {
    const failing = result.report.results.filter((r) => !r.passed);
    body = (
      <span className="badge fail" title={`${what}未通过的样例：${failing.map((r) => `${r.name}（${r.differences.join('；')}）`).join('，')}`}>
        {result.report.failed} 个未通过
      </span>
    );
  } else if (result.uncovered) {
    body = <span className="badge fail" title={`${what}的样例全部通过，但有 ${result.uncovered} 条规则没有任何样例触发，不能提交审核`}>{result.uncovered} 条规则无样例</span>;
  } else body = <span className="badge pass" title={`${what}的 ${result.report.passed} 个样例全部通过`}>{result.report.passed} 个通过</span>;
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
  if (revision === undefined) return <p className="muted">没有草稿。</p>;
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!state) return <p className="muted" aria-live="polite">正在运行样例…</p>;
  if (state.problems) return <div className="notice error">草稿有 {state.problems} 处配置问题，样例未运行。</div>;
  const report = state.report;
  if (!report || report.results.length === 0) return <div className="notice warn">草稿没有测试样例。</div>;
  return (
    <>
      <p className={report.failed ? 'notice error' : 'notice ok'} role="status">样例：{report.passed} 个通过，{report.failed} 个未通过</p>
      <table className="list compare" aria-label="样例运行结果">
        <thead><tr><th>样例</th><th>结果</th><th>预期结论</th><th>实际结论</th><th>差异</th></tr></thead>
        <tbody>
          {report.results.map((r) => (
            <tr key={r.name} data-example={r.name} data-passed={r.passed}>
              <td>{r.name}</td>
              <td>{r.passed ? <span className="badge pass">通过</span> : <span className="badge fail">未通过</span>}</td>
              <td>{OUTCOME_LABEL[r.expected.outcome]}</td>
              <td className={r.actual.outcome !== r.expected.outcome ? 'bad' : ''}>{OUTCOME_LABEL[r.actual.outcome]}</td>
              <td>{r.differences.join('；') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
