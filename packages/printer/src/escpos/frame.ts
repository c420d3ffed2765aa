/**
 * What every ticket starts and ends with, whichever way its text is printed: reset, leave
 * the Chinese mode if the profile says so, and at the end feed past the cutter and cut.
 * Also the QR block, which is printed by the printer itself in both modes.
 */
import type { PrinterProfile } from '../profile';
import { align, cancelDoubleByteMode, cut, feedLines, initialize, qrCode } from './commands';

export const prologue = (profile: PrinterProfile): Uint8Array[] => [
  initialize(),
  ...(profile.leaveDoubleByteMode ? [cancelDoubleByteMode()] : []),
];

export const epilogue = (profile: PrinterProfile): Uint8Array[] => [
  align('left'),
  feedLines(profile.feedLinesBeforeCut),
  ...(profile.cutter === 'none' ? [] : [cut(profile.cutter)]),
];

export const qrBlock = (profile: PrinterProfile, data: string, moduleSize?: number): Uint8Array[] => [
  align('center'),
  qrCode(new TextEncoder().encode(data), moduleSize ?? profile.qrModuleSize),
  align('left'),
];
