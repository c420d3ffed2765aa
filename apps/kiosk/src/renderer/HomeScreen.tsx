/** The first screen: one big tile per category that has services on the kiosk. */
import type { Centre } from '@queue/core';
import { useLocalize, useT } from '@queue/ui';
import { useMemo } from 'react';
import { kioskCategories } from './catalogue';
import { openCategory } from './kiosk-store';

export const HomeScreen = ({ centre }: { readonly centre: Centre }) => {
  const t = useT();
  const localize = useLocalize();
  const categories = useMemo(() => kioskCategories(centre), [centre]);
  return (
    <section className="screen">
      <h2 className="screen__heading">{t('kiosk.home.heading')}</h2>
      {categories.length === 0 && <p className="kiosk__notice">{t('kiosk.noServices')}</p>}
      <div className="tiles">
        {categories.map((category) => (
          <button
            key={category.id}
            type="button"
            className="tile tile--category"
            onClick={() => openCategory(category.id)}
          >
            <span className="tile__title">{localize(category.name)}</span>
          </button>
        ))}
      </div>
    </section>
  );
};
