import { useEffect, useMemo, useState } from 'react';
import { formFields, operatorDefinitions, operatorsByName, type ConditionNode, type ItemConfig, type LeafCondition, type Problem, type Rule, type RuleEvent, RULE_EVENT_TYPES, labelOf, ruleEventTypes, CONTEXT_FACTS, contextFacts, type ContextFact } from '../../../engine/core/index.js';
import { ProblemSummary } from './StandardTab.js';
import { t } from './ui-text.js';

export interface FactOption {
  name: string;
  title: string;
  options?: unknown[];
  type?: string;
}

/** The context facts as the rule editor offers them: the vocabulary's names, marked as context. */
const CONTEXT_TYPES: Partial<Record<ContextFact, string>> = { today: 'date', division: 'division', materials: 'array' };
const CONTEXT: FactOption[] = CONTEXT_FACTS.map((name) => {
  const type = CONTEXT_TYPES[name];
  return { name, title: t('designer.rules.contextFact', { name: labelOf(contextFacts, name) }), ...(type ? { type } : {}) };
});

export function factOptions(config: ItemConfig): FactOption[] {
  const fields = [...formFields((config.form?.schema ?? {}) as Record<string, unknown>).values()].map((f) => ({
    name: f.name,
    title: f.title,
    ...(f.enum ? { options: f.enum } : {}),
    ...(f.types[0] ? { type: f.types[0] } : {}),
  }));
  const scenarios = (config.standard?.scenarios ?? []).map((s) => s.id);
  const materials = (config.standard?.materials ?? []).map((m) => m.id);
  return [
    ...fields,
    ...CONTEXT.map((c) => (c.name === 'scenario' ? { ...c, options: scenarios } : c.name === 'materials' ? { ...c, options: materials } : c)),
  ];
}

type Group = { kind: 'all' | 'any' | 'not'; children: ConditionNode[] };

function asGroup(node: ConditionNode): Group | null {
  if ('all' in node) return { kind: 'all', children: node.all };
  if ('any' in node) return { kind: 'any', children: node.any };
  if ('not' in node) {
    const inner = node.not;
    if ('all' in inner) return { kind: 'not', children: inner.all };
    return { kind: 'not', children: [inner] };
  }
  return null;
}

function fromGroup(g: Group): ConditionNode {
  if (g.kind === 'all') return { all: g.children };
  if (g.kind === 'any') return { any: g.children };
  return { not: { all: g.children } };
}

function defaultValue(operator: string, fact?: FactOption): unknown {
  const def = operatorsByName.get(operator);
  switch (def?.value) {
    case 'boolean': return true;
    case 'number': return 0;
    case 'years': return 18;
    case 'scalars': return fact?.options?.length ? [fact.options[0]] : [];
    case 'date': return '2025-01-01';
    case 'division': return '150000';
    default: return fact?.options?.length ? fact.options[0] : '';
  }
}

