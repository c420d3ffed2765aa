/**
 * A USB printer through the `usb` package (libusb, the 2.x callback API) and nothing else:
 * find the printer on the bus, open it, claim its interface, a bulk OUT write and a bulk IN
 * read each with a libusb timeout, close. `usb` is imported only when a USB printer is
 * looked for, so network and device-file printing never load native code. Why this instead of
 * a printing library's adapter: docs/decisions/006-usb-transport.md.
 *
 * Which device is the printer: the one with the configured serial number; else the first
 * with the configured vendor (and product) id; else the first with a USB printer-class
 * interface or a vendor the udev rules list (Epson TMs present a vendor-specific interface).
 * The order is the bus's (bus number, then address), so one printer is always the same choice.
 */
import { PrinterTransportError } from './types';

/** The parts of `usb`'s `Device`, `Interface` and endpoints used here; tests build fakes of this shape. */
export interface UsbEndpointLike {
  readonly direction: 'in' | 'out';
  /** `LIBUSB_TRANSFER_TYPE_BULK` is 2. */
  readonly transferType: number;
  /** libusb timeout (ms, 0 = for ever) for each transfer submitted after it is set. */
  timeout: number;
  readonly descriptor?: { readonly wMaxPacketSize: number };
}

interface UsbOutEndpointLike extends UsbEndpointLike {
  transfer(data: Buffer, callback: (error: Error | undefined) => void): unknown;
}

interface UsbInEndpointLike extends UsbEndpointLike {
  transfer(length: number, callback: (error: Error | undefined, data?: Buffer) => void): unknown;
}

export interface UsbInterfaceLike {
  readonly descriptor: { readonly bInterfaceClass: number };
  readonly endpoints: readonly UsbEndpointLike[];
  claim(): void;
  release(closeEndpoints: boolean, callback?: (error?: Error) => void): void;
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
}

export interface UsbDeviceLike {
  readonly busNumber: number;
  readonly deviceAddress: number;
  readonly deviceDescriptor: {
    readonly idVendor: number;
    readonly idProduct: number;
    readonly iSerialNumber: number;
  };
  /** Readable without opening the device; may throw for a device that went away. */
  readonly configDescriptor?: { readonly interfaces: readonly (readonly { bInterfaceClass: number }[])[] };
  /** Set by `open()`. */
  readonly interfaces?: readonly UsbInterfaceLike[] | undefined;
  open(): void;
  close(): void;
  getStringDescriptor(index: number, callback: (error?: Error, value?: string) => void): void;
}

/** Which printer to use; every field is optional. */
export interface UsbPrinterMatch {
  readonly vendorId?: number;
  readonly productId?: number;
  /** The printer's USB serial number (`lsusb -v`, iSerial): picks one of several printers. */
  readonly serialNumber?: string;
}

/** The devices on the bus now: `usb`'s `getDeviceList()` unless a test passes a fake bus. */
export type ListUsbDevices = () => Promise<readonly UsbDeviceLike[]>;

export const listUsbDevices: ListUsbDevices = async () => {
  const { getDeviceList } = await import('usb');
  // `usb` types each endpoint as the abstract base class; at run time they are In/OutEndpoints.
  return getDeviceList() as unknown as readonly UsbDeviceLike[];
};

/**
 * Vendors whose printers are found without configured ids although they may have no
 * printer-class interface: the vendor lines of `hardware/udev/99-escpos-printers.rules`
 * (a test keeps the two lists the same).
 */
export const UDEV_PRINTER_VENDORS: readonly number[] = [0x04b8];

const PRINTER_CLASS = 7;
const BULK = 2;
const DEFAULT_PACKET_SIZE = 64;

