/** The visitor steps away (to fetch a document) for N minutes and comes back to this desk. */
import type { Ticket } from '@queue/core';
import { useT } from '@queue/ui';
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';

export const POSTPONE_PRESETS = [5, 10, 15, 30] as const;

interface Props {
  readonly ticket: Ticket;
  readonly maxMinutes: number;
  readonly ready: boolean;
  readonly busy: boolean;
  readonly refusal: string | undefined;
  readonly onConfirm: (minutes: number) => void;
  readonly onClose: () => void;
}

export const PostponeDialog = ({ ticket, maxMinutes, ready, busy, refusal, onConfirm, onClose }: Props) => {
  const t = useT();
  const [minutes, setMinutes] = useState(10);
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= maxMinutes;
  return (
    <Dialog
      title={t('desk.postpone.title', { number: ticket.number })}
      confirmLabel={t('desk.postpone.confirm')}
      canConfirm={ready && valid}
      busy={busy}
      onConfirm={() => onConfirm(minutes)}
      onClose={onClose}
      testId="postpone-dialog"
      footer={<RefusalLine code={refusal} />}
    >
      <fieldset className="choices choices--row">
        <legend className="field__label">{t('desk.postpone.presets')}</legend>
        {POSTPONE_PRESETS.map((preset) => (
          <label key={preset} className="choice choice--chip">
            <input
              type="radio"
              name="minutes"
              value={preset}
              checked={minutes === preset}
              data-autofocus={preset === minutes ? true : undefined}
              onChange={() => setMinutes(preset)}
            />
            {t('desk.postpone.minutes', { minutes: preset })}
          </label>
        ))}
      </fieldset>
      <label className="field field--short">
        <span className="field__label">{t('desk.postpone.custom', { max: maxMinutes })}</span>
        <input
          type="number"
          name="custom-minutes"
          min={1}
          max={maxMinutes}
          value={Number.isNaN(minutes) ? '' : minutes}
          onChange={(event) => setMinutes(event.target.valueAsNumber)}
        />
      </label>
      <p className="dialog__hint">{t('desk.postpone.hint')}</p>
    </Dialog>
  );
};
