/**
 * The tickets this desk may call now, in about the order they will be called; any of them
 * can be called out of order (with a reason). F10 moves the focus here.
 */
import type { Centre, Ticket } from '@queue/core';
import { findService } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import type { QueueEntry } from '../logic/desk-queue';

interface Props {
  readonly entries: readonly QueueEntry[];
  readonly centre: Centre | undefined;
  readonly canCall: boolean;
  readonly onCall: (ticket: Ticket) => void;
}

export const WaitingList = ({ entries, centre, canCall, onCall }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const serviceName = (ticket: Ticket): string => {
    const service = centre ? findService(centre, ticket.serviceCode) : undefined;
    return service ? localize(service.name) : ticket.serviceCode;
  };
  return (
    <div className="tickets">
      <h3 className="tickets__heading">
        {t('desk.queue.tickets')} <kbd>F10</kbd>
      </h3>
      {entries.length === 0 ? (
        <p className="tickets__empty">{t('desk.queue.noTickets')}</p>
      ) : (
        <ul className="tickets__list queue__scroll" data-testid="waiting-list">
          {entries.map(({ ticket, kind, waitedMs, overStandard }) => (
            <li
              key={ticket.id}
              className={`tickets__item${overStandard ? ' tickets__item--over' : ''}`}
              data-number={ticket.number}
              data-over={overStandard}
            >
              <span className="tickets__number">{ticket.number}</span>
              {kind !== 'walk-in' && (
                <span className={`tag tag--${kind}`}>{t(`desk.queue.kind.${kind}`)}</span>
              )}
              <span className="tickets__service">{serviceName(ticket)}</span>
              <span className="tickets__wait">
                {t('desk.queue.minutes', { minutes: Math.floor(waitedMs / 60_000) })}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={!canCall}
                aria-label={t('desk.queue.callTicket', { number: ticket.number })}
                onClick={() => onCall(ticket)}
              >
                {t('desk.queue.call')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
