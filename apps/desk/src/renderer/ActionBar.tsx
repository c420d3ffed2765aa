/** The command buttons, each with its keyboard shortcut printed on it. */
import { type Translate, useT } from '@queue/ui';
import { useMemo } from 'react';
import { ACTIONS, type ActionId, type ActionSpec } from './actions';
import type { DeskActions } from './use-desk-actions';
import { useShortcuts } from './use-shortcuts';

const keyName = (code: string, t: Translate): string => (code === 'Space' ? t('desk.key.space') : code);

interface Props {
  readonly actions: DeskActions;
  readonly paused: boolean;
}

export const ActionBar = ({ actions, paused }: Props) => {
  const t = useT();
  const { run, enabled, pending } = actions;
  const shown: readonly ActionSpec[] = useMemo(
    () =>
      (
        [
          'open',
          'callNext',
          'recall',
          'start',
          'complete',
          'noShow',
          paused ? 'resume' : 'pause',
          'close',
        ] as const
      ).map((id: ActionId) => ACTIONS[id]),
    [paused],
  );
  const bindings = useMemo(
    () => new Map(shown.flatMap((spec) => spec.keys.map((key) => [key, () => run(spec.id)] as const))),
    [shown, run],
  );
  useShortcuts(bindings);

  return (
    <div className="actions">
      {shown.map((spec) => (
        <button
          key={spec.id}
          type="button"
          className={`action action--${spec.id}`}
          data-action={spec.id}
          disabled={!enabled(spec.id)}
          aria-busy={pending === spec.id}
          onClick={() => run(spec.id)}
        >
          <span className="action__label">{t(pending === spec.id ? 'desk.busy' : spec.label)}</span>
          {spec.keys.length > 0 && (
            <kbd className="action__key">{spec.keys.map((key) => keyName(key, t)).join(' / ')}</kbd>
          )}
        </button>
      ))}
    </div>
  );
};
