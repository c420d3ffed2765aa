/**
 * A printer behind a device file (`/dev/usb/lp0`) for tests, as the device transport's
 * `openDevice`: usblp's one open at a time (a second open is EBUSY; a close takes effect on
 * the next turn of the event loop), reads that are EAGAIN until the printer answers a
 * DLE EOT n, and scripted faults partway through a job: paper out, the printer no longer
 * taking the job, or no answer to any later status request.
 */
import type { DeviceHandle, OpenDevice } from '../transport/device';
import { type FakePrinterState, isStatusRequest, statusAnswer } from './fake-status';

/** The states a fake printer can be in (shared by every transport's fake). */
export type FakeDeviceFileState = FakePrinterState;

const errno = (code: string): Error => Object.assign(new Error(`${code}: fake lp device`), { code });

interface JobFault {
  readonly kind: 'paper-out' | 'stop-reading' | 'silent';
  remaining: number;
}

export class FakeDeviceFile {
  state: FakeDeviceFileState;
  /** Job bytes the printer printed (status requests excluded). */
  readonly printed: number[] = [];
  /** Every status request written, in order (its n). */
  readonly requests: number[] = [];
  opens = 0;
  private openHandles = 0;
  private readonly outbox: number[] = [];
  private fault: JobFault | undefined;

  constructor(state: FakeDeviceFileState = 'ready') {
    this.state = state;
  }

  runOutOfPaperAfter(bytes: number): void {
    this.fault = { kind: 'paper-out', remaining: bytes };
  }

  /** The write of the job never finishes after `bytes` (usblp blocks while the printer takes nothing). */
  stopReadingAfter(bytes: number): void {
    this.fault = { kind: 'stop-reading', remaining: bytes };
  }

  goSilentAfter(bytes: number): void {
    this.fault = { kind: 'silent', remaining: bytes };
  }

  get handlesOpen(): number {
    return this.openHandles;
  }

  readonly openDevice: OpenDevice = async () => {
    if (this.openHandles > 0) throw errno('EBUSY');
    this.openHandles += 1;
    this.opens += 1;
    let open = true;
    const handle: DeviceHandle = {
      write: (data) => this.write(Uint8Array.from(data)),
      read: async (into) => {
        const byte = this.outbox.shift();
        if (byte === undefined) throw errno('EAGAIN');
        into[0] = byte;
        return 1;
      },
      close: () =>
        new Promise((resolve) =>
          setImmediate(() => {
            if (open) this.openHandles -= 1;
            open = false;
            resolve();
          }),
        ),
    };
    return handle;
  };

  private write(data: Uint8Array): Promise<unknown> {
    if (isStatusRequest(data)) {
      this.requests.push(data[2] ?? 0);
      const answer = statusAnswer(this.state, data[2] ?? 0);
      if (answer !== undefined) this.outbox.push(answer);
      return Promise.resolve(data.length);
    }
    const fault = this.fault;
    if (!fault) {
      this.printed.push(...data);
      return Promise.resolve(data.length);
    }
    const taken = Math.min(data.length, fault.remaining);
    this.printed.push(...data.subarray(0, taken));
    fault.remaining -= taken;
    if (taken === data.length && fault.remaining > 0) return Promise.resolve(data.length);
    this.fault = undefined;
    if (fault.kind === 'stop-reading') return new Promise(() => {});
    this.state = fault.kind;
    return Promise.resolve(data.length);
  }
}
