/**
 * A USB bus with scripted ESC/POS printers, in the shape of the `usb` package's `Device`,
 * `Interface` and endpoints (what `openUsbPrinter` uses), so the USB transport is tested
 * from finding the device to the last transfer without hardware. The fake behaves as libusb
 * does where it matters: OUT transfers on an endpoint finish in order and one that stalls
 * holds those behind it until the endpoint's `timeout` (0 = for ever) cancels it; a device
 * with a transfer pending cannot be closed; a claimed interface cannot be claimed again; an
 * unplugged device fails every transfer. A printer answers each DLE EOT n (a transfer of
 * exactly those three bytes) on the next IN transfer, unless it is silent.
 */
import type {
  ListUsbDevices,
  UsbDeviceLike,
  UsbEndpointLike,
  UsbInterfaceLike,
} from '../transport/usb-device';
import { type FakePrinterState, isStatusRequest, statusAnswer } from './fake-status';

/** The states a fake printer can be in (shared by every transport's fake). */
export type FakeUsbPrinterState = FakePrinterState;

const BULK = 2;
const PRINTER_CLASS = 7;
const VENDOR_SPECIFIC_CLASS = 0xff;

type OutCallback = (error: Error | undefined) => void;
type InCallback = (error: Error | undefined, data?: Buffer) => void;

const libusbError = (name: string): Error => Object.assign(new Error(name), { errno: name });

export interface FakeUsbPrinterOptions {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly serialNumber?: string;
  /** 7 (USB printer class, the default) or 0xff (vendor-specific, as Epson TMs present). */
  readonly interfaceClass?: number;
  readonly busNumber?: number;
  readonly deviceAddress?: number;
  readonly state?: FakeUsbPrinterState;
}

interface OutTransfer {
  readonly data: Buffer;
  readonly timeoutMs: number;
  readonly callback: OutCallback;
}

interface JobFault {
  readonly kind: 'paper-out' | 'stop-reading' | 'silent';
  /** Job bytes still taken before the fault. */
  remaining: number;
}

export class FakeUsbPrinter implements UsbDeviceLike {
  readonly busNumber: number;
  readonly deviceAddress: number;
  readonly deviceDescriptor: { idVendor: number; idProduct: number; iSerialNumber: number };
  readonly configDescriptor: { interfaces: { bInterfaceClass: number }[][] };
  interfaces: UsbInterfaceLike[] | undefined;
  state: FakeUsbPrinterState;
  plugged = true;
  claimed = false;
  opens = 0;
  closes = 0;
  /** Every byte the printer printed, i.e. job bytes (not status requests) taken before any fault. */
  readonly printed: number[] = [];
  /** Each transfer's libusb timeout as submitted. */
  readonly transferTimeouts: { direction: 'in' | 'out'; timeoutMs: number }[] = [];
  private readonly serialNumber: string | undefined;
  private readonly interfaceClass: number;
  private isOpen = false;
  private readonly outQueue: OutTransfer[] = [];
  private readonly reads: { callback: InCallback }[] = [];
  private readonly answers: number[] = [];
  private fault: JobFault | undefined;
  private failReads = 0;

  constructor(options: FakeUsbPrinterOptions = {}) {
    this.busNumber = options.busNumber ?? 1;
    this.deviceAddress = options.deviceAddress ?? 2;
    this.serialNumber = options.serialNumber;
    this.interfaceClass = options.interfaceClass ?? PRINTER_CLASS;
    this.state = options.state ?? 'ready';
    this.deviceDescriptor = {
      idVendor: options.vendorId ?? 0x0416,
      idProduct: options.productId ?? 0x5011,
      iSerialNumber: options.serialNumber === undefined ? 0 : 3,
    };
    this.configDescriptor = { interfaces: [[{ bInterfaceClass: this.interfaceClass }]] };
  }

  /** After `bytes` more job bytes the paper runs out: nothing more prints, status says paper out. */
  runOutOfPaperAfter(bytes: number): void {
    this.fault = { kind: 'paper-out', remaining: bytes };
  }

  /** After `bytes` more job bytes the printer stops taking the job (jam, firmware hang) until the transfer times out. */
  stopReadingAfter(bytes: number): void {
    this.fault = { kind: 'stop-reading', remaining: bytes };
  }

  /** After `bytes` more job bytes the printer answers no status request. */
  goSilentAfter(bytes: number): void {
    this.fault = { kind: 'silent', remaining: bytes };
  }

  /** The next IN transfer fails on the bus (as a stalled endpoint does). */
  failNextRead(): void {
    this.failReads += 1;
  }

  pendingTransfers(): number {
    return this.outQueue.length + this.reads.length;
  }

  unplug(): void {
    this.plugged = false;
    for (const transfer of this.outQueue.splice(0)) transfer.callback(libusbError('LIBUSB_ERROR_NO_DEVICE'));
    for (const read of this.reads.splice(0)) read.callback(libusbError('LIBUSB_ERROR_NO_DEVICE'));
  }

  open(): void {
    if (!this.plugged) throw libusbError('LIBUSB_ERROR_NO_DEVICE');
    this.isOpen = true;
    this.opens += 1;
    this.interfaces = [this.makeInterface()];
  }

  close(): void {
    if (this.plugged && this.pendingTransfers() > 0)
      throw new Error("Can't close device with a pending request");
    this.isOpen = false;
    this.claimed = false;
    this.closes += 1;
    this.interfaces = undefined;
  }

  getStringDescriptor(index: number, callback: (error?: Error, value?: string) => void): void {
    if (!this.isOpen) return callback(libusbError('LIBUSB_ERROR_IO'));
    setImmediate(() => callback(undefined, index === 3 ? this.serialNumber : undefined));
  }

