/**
 * One step of an appeal: classify (class and topic), assign (organisation and person),
 * take, extend (reason), forward (body, by default the organisation's higher body; note),
 * answer (result and in whose favour), dismiss (ground and note), reopen (reason), or print
 * its receipt again on a kiosk. A refusal stays in the dialog, in words.
 */
import type { QueueConnection } from '@queue/client';
import {
  APPEAL_CLASSES,
  APPEAL_FAVOURS,
  type AppealClass,
  type AppealFavour,
  type Centre,
  DISMISSAL_GROUNDS,
  type DismissalGround,
} from '@queue/core';
import type { AppealAssignee, StaffAppeal } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { useEffect, useState } from 'react';
import { Dialog } from '../common/Dialog';
import { ChoiceGroup } from './ChoiceGroup';
import { TopicFields } from './TopicFields';
import { useCommands } from '../common/use-commands';
import { AppealRefusal } from './AppealRefusal';
import type { AppealAction } from './journal';

/** How a receipt printed, or why not. */
export type PrintNote = { readonly printed: true } | { readonly printed: false; readonly error: string };

interface Props {
  readonly action: AppealAction;
  readonly appeal: StaffAppeal;
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  /** After the step was taken; how the print went for a receipt. */
  readonly onDone: (print?: PrintNote) => void;
  readonly onClose: () => void;
}

const responsibleOf = (appeal: StaffAppeal): string =>
  appeal.assignee?.organisationId ?? appeal.topic.organisationId;

