import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { itemStandardSchema, type ItemConfig, type ItemStandard, type Problem } from '../../../engine/core/index.js';
import { MaterialsTables } from './MaterialsTables.js';
import { Modal } from './Modal.js';
import { formValidator, translateString } from '../../../engine/web-kit/index.js';
import { designerFields, toErrorSchema } from './rjsf.js';

/** The item-standard schema as RJSF renders it: the one schema of standards/, without its $id (RJSF resolves #/definitions locally). */
export const standardSchema: RJSFSchema = (() => {
  const { $id: _id, $schema: _schema, ...rest } = itemStandardSchema as unknown as Record<string, unknown>;
  return rest as RJSFSchema;
})();

const textarea = { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } };
const standardUi: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  code: { 'ui:readonly': true },
  acceptanceConditions: { items: textarea },
  resultSample: { description: textarea },
  legalBasis: { provisions: { items: { text: textarea } } },
  reviewPoints: { items: { point: textarea } },
  process: { items: { description: textarea } },
  // Edited in the tables (MaterialsTables) instead.
  materials: { 'ui:field': 'NoneField' },
  scenarios: { 'ui:field': 'NoneField' },
};

const standardFields = { ...designerFields, NoneField: () => null };

/** The remaining elements of each material (份数、受理标准…), in a form of their own under the table. */
const materialDetailsSchema: RJSFSchema = {
  definitions: (standardSchema as Record<string, unknown>).definitions as RJSFSchema['definitions'],
  type: 'object',
  properties: { materials: (standardSchema.properties as Record<string, RJSFSchema>).materials as RJSFSchema },
} as RJSFSchema;
const materialDetailsUi: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  materials: {
    'ui:options': { addable: false, removable: false, orderable: false },
    items: {
      id: { 'ui:readonly': true },
      acceptanceStandard: textarea,
      fillInstructions: textarea,
      basis: textarea,
      notes: textarea,
    },
  },
};

export function ProblemSummary({ problems, prefix, title }: { problems: Problem[]; prefix: string; title: string }) {
  const mine = problems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`));
  if (!mine.length) return <div className="notice ok" role="status">{title}：没有发现问题。</div>;
  return (
    <div className="notice error" role="status">
      {title}：发现 {mine.length} 个问题（已在对应字段旁标出）。
      <ul className="problems">
        {mine.slice(0, 8).map((p, i) => <li key={i}>{p.message}</li>)}
        {mine.length > 8 ? <li>……另有 {mine.length - 8} 个</li> : null}
      </ul>
    </div>
  );
}

function ImportJson({ config, onImport, onClose }: { config: ItemConfig; onImport: (standard: ItemStandard) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const standard = (parsed && typeof parsed.standard === 'object' ? parsed.standard : parsed) as Record<string, unknown>;
      if (!standard || typeof standard !== 'object' || Array.isArray(standard)) throw new Error('应为 JSON 对象');
      onImport({ ...(standard as unknown as ItemStandard), code: config.code });
      onClose();
    } catch (err) {
      setError(`无法导入：${(err as Error).message}。请粘贴事项标准（或包含 standard 的完整配置）的 JSON。`);
    }
  };
  return (
    <Modal title="从 JSON 导入事项标准" onClose={onClose} wide>
      <p className="muted">粘贴事项标准的 JSON（或包含 <code>standard</code> 的完整事项配置，只导入其中的事项标准）。事项编码保持为 {config.code}。导入后请检查并保存。</p>
      <label htmlFor="import-json" className="sr-only">事项标准 JSON</label>
      <textarea id="import-json" className="json-editor" rows={16} value={text} onChange={(e) => setText(e.target.value)} />
      {error ? <div className="notice error" role="alert">{error}</div> : null}
      <div className="row" style={{ marginTop: 8 }}>
        <button className="primary" onClick={apply}>导入</button>
        <button onClick={onClose}>取消</button>
      </div>
    </Modal>
  );
}

export function StandardTab({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const [importing, setImporting] = useState(false);
  const extraErrors = useMemo(() => toErrorSchema(problems, '/standard'), [problems]);
  return (
    <section aria-label="事项标准">
      <div className="row" style={{ marginBottom: 8 }}>
        <p className="muted grow" style={{ margin: 0 }}>按《通知》的 20 项标准要素填写；带 * 的为必填。问题会在字段旁以红字提示。</p>
        {!readOnly ? <button onClick={() => setImporting(true)}>从 JSON 导入</button> : null}
      </div>
      <ProblemSummary problems={problems} prefix="/standard" title="事项标准" />
      <div className="card rjsf">
        <Form
          schema={standardSchema}
          uiSchema={standardUi}
          formData={config.standard}
          validator={formValidator}
          fields={standardFields}
          translateString={translateString}
          extraErrors={extraErrors}
          noValidate
          showErrorList={false}
          readonly={readOnly}
          idPrefix="std"
          experimental_defaultFormStateBehavior={{ arrayMinItems: { populate: 'never' }, emptyObjectFields: 'skipDefaults' }}
          onChange={(e) => onChange({ ...config, standard: { ...(e.formData as ItemStandard), materials: config.standard?.materials, scenarios: config.standard?.scenarios } as ItemStandard })}
        />
      </div>
      <MaterialsTables config={config} onChange={onChange} problems={problems} readOnly={readOnly} />
      {(config.standard?.materials ?? []).length ? (
        <details className="card rjsf">
          <summary>材料详细信息（原件与复印件份数、受理标准、填报须知、依据等）</summary>
          <Form
            schema={materialDetailsSchema}
            uiSchema={materialDetailsUi}
            formData={{ materials: config.standard?.materials }}
            validator={formValidator}
            fields={designerFields}
            translateString={translateString}
            extraErrors={extraErrors}
            noValidate
            showErrorList={false}
            readonly={readOnly}
            idPrefix="mat"
            experimental_defaultFormStateBehavior={{ arrayMinItems: { populate: 'never' }, emptyObjectFields: 'skipDefaults' }}
            onChange={(e) => onChange({ ...config, standard: { ...config.standard, materials: (e.formData as { materials: ItemStandard['materials'] }).materials } })}
          />
        </details>
      ) : null}
      {importing ? <ImportJson config={config} onClose={() => setImporting(false)} onImport={(standard) => onChange({ ...config, standard })} /> : null}
    </section>
  );
}
