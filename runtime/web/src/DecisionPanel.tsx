import { labelOf, MONGOLIAN, outcomes, uiText, uiTexts, type LocalizedDecision, type LocalizedText } from '../../../engine/core/index.js';
import { withElement } from '../../../engine/web-kit/index.js';
import type { Decision } from './api.js';
import { useLanguage } from './LanguageSwitch.js';
import './mongolian-workspace.css';
import { t } from './ui-text.js';

const limitText = (limit: { value: number | null; unit: { label: string }; note?: string }) =>
  (limit.value === null ? t('guide.limit.none') : t('runtime.decision.limit.amount', { value: limit.value, unit: limit.unit.label }))
  + (limit.note ? t('runtime.decision.limit.note', { note: limit.note }) : '');

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
  const mt = uiTexts(MONGOLIAN);
  return (
    <section className="decision-mongolian mongolian" lang="mn-Mong" data-testid="decision-mn" aria-labelledby="decision-mn-title">
      <h3 id="decision-mn-title">{mt('decision.title')}</h3>
      <p className="outcome-mn" data-testid="outcome-mn"><Said text={decision.outcome} /></p>
      {decision.redirect && <p data-testid="redirect-mn"><Said text={decision.redirect} /></p>}
      {decision.missingMaterials.length > 0 && (
        <div data-testid="missing-materials-mn">
          <h4>{mt('decision.missing', { n: decision.missingMaterials.length })}</h4>
          <ol>
            {decision.missingMaterials.map((m) => <li key={m.id}><Said text={m.name} />{m.deferrable && <span className="tag">{mt('decision.deferrable')}</span>}</li>)}
          </ol>
        </div>
      )}
      {decision.reasons.length > 0 && (
        <div data-testid="reasons-mn">
          <h4>{mt('decision.reasons')}</h4>
          <ul>
            {decision.reasons.map((r, i) => (
              <li key={`${r.rule}-${i}`}><Said text={r.message} />{r.basis && <span className="basis">{mt('decision.basis')}᠄ <Said text={r.basis} /></span>}</li>
            ))}
          </ul>
        </div>
      )}
      {!decision.redirect && (
        <div>
          <h4>{mt('decision.limits')}</h4>
          <p>{mt('decision.promised')}᠄ <Said text={decision.timeLimits.promised} /></p>
          <p>{mt('decision.statutory')}᠄ <Said text={decision.timeLimits.statutory} /></p>
        </div>
      )}
      <p className="fineprint">{mt('decision.chineseAuthoritative')}</p>
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
  /** What to show before there is a decision, in the reader's language (the panel's own wait otherwise). */
  placeholder?: string | undefined;
}) {
  // The panel's title and its wait are the reader's language (an applicant may have chosen ᠮᠣᠩᠭᠣᠯ);
  // the decision itself is then in Chinese, after its Mongolian when the item has it.
  const language = useLanguage();
  const lang = language === MONGOLIAN ? MONGOLIAN : undefined;
  return (
    <aside className="decision" aria-labelledby="decision-title">
      <h2 id="decision-title" lang={lang}>{uiText('decision.title', language)}</h2>
      {error && <p role="alert" className="banner error">{error}</p>}
      {!decision && !error && <p className="hint"><span lang={lang}>{placeholder ?? uiText(evaluating ? 'runtime.decision.evaluating' : 'runtime.decision.placeholder', language)}</span></p>}
      {decision && (
        <div aria-live="polite" aria-atomic="false">
          {mongolian && <MongolianDecision decision={mongolian} />}
          <p className={`outcome outcome-${decision.outcome}`} data-testid="outcome" data-outcome={decision.outcome}>
            {labelOf(outcomes, decision.outcome)}
          </p>
          {decision.redirect && <p className="banner warn">{withElement(t('runtime.decision.redirect'), 'where', <strong>{decision.redirect.where}</strong>)}</p>}

          {decision.missingMaterials.length > 0 && (
            <section className="notice" aria-labelledby="missing-title" data-testid="missing-materials">
              <h3 id="missing-title">{t('decision.missing', { n: decision.missingMaterials.length })}</h3>
              <ol>
                {decision.missingMaterials.map((m) => (
                  <li key={m.id}>{m.name}{m.deferrable && <span className="tag">{t('decision.deferrable')}</span>}</li>
                ))}
              </ol>
            </section>
          )}

          {decision.deferredAcceptance && (
            <section className={`notice ${decision.deferredAcceptance.granted ? '' : 'deferral-refused'}`} aria-labelledby="deferral-title" data-testid="deferral">
              <h3 id="deferral-title">{t(decision.deferredAcceptance.granted ? 'runtime.decision.deferral.title' : 'runtime.decision.deferral.notApplicable')}</h3>
              <p>{decision.deferredAcceptance.message}</p>
              {decision.deferredAcceptance.granted && <p className="hint">{t('runtime.decision.deferral.hint', { consequence: decision.deferredAcceptance.consequence })}</p>}
            </section>
          )}

          {decision.fieldErrors.length > 0 && (
            <section aria-labelledby="field-errors-title" data-testid="field-errors">
              <h3 id="field-errors-title">{t('runtime.decision.fieldErrors', { n: decision.fieldErrors.length })}</h3>
              <ul className="linklist">
                {decision.fieldErrors.map((e) => (
                  <li key={`${e.path}:${e.keyword}`}><button type="button" className="link" onClick={() => focusField(e.path)}>{e.message}</button></li>
                ))}
              </ul>
            </section>
          )}

          {decision.reasons.length > 0 && (
            <section aria-labelledby="reasons-title">
              <h3 id="reasons-title">{t('decision.reasons')}</h3>
              <ul className="reasons">
                {decision.reasons.map((r, i) => (
                  <li key={`${r.rule}-${i}`} className={`reason-${r.type}`}>
                    {r.message}
                    {r.basis && <span className="basis">{t('runtime.decision.basis', { basis: r.basis })}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {decision.outcome !== 'redirect' && (
            <section aria-labelledby="limits-title">
              <h3 id="limits-title">{t('decision.limits')}</h3>
              <p>{t('runtime.decision.limitsLine', { promised: limitText(decision.timeLimits.promised), statutory: limitText(decision.timeLimits.statutory) })}</p>
            </section>
          )}

          <p className="fineprint" data-testid="decision-version">
            {withElement(t('runtime.decision.version', { code: decision.item.code, version: decision.item.version ?? '—', date: decision.date, division: decision.division }), 'hash',
              <code title={decision.item.hash}>{decision.item.hash.slice(0, 16)}…</code>)}
          </p>
          <details className="fineprint">
            <summary>{t('runtime.decision.details')}</summary>
            <pre data-testid="decision-json">{JSON.stringify(decision, null, 2)}</pre>
          </details>
        </div>
      )}
    </aside>
  );
}
