/**
 * One appeal: its facts, the applicant (when this member of staff may see them), its text,
 * its result and its history (what, who, when); and the steps its state allows, each in a
 * small dialog of its own whose refusal is said in words. Refetched when the server says
 * the appeal changed.
 */
import type { QueueConnection } from '@queue/client';
import type { Centre } from '@queue/core';
import type { AppealDetails } from '@queue/protocol';
import { useLanguage, useLocalize, useT } from '@queue/ui';
import { useCallback, useEffect, useState } from 'react';
import { Dialog } from '../common/Dialog';
import { AppealActionDialog, type PrintNote } from './AppealActionDialog';
import { AppealRefusal } from './AppealRefusal';
import {
  type AppealAction,
  actionsFor,
  applicantCellOf,
  formatDay,
  formatMoment,
  historyDetailOf,
} from './journal';
import { UrgencyMark } from './UrgencyMark';

interface Props {
  readonly appealId: string;
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly roles: readonly string[];
  readonly onClose: () => void;
}

export const AppealDetailsDialog = ({ appealId, centre, connection, online, roles, onClose }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const language = useLanguage();
  const [details, setDetails] = useState<AppealDetails>();
  const [error, setError] = useState<string>();
  const [acting, setActing] = useState<AppealAction>();
  const [printNote, setPrintNote] = useState<PrintNote>();

  const load = useCallback(async (): Promise<void> => {
    if (!connection) return;
    const answer = await connection.request('appeal:get', { appealId });
    if (answer.ok) {
      setDetails(answer.data);
      setError(undefined);
    } else setError(answer.error.code);
  }, [connection, appealId]);

  useEffect(() => {
    void load();
    const onChange = (change: { readonly appealId: string }): void => {
      if (change.appealId === appealId) void load();
    };
    const onConnect = (): void => void load();
    connection?.socket.on('appeals:changed', onChange);
    connection?.socket.on('connect', onConnect);
    return () => {
      connection?.socket.off('appeals:changed', onChange);
      connection?.socket.off('connect', onConnect);
    };
  }, [connection, appealId, load]);

  const timeZone = centre.site.timeZone;
  const canPrint = centre.kiosks.some((kiosk) => kiosk.printer !== undefined);

  if (acting && details) {
    return (
      <AppealActionDialog
        action={acting}
        appeal={details.appeal}
        centre={centre}
        connection={connection}
        online={online}
        onDone={(print) => {
          setActing(undefined);
          if (print) setPrintNote(print);
          void load();
        }}
        onClose={() => setActing(undefined)}
      />
    );
  }

  const appeal = details?.appeal;
  const organisationName = (id: string): string => {
    const organisation = centre.organisations.find((entry) => entry.id === id);
    return organisation ? localize(organisation.name) : id;
  };
  const service = appeal?.topic.serviceCode
    ? centre.services.find((entry) => entry.code === appeal.topic.serviceCode)
    : undefined;
  const applicant = appeal ? applicantCellOf(appeal) : undefined;
  const detailText = (entry: AppealDetails['history'][number]): string => {
    const detail = historyDetailOf(entry);
    switch (detail.kind) {
      case 'none':
        return '';
      case 'favour':
        return ` — ${t(`appeals.favour.${detail.favour}`)}`;
      case 'ground':
        return ` — ${t(`appeals.ground.${detail.ground}`)}`;
      case 'assigned':
        return ` — ${[organisationName(detail.organisationId), detail.person].filter(Boolean).join(', ')}`;
      case 'text':
        return ` — ${detail.text}`;
    }
  };
  const resolution = appeal?.resolution;

  return (
    <Dialog
      title={appeal ? t('appeals.details.title', { number: appeal.number }) : t('appeals.details.loading')}
      confirmLabel={t('appeals.details.close')}
      canConfirm
      onConfirm={onClose}
      onClose={onClose}
      testId="appeal-details"
      informative
      wide
      footer={<AppealRefusal code={error} />}
    >
      {!appeal ? (
        <p>{t('appeals.details.loading')}</p>
      ) : (
        <div className="appeal-card" data-status={appeal.status} data-urgency={appeal.urgency}>
          <dl className="appeal-facts">
            <div>
              <dt>{t('appeals.details.status')}</dt>
              <dd data-testid="appeal-status">
                {t(`appeals.status.${appeal.status}`)} <UrgencyMark urgency={appeal.urgency} />
              </dd>
            </div>
            <div>
              <dt>{t('appeals.details.code')}</dt>
              <dd>{appeal.trackingCode}</dd>
            </div>
            <div>
              <dt>{t('appeals.details.received')}</dt>
              <dd>
                {formatMoment(appeal.receivedAt, language, timeZone)},{' '}
                {t(`appeals.channel.${appeal.channel}`)}
              </dd>
            </div>
            <div>
              <dt>{t('appeals.details.topic')}</dt>
              <dd>
                {organisationName(appeal.topic.organisationId)}
                {service ? ` — ${localize(service.name)}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('appeals.details.class')}</dt>
              <dd data-testid="appeal-class">
                {appeal.appealClass ? t(`appeals.class.${appeal.appealClass}`) : t('appeals.class.none')}
              </dd>
            </div>
            <div>
              <dt>{t('appeals.details.assignee')}</dt>
              <dd data-testid="appeal-assignee">
                {appeal.assignee
                  ? [organisationName(appeal.assignee.organisationId), appeal.assigneeName]
                      .filter(Boolean)
                      .join(', ')
                  : t('appeals.details.nobody')}
              </dd>
            </div>
            <div>
              <dt>{t('appeals.details.due')}</dt>
              <dd>{formatDay(appeal.answerDueDay, language)}</dd>
            </div>
            <div>
              <dt>{t('appeals.details.finalDue')}</dt>
              <dd>{formatDay(appeal.finalDueDay, language)}</dd>
            </div>
            <div>
              <dt>{t('appeals.details.applicant')}</dt>
              <dd data-testid="appeal-applicant">
                {applicant?.kind === 'shown' &&
                  [applicant.name, applicant.address].filter(Boolean).join(', ')}
                {applicant?.kind === 'hidden' && <em>{t('appeals.applicant.hidden')}</em>}
                {applicant?.kind === 'cleared' && <em>{t('appeals.applicant.cleared')}</em>}
              </dd>
            </div>
            {(appeal.applicant?.phone ?? appeal.applicant?.email) && (
              <div>
                <dt>{t('appeals.details.contacts')}</dt>
                <dd>{[appeal.applicant?.phone, appeal.applicant?.email].filter(Boolean).join(', ')}</dd>
              </div>
            )}
            {details.trackingUrl && (
              <div>
                <dt>{t('appeals.details.link')}</dt>
                <dd className="appeal-receipt__link">{details.trackingUrl}</dd>
              </div>
            )}
          </dl>
          <h3 className="appeal-card__heading">{appeal.summary}</h3>
          <p className="appeal-card__text">{appeal.text}</p>
          {appeal.extension && (
            <p className="dialog__hint">
              {t('appeals.details.extension', { reason: appeal.extension.reason })}
            </p>
          )}
          {appeal.forwarded && (
            <p className="dialog__hint">{t('appeals.result.forwarded', { body: appeal.forwarded.body })}</p>
          )}
          {resolution && (
            <p className="appeal-card__result" data-testid="appeal-result">
              <strong>{t('appeals.details.result')}:</strong>{' '}
              {resolution.kind === 'answered'
                ? `${resolution.result} (${t(`appeals.favour.${resolution.favour}`)})`
                : t('appeals.result.dismissed', { ground: t(`appeals.ground.${resolution.ground}`) })}
            </p>
          )}
          <div className="appeal-card__actions" role="group" aria-label={t('appeals.details.actions')}>
            {actionsFor(appeal, roles, canPrint).map((action) => (
              <button
                key={action}
                type="button"
                className={`button button--small${action === 'dismiss' ? ' button--danger' : ''}`}
                data-action={`appeal-${action}`}
                disabled={!online}
                onClick={() => {
                  setPrintNote(undefined);
                  setActing(action);
                }}
              >
                {t(`appeals.action.${action}`)}
              </button>
            ))}
          </div>
          {printNote && (
            <p className="dialog__hint" role="status" data-testid="print-note">
              {printNote.printed
                ? t('appeals.print.done')
                : t('appeals.print.failed', { reason: printNote.error })}
            </p>
          )}
          <h3 className="appeal-card__heading">{t('appeals.details.history')}</h3>
          <ol className="appeal-history" data-testid="appeal-history">
            {details.history.map((entry, index) => (
              <li key={`${entry.type}-${entry.at}-${index}`} data-type={entry.type}>
                <span className="appeal-history__when">{formatMoment(entry.at, language, timeZone)}</span>{' '}
                <strong>{t(`appeals.history.${entry.type}`)}</strong>
                {detailText(entry)}
                <span className="appeal-history__who">
                  {' '}
                  ·{' '}
                  {entry.byName ??
                    // Not a member of staff: the door it came in by, never the raw actor id.
                    (entry.by === 'visitor'
                      ? t('appeals.channel.online')
                      : entry.by.startsWith('partner:')
                        ? t('appeals.channel.partner')
                        : entry.by)}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Dialog>
  );
};
