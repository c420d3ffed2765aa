/** Move a waiting ticket to another service; it keeps its place. The reason is recorded. */
import type { Centre, ServiceCode, Ticket } from '@queue/core';
import { useT } from '@queue/ui';
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';
import { ServicePicker } from '../common/ServicePicker';

interface Props {
  readonly ticket: Ticket;
  readonly centre: Centre;
  readonly ready: boolean;
  readonly busy: boolean;
  readonly refusal: string | undefined;
  readonly onConfirm: (serviceCode: ServiceCode, reason: string) => void;
  readonly onClose: () => void;
}

export const ChangeServiceDialog = ({ ticket, centre, ready, busy, refusal, onConfirm, onClose }: Props) => {
  const t = useT();
  const [service, setService] = useState<ServiceCode>();
  const [reason, setReason] = useState('');
  const valid = service !== undefined && service !== ticket.serviceCode && reason.trim().length > 0;
  return (
    <Dialog
      title={t('reception.change.title', { number: ticket.number })}
      confirmLabel={t('reception.change.confirm')}
      canConfirm={ready && valid}
      busy={busy}
      onConfirm={() => service && onConfirm(service, reason.trim())}
      onClose={onClose}
      testId="change-service-dialog"
      footer={<RefusalLine code={refusal} />}
    >
      <ServicePicker
        centre={centre}
        value={service}
        onChange={setService}
        label={t('reception.change.service')}
        autoFocus
        testId="change-service"
      />
      <label className="field">
        <span className="field__label">{t('reception.change.reason')}</span>
        <input
          type="text"
          name="reason"
          maxLength={200}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
    </Dialog>
  );
};