  private makeInterface(): UsbInterfaceLike {
    const endpoint = (direction: 'in' | 'out'): UsbEndpointLike & { transfer: unknown } => {
      const entry = {
        direction,
        transferType: BULK,
        timeout: 0,
        descriptor: { wMaxPacketSize: 64 },
        transfer:
          direction === 'out'
            ? (data: Buffer, callback: OutCallback) => this.transferOut(data, entry.timeout, callback)
            : (_length: number, callback: InCallback) => this.transferIn(entry.timeout, callback),
      };
      return entry;
    };
    return {
      descriptor: { bInterfaceClass: this.interfaceClass },
      endpoints: [endpoint('out'), endpoint('in')],
      claim: () => {
        if (!this.plugged) throw libusbError('LIBUSB_ERROR_NO_DEVICE');
        if (this.claimed) throw libusbError('LIBUSB_ERROR_BUSY');
        this.claimed = true;
      },
      release: (_closeEndpoints, callback) => {
        if (this.plugged && this.pendingTransfers() > 0) {
          setImmediate(() => callback?.(libusbError('LIBUSB_ERROR_BUSY')));
          return;
        }
        this.claimed = false;
        setImmediate(() => callback?.());
      },
      isKernelDriverActive: () => false,
      detachKernelDriver: () => {},
    };
  }

  private transferOut(data: Buffer, timeoutMs: number, callback: OutCallback): void {
    this.transferTimeouts.push({ direction: 'out', timeoutMs });
    if (!this.plugged || !this.isOpen) {
      setImmediate(() => callback(libusbError('LIBUSB_ERROR_NO_DEVICE')));
      return;
    }
    this.outQueue.push({ data: Buffer.from(data), timeoutMs, callback });
    if (this.outQueue.length === 1) this.runOut();
  }

  private transferIn(timeoutMs: number, callback: InCallback): void {
    this.transferTimeouts.push({ direction: 'in', timeoutMs });
    if (!this.plugged || !this.isOpen) {
      setImmediate(() => callback(libusbError('LIBUSB_ERROR_NO_DEVICE')));
      return;
    }
    if (this.failReads > 0) {
      this.failReads -= 1;
      setImmediate(() => callback(libusbError('LIBUSB_ERROR_PIPE')));
      return;
    }
    const read = { callback };
    this.reads.push(read);
    if (timeoutMs > 0) {
      setTimeout(() => {
        const index = this.reads.indexOf(read);
        if (index < 0) return;
        this.reads.splice(index, 1);
        callback(libusbError('LIBUSB_TRANSFER_TIMED_OUT'));
      }, timeoutMs);
    }
    this.deliverAnswers();
  }

  /** Takes the job's bytes up to a fault; true when the transfer stalls there. */
  private takeJob(data: Buffer): boolean {
    const fault = this.fault;
    if (!fault) {
      this.printed.push(...data);
      return false;
    }
    const taken = Math.min(data.length, fault.remaining);
    this.printed.push(...data.subarray(0, taken));
    fault.remaining -= taken;
    if (taken === data.length && fault.remaining > 0) return false;
    this.fault = undefined;
    if (fault.kind === 'stop-reading') return true;
    this.state = fault.kind;
    // Past the fault the buffer still takes the bytes; nothing more is printed.
    return false;
  }

  /** Completes OUT transfers in order; a stalled one holds the rest until its timeout. */
  private runOut(): void {
    const head = this.outQueue[0];
    if (!head) return;
    const stalled = !isStatusRequest(head.data) && this.takeJob(head.data);
    if (stalled) {
      if (head.timeoutMs > 0) {
        setTimeout(() => {
          if (this.outQueue[0] !== head) return;
          this.outQueue.shift();
          head.callback(libusbError('LIBUSB_TRANSFER_TIMED_OUT'));
          this.runOut();
        }, head.timeoutMs);
      }
      return;
    }
    setImmediate(() => {
      if (this.outQueue[0] !== head) return;
      this.outQueue.shift();
      const answer = isStatusRequest(head.data) ? statusAnswer(this.state, head.data[2] ?? 0) : undefined;
      if (answer !== undefined) {
        this.answers.push(answer);
      }
      head.callback(undefined);
      this.deliverAnswers();
      this.runOut();
    });
  }

  private deliverAnswers(): void {
    while (this.reads.length > 0 && this.answers.length > 0) {
      const read = this.reads.shift();
      const byte = this.answers.shift() ?? 0;
      setImmediate(() => read?.callback(undefined, Buffer.of(byte)));
    }
  }
}

/** The bus: printers are plugged in and out; `list` is what `usb`'s `getDeviceList()` would say. */
export class FakeUsbBus {
  readonly devices: FakeUsbPrinter[] = [];
  /** Everything else on the bus (a keyboard, a hub): never a printer. */
  readonly others: UsbDeviceLike[] = [];

  plugIn(options: FakeUsbPrinterOptions = {}): FakeUsbPrinter {
    const printer = new FakeUsbPrinter({ deviceAddress: 2 + this.devices.length, ...options });
    this.devices.push(printer);
    return printer;
  }

  unplug(printer: FakeUsbPrinter): void {
    printer.unplug();
    this.devices.splice(this.devices.indexOf(printer), 1);
  }

  /** A device without a printer interface (class 3, HID) and no known vendor. */
  plugInKeyboard(): void {
    const keyboard = new FakeUsbPrinter({
      vendorId: 0x046d,
      productId: 0xc31c,
      interfaceClass: 3,
      deviceAddress: 1,
    });
    this.others.push(keyboard);
  }

  readonly list: ListUsbDevices = async () => [...this.others, ...this.devices];
}

export { VENDOR_SPECIFIC_CLASS };
