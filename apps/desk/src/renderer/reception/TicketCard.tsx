/**
 * One ticket found at reception: its state, where it stands, its route; change, reprint or
 * cancel; or register a written appeal from the visit.
 */
import type { Centre, QueueState, Ticket } from '@queue/core';
import { findDesk, findService, isFinal } from '@queue/core';
import { type MessageKey, formatTime, useLanguage, useLocalize, useT } from '@queue/ui';
import { itineraryOf } from '../logic/itinerary';
import { positionOf } from '../logic/position';
import { REPRINT_REASON_KEYS, type ReprintState } from './reprint';
import './reprint.css';

interface Props {
  readonly ticket: Ticket;
  readonly centre: Centre;
  readonly queue: QueueState;
  readonly now: number;
  readonly canAct: boolean;
  readonly onChangeService: () => void;
  readonly onReprint: () => void;
  readonly onCancel: () => void;
  readonly onAppeal?: () => void;
  /** Set after a reprint went to a printer. */
  readonly reprinted?: boolean;
  /** Whether a printer could take a reprint now (offered only then). */
  readonly reprint?: ReprintState;
  /** Why the last reprint of this ticket did not print, in words. */
  readonly reprintFailure?: MessageKey;
}

export const TicketCard = ({
  ticket,
  centre,
  queue,
  now,
  canAct,
  onChangeService,
  onReprint,
  onCancel,
  onAppeal,
  reprinted,
  reprint = { available: true },
  reprintFailure,
}: Props) => {
  const t = useT();
  const localize = useLocalize();
  const language = useLanguage();
  const service = findService(centre, ticket.serviceCode);
  const desk = ticket.deskId ? findDesk(centre, ticket.deskId) : undefined;
  const position = positionOf(centre, queue, ticket, now);
  const movable = ticket.status === 'waiting' || ticket.status === 'postponed';
  const steps = itineraryOf(ticket, centre);
  // Why no reprint is offered; a refusal just given says it already.
  const reasonShown = !reprint.available && !isFinal(ticket) && reprintFailure === undefined;
  return (
    <article
      className="card"
      data-testid="ticket-card"
      data-number={ticket.number}
      data-status={ticket.status}
    >
      <header className="card__top">
        <span className="card__number">{ticket.number}</span>
        <span className={`status-pill status-pill--${ticket.status}`} data-testid="ticket-status">
          {t(`ticket.status.${ticket.status}`)}
        </span>
      </header>
      <p className="card__service" data-testid="ticket-service">
        {service ? localize(service.name) : ticket.serviceCode}
      </p>
      <dl className="card__facts">
        <div>
          <dt>{t('reception.card.issued')}</dt>
          <dd>{formatTime(ticket.issuedAt, language, centre.site.timeZone)}</dd>
        </div>
        {position && (
          <div>
            <dt>{t('reception.card.position')}</dt>
            <dd data-testid="ticket-position">
              {t('reception.position', {
                ahead: position.ahead,
                low: position.lowMinutes,
                high: position.highMinutes,
              })}
            </dd>
          </div>
        )}
        {desk && (ticket.status === 'called' || ticket.status === 'serving') && (
          <div>
            <dt>{t('reception.card.desk')}</dt>
            <dd>{localize(desk.name)}</dd>
          </div>
        )}
        {ticket.priority && (
          <div>
            <dt>{t('reception.card.priority')}</dt>
            <dd>{t(`priority.category.${ticket.priority.category}`)}</dd>
          </div>
        )}
        {steps.length > 1 && (
          <div>
            <dt>{t('reception.card.route')}</dt>
            <dd>{steps.map((step) => (step.name ? localize(step.name) : step.code)).join(' → ')}</dd>
          </div>
        )}
      </dl>
      <div className="card__buttons">
        <button
          type="button"
          className="button"
          data-action="change-service"
          disabled={!canAct || !movable}
          onClick={onChangeService}
        >
          {t('reception.card.changeService')}
        </button>
        <button
          type="button"
          className="button"
          data-action="reprint"
          disabled={!canAct || isFinal(ticket) || !reprint.available}
          {...(reasonShown ? { 'aria-describedby': `reprint-reason-${ticket.id}` } : {})}
          onClick={onReprint}
        >
          {t('reception.card.reprint')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-action="cancel"
          disabled={!canAct || isFinal(ticket)}
          onClick={onCancel}
        >
          {t('reception.card.cancel')}
        </button>
        {onAppeal && (
          <button
            type="button"
            className="button"
            data-action="ticket-appeal"
            disabled={!canAct}
            onClick={onAppeal}
          >
            {t('appeals.fromVisit')}
          </button>
        )}
      </div>
      {reasonShown && (
        <p
          className="card__note card__note--reason"
          id={`reprint-reason-${ticket.id}`}
          data-testid="reprint-unavailable"
        >
          {t(REPRINT_REASON_KEYS[reprint.reason])}
        </p>
      )}
      {reprintFailure && (
        <p className="card__note card__note--failed" role="alert" data-testid="reprint-failed">
          {t(reprintFailure)}
        </p>
      )}
      {reprinted && (
        <p className="card__note" role="status" data-testid="reprinted">
          {t('reception.card.reprinted')}
        </p>
      )}
    </article>
  );
};