function ValueInput({ leaf, fact, onChange, label, materials }: { leaf: LeafCondition; fact?: FactOption; onChange: (v: unknown) => void; label: string; materials: Map<string, string> }) {
  const def = operatorsByName.get(leaf.operator);
  const kind = def?.value ?? 'scalar';
  const optionLabel = (o: unknown) => (fact?.name === 'materials' ? `${materials.get(String(o)) ?? String(o)}` : String(o));
  if (kind === 'boolean') {
    return (
      <select aria-label={label} value={String(leaf.value)} onChange={(e) => onChange(e.target.value === 'true')}>
        <option value="true">{t('designer.rules.yes')}</option>
        <option value="false">{t('designer.rules.no')}</option>
      </select>
    );
  }
  if (kind === 'number' || kind === 'years') {
    return (
      <span className="row">
        <input aria-label={label} type="number" value={typeof leaf.value === 'number' ? leaf.value : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} style={{ width: 90 }} />
        {kind === 'years' ? t('designer.rules.years') : null}
      </span>
    );
  }
  if (kind === 'date') {
    return <input aria-label={label} type="date" value={typeof leaf.value === 'string' ? leaf.value : ''} onChange={(e) => onChange(e.target.value)} />;
  }
  if (kind === 'scalars') {
    const values = Array.isArray(leaf.value) ? leaf.value : [];
    if (fact?.options?.length) {
      return (
        <span className="row" role="group" aria-label={label}>
          {fact.options.map((o) => (
            <label key={String(o)}>
              <input type="checkbox" checked={values.includes(o)} onChange={(e) => onChange(e.target.checked ? [...values, o] : values.filter((v) => v !== o))} /> {optionLabel(o)}
            </label>
          ))}
        </span>
      );
    }
    return <input aria-label={t('designer.rules.commaSeparated', { label })} type="text" value={values.join(',')} onChange={(e) => onChange(e.target.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean))} />;
  }
  if (fact?.options?.length) {
    return (
      <select aria-label={label} value={String(leaf.value ?? '')} onChange={(e) => onChange(fact.options?.find((o) => String(o) === e.target.value) ?? e.target.value)}>
        {fact.options.map((o) => <option key={String(o)} value={String(o)}>{optionLabel(o)}</option>)}
      </select>
    );
  }
  if (fact?.type === 'number' || fact?.type === 'integer') {
    return <input aria-label={label} type="number" value={typeof leaf.value === 'number' ? leaf.value : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
  }
  return <input aria-label={label} type="text" value={String(leaf.value ?? '')} onChange={(e) => onChange(e.target.value)} />;
}

function LeafEditor({ leaf, facts, onChange, onRemove, readOnly, materials, errors }: { leaf: LeafCondition; facts: FactOption[]; onChange: (n: ConditionNode) => void; onRemove: () => void; readOnly: boolean; materials: Map<string, string>; errors: string[] }) {
  const fact = facts.find((f) => f.name === leaf.fact);
  return (
    <div className="leaf" role="group" aria-label={t('designer.rules.condition')}>
      <select
        aria-label={t('designer.rules.fact')}
        value={leaf.fact}
        disabled={readOnly}
        onChange={(e) => {
          const next = facts.find((f) => f.name === e.target.value);
          onChange({ ...leaf, fact: e.target.value, value: defaultValue(leaf.operator, next) });
        }}
      >
        {!fact ? <option value={leaf.fact}>{leaf.fact || t('designer.choose')}</option> : null}
        <optgroup label={t('designer.rules.formFields')}>
          {facts.filter((f) => !CONTEXT.some((c) => c.name === f.name)).map((f) => <option key={f.name} value={f.name}>{f.title}</option>)}
        </optgroup>
        <optgroup label={t('designer.rules.context')}>
          {facts.filter((f) => CONTEXT.some((c) => c.name === f.name)).map((f) => <option key={f.name} value={f.name}>{f.title}</option>)}
        </optgroup>
      </select>
      <select aria-label={t('designer.rules.operator')} value={leaf.operator} disabled={readOnly} onChange={(e) => onChange({ ...leaf, operator: e.target.value, value: defaultValue(e.target.value, fact) })}>
        {operatorDefinitions.map((op) => <option key={op.name} value={op.name}>{op.label}</option>)}
      </select>
      <fieldset disabled={readOnly} style={{ border: 'none', padding: 0, margin: 0, display: 'contents' }}>
        <ValueInput leaf={leaf} fact={fact} label={t('designer.rules.value')} materials={materials} onChange={(value) => onChange({ ...leaf, value })} />
        <label className="muted" title={t('designer.rules.optionalHint')}>
          <input type="checkbox" checked={!!leaf.optional} onChange={(e) => { const { optional: _o, ...rest } = leaf; onChange(e.target.checked ? { ...rest, optional: true } : rest); }} /> {t('designer.rules.optional')}
        </label>
      </fieldset>
      {!readOnly ? <button className="small danger" onClick={onRemove} aria-label={t('designer.rules.removeCondition')}>✕</button> : null}
      {errors.length ? <span className="problems" role="note">{errors.join(t('designer.rules.problemSeparator'))}</span> : null}
    </div>
  );
}

