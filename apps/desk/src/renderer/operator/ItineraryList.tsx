/** The visitor's route: this service, a return to the desk that asked, the services ahead. */
import type { Centre, Ticket } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { hasMoreSteps, itineraryOf } from '../logic/itinerary';

interface Props {
  readonly ticket: Ticket;
  readonly centre: Centre | undefined;
}

export const ItineraryList = ({ ticket, centre }: Props) => {
  const t = useT();
  const localize = useLocalize();
  if (!hasMoreSteps(ticket)) return null;
  return (
    <div className="route" data-testid="itinerary">
      <span className="route__label">{t('desk.current.itinerary')}</span>
      <ol className="route__steps">
        {itineraryOf(ticket, centre).map((step, index) => (
          <li key={`${step.kind}-${step.code}-${index}`} className={`route__step route__step--${step.kind}`}>
            {step.name ? localize(step.name) : step.code}
            {step.kind === 'return' && step.deskName && (
              <span className="route__desk">
                {' '}
                — {t('desk.current.returnTo', { desk: localize(step.deskName) })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
};
