/** The command buttons, each with its keyboard shortcut printed on it. */
import { type Translate, useT } from '@queue/ui';
import { useMemo } from 'react';
import type { MutationEvent } from '../common/use-commands';
import { useShortcuts } from '../common/use-shortcuts';
import { formatDuration, type NoShowGate } from '../logic/timers';
import { ACTIONS, type ActionId } from './actions';

const keyName = (code: string, t: Translate): string => (code === 'Space' ? t('desk.key.space') : code);

interface Props {
  readonly slots: readonly ActionId[];
  readonly enabled: (id: ActionId) => boolean;
  readonly pending: MutationEvent | undefined;
  readonly noShow: NoShowGate | undefined;
  readonly run: (id: ActionId) => void;
  /** Shortcuts listen only while the operator's tab is shown. */
  readonly active: boolean;
}

export const ActionBar = ({ slots, enabled, pending, noShow, run, active }: Props) => {
  const t = useT();
  const bindings = useMemo(
    () =>
      new Map(
        slots.flatMap((id) => ACTIONS[id].keys.map((key) => [key, () => enabled(id) && run(id)] as const)),
      ),
    [slots, enabled, run],
  );
  useShortcuts(bindings, active);

  return (
    <div className="actions" data-testid="actions">
      {slots.map((id) => {
        const spec = ACTIONS[id];
        const busy = spec.event !== undefined && pending === spec.event;
        const countdown = id === 'noShow' && noShow && !noShow.allowed && noShow.remainingMs > 0;
        return (
          <button
            key={id}
            type="button"
            className={`action action--${id}`}
            data-action={id}
            disabled={!enabled(id)}
            aria-busy={busy}
            aria-keyshortcuts={spec.keys.join(' ')}
            onClick={() => run(id)}
          >
            <span className="action__label">{t(busy ? 'desk.busy' : spec.label)}</span>
            {countdown && <span className="action__countdown">{formatDuration(noShow.remainingMs)}</span>}
            <kbd className="action__key">{spec.keys.map((key) => keyName(key, t)).join(' / ')}</kbd>
          </button>
        );
      })}
    </div>
  );
};
