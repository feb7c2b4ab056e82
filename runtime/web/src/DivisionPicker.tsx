import { useEffect, useState } from 'react';
import { getJson, type DivisionNode } from './api.js';
import { hrefOf, linkHandler } from './routes.js';
import { t } from './ui-text.js';

/** Township and village service stations under a banner (a village's under its township's), by their own names. */
function StationList({ stations, match }: { stations: DivisionNode[]; match: (station: DivisionNode) => boolean }) {
  const shown = stations.filter(match);
  if (shown.length === 0) return null;
  return (
    <ul className="stations" aria-label={t('runtime.division.stations')}>
      {shown.map((station) => (
        <li key={station.code}>
          <a href={hrefOf({ page: 'clerk', division: station.code, code: null })} onClick={linkHandler({ page: 'clerk', division: station.code, code: null })}>{station.name}</a>
          {station.children.length > 0 && <StationList stations={station.children} match={match} />}
        </li>
      ))}
    </ul>
  );
}

/** /window/ without a division: pick the centre (or service station) this window belongs to. */
export function DivisionPicker() {
  const [tree, setTree] = useState<DivisionNode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    getJson<DivisionNode>('/api/divisions').then(setTree, (e: Error) => setError(e.message));
  }, []);
  const match = (d: DivisionNode) => !filter || d.name.includes(filter) || d.code.startsWith(filter);
  const matchDeep = (d: DivisionNode): boolean => match(d) || d.children.some(matchDeep);
  return (
    <div className="page">
      <header className="topbar">
        <span className="brand">{t('runtime.clerk.brand')} <small>{t('runtime.clerk.tagline')}</small></span>
      </header>
      <main className="picker" aria-labelledby="picker-title">
        <h1 id="picker-title">{t('runtime.division.title')}</h1>
        <label className="field">
          <span>{t('runtime.division.filter')}</span>
          <input value={filter} onChange={(e) => setFilter(e.target.value.trim())} placeholder={t('runtime.division.filterPlaceholder')} />
        </label>
        {error && <p role="alert" className="banner error">{t('runtime.division.loadError', { error })}</p>}
        {!tree && !error && <p role="status">{t('runtime.division.loading')}</p>}
        {tree && (
          <div className="picker-grid">
            {tree.children.filter((league) => match(league) || league.children.some(matchDeep)).map((league) => (
              <section key={league.code} className="card">
                <h2><a href={hrefOf({ page: 'clerk', division: league.code, code: null })} onClick={linkHandler({ page: 'clerk', division: league.code, code: null })}>{league.name}</a> <small>{league.code}</small></h2>
                <ul className="chips">
                  {league.children.filter((b) => match(b) || match(league) || b.children.some((st) => matchDeep(st))).map((banner) => (
                    <li key={banner.code}>
                      <a href={hrefOf({ page: 'clerk', division: banner.code, code: null })} onClick={linkHandler({ page: 'clerk', division: banner.code, code: null })}>{banner.name}</a>
                      {banner.children.length > 0 && <StationList stations={banner.children} match={(st) => !filter || match(banner) || match(league) || matchDeep(st)} />}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </main>
    </div>
  );
}
