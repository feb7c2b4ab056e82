import type { ServiceGuide } from './api.js';

/** The service guide (办事指南) exactly as the runtime publishes it to applicants. */
export function GuideView({ guide }: { guide: ServiceGuide }) {
  return (
    <article className="guide" aria-labelledby="guide-title">
      <h2 id="guide-title">{guide.title}</h2>
      {guide.sample && <p className="banner warn">示例事项：仅供演示，不是正式发布的事项标准。</p>}
      {guide.sections.map((section) => (
        <section key={section.key} className="guide-section" aria-labelledby={`guide-${section.key}`}>
          <h3 id={`guide-${section.key}`}>{section.title}</h3>
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
      <p className="fineprint">事项 {guide.item.code} · 第 {guide.item.version ?? '—'} 版 · 哈希 <code>{guide.item.hash}</code></p>
    </article>
  );
}
