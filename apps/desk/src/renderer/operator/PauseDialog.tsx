/** Pause the desk with a reason from the list, or the operator's own words. */
import { useT } from '@queue/ui';
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';
import { PAUSE_REASONS, pauseReasonKey } from '../logic/pause-reasons';

interface Props {
  readonly ready: boolean;
  readonly busy: boolean;
  readonly refusal: string | undefined;
  readonly onConfirm: (reason: string) => void;
  readonly onClose: () => void;
}

const OTHER = 'other';

export const PauseDialog = ({ ready, busy, refusal, onConfirm, onClose }: Props) => {
  const t = useT();
  const [choice, setChoice] = useState<string>(PAUSE_REASONS[0]);
  const [other, setOther] = useState('');
  const reason = choice === OTHER ? other.trim() : choice;
  return (
    <Dialog
      title={t('desk.pause.title')}
      confirmLabel={t('desk.pause.confirm')}
      canConfirm={ready && reason.length > 0}
      busy={busy}
      onConfirm={() => onConfirm(reason)}
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
              onChange={() => setChoice(code)}
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
    </Dialog>
  );
};
