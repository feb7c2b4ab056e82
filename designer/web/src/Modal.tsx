import { useEffect, useId, useRef, type ReactNode } from 'react';

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
