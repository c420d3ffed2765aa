/** The visitor called to or served at this desk: number, service, how long they waited. */
import type { Centre, Ticket } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';

interface Props {
  readonly ticket: Ticket | undefined;
  readonly centre: Centre | undefined;
  readonly now: number;
}

export const CurrentVisitor = ({ ticket, centre, now }: Props) => {
  const t = useT();
  const localize = useLocalize();
  if (!ticket) {
    return (
      <section className="visitor visitor--none">
        <h2 className="panel-heading">{t('desk.current.heading')}</h2>
        <p className="visitor__none">{t('desk.current.none')}</p>
      </section>
    );
  }
  const service = centre?.services.find((entry) => entry.code === ticket.serviceCode);
  const waited = Math.max(0, Math.floor(((ticket.calledAt ?? now) - ticket.queuedAt) / 60_000));
  return (
    <section className="visitor" data-status={ticket.status}>
      <h2 className="panel-heading">{t('desk.current.heading')}</h2>
      <p className="visitor__number" data-testid="current-number">
        {ticket.number}
      </p>
      <p className="visitor__service">{service ? localize(service.name) : ticket.serviceCode}</p>
      <p className="visitor__facts">
        <span className={`visitor__state visitor__state--${ticket.status}`}>
          {ticket.status === 'serving'
            ? t('desk.current.serving')
            : t('desk.current.called', { count: ticket.callCount })}
        </span>
        <span>{t('desk.current.waited', { minutes: waited })}</span>
      </p>
    </section>
  );
};
