/**
 * A modal dialog: focus moves in and is trapped (Tab cycles), Enter confirms and Escape cancels — from keys
 * pressed after it opened only, so the Enter that opened it (or a held one) can never confirm it.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal(props: {
  title: string;
  testId: string;
  className?: string;
  onConfirm?: () => void;
  onCancel: () => void;
  children: ReactNode;
  /** Where focus starts (a CSS selector inside the dialog); the first button otherwise. */
  initialFocus?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    const openedAt = performance.now();
    const el = box.current;
    const first = (props.initialFocus && el?.querySelector<HTMLElement>(props.initialFocus)) || el?.querySelector<HTMLElement>('button, input, select');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.timeStamp <= openedAt || e.isComposing) return;
      // A hotkey editor recording a key gets every key, Escape included.
      if ((e.target as HTMLElement | null)?.closest?.('[data-own-keys="*"]')) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        handlers.current.onCancel();
      } else if (e.key === 'Enter' && handlers.current.onConfirm && !e.repeat) {
        const target = e.target as HTMLElement | null;
        // A focused cancel button means "cancel"; let it activate itself.
        if (target?.dataset?.['role'] === 'cancel') return;
        e.preventDefault();
        e.stopPropagation();
        handlers.current.onConfirm();
      } else if (e.key === 'Tab' && el) {
        const focusable = [...el.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled])')];
        if (focusable.length === 0) return;
        const i = focusable.indexOf(document.activeElement as HTMLElement);
        const next = e.shiftKey ? (i <= 0 ? focusable.length - 1 : i - 1) : i === focusable.length - 1 ? 0 : i + 1;
        e.preventDefault();
        focusable[next]?.focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
    // Runs once per opening; the handlers are read through the ref.
  }, []);

  return (
    <div className="modal-backdrop">
      <div ref={box} className={`modal ${props.className ?? ''}`} role="dialog" aria-modal="true" aria-label={props.title} data-testid={props.testId}>
        <header className="modal-title">{props.title}</header>
        {props.children}
      </div>
    </div>
  );
}
