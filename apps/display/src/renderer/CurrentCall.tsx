/** The newest call, as large as the screen allows: "А-023 → Вікно 5". */
import type { CallView } from '@queue/protocol';
import { useT } from '@queue/ui';
import { useHighlight } from './highlight';
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
      aria-label={t('display.callTo', { number: call.number, desk })}
    >
      <p className="current__label">{t(call.kind === 'recall' ? 'display.recall' : 'display.nowCalling')}</p>
      <p className="current__call">
        <span className="current__number">{call.number}</span>
        <span className="current__arrow" aria-hidden="true">
          →
        </span>
        <span className="current__desk">{desk}</span>
      </p>
    </section>
  );
};
