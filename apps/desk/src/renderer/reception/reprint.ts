/**
 * Whether reception can reprint a ticket, known before asking: the server prints only on
 * kiosk printers it drives itself, so without one there is nowhere to print; and when every
 * such printer reports paper out, cover open or offline, none would print now. A refusal the
 * server gives anyway is said in words, the missing printer by name.
 */
import { type Centre, printedBy } from '@queue/core';
import type { DeviceAlert, DeviceAlertKind, WireError } from '@queue/protocol';
import { type MessageKey, refusalKey } from '@queue/ui';
import { OFFLINE } from '../common/use-commands';

export type ReprintState =
  { readonly available: true } | { readonly available: false; readonly reason: 'noPrinter' | 'printersDown' };

/** What stops a printer printing at all (paper running low does not). */
const BLOCKING: readonly DeviceAlertKind[] = ['paper-out', 'cover-open', 'printer-offline'];

/** The kiosks whose printers the server drives (the only ones a reprint can use). */
export const serverPrinterKiosks = (centre: Pick<Centre, 'kiosks'>): string[] =>
  centre.kiosks
    .filter((kiosk) => kiosk.printer !== undefined && printedBy(kiosk.printer) === 'server')
    .map((kiosk) => kiosk.deviceId);

export const reprintStateOf = (
  centre: Pick<Centre, 'kiosks'>,
  alerts: readonly DeviceAlert[] | undefined,
): ReprintState => {
  const kiosks = serverPrinterKiosks(centre);
  if (kiosks.length === 0) return { available: false, reason: 'noPrinter' };
  const blocked = (deviceId: string): boolean =>
    (alerts ?? []).some((alert) => alert.deviceId === deviceId && BLOCKING.includes(alert.kind));
  return kiosks.every(blocked) ? { available: false, reason: 'printersDown' } : { available: true };
};

export const REPRINT_REASON_KEYS: Readonly<Record<'noPrinter' | 'printersDown', MessageKey>> = {
  noPrinter: 'reception.reprint.noPrinter',
  printersDown: 'reception.reprint.printersDown',
};

/** The words for a reprint the server refused (or that got no answer). */
export const reprintRefusalKey = (
  error: Pick<WireError, 'code'> | typeof OFFLINE,
  state: ReprintState,
): MessageKey => {
  if (error === OFFLINE) return 'desk.error.offline';
  const noPrinter = !state.available && state.reason === 'noPrinter';
  if (noPrinter && (error.code === 'PRINTER_UNAVAILABLE' || error.code === 'NOT_FOUND'))
    return 'reception.reprint.noPrinter';
  return refusalKey(error.code, 'error', 'error.generic');
};
