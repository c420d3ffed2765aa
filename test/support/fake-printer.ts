/**
 * A network ESC/POS printer for tests: a TCP server on 127.0.0.1 (port 0) that records every
 * byte it receives, answers DLE EOT n with scripted status bytes, can stay silent, and can
 * drop a job halfway with a TCP reset, as a printer does when it is switched off mid-ticket.
 */
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';

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

export interface FakePrinter {
  readonly host: string;
  readonly port: number;
  /** Everything received, over all connections, in order. */
  received(): Uint8Array;
  /** What each connection sent, one entry per connection. */
  connections(): Uint8Array[];
  /** Resolves when `count` connections have closed. */
  closedConnections(count: number): Promise<void>;
  setState(state: FakePrinterState): void;
  /** The next connection is reset after this many bytes (the rest is never recorded). */
  dropNextJobAfter(bytes: number): void;
  close(): Promise<void>;
}

const DLE = 0x10;
const EOT = 0x04;
const REQUEST_INDEX: Readonly<Record<number, number>> = { 1: 0, 2: 1, 4: 2 };

export const startFakePrinter = async (initial: FakePrinterState = 'ready'): Promise<FakePrinter> => {
  let state = initial;
  let dropAfter: number | undefined;
  const log: Uint8Array[][] = [];
  const sockets = new Set<Socket>();
  let closedCount = 0;
  const closeWaiters: { count: number; resolve: () => void }[] = [];

  const onClosed = (): void => {
    closedCount += 1;
    for (const waiter of closeWaiters.filter((entry) => entry.count <= closedCount)) {
      closeWaiters.splice(closeWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Uint8Array[] = [];
    log.push(chunks);
    const limit = dropAfter;
    dropAfter = undefined;
    let total = 0;
    // The last bytes seen, so a request split across two packets is still recognised.
    let tail: number[] = [];
    socket.on('data', (data: Buffer) => {
      const keep = limit === undefined ? data.length : Math.min(data.length, limit - total);
      chunks.push(new Uint8Array(data.subarray(0, keep)));
      total += keep;
      if (limit !== undefined && total >= limit) {
        socket.resetAndDestroy();
        return;
      }
      for (const byte of data.subarray(0, keep)) {
        tail = [...tail, byte].slice(-3);
        const [a, b, n] = tail;
        if (a === DLE && b === EOT && n !== undefined && n in REQUEST_INDEX && state !== 'silent') {
          const answer = STATUS_BYTES[state][REQUEST_INDEX[n] ?? 0];
          if (answer !== undefined) socket.write(Uint8Array.of(answer));
          tail = [];
        }
      }
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      onClosed();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const concat = (parts: readonly Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  };

  return {
    host: '127.0.0.1',
    port,
    received: () => concat(log.flat()),
    connections: () => log.map(concat),
    closedConnections: (count) =>
      count <= closedCount
        ? Promise.resolve()
        : new Promise((resolve) => closeWaiters.push({ count, resolve })),
    setState: (next) => {
      state = next;
    },
    dropNextJobAfter: (bytes) => {
      dropAfter = bytes;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
