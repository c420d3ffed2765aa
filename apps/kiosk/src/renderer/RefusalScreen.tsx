/** Why no ticket was issued, in the visitor's language, with a way back to the start. */
import { refusalKey, useT } from '@queue/ui';
import { useEffect } from 'react';
import { goHome } from './kiosk-store';

const SHOW_MS = 20_000;

export const RefusalScreen = ({ code }: { readonly code: string }) => {
  const t = useT();
  useEffect(() => {
    const leave = window.setTimeout(goHome, SHOW_MS);
    return () => window.clearTimeout(leave);
  }, []);
  return (
    <section className="screen refusal" role="alert" data-code={code}>
      <h2 className="refusal__heading">{t('kiosk.refusal.heading')}</h2>
      <p className="refusal__message">{t(refusalKey(code, 'kiosk.refusal', 'kiosk.refusal.generic'))}</p>
      <button type="button" className="primary-button" onClick={goHome}>
        {t('kiosk.refusal.ok')}
      </button>
    </section>
  );
};
