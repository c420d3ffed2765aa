/**
 * The display above one desk: the desk's name ("Вікно 5") and the number called to it or
 * served there ("А-023"), blinking for a few seconds when it is called (a recall too); when
 * the desk has nobody, a word that it is free, on a break or closed. For small wide screens
 * (800×480, 1280×400, 1920×540) and LED-like strips; numbers only, never a visitor's name.
 */
import { ConnectionBanner, PairingScreen, useLocalize, useT } from '@queue/ui';
import type { MessageKey } from '@queue/ui';
import { useEffect } from 'react';
import { DEVICE_KEY } from '../state/device-key';
import { useHighlight } from '../state/highlight';
import { deskKey, hasDevice, useDeskWindow, useWindowQueue } from './store';

const FREE_TEXT: Readonly<Record<'open' | 'paused' | 'closed', MessageKey>> = {
  open: 'window.free',
  paused: 'window.paused',
  closed: 'window.closed',
};

export const WindowApp = () => {
  const t = useT();
  const localize = useLocalize();
  const status = useWindowQueue((state) => state.status);
  const known = useWindowQueue((state) => state.sync.centre !== undefined);
  const view = useDeskWindow();
  // Once the visitor has come, the number stops blinking: it is served, no longer called.
  const seq = view.kind === 'called' && !view.serving ? view.call?.seq : undefined;
  const fresh = useHighlight((state) => seq !== undefined && state.seq === seq);
  const deskName = view.kind === 'unknown' ? undefined : localize(view.desk.name);

  useEffect(() => {
    document.title = deskName ? `${deskName}: ${t('window.title')}` : t('window.title');
  }, [t, deskName]);

  // Without a token, or with one the server refuses (revoked), the screen can only pair.
  if (!hasDevice || status === 'unauthorised') {
    return <PairingScreen kind="display" storageKey={DEVICE_KEY} revoked={hasDevice} />;
  }
  if (view.kind === 'unknown') {
    return (
      <main className="window window--unknown" data-state={known ? 'unknown' : 'connecting'}>
        <ConnectionBanner state={status} />
        <h1 className="window__title">{t('window.title')}</h1>
        {known && (
          <p className="window__notice" data-testid="window-unknown">
            {deskKey ? t('window.unknownDesk', { desk: deskKey }) : t('window.noDesk')}
          </p>
        )}
      </main>
    );
  }
  return (
    <main className="window" data-desk={view.desk.id} data-state={view.kind}>
      <ConnectionBanner state={status} />
      <div className="window__body">
        <div className="window__cell window__cell--desk">
          <h1 className="window__desk" data-testid="window-desk">
            {deskName}
          </h1>
        </div>
        <div className="window__cell window__cell--call">
          {view.kind === 'called' ? (
            <section
              className={`window__call${fresh ? ' window__call--fresh' : ''}`}
              data-testid="window-call"
              data-fresh={fresh ? 'true' : 'false'}
              aria-label={t('display.callTo', { number: view.number, desk: deskName ?? '' })}
              aria-live="polite"
            >
              <p className="window__label">
                {t(
                  !view.call || view.serving
                    ? 'window.serving'
                    : view.call.kind === 'recall'
                      ? 'window.recall'
                      : 'window.nowCalling',
                )}
              </p>
              {/* The key restarts the blinking when a recall brings the same number back. */}
              <p className="window__number" key={seq} data-testid="window-number">
                {view.number}
              </p>
            </section>
          ) : (
            <p className="window__free" data-testid="window-free" aria-live="polite">
              {t(FREE_TEXT[view.status ?? 'open'])}
            </p>
          )}
        </div>
      </div>
    </main>
  );
};
