/**
 * Issue a ticket at reception: any service (kiosk or not), or a route of several services
 * visited one after another under one ticket and one arrival time; a priority category
 * with the document seen; a note for the operator.
 */
import type { QueueConnection } from '@queue/client';
import type { Centre, PriorityCategory, ServiceCode } from '@queue/core';
import { PRIORITY_CATEGORIES } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { useT } from '@queue/ui';
import { type FormEvent, useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { ServicePicker } from '../common/ServicePicker';
import { useCommands } from '../common/use-commands';
import { IssuedCard } from './IssuedCard';
import { RouteEditor } from './RouteEditor';

interface Props {
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
}

export const IssueForm = ({ centre, connection, online }: Props) => {
  const t = useT();
  const commands = useCommands(connection, online);
  const [picked, setPicked] = useState<ServiceCode>();
  const [route, setRoute] = useState<readonly ServiceCode[]>([]);
  const [category, setCategory] = useState<PriorityCategory | ''>('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [issued, setIssued] = useState<IssuedTicket>();

  const steps = route.length > 0 ? route : picked ? [picked] : [];
  const canIssue = commands.ready && steps.length > 0 && (category === '' || reason.trim().length > 0);
  const add = (): void => {
    if (picked && route.length < 11) setRoute([...route, picked]);
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const [first, ...rest] = steps;
    if (!canIssue || !first) return;
    const answer = await commands.send('ticket:issue', {
      serviceCode: first,
      ...(rest.length > 0 ? { itinerary: rest } : {}),
      ...(category ? { priority: { category, reason: reason.trim() } } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!answer?.ok) return;
    setIssued(answer.data);
    setRoute([]);
    setCategory('');
    setReason('');
    setNote('');
  };

  return (
    <section className="panel issue" aria-labelledby="issue-heading" data-testid="issue-form">
      <h2 className="panel-heading" id="issue-heading">
        {t('reception.issue.heading')}
      </h2>
      <form className="issue__form" onSubmit={(event) => void submit(event)}>
        <ServicePicker
          centre={centre}
          value={picked}
          onChange={setPicked}
          label={t('reception.issue.service')}
          rows={15}
          testId="issue-service"
          onEnter={add}
        />
        <div className="issue__details">
          <RouteEditor
            centre={centre}
            route={route}
            onChange={setRoute}
            onAdd={add}
            canAdd={picked !== undefined}
          />
          <div className="issue__row">
            <label className="field">
              <span className="field__label">{t('reception.issue.priority')}</span>
              <select
                name="priority"
                value={category}
                onChange={(event) => setCategory(event.target.value as PriorityCategory | '')}
              >
                <option value="">{t('reception.issue.noPriority')}</option>
                {PRIORITY_CATEGORIES.map((code) => (
                  <option key={code} value={code}>
                    {t(`priority.category.${code}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('reception.issue.priorityReason')}</span>
              <input
                type="text"
                name="priority-reason"
                maxLength={200}
                disabled={category === ''}
                required={category !== ''}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </label>
          </div>
          <label className="field">
            <span className="field__label">{t('reception.issue.note')}</span>
            <input
              type="text"
              name="note"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <RefusalLine code={commands.refusal} />
          <button
            type="submit"
            className="button button--primary button--big"
            data-action="issue"
            disabled={!canIssue}
          >
            {t(commands.pending ? 'desk.busy' : 'reception.issue.submit')}
          </button>
          {issued && <IssuedCard issued={issued} centre={centre} />}
        </div>
      </form>
    </section>
  );
};
