/**
 * A modal dialog on the native `<dialog>`: the page behind is inert, Esc closes it, Enter
 * confirms from any field but a text area (and a focused button does what it says). The
 * first field has the focus, or the one marked `data-autofocus`.
 */
import { useT } from '@queue/ui';
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';

interface Props {
  readonly title: string;
  readonly confirmLabel: string;
  readonly canConfirm: boolean;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
  readonly wide?: boolean;
  /** Shown above the buttons: why the last try was refused. */
  readonly footer?: ReactNode;
  /** A dialog that only informs (a receipt, a record): one button closes it, no "cancel". */
  readonly informative?: boolean;
}

export const Dialog = (props: Props) => {
  const { title, confirmLabel, canConfirm, busy = false, onConfirm, onClose, children } = props;
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first field; a dialog may name a better one.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (canConfirm && !busy) onConfirm();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    const target = event.target as HTMLElement;
    if (
      event.key !== 'Enter' ||
      event.shiftKey ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'BUTTON'
    ) {
      return;
    }
    event.preventDefault();
    event.currentTarget.requestSubmit();
  };

  return (
    <dialog
      ref={ref}
      className={`dialog${props.wide ? ' dialog--wide' : ''}`}
      aria-label={title}
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="dialog__form" onSubmit={submit} onKeyDown={onKeyDown}>
        <h2 className="dialog__title">{title}</h2>
        <div className="dialog__body">{children}</div>
        {props.footer}
        <div className="dialog__buttons">
          {!props.informative && (
            <button type="button" className="button button--plain" onClick={onClose}>
              {t('desk.dialog.cancel')} <kbd>Esc</kbd>
            </button>
          )}
          <button
            type="submit"
            className="button button--primary"
            data-testid="dialog-confirm"
            disabled={!canConfirm || busy}
          >
            {busy ? t('desk.busy') : confirmLabel} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
};
