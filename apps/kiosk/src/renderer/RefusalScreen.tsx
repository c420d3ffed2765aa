/**
 * Why no ticket was issued, in the visitor's language, with a way back to the start. A
 * closed centre or service also says when it opens next.
 */
import type { Centre, ServiceCode } from '@queue/core';
import { findService } from '@queue/core';
import { refusalKey, useT } from '@queue/ui';
import { useEffect } from 'react';
import { nextOpeningOf, useFormatOpening, useServerNow } from './availability';
import { goHome } from './kiosk-store';

const SHOW_MS = 20_000;

interface Props {
  readonly centre: Centre;
  readonly code: string;
  readonly serviceCode?: ServiceCode;
}

export const RefusalScreen = ({ centre, code, serviceCode }: Props) => {
  const t = useT();
  const now = useServerNow();
  const formatOpening = useFormatOpening(centre);
  useEffect(() => {
    const leave = window.setTimeout(goHome, SHOW_MS);
    return () => window.clearTimeout(leave);
  }, []);
  const service = serviceCode ? findService(centre, serviceCode) : undefined;
  const opens =
    code === 'SITE_CLOSED' || code === 'SERVICE_CLOSED'
      ? nextOpeningOf(centre, code === 'SERVICE_CLOSED' ? service?.hours : undefined, now)
      : undefined;
  return (
    <section className="screen refusal" role="alert" data-code={code}>
      <h2 className="refusal__heading">{t('kiosk.refusal.heading')}</h2>
      <p className="refusal__message">{t(refusalKey(code, 'kiosk.refusal', 'kiosk.refusal.generic'))}</p>
      {opens !== undefined && (
        <p className="refusal__message" data-testid="next-opening">
          {t('kiosk.refusal.opens', { when: formatOpening(opens) })}
        </p>
      )}
      <button type="button" className="primary-button" onClick={goHome}>
        {t('kiosk.refusal.ok')}
      </button>
    </section>
  );
};
