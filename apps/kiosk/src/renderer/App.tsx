/** The kiosk: pick a category, pick a service, take the ticket shown on screen. */
import type { Centre } from '@queue/core';
import { ConnectionBanner, LanguageSwitch, setLanguage, useLocalize, useT } from '@queue/ui';
import { useEffect } from 'react';
import { CategoryScreen } from './CategoryScreen';
import { HomeScreen } from './HomeScreen';
import { type Screen, goHome, useKiosk } from './kiosk-store';
import { hasDevice, useQueue } from './queue';
import { RefusalScreen } from './RefusalScreen';
import { TicketScreen } from './TicketScreen';
import { useIdle } from './use-idle';

const IDLE_MS = 60_000;

/** Nobody is at the kiosk any more: start over for the next visitor, in Ukrainian. */
const reset = (): void => {
  goHome();
  setLanguage('uk');
};

const ScreenView = ({ screen, centre }: { readonly screen: Screen; readonly centre: Centre }) => {
  switch (screen.kind) {
    case 'home':
      return <HomeScreen centre={centre} />;
    case 'category':
      return <CategoryScreen centre={centre} categoryId={screen.categoryId} />;
    case 'ticket':
      return <TicketScreen centre={centre} issued={screen.issued} />;
    case 'refusal':
      return <RefusalScreen code={screen.code} />;
  }
};

export const App = () => {
  const t = useT();
  const localize = useLocalize();
  const status = useQueue((state) => state.status);
  const centre = useQueue((state) => state.sync.centre);
  const screen = useKiosk((state) => state.screen);
  useIdle(IDLE_MS, reset);

  useEffect(() => {
    document.title = t('kiosk.title');
  }, [t]);

  const usable = hasDevice && status !== 'unauthorised';
  return (
    <div className="kiosk">
      <header className="kiosk__header">
        <h1 className="kiosk__site">{centre ? localize(centre.site.name) : t('kiosk.title')}</h1>
        <LanguageSwitch className="kiosk__languages" />
      </header>
      <ConnectionBanner state={hasDevice ? status : 'no-device'} />
      <main className="kiosk__main">
        {usable && !centre && <p className="kiosk__notice">{t('kiosk.loading')}</p>}
        {usable && centre && <ScreenView screen={screen} centre={centre} />}
      </main>
    </div>
  );
};
