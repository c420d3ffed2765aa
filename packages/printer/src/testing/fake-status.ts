/**
 * What a fake Epson-class printer answers to a real-time status request (DLE EOT n), shared by
 * the fakes of every transport (network, USB, device file) so they agree byte for byte.
 */
export type FakePrinterState = 'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'silent';

/** Answers to DLE EOT 1, 2 and 4 in each state; every byte has the fixed bits 0x12. */
export const STATUS_BYTES: Readonly<
  Record<Exclude<FakePrinterState, 'silent'>, readonly [number, number, number]>
> = {
  ready: [0x12, 0x12, 0x12],
  'paper-near-end': [0x12, 0x12, 0x1e],
  'paper-out': [0x1a, 0x32, 0x72],
  'cover-open': [0x1a, 0x16, 0x12],
  offline: [0x1a, 0x12, 0x12],
};

const DLE = 0x10;
const EOT = 0x04;
const REQUEST_INDEX: Readonly<Record<number, number>> = { 1: 0, 2: 1, 4: 2 };

/** Whether `n` is a status request this printer answers (1, 2 or 4). */
export const isStatusKind = (n: number | undefined): n is number => n !== undefined && n in REQUEST_INDEX;

/** Whether a write is exactly one status request, DLE EOT n. */
export const isStatusRequest = (data: Uint8Array): boolean =>
  data.length === 3 && data[0] === DLE && data[1] === EOT && isStatusKind(data[2]);

/** The byte answering DLE EOT n in `state`; undefined when the printer is silent. */
export const statusAnswer = (state: FakePrinterState, n: number): number | undefined =>
  state === 'silent' ? undefined : STATUS_BYTES[state][REQUEST_INDEX[n] ?? 0];
