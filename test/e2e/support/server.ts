/**
 * An in-process server for browser tests: the demo seed in a fresh SQLite file, a clock
 * the test may move, a chosen scheduler tick; it can be stopped and started again on the
 * same file and port (a restart), and gives socket.io clients for staff and devices.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instant, KioskPrinter } from '@queue/core';
import type {
  Ack,
  ClientToServerEvents,
  LoginAnswer,
  SequencedEvent,
  ServerToClientEvents,
} from '@queue/protocol';
import { type Socket, io } from 'socket.io-client';
import { type Application, type PairingOptions, createApplication } from '../../../apps/server/src/app';
import { silentLogger } from '../../../apps/server/src/logger';
import { WEEKDAY_10AM } from './env';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents> & {
  readonly events: SequencedEvent[];
};

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public at: number = WEEKDAY_10AM) {}

  readonly now = (): Instant => this.at as Instant;

  advanceMinutes(minutes: number): void {
    this.at += minutes * 60_000;
  }
}

export interface TestServer {
  readonly clock: TestClock;
  readonly url: string;
  /** The SQLite file, for reading what the server stored. */
  readonly databaseFile: string;
  readonly app: Application;
  /** Close the app: every client sees the link drop. */
  stop(): Promise<void>;
  /** Open the app again on the same database file and port. */
  start(): Promise<void>;
  login(login: string, secret: string, deskId?: string): Promise<LoginAnswer>;
  /** A socket.io client that records every 'queue:event'; resolves once connected. */
  connect(token: string): Promise<ClientSocket>;
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly clock?: TestClock;
  readonly tickMs?: number;
  /** Printers the server drives, by kiosk device id. */
  readonly kioskPrinters?: Readonly<Record<string, KioskPrinter>>;
  readonly pairing?: PairingOptions;
}

let counter = 0;
/** A request id within the protocol's rules, unique in the run. */
export const rid = (tag = 'e2e'): string => `${tag}-${Date.now()}-${(counter += 1)}`;

/** The data of a successful answer; a refusal fails the test with its code. */
export const okData = async <T>(answer: Promise<Ack<T>> | Ack<T>): Promise<T> => {
  const settled = await answer;
  if (!settled.ok) throw new Error(`expected ok, got ${settled.error.code}: ${settled.error.message}`);
  return settled.data;
};

export const startServer = async (options: ServerOptions = {}): Promise<TestServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-desk-e2e-'));
  const databaseFile = join(dir, 'queue.sqlite');
  const clock = options.clock ?? new TestClock();
  const sockets = new Set<Socket>();
  const open = () =>
    createApplication({
      databaseFile,
      clock,
      logger: silentLogger,
      seedDemo: true,
      ...(options.tickMs ? { tickMs: options.tickMs } : {}),
      ...(options.kioskPrinters ? { kioskPrinters: options.kioskPrinters } : {}),
      ...(options.pairing ? { pairing: options.pairing } : {}),
    });
  let app: Application | undefined = await open();
  let port = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;
  const running = (): Application => {
    if (!app) throw new Error('the server is stopped');
    return app;
  };
  return {
    clock,
    url,
    databaseFile,
    get app() {
      return running();
    },
    stop: async () => {
      await running().close();
      app = undefined;
    },
    start: async () => {
      app = await open();
      port = await app.listen(port);
    },
    login: async (login, secret, deskId) => {
      const response = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, secret, ...(deskId ? { deskId } : {}) }),
      });
      return okData((await response.json()) as Ack<LoginAnswer>);
    },
    connect: (token) =>
      new Promise((resolveConnect, reject) => {
        const socket = io(url, {
          auth: { token },
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        sockets.add(socket);
        const events: SequencedEvent[] = [];
        socket.on('queue:event', (event) => events.push(event));
        socket.once('connect', () => resolveConnect(Object.assign(socket, { events }) as ClientSocket));
        socket.once('connect_error', reject);
      }),
    close: async () => {
      for (const socket of sockets) socket.close();
      if (app) await app.close();
      app = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
