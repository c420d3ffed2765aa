import type { KioskPrinter } from '@queue/core';
import { DEMO_CENTRE } from '@queue/core';
import { checkCentreDocument } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { formatUsbId, parseUsbId, printerProblems, withTransport } from './printer-draft';

const withPrinter = (printer: KioskPrinter) => ({
  ...DEMO_CENTRE,
  kiosks: DEMO_CENTRE.kiosks.map((kiosk, index) => (index === 0 ? { ...kiosk, printer } : kiosk)),
});

describe('a kiosk’s printer as the administrator edits it', () => {
  it('keeps the model when the connection changes, and asks what the new connection needs', () => {
    const tcp: KioskPrinter = { profileId: 'xprinter-58', transport: 'tcp', host: '10.0.0.9', port: 9100 };
    const device = withTransport(tcp, 'device');
    expect(device).toEqual({ profileId: 'xprinter-58', transport: 'device', path: '' });
    expect(printerProblems(device)).toEqual(['emptyPath']);
    expect(withTransport(tcp, 'tcp')).toBe(tcp);
    expect(withTransport(undefined, 'usb')).toEqual({ profileId: 'epson-80', transport: 'usb' });
  });

  it('tells what the configuration would refuse', () => {
    expect(printerProblems({ profileId: '', transport: 'tcp', host: ' ', port: 70_000 })).toEqual([
      'emptyProfile',
      'emptyHost',
      'badPort',
    ]);
    expect(printerProblems({ profileId: 'Epson 80', transport: 'usb', vendorId: Number.NaN })).toEqual([
      'badProfile',
      'badVendorId',
    ]);
    expect(printerProblems(undefined)).toEqual([]);
  });

  it('reads USB ids as hexadecimal, as printed on the device', () => {
    expect(parseUsbId('04b8')).toBe(0x04b8);
    expect(parseUsbId('0x0416')).toBe(0x0416);
    expect(parseUsbId('')).toBeUndefined();
    expect(parseUsbId('zz')).toBeNaN();
    expect(formatUsbId(0x4b8)).toBe('04b8');
  });

  it('gives printers without problems that the server’s check accepts', () => {
    const printers: KioskPrinter[] = [
      { profileId: 'epson-80', transport: 'tcp', host: '192.168.1.50' },
      { profileId: 'epson-80', transport: 'device', path: '/dev/usb/lp0', printedBy: 'kiosk' },
      { profileId: 'xprinter-80', transport: 'usb', vendorId: parseUsbId('0416')!, productId: 0x5011 },
    ];
    for (const printer of printers) {
      expect(printerProblems(printer)).toEqual([]);
      expect(checkCentreDocument(withPrinter(printer)).ok).toBe(true);
    }
  });
});
