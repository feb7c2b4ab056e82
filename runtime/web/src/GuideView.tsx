import { uiTexts, type GuideSection } from '../../../engine/core/index.js';
import type { ServiceGuide } from './api.js';
import { LanguageSwitch, useLanguage } from './LanguageSwitch.js';

function Sections({ sections, prefix }: { sections: GuideSection[]; prefix: string }) {
  return (
    <>
      {sections.map((section) => (
        <section key={section.key} className="guide-section" aria-labelledby={`${prefix}-${section.key}`}>
          <h3 id={`${prefix}-${section.key}`}>{section.title}</h3>
          {section.text && <p>{section.text}</p>}
          {section.items && section.items.length > 0 && (
            <ul>
              {section.items.map((entry, i) =>
                typeof entry === 'string' ? (
                  <li key={i}>{entry}</li>
                ) : (
                  <li key={i}>
                    <dl className="pairs">
                      {Object.entries(entry).map(([k, v]) => (
                        <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
                      ))}
                    </dl>
                  </li>
                ),
              )}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

/**
 * The service guide (办事指南) exactly as the runtime publishes it to applicants, in the reader's
 * language: Chinese, or traditional Mongolian in vertical columns when the item carries it.
 */
export function GuideView({ guide }: { guide: ServiceGuide }) {
  const language = useLanguage();
  const mongolian = guide.translations?.['mn-Mong'];
  const zh = uiTexts('zh-CN');
  const mn = uiTexts('mn-Mong');
  const languages = <div className="guide-languages"><LanguageSwitch /></div>;
  if (language === 'mn-Mong' && mongolian) {
    return (
      <>
        {languages}
        <article className="guide mongolian" lang="mn-Mong" aria-labelledby="guide-title" data-testid="guide-mongolian">
          <h2 id="guide-title">{mongolian.title}</h2>
          {mongolian.draft && <p className="banner warn">{mn('guide.translationDraft')}</p>}
          {guide.sample && <p className="banner warn">{mn('window.sample')}</p>}
          <Sections sections={mongolian.sections} prefix="guide-mn" />
          <p className="fineprint">{mn('window.guideFine', { code: guide.item.code, version: guide.item.version ?? '—' })} <code>{guide.item.hash}</code></p>
        </article>
      </>
    );
  }
  return (
    <>
      {languages}
      {language === 'mn-Mong' && (
        <p className="banner info" role="status">
          {zh('guide.noMongolian')} <span className="mongolian mongolian-note" lang="mn-Mong">{mn('guide.noMongolian')}</span>
        </p>
      )}
      <article className="guide" aria-labelledby="guide-title">
        <h2 id="guide-title">{guide.title}</h2>
        {guide.sample && <p className="banner warn">{zh('window.sample')}</p>}
        <Sections sections={guide.sections} prefix="guide" />
        <p className="fineprint">{zh('window.guideFine', { code: guide.item.code, version: guide.item.version ?? '—' })} <code>{guide.item.hash}</code></p>
      </article>
    </>
  );
}
