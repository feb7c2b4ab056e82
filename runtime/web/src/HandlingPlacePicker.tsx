import { useEffect, useState } from 'react';
import { findDivision, localDepartmentName } from '../../../engine/core/index.js';
import { getJson, type DivisionNode } from './api.js';
import { t } from './ui-text.js';

let treeRequest: Promise<DivisionNode> | null = null;
const divisionTree = (): Promise<DivisionNode> => {
  treeRequest ??= getJson<DivisionNode>('/api/divisions').catch((error: unknown) => { treeRequest = null; throw error; });
  return treeRequest;
};

/** A banner's stations in order, each village station right after its township's, indented by depth. */
function stationsUnder(banner: DivisionNode, depth = 1): { node: DivisionNode; depth: number }[] {
  return banner.children.flatMap((node) => [{ node, depth }, ...stationsUnder(node, depth + 1)]);
}

/**
 * 办理地 (收受分离): where the case is handled, picked by name from the region's divisions; the
 * window's own division by default. Shows the approving department the case will go to there.
 */
export function HandlingPlacePicker({ own, value, onChange, regionalDepartment, disabled }: {
  own: string; value: string; onChange: (division: string) => void; regionalDepartment?: string | undefined; disabled?: boolean;
}) {
  const [tree, setTree] = useState<DivisionNode | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    divisionTree().then((loaded) => { if (live) setTree(loaded); }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, []);
  const stations = new Map<string, string>();
  const collect = (node: DivisionNode) => { if (node.code.length > 6) stations.set(node.code, node.name); node.children.forEach(collect); };
  if (tree) collect(tree);
  const name = (code: string) => stations.get(code) ?? findDivision(code)?.name ?? code;
  const listed = tree ? [tree.code, ...tree.children.flatMap((league) => [league.code, ...league.children.flatMap((b) => [b.code, ...stationsUnder(b).map((st) => st.node.code)])])] : [];
  const department = regionalDepartment ? localDepartmentName(regionalDepartment, { code: value, name: name(value) }) : null;
  const ownMark = t('runtime.handlingPlace.ownMark');
  /** The window's own division is marked in the list. */
  const mark = (code: string) => (code === own ? ownMark : '');
  return (
    <div className="field handling-place">
      <label htmlFor="handling-division"><span>{t('runtime.handlingPlace.label')}</span></label>
      {error && <p role="alert" className="banner error">{t('runtime.handlingPlace.loadFailed', { error })}</p>}
      <select id="handling-division" value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled || !tree}>
        {!listed.includes(own) && <option value={own}>{name(own)}{ownMark}</option>}
        {tree && <option value={tree.code}>{tree.name}{mark(tree.code)}</option>}
        {tree?.children.map((league) => (
          <optgroup key={league.code} label={league.name}>
            <option value={league.code}>{t('runtime.handlingPlace.leagueLevel', { name: league.name })}{mark(league.code)}</option>
            {league.children.map((banner) => [
              <option key={banner.code} value={banner.code}>{banner.name}{mark(banner.code)}</option>,
              ...stationsUnder(banner).map(({ node, depth }) => (
                <option key={node.code} value={node.code}>{'\u3000'.repeat(depth)}{node.name}{mark(node.code)}</option>
              )),
            ])}
          </optgroup>
        ))}
      </select>
      <p className="hint" data-testid="handling-hint">
        {value === own ? t('runtime.handlingPlace.local') : t('runtime.handlingPlace.separated', { place: name(value) })}
        {department && t('runtime.handlingPlace.department', { department })}
      </p>
    </div>
  );
}
