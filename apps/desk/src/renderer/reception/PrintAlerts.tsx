/**
 * The kiosks' printer troubles at reception, where a kiosk that could not print sends its
 * visitor: each with its kiosk, and a ticket that did not print with a button to print it
 * again (the server picks the kiosk that issued it). Nothing shows while all is well.
 */
import type { QueueConnection, SyncState } from '@queue/client';
import type { Centre } from '@queue/core';
import { isMessageKey, useT } from '@queue/ui';
import { useState } from 'react';
import { RefusalLine } from '../common/RefusalLine';
import { useCommands } from '../common/use-commands';
import { printAlertsOf } from './print-alerts';

interface Props {
  readonly centre: Centre;
  readonly alerts: SyncState['alerts'];
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
}

export const PrintAlerts = ({ centre, alerts, connection, online }: Props) => {
  const t = useT();
  const commands = useCommands(connection, online);
  const [reprinted, setReprinted] = useState<string>();
  const rows = printAlertsOf(alerts, centre);
  if (rows.length === 0) return null;
  return (
    <section className="reception__alerts" data-testid="reception-print-alerts">
      <h2 className="panel-heading">{t('monitor.alerts')}</h2>
      <ul className="monitor__alerts">
        {rows.map(({ alert, kioskName, reprintTicketId }) => {
          const key = `monitor.alert.${alert.kind}`;
          const what = isMessageKey(key) ? t(key, { number: alert.ticketNumber ?? '' }) : alert.message;
          return (
            <li key={`${alert.deviceId}-${alert.kind}`} className="risk risk--over" data-kind={alert.kind}>
              {`${kioskName}: ${what}`}
              {reprintTicketId && (
                <button
                  type="button"
                  className="button"
                  disabled={!commands.ready}
                  onClick={() => {
                    setReprinted(undefined);
                    void commands.send('ticket:reprint', { ticketId: reprintTicketId }).then((answer) => {
                      if (answer?.ok) setReprinted(reprintTicketId);
                    });
                  }}
                >
                  {t('reception.card.reprint')}
                </button>
              )}
              {reprintTicketId && reprinted === reprintTicketId && (
                <span role="status"> {t('reception.card.reprinted')}</span>
              )}
            </li>
          );
        })}
      </ul>
      <RefusalLine code={commands.refusal} />
    </section>
  );
};
