/**
 * The printer cannot print (no paper, cover open, offline): nothing was issued yet. The
 * visitor is asked whether to take the ticket on screen instead; "no" goes back.
 */
import type { ServiceCode } from '@queue/core';
import { useT } from '@queue/ui';
import { issueTicket } from './issue-flow';
import { goHome, useKiosk } from './kiosk-store';

interface Props {
  readonly serviceCode: ServiceCode;
  readonly requestId: string;
}

export const PrinterOfferScreen = ({ serviceCode, requestId }: Props) => {
  const t = useT();
  const issuing = useKiosk((state) => state.issuing);
  return (
    <section
      className="screen refusal printer-offer"
      role="alertdialog"
      aria-labelledby="printer-offer-heading"
    >
      <h2 className="refusal__heading" id="printer-offer-heading">
        {t('kiosk.printer.heading')}
      </h2>
      <p className="refusal__message">{t('kiosk.printer.question')}</p>
      <p className="ticket__hint">{t('kiosk.printer.hint')}</p>
      <div className="choice">
        <button
          type="button"
          className="primary-button"
          data-answer="yes"
          disabled={issuing}
          onClick={() => void issueTicket(serviceCode, { onScreen: true, requestId })}
        >
          {t('kiosk.printer.yes')}
        </button>
        <button
          type="button"
          className="secondary-button"
          data-answer="no"
          disabled={issuing}
          onClick={goHome}
        >
          {t('kiosk.printer.no')}
        </button>
      </div>
    </section>
  );
};
