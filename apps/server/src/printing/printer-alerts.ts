/**
 * What a printer's status means for staff: the alerts it raises and the ones it clears.
 * Paper near its end still prints but needs a new roll soon; no answer is taken as offline.
 */
import type { DeviceAlertKind, PrinterAnswer } from '@queue/protocol';
import type { AlertCenter } from '../alerts';

const STATUS_KINDS: readonly DeviceAlertKind[] = [
  'printer-offline',
  'paper-out',
  'paper-near-end',
  'cover-open',
];

const MESSAGES: Readonly<Record<DeviceAlertKind, string>> = {
  'printer-offline': 'The ticket printer does not answer or is offline.',
  'paper-out': 'The ticket printer is out of paper.',
  'paper-near-end': 'The ticket printer paper roll is nearly used up.',
  'cover-open': 'The ticket printer cover is open.',
  'print-failed': 'A ticket did not print.',
  'device-offline': 'The device is offline.',
};

export const alertMessage = (kind: DeviceAlertKind): string => MESSAGES[kind];

/** The alert kinds a status calls for; an open cover or no paper explains being offline. */
export const alertKindsOf = (answer: PrinterAnswer): DeviceAlertKind[] => {
  if (answer === 'no-answer') return ['printer-offline'];
  const kinds: DeviceAlertKind[] = [];
  if (answer.coverOpen) kinds.push('cover-open');
  if (answer.paperOut) kinds.push('paper-out');
  else if (answer.paperNearEnd) kinds.push('paper-near-end');
  if (!answer.online && kinds.length === 0) kinds.push('printer-offline');
  return kinds;
};

/** Raise what the status shows and clear the status alerts it no longer shows. */
export const applyPrinterAnswer = (alerts: AlertCenter, deviceId: string, answer: PrinterAnswer): void => {
  const active = alertKindsOf(answer);
  alerts.clear(
    deviceId,
    STATUS_KINDS.filter((kind) => !active.includes(kind)),
  );
  for (const kind of active) alerts.raise(deviceId, kind, alertMessage(kind));
};
