/**
 * Up, down and remove for one entry of an ordered list, as buttons (so Tab and Enter or
 * Space reach them). After a move the focus follows the entry to its new place, so that
 * pressing "up" again keeps moving the same entry.
 */
import { useT } from '@queue/ui';
import { type RefObject, useLayoutEffect, useRef } from 'react';

/** Where the focus goes after the next render: the entry's button of that kind. */
export interface FocusAfterMove {
  readonly index: number;
  readonly by: -1 | 1;
}

/** Puts the focus on the moved entry's button once the list has re-rendered. */
export const useFocusAfterMove = (container: RefObject<HTMLElement | null>) => {
  const pending = useRef<FocusAfterMove>(undefined);
  useLayoutEffect(() => {
    const target = pending.current;
    if (!target || !container.current) return;
    pending.current = undefined;
    const row = container.current.querySelector(`[data-row="${target.index}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${target.by}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-move="${-target.by}"]`);
    (same && !same.disabled ? same : other)?.focus();
  });
  return (target: FocusAfterMove): void => {
    pending.current = target;
  };
};

interface Props {
  readonly index: number;
  readonly count: number;
  /** What the entry is called, for the buttons' accessible names ("Outcome 2"). */
  readonly name: string;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
}

export const ListRowButtons = ({ index, count, name, onMove, onRemove }: Props) => {
  const t = useT();
  return (
    <span className="list-row__buttons">
      <button
        type="button"
        className="button button--small"
        data-move="-1"
        aria-label={t('admin.list.up', { name })}
        title={t('admin.list.up', { name })}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--small"
        data-move="1"
        aria-label={t('admin.list.down', { name })}
        title={t('admin.list.down', { name })}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        data-action="remove"
        aria-label={t('admin.list.remove', { name })}
        onClick={onRemove}
      >
        {t('admin.delete')}
      </button>
    </span>
  );
};
