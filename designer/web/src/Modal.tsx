import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { t } from './ui-text.js';

/** A native modal dialog: focus is trapped, Esc closes. */
export function Modal({ title, children, onClose, wide }: { title: string; children: ReactNode; onClose: () => void; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={id} onCancel={(e) => { e.preventDefault(); onClose(); }} style={{ width: wide ? 1100 : 560 }}>
      <div className="modal">
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}

export interface ConfirmRequest {
  title: string;
  message: string;
  /** What the action affects, one line each (e.g. the rules that refer to a field being deleted). */
  items?: string[];
  confirmLabel: string;
  danger?: boolean;
}

type Pending = ConfirmRequest & { settle: (ok: boolean) => void };
let showConfirm: ((request: Pending) => void) | null = null;

/** Asks the author before a destructive step; resolves true only when they confirm. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    if (!showConfirm) return resolve(window.confirm(`${request.title}\n${request.message}\n${(request.items ?? []).join('\n')}`));
    showConfirm({ ...request, settle: resolve });
  });
}

/** Renders the confirmations askConfirm requests; mounted once by the app. */
export function ConfirmHost() {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    showConfirm = (request) => setPending(request);
    return () => { showConfirm = null; };
  }, []);
  if (!pending) return null;
  const settle = (ok: boolean) => {
    setPending(null);
    pending.settle(ok);
  };
  return (
    <Modal title={pending.title} onClose={() => settle(false)}>
      <p>{pending.message}</p>
      {pending.items?.length ? <ul className="references">{pending.items.map((line, i) => <li key={i}>{line}</li>)}</ul> : null}
      <div className="row" style={{ marginTop: 10 }}>
        <button className={pending.danger ? 'danger' : 'primary'} onClick={() => settle(true)}>{pending.confirmLabel}</button>
        <button onClick={() => settle(false)} autoFocus>{t('designer.modal.cancel')}</button>
      </div>
    </Modal>
  );
}
