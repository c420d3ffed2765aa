/** Call one waiting ticket out of order; the reason is recorded with the call. */
import type { Ticket } from '@queue/core';
import { useT } from '@queue/ui';
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';

interface Props {
  readonly ticket: Ticket;
  readonly ready: boolean;
  readonly busy: boolean;
  readonly refusal: string | undefined;
  readonly onConfirm: (reason: string) => void;
  readonly onClose: () => void;
}

export const CallTicketDialog = ({ ticket, ready, busy, refusal, onConfirm, onClose }: Props) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const suggestions = [
    t('desk.callTicket.suggestion.return'),
    t('desk.callTicket.suggestion.document'),
    t('desk.callTicket.suggestion.supervisor'),
  ];
  return (
    <Dialog
      title={t('desk.callTicket.title', { number: ticket.number })}
      confirmLabel={t('desk.callTicket.confirm')}
      canConfirm={ready && reason.trim().length > 0}
      busy={busy}
      onConfirm={() => onConfirm(reason.trim())}
      onClose={onClose}
      testId="call-ticket-dialog"
      footer={<RefusalLine code={refusal} />}
    >
      <label className="field">
        <span className="field__label">{t('desk.callTicket.reason')}</span>
        <input
          type="text"
          name="reason"
          maxLength={200}
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <div className="chips" role="group" aria-label={t('desk.callTicket.suggestions')}>
        {suggestions.map((text) => (
          <button key={text} type="button" className="chip" onClick={() => setReason(text)}>
            {text}
          </button>
        ))}
      </div>
    </Dialog>
  );
};