const GROUP_LABEL = { all: t('designer.rules.group.all'), any: t('designer.rules.group.any'), not: t('designer.rules.group.not') } as const;

function ConditionEditor(props: { node: ConditionNode; pointer: string; facts: FactOption[]; onChange: (n: ConditionNode) => void; onRemove?: () => void; readOnly: boolean; materials: Map<string, string>; problems: Problem[]; depth: number }) {
  const { node, pointer, facts, onChange, onRemove, readOnly, materials, problems, depth } = props;
  const group = asGroup(node);
  if (!group) {
    const errors = problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)).map((p) => p.message);
    return <LeafEditor leaf={node as LeafCondition} facts={facts} onChange={onChange} onRemove={onRemove ?? (() => undefined)} readOnly={readOnly} materials={materials} errors={errors} />;
  }
  const childPointer = (i: number) => (group.kind === 'not' ? ('not' in node && 'all' in node.not ? `${pointer}/not/all/${i}` : `${pointer}/not`) : `${pointer}/${group.kind}/${i}`);
  const firstFact = facts[0];
  const newLeaf = (): LeafCondition => ({ fact: firstFact?.name ?? '', operator: 'equal', value: defaultValue('equal', firstFact) });
  const set = (children: ConditionNode[]) => onChange(fromGroup({ ...group, children }));
  return (
    <div className={`group ${group.kind}`} role="group" aria-label={GROUP_LABEL[group.kind]}>
      <div className="row">
        <select aria-label={t('designer.rules.groupKind')} value={group.kind} disabled={readOnly} onChange={(e) => onChange(fromGroup({ ...group, kind: e.target.value as Group['kind'] }))}>
          {Object.entries(GROUP_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select>
        <span className="muted">{t('designer.rules.groupFollowing')}</span>
        {onRemove && !readOnly ? <button className="small danger" onClick={onRemove} aria-label={t('designer.rules.removeGroup')}>{t('designer.rules.removeGroupShort')}</button> : null}
      </div>
      {group.children.map((child, i) => (
        <ConditionEditor
          key={i}
          {...props}
          node={child}
          pointer={childPointer(i)}
          depth={depth + 1}
          onChange={(n) => set(group.children.map((c, j) => (j === i ? n : c)))}
          onRemove={() => set(group.children.filter((_, j) => j !== i))}
        />
      ))}
      {!readOnly ? (
        <div className="row">
          <button className="small" onClick={() => set([...group.children, newLeaf()])}>{t('designer.rules.addCondition')}</button>
          {depth < 4 ? <button className="small" onClick={() => set([...group.children, { any: [newLeaf()] }])}>{t('designer.rules.addGroup')}</button> : null}
        </div>
      ) : null}
    </div>
  );
}

function EventEditor({ rule, onChange, config, readOnly, pointer, problems }: { rule: Rule; onChange: (e: RuleEvent) => void; config: ItemConfig; readOnly: boolean; pointer: string; problems: Problem[] }) {
  const e = rule.event;
  const errs = (key: string) => problems.filter((p) => p.pointer.startsWith(`${pointer}/event${key}`)).map((p) => p.message);
  const materials = config.standard?.materials ?? [];
  const params = e.params as Record<string, unknown>;
  return (
    <fieldset className="event" disabled={readOnly} style={{ border: 'none', padding: 0 }}>
      <label htmlFor={`${pointer}-event`}>{t('designer.rules.outcome')}</label>
      <select
        id={`${pointer}-event`}
        value={e.type}
        onChange={(ev) => {
          const type = ev.target.value as RuleEvent['type'];
          if (type === 'reject') onChange({ type, params: { message: String(params.message ?? '') } });
          else if (type === 'supplement') onChange({ type, params: { message: String(params.message ?? '') } });
          else onChange({ type, params: { materialId: materials[0]?.id ?? '' } });
        }}
      >
        {RULE_EVENT_TYPES.map((k) => <option key={k} value={k}>{labelOf(ruleEventTypes, k)}</option>)}
      </select>
      {e.type === 'requireMaterial' ? (
        <>
          <label htmlFor={`${pointer}-material`}>{t('designer.rules.material')}</label>
          <select id={`${pointer}-material`} value={e.params.materialId} onChange={(ev) => onChange({ ...e, params: { ...e.params, materialId: ev.target.value } })}>
            {!materials.some((m) => m.id === e.params.materialId) ? <option value={e.params.materialId}>{e.params.materialId || t('designer.choose')}</option> : null}
            {materials.map((m, j) => <option key={j} value={m.id}>{t('designer.rules.materialOption', { name: m.name, id: m.id })}</option>)}
          </select>
        </>
      ) : null}
      <label htmlFor={`${pointer}-message`}>{e.type === 'reject' ? t('designer.rules.message.reject') : e.type === 'supplement' ? t('designer.rules.message.supplement') : t('designer.rules.message.requireMaterial')}</label>
      <input
        id={`${pointer}-message`}
        type="text"
        value={String(params.message ?? '')}
        onChange={(ev) => {
          const message = ev.target.value;
          if (e.type === 'requireMaterial') {
            const { message: _m, ...rest } = e.params;
            onChange({ ...e, params: message ? { ...rest, message } : rest });
          } else onChange({ ...e, params: { ...e.params, message } } as RuleEvent);
        }}
      />
      {e.type === 'reject' ? (
        <>
          <label htmlFor={`${pointer}-basis`}>{t('designer.rules.basis')}</label>
          <input
            id={`${pointer}-basis`}
            type="text"
            value={e.params.basis ?? ''}
            placeholder={t('designer.rules.basisPlaceholder')}
            onChange={(ev) => {
              const { basis: _b, ...rest } = e.params;
              onChange({ ...e, params: ev.target.value ? { ...rest, basis: ev.target.value } : rest });
            }}
          />
        </>
      ) : null}
      {errs('').length ? <span className="problems" style={{ gridColumn: '1 / 3' }}>{errs('').join(t('designer.rules.problemSeparator'))}</span> : null}
    </fieldset>
  );
}

function RulesJson({ rules, onChange, readOnly }: { rules: Rule[]; onChange: (r: Rule[]) => void; readOnly: boolean }) {
  const serialised = useMemo(() => JSON.stringify(rules, null, 2), [rules]);
  const [text, setText] = useState(serialised);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(rules)) return current;
      } catch {
        /* replaced below */
      }
      return serialised;
    });
  }, [serialised, rules]);
  return (
    <details className="card">
      <summary>{t('designer.rules.json.summary')}</summary>
      <label htmlFor="rules-json" className="sr-only">{t('designer.rules.json.label')}</label>
      <textarea
        id="rules-json"
        className="json-editor"
        rows={18}
        readOnly={readOnly}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = JSON.parse(e.target.value) as unknown;
            if (!Array.isArray(parsed)) throw new Error(t('designer.rules.json.notArray'));
            setError(null);
            onChange(parsed as Rule[]);
          } catch (err) {
            setError(t('designer.rules.json.invalid', { error: (err as Error).message }));
          }
        }}
      />
      {error ? <div className="notice error" role="alert">{error}</div> : null}
    </details>
  );
}

