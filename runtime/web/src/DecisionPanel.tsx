import { labelOf, outcomes, uiTexts, type LocalizedDecision, type LocalizedText } from '../../../engine/core/index.js';
import type { Decision } from './api.js';
import './mongolian-workspace.css';

const limitText = (t: { value: number | null; unit: { label: string }; note?: string }) =>
  t.value === null ? `法律法规未规定${t.note ? `（${t.note}）` : ''}` : `${t.value} 个${t.unit.label}${t.note ? `（${t.note}）` : ''}`;

function focusField(path: string) {
  const id = `root${path.replace(/\//g, '_')}`;
  const el = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${id}-"], [name="${id}"]`);
  el?.focus();
}

/** A translated text, marked with the language it is actually in (a text still untranslated says so by lang="zh-CN"). */
const Said = ({ text }: { text: LocalizedText }) => <span lang={text.lang}>{text.text}</span>;

/**
 * The decision in traditional Mongolian, set vertically like the guide (the side column holds a
 * block of columns, scrolling sideways): outcome, where to go, the missing materials, the reasons
 * with their basis and the time limits, in the item's own Mongolian. The Chinese decision follows
 * it, since the decision is made and recorded in Chinese.
 */
function MongolianDecision({ decision }: { decision: LocalizedDecision }) {
  const t = uiTexts('mn-Mong');
  return (
    <section className="decision-mongolian mongolian" lang="mn-Mong" data-testid="decision-mn" aria-labelledby="decision-mn-title">
      <h3 id="decision-mn-title">{t('decision.title')}</h3>
      <p className="outcome-mn" data-testid="outcome-mn"><Said text={decision.outcome} /></p>
      {decision.redirect && <p data-testid="redirect-mn"><Said text={decision.redirect} /></p>}
      {decision.missingMaterials.length > 0 && (
        <div data-testid="missing-materials-mn">
          <h4>{t('decision.missing', { n: decision.missingMaterials.length })}</h4>
          <ol>
            {decision.missingMaterials.map((m) => <li key={m.id}><Said text={m.name} />{m.deferrable && <span className="tag">{t('decision.deferrable')}</span>}</li>)}
          </ol>
        </div>
      )}
      {decision.reasons.length > 0 && (
        <div data-testid="reasons-mn">
          <h4>{t('decision.reasons')}</h4>
          <ul>
            {decision.reasons.map((r, i) => (
              <li key={`${r.rule}-${i}`}><Said text={r.message} />{r.basis && <span className="basis">{t('decision.basis')}᠄ <Said text={r.basis} /></span>}</li>
            ))}
          </ul>
        </div>
      )}
      {!decision.redirect && (
        <div>
          <h4>{t('decision.limits')}</h4>
          <p>{t('decision.promised')}᠄ <Said text={decision.timeLimits.promised} /></p>
          <p>{t('decision.statutory')}᠄ <Said text={decision.timeLimits.statutory} /></p>
        </div>
      )}
      <p className="fineprint">{t('decision.chineseAuthoritative')}</p>
    </section>
  );
}

/** The live decision: what the window will tell the applicant, decided in this browser by the shared engine. */
export function DecisionPanel({ decision, mongolian, error, evaluating, placeholder }: {
  decision: Decision | null;
  /** The same decision in traditional Mongolian, when the reader chose ᠮᠣᠩᠭᠣᠯ and the item has it. */
  mongolian?: LocalizedDecision | null | undefined;
  error: string | null;
  evaluating: boolean;
  placeholder?: string | undefined;
}) {
  return (
    <aside className="decision" aria-labelledby="decision-title">
      <h2 id="decision-title">受理判定</h2>
      {error && <p role="alert" className="banner error">{error}</p>}
      {!decision && !error && <p className="hint">{placeholder ?? (evaluating ? '正在判定…' : '选择办理情形后即可判定。')}</p>}
      {decision && (
        <div aria-live="polite" aria-atomic="false">
          {mongolian && <MongolianDecision decision={mongolian} />}
          <p className={`outcome outcome-${decision.outcome}`} data-testid="outcome" data-outcome={decision.outcome}>
            {labelOf(outcomes, decision.outcome)}
          </p>
          {decision.redirect && <p className="banner warn">请到<strong>{decision.redirect.where}</strong>办理。</p>}

          {decision.missingMaterials.length > 0 && (
            <section className="notice" aria-labelledby="missing-title" data-testid="missing-materials">
              <h3 id="missing-title">一次性告知：尚缺材料 {decision.missingMaterials.length} 项</h3>
              <ol>
                {decision.missingMaterials.map((m) => (
                  <li key={m.id}>{m.name}{m.deferrable && <span className="tag">可容缺后补</span>}</li>
                ))}
              </ol>
            </section>
          )}

          {decision.deferredAcceptance && (
            <section className={`notice ${decision.deferredAcceptance.granted ? '' : 'deferral-refused'}`} aria-labelledby="deferral-title" data-testid="deferral">
              <h3 id="deferral-title">容缺受理{decision.deferredAcceptance.granted ? '' : '：不适用'}</h3>
              <p>{decision.deferredAcceptance.message}</p>
              {decision.deferredAcceptance.granted && <p className="hint">受理后须登记申请人的书面承诺和补齐期限；逾期未补齐的：{decision.deferredAcceptance.consequence}</p>}
            </section>
          )}

          {decision.fieldErrors.length > 0 && (
            <section aria-labelledby="field-errors-title" data-testid="field-errors">
              <h3 id="field-errors-title">表单问题 {decision.fieldErrors.length} 项</h3>
              <ul className="linklist">
                {decision.fieldErrors.map((e) => (
                  <li key={`${e.path}:${e.keyword}`}><button type="button" className="link" onClick={() => focusField(e.path)}>{e.message}</button></li>
                ))}
              </ul>
            </section>
          )}

          {decision.reasons.length > 0 && (
            <section aria-labelledby="reasons-title">
              <h3 id="reasons-title">理由与依据</h3>
              <ul className="reasons">
                {decision.reasons.map((r, i) => (
                  <li key={`${r.rule}-${i}`} className={`reason-${r.type}`}>
                    {r.message}
                    {r.basis && <span className="basis">依据：{r.basis}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {decision.outcome !== 'redirect' && (
            <section aria-labelledby="limits-title">
              <h3 id="limits-title">办理时限</h3>
              <p>承诺 {limitText(decision.timeLimits.promised)}；法定 {limitText(decision.timeLimits.statutory)}</p>
            </section>
          )}

          <p className="fineprint" data-testid="decision-version">
            {decision.item.code} · 第 {decision.item.version ?? '—'} 版 · 哈希 <code title={decision.item.hash}>{decision.item.hash.slice(0, 16)}…</code> · {decision.date} · 区划 {decision.division} · 浏览器内判定
          </p>
          <details className="fineprint">
            <summary>判定详情（JSON）</summary>
            <pre data-testid="decision-json">{JSON.stringify(decision, null, 2)}</pre>
          </details>
        </div>
      )}
    </aside>
  );
}
