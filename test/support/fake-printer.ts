/**
 * A network ESC/POS printer for tests: a TCP server on 127.0.0.1 (port 0) that records every
 * byte it receives, answers DLE EOT n with scripted status bytes (as an Epson does: one byte
 * per request, acted on as soon as it is read, even mid-job), can stay silent, and can fail a
 * job partway: a TCP reset (switched off mid-ticket), paper running out, or the printer no
 * longer reading the socket (a jam, a pulled cable, a full buffer that never empties).
 */
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';

import { type FakePrinterState, isStatusKind, statusAnswer } from '@queue/printer/testing';

export { type FakePrinterState, STATUS_BYTES } from '@queue/printer/testing';

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
  /**
   * The paper runs out after this many bytes of the next connection: the printer turns
   * 'paper-out', keeps reading and answering DLE EOT, but records (prints) nothing more.
   */
  runOutOfPaperAfter(bytes: number): void;
  /** The printer stops reading the next connection after this many bytes (the socket is paused). */
  stopReadingAfter(bytes: number): void;
  close(): Promise<void>;
}

const DLE = 0x10;
const EOT = 0x04;

interface JobFault {
  readonly kind: 'reset' | 'paper-out' | 'stop-reading';
  readonly afterBytes: number;
}

export const startFakePrinter = async (initial: FakePrinterState = 'ready'): Promise<FakePrinter> => {
  let state = initial;
  let nextFault: JobFault | undefined;
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
    const fault = nextFault;
    nextFault = undefined;
    let total = 0;
    let faulted = false;
    // The last bytes seen, so a request split across two packets is still recognised.
    let tail: number[] = [];
    const answerRequests = (bytes: Uint8Array): void => {
      for (const byte of bytes) {
        tail = [...tail, byte].slice(-3);
        const [a, b, n] = tail;
        if (a === DLE && b === EOT && isStatusKind(n)) {
          const answer = statusAnswer(state, n);
          if (answer !== undefined) socket.write(Uint8Array.of(answer));
          tail = [];
        }
      }
    };
    socket.on('data', (data: Buffer) => {
      if (faulted) {
        // Out of paper: still reading, still answering, printing nothing. (A paused socket
        // can still deliver the chunk it had in hand; a printer that stopped reading never saw it.)
        if (fault?.kind === 'paper-out') answerRequests(data);
        return;
      }
      const keep = fault === undefined ? data.length : Math.min(data.length, fault.afterBytes - total);
      const taken = new Uint8Array(data.subarray(0, keep));
      chunks.push(taken);
      total += keep;
      if (fault === undefined || total < fault.afterBytes) {
        answerRequests(taken);
        return;
      }
      faulted = true;
      if (fault.kind === 'reset') {
        socket.resetAndDestroy();
        return;
      }
      answerRequests(taken);
      if (fault.kind === 'stop-reading') {
        socket.pause();
        return;
      }
      state = 'paper-out';
      answerRequests(data.subarray(keep));
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
      nextFault = { kind: 'reset', afterBytes: bytes };
    },
    runOutOfPaperAfter: (bytes) => {
      nextFault = { kind: 'paper-out', afterBytes: bytes };
    },
    stopReadingAfter: (bytes) => {
      nextFault = { kind: 'stop-reading', afterBytes: bytes };
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