/** One open, claimed printer. */
export interface UsbPrinterConnection {
  /** Who it is, for messages: `04b8:0202 serial X`. */
  readonly description: string;
  /** Bulk OUT; rejects when libusb does (LIBUSB_TRANSFER_TIMED_OUT at the timeout, NO_DEVICE, ...). */
  write(data: Buffer, timeoutMs: number): Promise<void>;
  /** One bulk IN transfer; rejects at the timeout or on error. */
  read(timeoutMs: number): Promise<Buffer>;
  /** Releases the interface and closes the device; libusb refuses while a transfer is pending. */
  close(): Promise<void>;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const hex = (value: number): string => value.toString(16).padStart(4, '0');

const hasPrinterInterface = (device: UsbDeviceLike): boolean => {
  try {
    return (device.configDescriptor?.interfaces ?? []).some((alternates) =>
      alternates.some((setting) => setting.bInterfaceClass === PRINTER_CLASS),
    );
  } catch {
    return false;
  }
};

/** Whether `device` may be the printer asked for (the serial number is checked once open). */
export const matchesPrinter = (device: UsbDeviceLike, match: UsbPrinterMatch): boolean => {
  const { idVendor, idProduct } = device.deviceDescriptor;
  if (match.productId !== undefined && idProduct !== match.productId) return false;
  if (match.vendorId !== undefined) return idVendor === match.vendorId;
  return hasPrinterInterface(device) || UDEV_PRINTER_VENDORS.includes(idVendor);
};

const byBusPosition = (a: UsbDeviceLike, b: UsbDeviceLike): number =>
  a.busNumber - b.busNumber || a.deviceAddress - b.deviceAddress;

const readSerial = (device: UsbDeviceLike): Promise<string | undefined> =>
  new Promise((resolve) => {
    const index = device.deviceDescriptor.iSerialNumber;
    if (!index) return resolve(undefined);
    try {
      device.getStringDescriptor(index, (error, value) => resolve(error ? undefined : value?.trim()));
    } catch {
      resolve(undefined);
    }
  });

const isBulkOut = (endpoint: UsbEndpointLike): boolean =>
  endpoint.direction === 'out' && endpoint.transferType === BULK;
const isBulkIn = (endpoint: UsbEndpointLike): boolean =>
  endpoint.direction === 'in' && endpoint.transferType === BULK;

const closeQuietly = (device: UsbDeviceLike): void => {
  try {
    device.close();
  } catch {
    // A device that went away is closed already as far as we are concerned.
  }
};

const libusbTimeout = (ms: number): number => Math.max(1, Math.ceil(ms));

/** Claims the printer's interface on an open device: printer class first, else any with bulk OUT. */
const claim = (device: UsbDeviceLike, description: string): UsbPrinterConnection => {
  const interfaces = device.interfaces ?? [];
  const chosen =
    interfaces.find(
      (entry) => entry.descriptor.bInterfaceClass === PRINTER_CLASS && entry.endpoints.some(isBulkOut),
    ) ?? interfaces.find((entry) => entry.endpoints.some(isBulkOut));
  if (!chosen) throw new Error(`${description} has no bulk OUT endpoint`);
  // usblp (Linux) holds a printer-class interface; libusb has to take it over.
  if (process.platform !== 'win32' && chosen.isKernelDriverActive()) chosen.detachKernelDriver();
  chosen.claim();
  const out = chosen.endpoints.find(isBulkOut) as UsbOutEndpointLike;
  const inbound = chosen.endpoints.find(isBulkIn) as UsbInEndpointLike | undefined;
  const packetSize = inbound?.descriptor?.wMaxPacketSize || DEFAULT_PACKET_SIZE;

  return {
    description,
    write: (data, timeoutMs) =>
      new Promise((resolve, reject) => {
        out.timeout = libusbTimeout(timeoutMs);
        try {
          out.transfer(data, (error) => (error ? reject(error) : resolve()));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    read: (timeoutMs) =>
      new Promise((resolve, reject) => {
        if (!inbound) return reject(new Error(`${description} has no bulk IN endpoint`));
        inbound.timeout = libusbTimeout(timeoutMs);
        try {
          inbound.transfer(packetSize, (error, data) =>
            error ? reject(error) : resolve(data ?? Buffer.alloc(0)),
          );
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    close: () =>
      new Promise((resolve, reject) => {
        const finish = (): void => {
          try {
            device.close();
            resolve();
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        try {
          chosen.release(true, () => finish());
        } catch {
          // Unplugged: releasing fails, closing still frees our handle.
          finish();
        }
      }),
  };
};

/**
 * Finds, opens and claims the printer `match` names. Rejects with 'not-found' when no device
 * fits, and 'connect-failed' when it is there but cannot be opened or claimed (permissions,
 * another program holds it).
 */
export const openUsbPrinter = async (
  match: UsbPrinterMatch,
  list: ListUsbDevices = listUsbDevices,
): Promise<UsbPrinterConnection> => {
  const candidates = [...(await list())]
    .filter((device) => matchesPrinter(device, match))
    .sort(byBusPosition);
  let lastError: unknown;
  for (const device of candidates) {
    const { idVendor, idProduct } = device.deviceDescriptor;
    let description = `${hex(idVendor)}:${hex(idProduct)}`;
    try {
      device.open();
    } catch (error) {
      lastError = error;
      continue;
    }
    if (match.serialNumber !== undefined) {
      const serial = await readSerial(device);
      if (serial !== match.serialNumber) {
        closeQuietly(device);
        continue;
      }
      description += ` serial ${serial}`;
    }
    try {
      return claim(device, description);
    } catch (error) {
      closeQuietly(device);
      lastError = error;
    }
  }
  if (lastError !== undefined) {
    throw new PrinterTransportError(
      'connect-failed',
      `cannot open the USB printer: ${describeError(lastError)}`,
      { cause: lastError },
    );
  }
  const wanted = [
    match.vendorId !== undefined ? `vendor ${hex(match.vendorId)}` : '',
    match.productId !== undefined ? `product ${hex(match.productId)}` : '',
    match.serialNumber !== undefined ? `serial ${match.serialNumber}` : '',
  ].filter(Boolean);
  throw new PrinterTransportError(
    'not-found',
    `no USB printer${wanted.length > 0 ? ` with ${wanted.join(', ')}` : ''} is connected`,
  );
};
