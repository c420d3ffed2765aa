/**
 * Send the visitor to another service, optionally to a named desk and the operator at it,
 * with a comment. By default they keep their place (original arrival time); "return to me"
 * brings them back here once the other specialist is done.
 */
import type { Centre, DeskId, QueueState, ServiceCode, StaffId, Ticket } from '@queue/core';
import { deskWeightFor } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo, useState } from 'react';
import { Dialog } from '../common/Dialog';
import { RefusalLine } from '../common/RefusalLine';
import { ServicePicker } from '../common/ServicePicker';

export interface TransferChoice {
  readonly toServiceCode: ServiceCode;
  readonly toDeskId?: DeskId;
  readonly toOperatorId?: StaffId;
  readonly comment?: string;
  readonly keepPlace: boolean;
  readonly returnToMe: boolean;
}

interface Props {
  readonly ticket: Ticket;
  readonly centre: Centre;
  readonly queue: QueueState;
  readonly ownDeskId: DeskId;
  /** Colleagues' names by staff id; the id itself when a name is not known. */
  readonly staffNames?: Readonly<Record<string, string>>;
  readonly ready: boolean;
  readonly busy: boolean;
  readonly refusal: string | undefined;
  readonly onConfirm: (choice: TransferChoice) => void;
  readonly onClose: () => void;
}

export const TransferDialog = (props: Props) => {
  const { ticket, centre, queue, ownDeskId, staffNames } = props;
  const nameOf = (id: StaffId): string => staffNames?.[id] ?? id;
  const t = useT();
  const localize = useLocalize();
  const [service, setService] = useState<ServiceCode>();
  const [deskId, setDeskId] = useState<DeskId | ''>('');
  const [operatorId, setOperatorId] = useState<StaffId | ''>('');
  const [comment, setComment] = useState('');
  const [keepPlace, setKeepPlace] = useState(true);
  const [returnToMe, setReturnToMe] = useState(false);

  const desks = useMemo(() => centre.desks.filter((desk) => desk.id !== ownDeskId), [centre, ownDeskId]);
  const serving = desks.filter((desk) => service !== undefined && deskWeightFor(desk, service) > 0);
  const others = desks.filter((desk) => !serving.includes(desk));
  const operatorAt = (id: DeskId): StaffId | undefined => {
    const state = queue.desks[id];
    return state && state.status !== 'closed' ? state.operatorId : undefined;
  };
  const deskOperator = deskId ? operatorAt(deskId) : undefined;
  const deskLabel = (id: DeskId, name: string): string => {
    const operator = operatorAt(id);
    return operator ? `${name} — ${nameOf(operator)}` : `${name} — ${t('desk.transfer.deskClosed')}`;
  };

  const confirm = (): void => {
    if (!service) return;
    props.onConfirm({
      toServiceCode: service,
      ...(deskId ? { toDeskId: deskId } : {}),
      ...(deskId && operatorId ? { toOperatorId: operatorId } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      keepPlace,
      returnToMe,
    });
  };

  return (
    <Dialog
      title={t('desk.transfer.title', { number: ticket.number })}
      confirmLabel={t('desk.transfer.confirm')}
      canConfirm={props.ready && service !== undefined}
      busy={props.busy}
      onConfirm={confirm}
      onClose={props.onClose}
      testId="transfer-dialog"
      wide
      footer={<RefusalLine code={props.refusal} />}
    >
      <div className="dialog__columns">
        <ServicePicker
          centre={centre}
          value={service}
          onChange={setService}
          label={t('desk.transfer.service')}
          autoFocus
          rows={11}
          testId="transfer-service"
        />
        <div className="dialog__column">
          <label className="field">
            <span className="field__label">{t('desk.transfer.desk')}</span>
            <select
              name="desk"
              value={deskId}
              onChange={(event) => {
                setDeskId(event.target.value as DeskId | '');
                setOperatorId('');
              }}
            >
              <option value="">{t('desk.transfer.anyDesk')}</option>
              {serving.length > 0 && (
                <optgroup label={t('desk.transfer.servingDesks')}>
                  {serving.map((desk) => (
                    <option key={desk.id} value={desk.id}>
                      {deskLabel(desk.id, localize(desk.name))}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('desk.transfer.otherDesks')}>
                {others.map((desk) => (
                  <option key={desk.id} value={desk.id}>
                    {deskLabel(desk.id, localize(desk.name))}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('desk.transfer.operator')}</span>
            <select
              name="operator"
              value={operatorId}
              disabled={!deskOperator}
              onChange={(event) => setOperatorId(event.target.value as StaffId | '')}
            >
              <option value="">{t('desk.transfer.anyOperator')}</option>
              {deskOperator && <option value={deskOperator}>{nameOf(deskOperator)}</option>}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('desk.transfer.comment')}</span>
            <input
              type="text"
              name="comment"
              maxLength={500}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="keep-place"
              checked={keepPlace}
              onChange={(event) => setKeepPlace(event.target.checked)}
            />
            {t('desk.transfer.keepPlace')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="return-to-me"
              checked={returnToMe}
              onChange={(event) => setReturnToMe(event.target.checked)}
            />
            {t('desk.transfer.returnToMe')}
          </label>
        </div>
      </div>
    </Dialog>
  );
};
