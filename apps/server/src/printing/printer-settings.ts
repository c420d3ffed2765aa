/**
 * Kiosk printers given at start (`QUEUE_KIOSK_PRINTERS`, JSON by device id), laid over the
 * stored configuration without saving it: a centre can try a printer, and tests point a
 * kiosk at a fake one, before the administration screens exist.
 */
import type { Centre, KioskPrinter } from '@queue/core';
import { z } from 'zod';

const profileId = z.string().regex(/^[a-z0-9-]+$/);

export const kioskPrinterSchema = z.discriminatedUnion('transport', [
  z.strictObject({
    transport: z.literal('tcp'),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535).optional(),
    profileId,
  }),
  z.strictObject({
    transport: z.literal('device'),
    path: z.string().min(1).max(255),
    printedBy: z.enum(['server', 'kiosk']).optional(),
    profileId,
  }),
  z.strictObject({
    transport: z.literal('usb'),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    profileId,
  }),
]);

const printersByKiosk = z.record(z.string().regex(/^[a-z0-9._-]+$/), kioskPrinterSchema);

/** Reads `QUEUE_KIOSK_PRINTERS`; throws with a readable message when it is not valid. */
export const parseKioskPrinters = (json: string): Record<string, KioskPrinter> => {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('QUEUE_KIOSK_PRINTERS is not JSON');
  }
  const parsed = printersByKiosk.safeParse(value);
  if (!parsed.success) throw new Error(`QUEUE_KIOSK_PRINTERS: ${z.prettifyError(parsed.error)}`);
  return parsed.data as Record<string, KioskPrinter>;
};

export const withKioskPrinters = (
  centre: Centre,
  printers: Readonly<Record<string, KioskPrinter>>,
): Centre => {
  const known = new Set(centre.kiosks.map((kiosk) => kiosk.deviceId));
  return {
    ...centre,
    kiosks: [
      ...centre.kiosks.map((kiosk) => {
        const printer = printers[kiosk.deviceId];
        return printer ? { ...kiosk, printer } : kiosk;
      }),
      ...Object.entries(printers)
        .filter(([deviceId]) => !known.has(deviceId))
        .map(([deviceId, printer]) => ({ deviceId, name: deviceId, printer })),
    ],
  };
};
