/** DLE EOT 1/2/4 answers, bit by bit, and the validity check on each byte. */
import { describe, expect, it } from 'vitest';
import {
  InvalidStatusError,
  isPrinterReady,
  isStatusByte,
  parsePrinterStatus,
  statusRequests,
} from './status';

const READY = [0x12, 0x12, 0x12];
const withBits = (index: number, bits: number): number[] =>
  READY.map((byte, position) => (position === index ? byte | bits : byte));

describe('parsePrinterStatus', () => {
  it('reads a ready printer', () => {
    const status = parsePrinterStatus(READY);
    expect(status).toEqual({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false });
    expect(isPrinterReady(status)).toBe(true);
  });

  it('n=1 bit 3: offline', () => {
    const status = parsePrinterStatus(withBits(0, 0x08));
    expect(status.online).toBe(false);
    expect(isPrinterReady(status)).toBe(false);
  });

  it('n=2 bit 2: cover open', () => {
    const status = parsePrinterStatus(withBits(1, 0x04));
    expect(status).toMatchObject({ coverOpen: true, paperOut: false });
    expect(isPrinterReady(status)).toBe(false);
  });

  it('n=2 bit 5: printing stopped at paper end', () => {
    expect(parsePrinterStatus(withBits(1, 0x20)).paperOut).toBe(true);
  });

  it.each([0x20, 0x40, 0x60])('n=4 bits 5-6 (0x%s): paper end', (bits) => {
    const status = parsePrinterStatus(withBits(2, bits));
    expect(status.paperOut).toBe(true);
    expect(isPrinterReady(status)).toBe(false);
  });

  it.each([0x04, 0x08, 0x0c])('n=4 bits 2-3 (0x%s): paper near end, still ready', (bits) => {
    const status = parsePrinterStatus(withBits(2, bits));
    expect(status).toMatchObject({ paperNearEnd: true, paperOut: false });
    expect(isPrinterReady(status)).toBe(true);
  });

  it('ignores the bits that carry nothing the kiosk acts on', () => {
    // n=1 bit 5 (waiting for recovery), bit 6 (feed button); n=2 bit 3 (feeding), bit 6 (error).
    expect(parsePrinterStatus([0x12 | 0x20 | 0x40, 0x12 | 0x08 | 0x40, 0x12])).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
    });
  });

  it('reads a printer out of paper with its cover open', () => {
    expect(parsePrinterStatus([0x1a, 0x36, 0x7e])).toEqual({
      online: false,
      coverOpen: true,
      paperOut: true,
      paperNearEnd: true,
    });
  });

  it('accepts exactly the bytes with (b & 0x93) == 0x12', () => {
    for (let byte = 0; byte < 256; byte += 1) {
      expect(isStatusByte(byte)).toBe((byte & 0x93) === 0x12);
    }
    for (const bad of [0x00, 0x02, 0x10, 0x13, 0x92, 0xff]) {
      expect(() => parsePrinterStatus([0x12, bad, 0x12])).toThrow(InvalidStatusError);
    }
  });

  it('needs three bytes', () => {
    expect(() => parsePrinterStatus([0x12, 0x12])).toThrow(InvalidStatusError);
    expect(() => parsePrinterStatus(Uint8Array.of(0x12, 0x12, 0x12, 0x12))).toThrow(InvalidStatusError);
  });

  it('asks DLE EOT 1, 2 and 4 in that order', () => {
    expect(statusRequests().map((request) => [...request])).toEqual([
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 4],
    ]);
  });
});
