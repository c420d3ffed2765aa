/**
 * The visitor called to or served at this desk: number, service and organisation, how long
 * they waited and how long the visit has lasted, a priority claim to check, notes and the
 * rest of their route; and a button to register a written appeal from this visit.
 */
import type { Centre, Service, Ticket } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import './desk-break.css';
import { pauseReasonKey } from '../logic/pause-reasons';
import type { NoShowGate } from '../logic/timers';
import { ItineraryList } from './ItineraryList';
import { PriorityClaim } from './PriorityClaim';
import { VisitNotes } from './VisitNotes';
import { VisitTimers } from './VisitTimers';

interface Props {
  readonly ticket: Ticket | undefined;
  readonly service: Service | undefined;
  readonly centre: Centre | undefined;
  readonly now: number;
  readonly noShow: NoShowGate | undefined;
  readonly canReview: boolean;
  readonly onReview: (confirmed: boolean) => void;
  /** Register a written appeal from this visit. */
  readonly onAppeal?: () => void;
  /** The desk's state is not known yet (before the first snapshot): say nothing about it. */
  readonly loading?: boolean;
  /** The operator has paused the desk: the reason as given (a code or their own text). */
  readonly pausedFor?: string | undefined;
}

export const CurrentVisitor = (props: Props) => {
  const { ticket, service, centre, now, noShow, canReview, onReview, onAppeal } = props;
  const t = useT();
  const localize = useLocalize();
  if (props.loading) {
    return (
      <section className="visitor visitor--none" data-testid="visitor" aria-busy="true">
        <h2 className="panel-heading">{t('desk.current.heading')}</h2>
        <p className="visitor__none">{t('desk.loading')}</p>
      </section>
    );
  }
  if (!ticket && props.pausedFor !== undefined) {
    const reasonKey = props.pausedFor ? pauseReasonKey(props.pausedFor) : undefined;
    const reason = reasonKey ? t(reasonKey) : props.pausedFor;
    return (
      <section className="visitor visitor--none visitor--break" data-testid="visitor" data-paused="true">
        <h2 className="panel-heading">{t('desk.current.heading')}</h2>
        <div className="visitor__break" role="status" data-testid="desk-break">
          <p className="visitor__break-heading">{t('desk.break.heading')}</p>
          {reason && <p>{t('desk.break.reason', { reason })}</p>}
          <p>{t('desk.break.hint', { resume: t('desk.action.resume') })}</p>
        </div>
      </section>
    );
  }
  if (!ticket) {
    return (
      <section className="visitor visitor--none" data-testid="visitor">
        <h2 className="panel-heading">{t('desk.current.heading')}</h2>
        <p className="visitor__none">{t('desk.current.none')}</p>
      </section>
    );
  }
  const organisation = centre?.organisations.find((entry) => entry.id === service?.organisationId);
  return (
    <section className="visitor" data-status={ticket.status} data-testid="visitor">
      <div className="visitor__top">
        <h2 className="panel-heading">{t('desk.current.heading')}</h2>
        <span className={`visitor__state visitor__state--${ticket.status}`} data-testid="visit-state">
          {ticket.status === 'serving'
            ? t('desk.current.serving')
            : t('desk.current.called', { count: ticket.callCount })}
        </span>
        {onAppeal && (
          <button
            type="button"
            className="button button--small visitor__appeal"
            data-action="visit-appeal"
            onClick={onAppeal}
          >
            {t('appeals.fromVisit')}
          </button>
        )}
      </div>
      <div className="visitor__identity">
        <p className="visitor__number" data-testid="current-number">
          {ticket.number}
        </p>
        <div>
          <p className="visitor__service" data-testid="current-service">
            {service ? localize(service.name) : ticket.serviceCode}
          </p>
          {organisation && <p className="visitor__organisation">{localize(organisation.name)}</p>}
        </div>
      </div>
      <VisitTimers ticket={ticket} service={service} centre={centre} now={now} noShow={noShow} />
      {ticket.priority && <PriorityClaim claim={ticket.priority} canReview={canReview} onReview={onReview} />}
      <VisitNotes ticket={ticket} />
      <ItineraryList ticket={ticket} centre={centre} />
    </section>
  );
};
