/**
 * What reception needs of the device alerts: the kiosks' printer troubles, since a kiosk that
 * could not print sends its visitor to reception. A ticket that did not print comes first,
 * with the ticket to print again; then what stops a kiosk printing (paper, cover, offline).
 */
import type { Centre } from '@queue/core';
import type { DeviceAlert, DeviceAlertKind } from '@queue/protocol';

const PRINTER_KINDS: readonly DeviceAlertKind[] = [
  'print-failed',
  'paper-out',
  'cover-open',
  'printer-offline',
  'paper-near-end',
];

export interface PrintAlertRow {
  readonly alert: DeviceAlert;
  /** The kiosk's name, or its id when the centre does not know it. */
  readonly kioskName: string;
  /** The ticket reception can print again, for a ticket that did not print. */
  readonly reprintTicketId?: string;
}

export const printAlertsOf = (
  alerts: readonly DeviceAlert[] | undefined,
  centre: Pick<Centre, 'kiosks'>,
): PrintAlertRow[] =>
  (alerts ?? [])
    .filter((alert) => PRINTER_KINDS.includes(alert.kind))
    .sort((a, b) => PRINTER_KINDS.indexOf(a.kind) - PRINTER_KINDS.indexOf(b.kind) || a.since - b.since)
    .map((alert) => ({
      alert,
      kioskName: centre.kiosks.find((kiosk) => kiosk.deviceId === alert.deviceId)?.name ?? alert.deviceId,
      ...(alert.kind === 'print-failed' && alert.ticketId ? { reprintTicketId: alert.ticketId } : {}),
    }));
