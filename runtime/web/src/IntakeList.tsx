import { useEffect, useState } from 'react';
import { documentKindFor, documentKinds, labelOf, outcomes } from '../../../engine/core/index.js';
import { getJson, openNotice, runtimePath, type IntakeRow } from './api.js';
import { describeError } from './IntakeActions.js';

/** The cases this window received or handles, newest first; personal data arrives masked. */
export function IntakeList({ division, token }: { division: string; token: string }) {
  const [rows, setRows] = useState<IntakeRow[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getJson<{ intakes: IntakeRow[] }>(runtimePath(division, '/intakes?limit=50'), { token }).then(
      (list) => { if (live) setRows(list.intakes); },
      (error: unknown) => { if (live) setStatus(describeError(error, '加载办件列表')); },
    );
    return () => { live = false; };
  }, [division, token]);

  const print = async (row: IntakeRow) => {
    const kind = documentKindFor(row.outcome);
    if (!kind) return;
    setStatus(`正在生成${labelOf(documentKinds, kind)}…`);
    try {
      await openNotice(division, row.caseNumber, kind, token);
      setStatus(`${row.caseNumber} 的${labelOf(documentKinds, kind)}已在新标签页打开。`);
    } catch (error) {
      setStatus(describeError(error, `打开${labelOf(documentKinds, kind)}`));
    }
  };

  return (
    <section className="intake-list" aria-labelledby="intake-list-title">
      <h2 id="intake-list-title">本窗口办件 <small>Cases</small></h2>
      {status && <p role="status" className="hint">{status}</p>}
      {rows === null ? (
        !status && <p role="status" className="hint">正在加载办件…</p>
      ) : rows.length === 0 ? (
        <p className="hint">本窗口还没有办件。</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">办件编号</th><th scope="col">事项</th><th scope="col">申请人</th><th scope="col">结果</th><th scope="col">受理时间</th><th scope="col">文书</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const kind = documentKindFor(row.outcome);
              return (
                <tr key={row.caseNumber}>
                  <td>{row.caseNumber}{row.mismatch && <span className="badge error" title="浏览器与服务器判定不一致">判定不一致</span>}</td>
                  <td>{row.item.name ?? row.item.code} <small>第 {row.item.version} 版</small></td>
                  <td>{[row.applicant.name, row.applicant.idNumber].filter(Boolean).join(' ')}</td>
                  <td>{labelOf(outcomes, row.outcome)}</td>
                  <td>{new Date(row.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</td>
                  <td>{kind && <button type="button" onClick={() => print(row)}>打印{labelOf(documentKinds, kind)}</button>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
