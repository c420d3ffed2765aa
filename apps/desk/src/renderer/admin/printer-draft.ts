/**
 * A kiosk's ticket printer as the administrator edits it: how it is reached (network, a
 * device file, USB through the kiosk app) and the fields each way needs. Changing the way
 * keeps the printer model; the checks are the configuration's shape, told in words.
 */
import type { KioskPrinter } from '@queue/core';
import { CODE_PATTERN } from './outcomes';

export const TRANSPORTS = ['tcp', 'device', 'usb'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** The printer models the server ships (`hardware/printers`); a centre may add its own. */
export const KNOWN_PROFILES = ['epson-80', 'xprinter-80', 'xprinter-58'] as const;

export type PrinterProblem =
  'emptyProfile' | 'badProfile' | 'emptyHost' | 'badPort' | 'emptyPath' | 'badVendorId' | 'badProductId';

/** A printer reached the other way, keeping its model (and nothing the new way does not have). */
export const withTransport = (printer: KioskPrinter | undefined, transport: Transport): KioskPrinter => {
  const profileId = printer?.profileId ?? KNOWN_PROFILES[0];
  if (printer?.transport === transport) return printer;
  switch (transport) {
    case 'tcp':
      return { profileId, transport, host: '' };
    case 'device':
      return { profileId, transport, path: '' };
    case 'usb':
      return { profileId, transport };
  }
};

const isUsbId = (value: number | undefined): boolean =>
  value === undefined || (Number.isInteger(value) && value >= 0 && value <= 0xffff);

export const printerProblems = (printer: KioskPrinter | undefined): PrinterProblem[] => {
  if (!printer) return [];
  const problems: PrinterProblem[] = [];
  if (printer.profileId.trim() === '') problems.push('emptyProfile');
  else if (!CODE_PATTERN.test(printer.profileId)) problems.push('badProfile');
  switch (printer.transport) {
    case 'tcp':
      if (printer.host.trim() === '') problems.push('emptyHost');
      if (
        printer.port !== undefined &&
        !(Number.isInteger(printer.port) && printer.port >= 1 && printer.port <= 65_535)
      )
        problems.push('badPort');
      break;
    case 'device':
      if (printer.path.trim() === '') problems.push('emptyPath');
      break;
    case 'usb':
      if (!isUsbId(printer.vendorId)) problems.push('badVendorId');
      if (!isUsbId(printer.productId)) problems.push('badProductId');
      break;
  }
  return problems;
};

/** A USB id as typed (hexadecimal, `0x` allowed); undefined when empty, NaN when not a number. */
export const parseUsbId = (text: string): number | undefined => {
  const trimmed = text.trim().replace(/^0x/i, '');
  if (trimmed === '') return undefined;
  return /^[0-9a-f]{1,4}$/i.test(trimmed) ? Number.parseInt(trimmed, 16) : Number.NaN;
};

export const formatUsbId = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? '' : value.toString(16).padStart(4, '0');
