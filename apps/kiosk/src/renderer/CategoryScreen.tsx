/** The services of one category, each with whether it is open, how many wait and for how long. */
import type { CategoryId, Centre } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo } from 'react';
import { useServerNow } from './availability';
import { kioskServices } from './catalogue';
import { backHome, useKiosk } from './kiosk-store';
import { PriorityBanner } from './PriorityBanner';
import { useQueue } from './queue';
import { ServiceTile } from './ServiceTile';

interface Props {
  readonly centre: Centre;
  readonly categoryId: CategoryId;
}

export const CategoryScreen = ({ centre, categoryId }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const issuing = useKiosk((state) => state.issuing);
  const online = useQueue((state) => state.status === 'online');
  const summary = useQueue((state) => state.sync.summary);
  const now = useServerNow();
  const services = useMemo(() => kioskServices(centre, categoryId), [centre, categoryId]);
  const category = centre.categories.find((entry) => entry.id === categoryId);
  return (
    <section className="screen">
      <div className="screen__bar">
        <button type="button" className="back-button" onClick={backHome} disabled={issuing}>
          {t('kiosk.back')}
        </button>
        <h2 className="screen__heading">
          {category ? localize(category.name) : t('kiosk.category.heading')}
        </h2>
      </div>
      <PriorityBanner />
      <div className="tiles tiles--services">
        {services.map((service) => (
          <ServiceTile
            key={service.code}
            centre={centre}
            service={service}
            load={summary?.services[service.code]}
            now={now}
            disabled={issuing || !online}
          />
        ))}
      </div>
      {issuing && (
        <div className="overlay" role="status">
          {t('kiosk.issuing')}
        </div>
      )}
    </section>
  );
};
