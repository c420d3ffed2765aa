/**
 * The first screen: whether the centre is open (and when it opens if not), the priority queue
 * and appointment check-in, and one big tile per category that has services on the kiosk.
 */
import type { Centre } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo } from 'react';
import { isCentreOpen, nextOpeningOf, useFormatOpening, useServerNow } from './availability';
import { kioskCategories } from './catalogue';
import { openCategory, show, useKiosk } from './kiosk-store';
import { PriorityBanner } from './PriorityBanner';

const ClosedNotice = ({ centre }: { readonly centre: Centre }) => {
  const t = useT();
  const now = useServerNow();
  const formatOpening = useFormatOpening(centre);
  if (isCentreOpen(centre, now)) return null;
  const opens = nextOpeningOf(centre, undefined, now);
  return (
    <div className="closed-notice" role="status" data-testid="closed-notice">
      <p className="closed-notice__heading">{t('kiosk.closed.heading')}</p>
      <p className="closed-notice__when">
        {opens === undefined
          ? t('kiosk.closed.noOpening')
          : t('kiosk.closed.opens', { when: formatOpening(opens) })}
      </p>
    </div>
  );
};

export const HomeScreen = ({ centre }: { readonly centre: Centre }) => {
  const t = useT();
  const localize = useLocalize();
  const priority = useKiosk((state) => state.priority);
  const categories = useMemo(() => kioskCategories(centre), [centre]);
  return (
    <section className="screen">
      <ClosedNotice centre={centre} />
      {priority ? (
        <PriorityBanner />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="tile tile--action tile--priority"
            data-action="priority"
            onClick={() => show({ kind: 'priority' })}
          >
            <span className="tile__title">{t('kiosk.priority.button')}</span>
            <span className="tile__meta">{t('kiosk.priority.hint')}</span>
          </button>
          <button
            type="button"
            className="tile tile--action"
            data-action="appointment"
            onClick={() => show({ kind: 'appointment' })}
          >
            <span className="tile__title">{t('kiosk.appointment.button')}</span>
            <span className="tile__meta">{t('kiosk.appointment.hint')}</span>
          </button>
        </div>
      )}
      <h2 className="screen__heading">{t('kiosk.home.heading')}</h2>
      {categories.length === 0 && <p className="kiosk__notice">{t('kiosk.noServices')}</p>}
      <div className="tiles">
        {categories.map((category) => (
          <button
            key={category.id}
            type="button"
            className="tile tile--category"
            data-category={category.id}
            onClick={() => openCategory(category.id)}
          >
            <span className="tile__title">{localize(category.name)}</span>
          </button>
        ))}
      </div>
    </section>
  );
};
