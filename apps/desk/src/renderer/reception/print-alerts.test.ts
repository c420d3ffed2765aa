import { instant } from '@queue/core';
import type { DeviceAlert } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { printAlertsOf } from './print-alerts';

const alert = (extra: Partial<DeviceAlert> & Pick<DeviceAlert, 'kind'>): DeviceAlert => ({
  deviceId: 'kiosk-1',
  since: instant(1_000),
  message: 'raw',
  ...extra,
});

describe('printAlertsOf', () => {
  const centre = { kiosks: [{ deviceId: 'kiosk-1', name: 'Кіоск біля входу' }] };

  it('keeps the kiosk printer alerts, a ticket that did not print first, with the ticket to reprint', () => {
    const rows = printAlertsOf(
      [
        alert({ kind: 'paper-out', since: instant(500) }),
        alert({ kind: 'device-offline', deviceId: 'board-1' }),
        alert({ kind: 'print-failed', ticketId: 't-1', ticketNumber: 'П-001' }),
        alert({ kind: 'printer-offline', deviceId: 'kiosk-9' }),
      ],
      centre,
    );
    expect(rows.map((row) => [row.alert.kind, row.kioskName, row.reprintTicketId])).toEqual([
      ['print-failed', 'Кіоск біля входу', 't-1'],
      ['paper-out', 'Кіоск біля входу', undefined],
      ['printer-offline', 'kiosk-9', undefined],
    ]);
  });

  it('is empty without alerts', () => {
    expect(printAlertsOf(undefined, centre)).toEqual([]);
  });
});
