/**
 * Finish the visit: the result from the service's list (required where the service says
 * so; keys 1–9 pick one) and an optional note.
 */
import type { Service, Ticket } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { type KeyboardEvent, useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';

export interface CompleteChoice {
  readonly outcome?: string;
  readonly note?: string;
}

interface Props {
  readonly ticket: Ticket;
  readonly service: Service | undefined;
  readonly ready: boolean;
  readonly busy: boolean;
  readonly refusal: string | undefined;
  readonly onConfirm: (choice: CompleteChoice) => void;
  readonly onClose: () => void;
}

export const CompleteDialog = ({ ticket, service, ready, busy, refusal, onConfirm, onClose }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const outcomes = service?.outcomes ?? [];
  const required = service?.outcomeRequired === true && outcomes.length > 0;
  const [outcome, setOutcome] = useState<string>();
  const [note, setNote] = useState('');

  const pickByDigit = (event: KeyboardEvent<HTMLFieldSetElement>): void => {
    if (
      (event.target as HTMLElement).tagName === 'INPUT' &&
      (event.target as HTMLInputElement).type === 'text'
    )
      return;
    const index = Number(event.key) - 1;
    const chosen = outcomes[index];
    if (Number.isInteger(index) && chosen) {
      event.preventDefault();
      setOutcome(chosen.code);
    }
  };

  return (
    <Dialog
      title={t('desk.complete.title', { number: ticket.number })}
      confirmLabel={t('desk.complete.confirm')}
      canConfirm={ready && (!required || outcome !== undefined)}
      busy={busy}
      onConfirm={() =>
        onConfirm({ ...(outcome ? { outcome } : {}), ...(note.trim() ? { note: note.trim() } : {}) })
      }
      onClose={onClose}
      testId="complete-dialog"
      footer={<RefusalLine code={refusal} />}
    >
      {outcomes.length > 0 && (
        <fieldset className="choices" onKeyDown={pickByDigit}>
          <legend className="field__label">
            {t(required ? 'desk.complete.outcomeRequired' : 'desk.complete.outcome')}
          </legend>
          {outcomes.map((entry, index) => (
            <label key={entry.code} className="choice">
              <input
                type="radio"
                name="outcome"
                value={entry.code}
                checked={outcome === entry.code}
                autoFocus={index === 0}
                onChange={() => setOutcome(entry.code)}
              />
              <kbd>{index + 1}</kbd> {localize(entry.name)}
            </label>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span className="field__label">{t('desk.complete.note')}</span>
        <input
          type="text"
          maxLength={1000}
          autoFocus={outcomes.length === 0}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
    </Dialog>
  );
};
