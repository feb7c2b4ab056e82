import { useEffect } from 'react';
import { uiTexts } from '../../../engine/core/index.js';
import { useItems } from './ClerkApp.js';
import { ItemSearch } from './ItemSearch.js';
import { LanguageSwitch, useLanguage } from './LanguageSwitch.js';
import { ProgressLookup } from './ProgressLookup.js';
import { hrefOf, navigate } from './routes.js';
import { Workspace } from './Workspace.js';

/**
 * /window/public/<division>/<code>: the same guide, form and decision for applicants; no sign-in,
 * nothing saved. The language switch (中文 / ᠮᠣᠩᠭᠣᠯ) turns the guide and this page's own texts to
 * traditional Mongolian, set vertically.
 */
export function PublicPage({ division, code }: { division: string; code: string | null }) {
  const { list, error } = useItems(division);
  const language = useLanguage();
  const zh = uiTexts('zh-CN');
  const mn = uiTexts('mn-Mong');
  const mongolian = language === 'mn-Mong';
  const divisionName = list?.division.name ?? division;
  useEffect(() => { document.title = uiTexts(language)('public.documentTitle', { division: divisionName }); }, [divisionName, language]);
  return (
    <div className="page public">
      <header className="topbar">
        <span className="brand">{zh('public.brand')} <small>{zh('public.tagline')}</small></span>
        {/* The Mongolian name of the page, as one short column beside the Chinese one. */}
        {mongolian && <span className="mongolian mongolian-note" lang="mn-Mong" style={{ height: '3.2em', fontSize: '0.8rem' }}>{mn('public.brand')}</span>}
        <span className="where">{divisionName} <small>{division}</small></span>
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      {error && <p role="alert" className="banner error">{zh('public.loadError', { error })}</p>}
      <div className={code ? 'public-grid' : 'clerk-grid'}>
        {!code && list && (
          <ItemSearch items={list.items} selected={null} language={language} hrefFor={(c) => hrefOf({ page: 'public', division, code: c })}
            onSelect={(c) => navigate({ page: 'public', division, code: c })} />
        )}
        {code ? <Workspace key={`${division}/${code}`} division={division} code={code} /> : (
          <main className="workspace empty">
            <h1>{zh('public.chooseTitle')}</h1>
            <p className="hint">{zh('public.chooseHint')}</p>
            {mongolian && (
              <div className="mongolian mongolian-note" lang="mn-Mong" style={{ height: '14em' }}>
                <h2>{mn('public.chooseTitle')}</h2>
                <p>{mn('public.chooseHint')}</p>
              </div>
            )}
            <ProgressLookup />
          </main>
        )}
      </div>
    </div>
  );
}
