/** `/city/`: the city's centres for residents, to pick the one with the shortest wait. */
import { useLanguage, useLocalize } from '@queue/ui';
import { useEffect, useMemo, useState } from 'react';
import { LanguageLinks } from '../shared/LanguageLinks';
import { formatClockTime } from '../i18n/format';
import { useCityT } from '../i18n/translate';
import { CentreCard } from './CentreCard';
import { orderCentres, serviceOptions } from './choose';
import { startPublicRefresh, usePublicStore } from './public-store';
import { ServicePicker } from './ServicePicker';

export const PublicPage = () => {
  const t = useCityT();
  const language = useLanguage();
  const localize = useLocalize();
  const { view, failed } = usePublicStore();
  const [chosen, setChosen] = useState<string | undefined>();

  useEffect(() => startPublicRefresh(), []);
  useEffect(() => {
    document.title = t('public.title');
  }, [t]);

  const options = useMemo(() => serviceOptions(view?.centres ?? [], language), [view, language]);
  const order = useMemo(() => orderCentres(view?.centres ?? [], chosen, language), [view, chosen, language]);
  const chosenOption = options.find((option) => option.code === chosen);

  return (
    <div className="public">
      <header className="public__bar">
        <h1 className="public__title">{t('public.title')}</h1>
        <LanguageLinks />
      </header>
      <main className="public__main">
        {failed && (
          <p className="notice notice--alert" role="alert">
            {view ? t('public.stale', { time: formatClockTime(view.at, language) }) : t('public.loadFailed')}
          </p>
        )}
        {!view && !failed && <p className="notice">{t('public.loading')}</p>}
        {view && (
          <>
            <p className="public__lead">{t('public.lead')}</p>
            <ServicePicker options={options} chosen={chosen} onChoose={setChosen} />
            <p className="public__meta" aria-live="polite">
              {chosenOption && `${t('public.sortedBy', { service: localize(chosenOption.name) })} `}
              {order.without > 0 && `${t('public.notProvided', { count: order.without })} `}
              {!failed && t('public.updated', { time: formatClockTime(view.at, language) })}
            </p>
            {view.centres.length === 0 && <p className="notice">{t('public.empty')}</p>}
            <div className="public__centres">
              {order.shown.map((centre) => (
                <CentreCard key={centre.centreId} centre={centre} at={view.at} chosen={chosen} />
              ))}
            </div>
          </>
        )}
      </main>
    </div>
  );
};