export const AppealActionDialog = ({
  action,
  appeal,
  centre,
  connection,
  online,
  onDone,
  onClose,
}: Props) => {
  const t = useT();
  const localize = useLocalize();
  const commands = useCommands(connection, online);
  const higherBodyOf = (organisationId: string): string => {
    const body = centre.organisations.find((entry) => entry.id === organisationId)?.higherBody;
    return body ? localize(body.name) : '';
  };
  const printers = centre.kiosks.filter((kiosk) => kiosk.printer !== undefined);

  const [appealClass, setAppealClass] = useState<AppealClass | ''>(appeal.appealClass ?? '');
  const [organisationId, setOrganisationId] = useState(responsibleOf(appeal));
  const [serviceCode, setServiceCode] = useState<string>(appeal.topic.serviceCode ?? '');
  const [staffId, setStaffId] = useState(appeal.assignee?.staffId ?? '');
  const [assignees, setAssignees] = useState<readonly AppealAssignee[]>([]);
  const [reason, setReason] = useState('');
  const [body, setBody] = useState(() => higherBodyOf(responsibleOf(appeal)));
  const [note, setNote] = useState('');
  const [result, setResult] = useState('');
  const [favour, setFavour] = useState<AppealFavour>();
  const [ground, setGround] = useState<DismissalGround>();
  const [kioskId, setKioskId] = useState(printers[0]?.deviceId ?? '');

  useEffect(() => {
    if (action !== 'assign' || !connection || !organisationId) return undefined;
    let live = true;
    void connection.request('appeal:assignees', { organisationId }).then((answer) => {
      if (live) setAssignees(answer.ok ? answer.data : []);
    });
    return () => {
      live = false;
    };
  }, [action, connection, organisationId]);

  const appealId = appeal.id;
  const trimmedNote = note.trim();
  const canConfirm = ((): boolean => {
    switch (action) {
      case 'classify':
        return appealClass !== '' && organisationId !== '';
      case 'assign':
        return organisationId !== '';
      case 'extend':
      case 'reopen':
        return reason.trim() !== '';
      case 'forward':
        return body.trim() !== '';
      case 'answer':
        return result.trim() !== '' && favour !== undefined;
      case 'dismiss':
        return ground !== undefined;
      case 'print':
        return kioskId !== '';
      case 'take':
        return true;
    }
  })();

  const confirm = async (): Promise<void> => {
    switch (action) {
      case 'classify': {
        if (!appealClass) return;
        const answer = await commands.send('appeal:classify', {
          appealId,
          appealClass,
          topic: { organisationId, ...(serviceCode ? { serviceCode } : {}) },
        });
        if (answer?.ok) onDone();
        return;
      }
      case 'assign': {
        const answer = await commands.send('appeal:assign', {
          appealId,
          organisationId,
          ...(staffId ? { staffId } : {}),
        });
        if (answer?.ok) onDone();
        return;
      }
      case 'take': {
        const answer = await commands.send('appeal:take', { appealId });
        if (answer?.ok) onDone();
        return;
      }
      case 'extend': {
        const answer = await commands.send('appeal:extend', { appealId, reason: reason.trim() });
        if (answer?.ok) onDone();
        return;
      }
      case 'forward': {
        const answer = await commands.send('appeal:forward', {
          appealId,
          body: body.trim(),
          ...(trimmedNote ? { note: trimmedNote } : {}),
        });
        if (answer?.ok) onDone();
        return;
      }
      case 'answer': {
        if (!favour) return;
        const answer = await commands.send('appeal:answer', { appealId, result: result.trim(), favour });
        if (answer?.ok) onDone();
        return;
      }
      case 'dismiss': {
        if (!ground) return;
        const answer = await commands.send('appeal:dismiss', {
          appealId,
          ground,
          ...(trimmedNote ? { note: trimmedNote } : {}),
        });
        if (answer?.ok) onDone();
        return;
      }
      case 'reopen': {
        const answer = await commands.send('appeal:reopen', { appealId, reason: reason.trim() });
        if (answer?.ok) onDone();
        return;
      }
      case 'print': {
        const answer = await commands.send('appeal:print-receipt', { appealId, kioskId });
        if (answer?.ok) {
          onDone(
            answer.data.printed ? { printed: true } : { printed: false, error: answer.data.error ?? '' },
          );
        }
        return;
      }
    }
  };

  const topic = (organisationOnly: boolean) => (
    <TopicFields
      centre={centre}
      organisationId={organisationId}
      serviceCode={serviceCode}
      organisationOnly={organisationOnly}
      onOrganisation={(id) => {
        setOrganisationId(id);
        setStaffId('');
      }}
      onService={setServiceCode}
    />
  );
  const reasonField = (
    <label className="field">
      <span className="field__label">{t('appeals.field.reason')}</span>
      <textarea
        name="reason"
        rows={3}
        maxLength={1000}
        data-autofocus
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </label>
  );
  const noteField = (
    <label className="field">
      <span className="field__label">{t('appeals.field.note')}</span>
      <textarea
        name="note"
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
    </label>
  );

  return (
    <Dialog
      title={`${t(`appeals.action.${action}`)} — ${appeal.number}`}
      confirmLabel={t(`appeals.action.${action}`)}
      canConfirm={canConfirm && commands.ready}
      busy={commands.pending !== undefined}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId={`appeal-${action}-dialog`}
      footer={<AppealRefusal code={commands.refusal} />}
    >
      {action === 'classify' && (
        <>
          <ChoiceGroup
            name="class"
            legend={t('appeals.field.class')}
            options={APPEAL_CLASSES}
            value={appealClass}
            onChange={setAppealClass}
            label={(entry) => t(`appeals.class.${entry}`)}
          />
          {topic(false)}
        </>
      )}
      {action === 'assign' && (
        <>
          {topic(true)}
          <label className="field">
            <span className="field__label">{t('appeals.field.person')}</span>
            <select name="person" value={staffId} onChange={(event) => setStaffId(event.target.value)}>
              <option value="">{t('appeals.field.person.none')}</option>
              {assignees.map((person) => (
                <option key={person.staffId} value={person.staffId}>
                  {person.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {action === 'take' && <p>{appeal.summary}</p>}
      {(action === 'extend' || action === 'reopen') && reasonField}
      {action === 'forward' && (
        <>
          <label className="field">
            <span className="field__label">{t('appeals.field.body')}</span>
            <input
              name="body"
              maxLength={300}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          </label>
          {noteField}
        </>
      )}
      {action === 'answer' && (
        <>
          <label className="field">
            <span className="field__label">{t('appeals.field.result')}</span>
            <textarea
              name="result"
              rows={4}
              maxLength={5000}
              data-autofocus
              value={result}
              onChange={(event) => setResult(event.target.value)}
            />
          </label>
          <ChoiceGroup
            name="favour"
            legend={t('appeals.field.favour')}
            options={APPEAL_FAVOURS}
            value={favour}
            onChange={setFavour}
            label={(entry) => t(`appeals.favour.${entry}`)}
          />
        </>
      )}
      {action === 'dismiss' && (
        <>
          <ChoiceGroup
            name="ground"
            legend={t('appeals.field.ground')}
            options={DISMISSAL_GROUNDS}
            value={ground}
            onChange={setGround}
            label={(entry) => t(`appeals.ground.${entry}`)}
          />
          {noteField}
        </>
      )}
      {action === 'print' && (
        <label className="field">
          <span className="field__label">{t('appeals.field.kiosk')}</span>
          <select name="kiosk" value={kioskId} onChange={(event) => setKioskId(event.target.value)}>
            {printers.length === 0 && <option value="">{t('appeals.print.noKiosk')}</option>}
            {printers.map((kiosk) => (
              <option key={kiosk.deviceId} value={kiosk.deviceId}>
                {kiosk.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </Dialog>
  );
};
