import type { Centre } from '@queue/core';
import type { DeviceAlert } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { reprintRefusalKey, reprintStateOf } from './reprint';

const kiosks = (
  ...printers: (Centre['kiosks'][number]['printer'] | undefined)[]
): Pick<Centre, 'kiosks'> => ({
  kiosks: printers.map((printer, index) => ({
    deviceId: `kiosk-${index + 1}`,
    name: `Kiosk ${index + 1}`,
    ...(printer ? { printer } : {}),
  })),
});

const alert = (deviceId: string, kind: DeviceAlert['kind']): DeviceAlert =>
  ({ deviceId, kind, since: 0, message: kind }) as DeviceAlert;

describe('whether reception can reprint', () => {
  it('is not offered when no kiosk has a printer the server drives', () => {
    expect(reprintStateOf(kiosks(undefined), [])).toEqual({ available: false, reason: 'noPrinter' });
    // A USB printer prints through the kiosk app: the server cannot reprint on it.
    expect(reprintStateOf(kiosks({ profileId: 'epson-80', transport: 'usb' }), [])).toEqual({
      available: false,
      reason: 'noPrinter',
    });
  });

  it('is offered while one server printer may print, not when every one reports it cannot', () => {
    const two = kiosks(
      { profileId: 'epson-80', transport: 'tcp', host: '10.0.0.1' },
      { profileId: 'epson-80', transport: 'device', path: '/dev/usb/lp0' },
    );
    expect(reprintStateOf(two, [alert('kiosk-1', 'paper-out')])).toEqual({ available: true });
    expect(reprintStateOf(two, [alert('kiosk-1', 'paper-near-end')])).toEqual({ available: true });
    expect(reprintStateOf(two, [alert('kiosk-1', 'paper-out'), alert('kiosk-2', 'printer-offline')])).toEqual(
      {
        available: false,
        reason: 'printersDown',
      },
    );
  });

  it('says a refusal in words, the missing printer by name', () => {
    const none = { available: false, reason: 'noPrinter' } as const;
    expect(reprintRefusalKey({ code: 'PRINTER_UNAVAILABLE' }, none)).toBe('reception.reprint.noPrinter');
    expect(reprintRefusalKey({ code: 'PRINTER_UNAVAILABLE' }, { available: true })).toBe(
      'error.PRINTER_UNAVAILABLE',
    );
    expect(reprintRefusalKey({ code: 'UNKNOWN_TICKET' }, none)).toBe('error.UNKNOWN_TICKET');
    expect(reprintRefusalKey('OFFLINE', { available: true })).toBe('desk.error.offline');
  });
});