export function RulesTab({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const facts = useMemo(() => factOptions(config), [config]);
  const materials = useMemo(() => new Map((config.standard?.materials ?? []).map((m) => [m.id, m.name])), [config.standard]);
  const rules = config.rules ?? [];
  const setRules = (next: Rule[]) => onChange({ ...config, rules: next });
  const setRule = (i: number, r: Rule) => setRules(rules.map((x, j) => (j === i ? r : x)));
  const add = () => {
    const taken = new Set(rules.map((r) => r.name));
    let n = rules.length + 1;
    while (taken.has(`rule-${n}`)) n++;
    const first = facts[0];
    setRules([
      ...rules,
      { name: `rule-${n}`, description: '', priority: 1, enabled: true, conditions: { all: [{ fact: first?.name ?? '', operator: 'equal', value: defaultValue('equal', first) }] }, event: { type: 'reject', params: { message: '' } } },
    ]);
  };
  return (
    <section aria-label={t('designer.tab.rules')}>
      <ProblemSummary problems={problems} prefix="/rules" title={t('designer.tab.rules')} />
      <p className="muted">{t('designer.rules.hint', { outcomes: RULE_EVENT_TYPES.map((k) => labelOf(ruleEventTypes, k)).join(t('designer.rules.outcomeSeparator')) })}</p>
      {rules.map((rule, i) => {
        const pointer = `/rules/${i}`;
        const head = problems.filter((p) => p.pointer === `${pointer}/name` || p.pointer === `${pointer}/title` || p.pointer === pointer).map((p) => p.message);
        return (
          <article className="rule" key={i} aria-label={t('designer.rules.ruleLabel', { n: i + 1, name: rule.title || rule.description || rule.name })}>
            <div className="head">
              <strong>{t('designer.rules.ruleNumber', { n: i + 1 })}</strong>
              {problems.some((p) => p.pointer === pointer && p.code === 'rule.not-covered') ? <span className="badge fail" data-uncovered-rule={rule.name} title={t('designer.coverage.ruleBadgeHint')}>{t('designer.coverage.ruleBadge')}</span> : null}
              {/* The Chinese name is what reviewers, clerks and the diff read; the identifier stays internal (decisions cite it). */}
              <label>{t('designer.rules.title')} <input type="text" value={rule.title ?? ''} disabled={readOnly} placeholder={t('designer.rules.titlePlaceholder')} aria-invalid={rule.title?.trim() ? undefined : true} onChange={(e) => { const { title: _old, ...rest } = rule; setRule(i, e.target.value ? { ...rest, title: e.target.value } : rest); }} size={16} /></label>
              <label className="muted">{t('designer.rules.identifier')} <input type="text" value={rule.name} disabled={readOnly} onChange={(e) => setRule(i, { ...rule, name: e.target.value })} size={12} /></label>
              <label className="grow">{t('designer.rules.description')} <input type="text" value={rule.description ?? ''} disabled={readOnly} onChange={(e) => setRule(i, { ...rule, description: e.target.value })} style={{ width: '70%' }} /></label>
              <label>{t('designer.rules.priority')} <input type="number" value={rule.priority ?? 1} disabled={readOnly} onChange={(e) => setRule(i, { ...rule, priority: Number(e.target.value) || 1 })} style={{ width: 60 }} /></label>
              <label><input type="checkbox" role="switch" checked={rule.enabled !== false} disabled={readOnly} onChange={(e) => setRule(i, { ...rule, enabled: e.target.checked })} /> {t('designer.rules.enabled')}</label>
              {!readOnly ? (
                <>
                  <button className="small" disabled={i === 0} onClick={() => { const next = [...rules]; next.splice(i - 1, 0, ...next.splice(i, 1)); setRules(next); }} aria-label={t('designer.rules.moveUp', { n: i + 1 })}>↑</button>
                  <button className="small danger" onClick={() => setRules(rules.filter((_, j) => j !== i))} aria-label={t('designer.rules.delete', { n: i + 1 })}>{t('designer.rules.deleteShort')}</button>
                </>
              ) : null}
            </div>
            <div className="body">
              {head.length ? <div className="problems">{head.join(t('designer.rules.problemSeparator'))}</div> : null}
              <h4 style={{ margin: '4px 0' }}>{t('designer.rules.when')}</h4>
              <ConditionEditor node={rule.conditions} pointer={`${pointer}/conditions`} facts={facts} readOnly={readOnly} materials={materials} problems={problems} depth={0} onChange={(conditions) => setRule(i, { ...rule, conditions })} />
              <h4 style={{ margin: '8px 0 4px' }}>{t('designer.rules.then')}</h4>
              <EventEditor rule={rule} config={config} readOnly={readOnly} pointer={pointer} problems={problems} onChange={(event) => setRule(i, { ...rule, event })} />
            </div>
          </article>
        );
      })}
      {!readOnly ? <button className="primary" onClick={add}>{t('designer.rules.add')}</button> : null}
      <RulesJson rules={rules} readOnly={readOnly} onChange={setRules} />
    </section>
  );
}
