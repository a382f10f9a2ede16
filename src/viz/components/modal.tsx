/**
 * A native modal <dialog> with a heading and Close: shown while `open`, and reporting when the
 * person closes it (Close, Escape).
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface ModalProps {
  open: boolean;
  title: string;
  /** The dialog's accessible name, when it differs from the title shown. */
  label?: string;
  close: () => void;
  class?: string;
  children: ComponentChildren;
}

export function Modal({ open, title, label, close, class: className, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} class={className} aria-label={label ?? title} onClose={() => open && close()}>
      <div class="dialog-head">
        <h2>{title}</h2>
        <button type="button" class="small" onClick={close}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
