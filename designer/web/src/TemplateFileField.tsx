import type { FieldProps } from '@rjsf/utils';
import { useState } from 'react';
import { templateFileHref, type TemplateFileRef } from '../../../engine/core/index.js';
import { advice, createApiClient } from '../../../engine/web-kit/index.js';
import { t } from './ui-text.js';

const client = createApiClient({ onUnauthorized: () => window.dispatchEvent(new CustomEvent('tongban:unauthorized')) });

/**
 * A material template's file: the author picks a file, the server stores it by content hash
 * (POST /api/templates) and the template keeps { hash, name }, so the published version's hash covers it.
 */
export function TemplateFileField(props: FieldProps) {
  const current = props.formData as TemplateFileRef | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = props.fieldPathId.$id;
  const set = (value: TemplateFileRef | undefined) => props.onChange(value, props.fieldPathId.path, undefined, id);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const stored = await client.request<TemplateFileRef>('/api/templates', {
        method: 'POST',
        body: new Uint8Array(await file.arrayBuffer()),
        headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-Filename': encodeURIComponent(file.name) },
      });
      set({ hash: stored.hash, name: stored.name });
    } catch (e) {
      setError(advice(e));
    } finally {
      setBusy(false);
    }
  };
  const disabled = !!(props.disabled || props.readonly) || busy;
  return (
    <fieldset className="template-file" id={id}>
      <legend>{String(props.schema.title ?? props.name)}</legend>
      {current?.hash ? (
        <p>
          <a href={templateFileHref(current)} download={current.name} data-testid="template-file-link">{t('designer.template.current', { name: current.name })}</a>{' '}
          <button type="button" className="small" disabled={disabled} onClick={() => set(undefined)}>{t('designer.template.remove')}</button>
        </p>
      ) : null}
      <label>{t('designer.template.upload')}{' '}
        <input type="file" disabled={disabled} accept=".pdf,.doc,.docx,.xls,.xlsx,.wps,.jpg,.jpeg,.png" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
      </label>
      {busy ? <span className="muted" aria-live="polite">{t('designer.template.uploading')}</span> : null}
      {error ? <p role="alert" className="field-error">{error}</p> : null}
    </fieldset>
  );
}
