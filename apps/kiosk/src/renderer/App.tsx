/**
 * The kiosk: pick a category and a service (or the priority queue, or an appointment code),
 * take the ticket printed or on screen. Idle, it starts over in Ukrainian for the next visitor.
 */
import type { Centre } from '@queue/core';
import { ConnectionBanner, PairingScreen, setLanguage, useLocalize, useT } from '@queue/ui';
import { Suspense, useEffect } from 'react';
import { preloadAdminExit, useAdminExit } from './AdminExit';
import { useCodeKeys } from './code-keys';
import { HomeScreen } from './HomeScreen';
import { LanguageButtons } from './LanguageButtons';
import { type Screen, resetKiosk, toggleAccessible, useKiosk } from './kiosk-store';
import { DEVICE_KEY, hasDevice, useQueue } from './queue';
import {
  AppointmentScreen,
  CategoryScreen,
  PrinterOfferScreen,
  PriorityScreen,
  RefusalScreen,
  TicketScreen,
  preloadScreens,
} from './screens';
import { useIdle } from './use-idle';

const IDLE_MS = 60_000;

/** Nobody is at the kiosk any more: start over for the next visitor, in Ukrainian. */
const reset = (): void => {
  resetKiosk();
  setLanguage('uk');
};

const ScreenView = ({ screen, centre }: { readonly screen: Screen; readonly centre: Centre }) => {
  switch (screen.kind) {
    case 'home':
      return <HomeScreen centre={centre} />;
    case 'category':
      return <CategoryScreen.Component centre={centre} categoryId={screen.categoryId} />;
    case 'priority':
      return <PriorityScreen.Component />;
    case 'appointment':
      return <AppointmentScreen.Component />;
    case 'printer-offer':
      return <PrinterOfferScreen.Component serviceCode={screen.serviceCode} requestId={screen.requestId} />;
    case 'ticket':
      return (
        <TicketScreen.Component
          centre={centre}
          issued={screen.issued}
          delivery={screen.delivery}
          {...(screen.booking ? { booking: screen.booking } : {})}
        />
      );
    case 'refusal':
      return (
        <RefusalScreen.Component
          centre={centre}
          code={screen.code}
          {...(screen.serviceCode ? { serviceCode: screen.serviceCode } : {})}
        />
      );
  }
};

/** Language and accessible mode: at the top, or at the bottom within reach in accessible mode. */
const Toolbar = () => {
  const t = useT();
  const accessible = useKiosk((state) => state.accessible);
  return (
    <nav className="kiosk__toolbar" aria-label={t('kiosk.toolbar')}>
      <LanguageButtons />
      <button
        type="button"
        className="accessible-toggle"
        aria-pressed={accessible}
        data-action="accessible"
        onClick={toggleAccessible}
      >
        <span aria-hidden="true">♿ </span>
        {t('kiosk.accessible.toggle')}
      </button>
    </nav>
  );
};

export const App = () => {
  const t = useT();
  const localize = useLocalize();
  const status = useQueue((state) => state.status);
  const centre = useQueue((state) => state.sync.centre);
  const screen = useKiosk((state) => state.screen);
  const accessible = useKiosk((state) => state.accessible);
  useIdle(IDLE_MS, reset);
  const adminExit = useAdminExit();
  useCodeKeys();

  useEffect(() => {
    document.title = t('kiosk.title');
  }, [t]);

  // Once the first screen is painted, fetch the rest while the visitor reads it (screens.ts).
  const ready = centre !== undefined;
  useEffect(() => {
    if (!ready) return;
    const frame = window.requestAnimationFrame(() => {
      window.setTimeout(() => {
        preloadScreens();
        preloadAdminExit();
      }, 0);
    });
    return () => window.cancelAnimationFrame(frame);
  }, [ready]);

  // Sizes are in rem: the larger text of accessible mode is set on the root element.
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-accessible', accessible);
  }, [accessible]);

  // Without a token, or with one the server refuses (revoked), the kiosk can only pair.
  if (!hasDevice || status === 'unauthorised') {
    return <PairingScreen kind="kiosk" storageKey={DEVICE_KEY} revoked={hasDevice} />;
  }
  return (
    <div className={`kiosk ${accessible ? 'kiosk--accessible' : ''}`} data-accessible={accessible}>
      <header className="kiosk__header" onPointerDown={adminExit.onTap}>
        <h1 className="kiosk__site">{centre ? localize(centre.site.name) : t('kiosk.title')}</h1>
      </header>
      <Toolbar />
      <ConnectionBanner state={status} />
      <main className="kiosk__main">
        {!centre && <p className="kiosk__notice">{t('kiosk.loading')}</p>}
        {centre && (
          <Suspense fallback={<p className="kiosk__notice">{t('kiosk.loading')}</p>}>
            <ScreenView screen={screen} centre={centre} />
          </Suspense>
        )}
      </main>
      {adminExit.dialog}
    </div>
  );
};
