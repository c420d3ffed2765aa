/** Cancel a ticket (the visitor left, or it was issued by mistake), with the reason. */
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

export const CancelDialog = ({ ticket, ready, busy, refusal, onConfirm, onClose }: Props) => {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <Dialog
      title={t('reception.cancel.title', { number: ticket.number })}
      confirmLabel={t('reception.cancel.confirm')}
      canConfirm={ready && reason.trim().length > 0}
      busy={busy}
      onConfirm={() => onConfirm(reason.trim())}
      onClose={onClose}
      testId="cancel-dialog"
      footer={<RefusalLine code={refusal} />}
    >
      <label className="field">
        <span className="field__label">{t('reception.cancel.reason')}</span>
        <input
          type="text"
          name="reason"
          maxLength={200}
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
    </Dialog>
  );
};
