/**
 * The kiosk's own ticket printer, driven from the Electron main process: a USB printer
 * (libusb) or a device file on the kiosk computer. Which printer it is comes from the shell's
 * own settings, never from the renderer, so a page cannot make the kiosk write to an
 * arbitrary file; the renderer only sends the ticket, which is checked here before printing.
 */
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_STATUS_TIMEOUT_MS,
  type OpenDevice,
  type PrinterProfile,
  type ListUsbDevices,
  type PrinterTransport,
  type TicketView,
  createDeviceTransport,
  createUsbTransport,
  loadPrinterProfiles,
  ticketTemplateSchema,
  ticketToEscPos,
} from '@queue/printer';
import { z } from 'zod';
import type { LocalPrintResult, LocalPrinterStatus } from './ipc';

export const shellPrinterSchema = z.discriminatedUnion('transport', [
  z.strictObject({
    transport: z.literal('usb'),
    /** From `lsusb` (ID vvvv:pppp), as in the udev rules; without them: a printer-class device or a udev-listed vendor. */
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    /** The printer's USB serial number (`lsusb -v`: iSerial), to pick one of several printers. */
    serialNumber: z.string().trim().min(1).max(126).optional(),
    profileId: z.string().regex(/^[a-z0-9-]+$/),
  }),
  z.strictObject({
    transport: z.literal('device'),
    path: z.string().min(1).max(255),
    profileId: z.string().regex(/^[a-z0-9-]+$/),
  }),
]);
export type ShellPrinterSettings = z.infer<typeof shellPrinterSchema>;

const hours = z.array(z.strictObject({ from: z.string().max(5), to: z.string().max(5) })).max(8);
const line = z.string().max(300);

/** The ticket as the renderer sends it: checked field by field, nothing else passes. */
export const ticketPrintViewSchema = z.strictObject({
  language: z.enum(['uk', 'ru', 'en']),
  centreName: line,
  number: z.string().min(1).max(16),
  serviceName: line,
  organisationName: line.optional(),
  issuedAt: z.number().int().nonnegative(),
  timeZone: z.string().min(1).max(64),
  ahead: z.number().int().min(0).max(100_000),
  lowMinutes: z.number().int().min(0).max(100_000),
  highMinutes: z.number().int().min(0).max(100_000),
  noDeskOpen: z.literal(true).optional(),
  priority: z
    .strictObject({
      category: z.enum([
        'disability',
        'veteran',
        'military-family',
        'pregnancy',
        'infant',
        'elderly',
        'other',
      ]),
      confirmed: z.boolean(),
    })
    .optional(),
  appointmentAt: z.number().int().nonnegative().optional(),
  statusUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  openingHours: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), hours),
});

/** What the main process offers the IPC handlers. */
export interface ShellPrinter {
  status(): Promise<LocalPrinterStatus>;
  /** `view` and `template` come from the renderer and are checked here. */
  print(view: unknown, template?: unknown): Promise<LocalPrintResult>;
  /** No job and no status check is running now (the idle poll asks only then). */
  isIdle(): boolean;
  close(): Promise<void>;
}

export interface ShellPrinterOptions {
  /** Folder of printer profiles; the repository's `hardware/printers` by default. */
  readonly profilesDir?: string;
  readonly statusTimeoutMs?: number;
  /** For tests: a fake USB bus or device file. */
  readonly listUsbDevices?: ListUsbDevices;
  readonly openDevice?: OpenDevice;
}

const DEFAULT_PROFILES_DIR = fileURLToPath(new URL('../../../hardware/printers', import.meta.url));

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const transportFor = (settings: ShellPrinterSettings, options: ShellPrinterOptions): PrinterTransport =>
  settings.transport === 'usb'
    ? createUsbTransport({
        ...(settings.vendorId !== undefined ? { vendorId: settings.vendorId } : {}),
        ...(settings.productId !== undefined ? { productId: settings.productId } : {}),
        ...(settings.serialNumber !== undefined ? { serialNumber: settings.serialNumber } : {}),
        ...(options.listUsbDevices ? { listDevices: options.listUsbDevices } : {}),
      })
    : createDeviceTransport({
        path: settings.path,
        ...(options.openDevice ? { openDevice: options.openDevice } : {}),
      });

export const createShellPrinter = (
  settings: ShellPrinterSettings,
  options: ShellPrinterOptions = {},
): ShellPrinter => {
  const transport = transportFor(settings, options);
  let profile: Promise<PrinterProfile | undefined> | undefined;
  const loadProfile = (): Promise<PrinterProfile | undefined> => {
    profile ??= loadPrinterProfiles(options.profilesDir ?? DEFAULT_PROFILES_DIR).then(
      (profiles) => profiles.get(settings.profileId),
      () => undefined,
    );
    return profile;
  };

  /** Jobs and status checks running now. */
  let busy = 0;
  const whileBusy = async <T>(run: () => Promise<T>): Promise<T> => {
    busy += 1;
    try {
      return await run();
    } finally {
      busy -= 1;
    }
  };

  return {
    isIdle: () => busy === 0,
    status: () =>
      whileBusy(async () => {
        const found = await loadProfile();
        if (found?.status === 'none')
          return { online: true, coverOpen: false, paperOut: false, paperNearEnd: false };
        return transport.status(
          options.statusTimeoutMs ?? found?.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS,
        );
      }),
    print: (view, template) =>
      whileBusy(async () => {
        const parsedView = ticketPrintViewSchema.safeParse(view);
        if (!parsedView.success) return { ok: false, error: 'the ticket sent for printing is not valid' };
        const parsedTemplate = template === undefined ? undefined : ticketTemplateSchema.safeParse(template);
        const found = await loadProfile();
        if (!found) return { ok: false, error: `unknown printer profile ${settings.profileId}` };
        try {
          const bytes = ticketToEscPos(
            parsedView.data as unknown as TicketView,
            found,
            parsedTemplate?.success ? parsedTemplate.data : undefined,
          );
          // The printer confirms after the job that it is still ready, unless it cannot answer.
          await transport.print(bytes, { confirm: found.status !== 'none' });
          return { ok: true };
        } catch (error) {
          return { ok: false, error: describe(error) };
        }
      }),
    close: () => transport.close(),
  };
};
