/**
 * The newest call, as large as the screen allows: "А-023 → Вікно 5". It blinks for a few
 * seconds when it comes (a recall too); numbers only, never a visitor's name.
 */
import type { CallView } from '@queue/protocol';
import { useT } from '@queue/ui';
import { useHighlight } from '../state/highlight';
import { useDeskName } from './use-desk-name';

export const CurrentCall = ({ call }: { readonly call: CallView | undefined }) => {
  const t = useT();
  const deskName = useDeskName();
  const fresh = useHighlight((state) => call !== undefined && state.seq === call.seq);
  if (!call) {
    return (
      <section className="current current--empty">
        <p className="current__idle">{t('display.waitForCall')}</p>
      </section>
    );
  }
  const desk = deskName(call.deskId);
  return (
    <section
      className={`current${fresh ? ' current--fresh' : ''}`}
      data-testid="current-call"
      data-seq={call.seq}
      aria-label={t('display.callTo', { number: call.number, desk })}
      aria-live="polite"
    >
      <p className="current__label">{t(call.kind === 'recall' ? 'display.recall' : 'display.nowCalling')}</p>
      {/* The key restarts the blinking when a recall brings the same number back. */}
      <p className="current__call" key={call.seq}>
        <span className="current__number">{call.number}</span>
        <span className="current__to">
          <span className="current__arrow" aria-hidden="true">
            →
          </span>
          <span className="current__desk">{desk}</span>
        </span>
      </p>
    </section>
  );
};
