/**
 * Pause the desk with a reason from the list, or the operator's own words, and how long the
 * break will be when known: visitors' wait estimates count on it.
 */
import { useT } from '@queue/ui';
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';
import { PAUSE_LENGTHS, PAUSE_REASONS, pauseReasonKey, usualPauseLength } from '../logic/pause-reasons';

interface Props {
  readonly ready: boolean;
  readonly busy: boolean;
  readonly refusal: string | undefined;
  readonly onConfirm: (reason: string, minutes: number | undefined) => void;
  readonly onClose: () => void;
}

const OTHER = 'other';

export const PauseDialog = ({ ready, busy, refusal, onConfirm, onClose }: Props) => {
  const t = useT();
  const [choice, setChoice] = useState<string>(PAUSE_REASONS[0]);
  const [other, setOther] = useState('');
  const [minutes, setMinutes] = useState<number | undefined>(usualPauseLength(PAUSE_REASONS[0]));
  const reason = choice === OTHER ? other.trim() : choice;
  return (
    <Dialog
      title={t('desk.pause.title')}
      confirmLabel={t('desk.pause.confirm')}
      canConfirm={ready && reason.length > 0}
      busy={busy}
      onConfirm={() => onConfirm(reason, minutes)}
      onClose={onClose}
      testId="pause-dialog"
      footer={<RefusalLine code={refusal} />}
    >
      <fieldset className="choices">
        <legend className="field__label">{t('desk.pause.reason')}</legend>
        {[...PAUSE_REASONS, OTHER].map((code, index) => (
          <label key={code} className="choice">
            <input
              type="radio"
              name="pause-reason"
              value={code}
              checked={choice === code}
              autoFocus={index === 0}
              onChange={() => {
                setChoice(code);
                setMinutes(usualPauseLength(code));
              }}
            />
            {t(pauseReasonKey(code) ?? 'desk.pause.reason.other')}
          </label>
        ))}
      </fieldset>
      {choice === OTHER && (
        <label className="field">
          <span className="field__label">{t('desk.pause.otherText')}</span>
          <input
            type="text"
            maxLength={200}
            autoFocus
            value={other}
            onChange={(event) => setOther(event.target.value)}
          />
        </label>
      )}
      <label className="field">
        <span className="field__label">{t('desk.pause.length')}</span>
        <select
          name="pause-length"
          value={minutes ?? ''}
          onChange={(event) => setMinutes(event.target.value === '' ? undefined : Number(event.target.value))}
        >
          <option value="">{t('desk.pause.length.unknown')}</option>
          {PAUSE_LENGTHS.map((length) => (
            <option key={length} value={length}>
              {t('desk.pause.length.minutes', { minutes: length })}
            </option>
          ))}
        </select>
      </label>
    </Dialog>
  );
};
