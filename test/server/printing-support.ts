/**
 * The server with kiosk-1 on a fake network printer, for the printing tests: a kiosk and a
 * supervisor connected, the alerts the supervisor saw, the ticket jobs the printer got, and a
 * switch that fails the next ticket job mid-way (after its status check went through): cut
 * off, out of paper, or no longer read by the printer.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CENTRE, ticketCount } from '@queue/core';
import { type PrinterTransport, createTcpTransport } from '@queue/printer';
import type { Ack, DeviceAlertChange, IssueTicketPayload, IssuedTicket } from '@queue/protocol';
import { type Application, createApplication, silentLogger } from '@queue/server';
import { type FakePrinter, startFakePrinter } from '../support/fake-printer';
import { ManualTimers } from '../support/manual-timers';
import {
  type Clients,
  KIOSK_TOKEN,
  type RecordingSocket,
  TestClock,
  clientsFor,
  rid,
  tempDir,
} from './harness';

export interface PrintingRig {
  readonly printer: FakePrinter;
  readonly app: Application;
  readonly clients: Clients;
  readonly clock: TestClock;
  /** The server's timers, the idle printer poll's among them: nothing runs until fired. */
  readonly timers: ManualTimers;
  readonly kiosk: RecordingSocket;
  readonly staff: RecordingSocket;
  /** Every alert change the supervisor received. */
  readonly alerts: DeviceAlertChange[];
  /** Cut the next ticket job off after this many bytes. */
  dropNextPrintAfter(bytes: number): void;
  /** Fail the next ticket job after this many bytes in the way given. */
  failNextPrintAfter(bytes: number, fault: PrintFault): void;
  /** Connections that carried a ticket (status checks carry only DLE EOT). */
  jobs(): Uint8Array[];
  /** `device:kind` of the alerts in force, as the supervisor knows them. */
  activeAlerts(): string[];
  ticketCount(): number;
  /** kiosk-1 issues a ticket for bill reconciliation, in Ukrainian unless told otherwise. */
  issue(extra?: Partial<IssueTicketPayload>, requestId?: string): Promise<Ack<IssuedTicket>>;
  close(): Promise<void>;
}

export type PrintFault = 'reset' | 'paper-out' | 'stop-reading';

/** The rig's deadlines for a job's last byte and its confirmation, short so a stalled job fails fast. */
export const RIG_PRINT_DEADLINES = { writeTimeoutMs: 200, confirmTimeoutMs: 300 } as const;

export const startPrintingRig = async (): Promise<PrintingRig> => {
  const printer = await startFakePrinter();
  const dir = tempDir('printing');
  const clock = new TestClock();
  const timers = new ManualTimers();
  let nextFault: { bytes: number; fault: PrintFault } | undefined;
  const app = await createApplication({
    databaseFile: join(dir, 'queue.sqlite'),
    seedDemo: true,
    clock,
    timers,
    logger: silentLogger,
    centre: {
      ...DEMO_CENTRE,
      kiosks: [
        {
          deviceId: 'kiosk-1',
          name: 'Кіоск біля входу',
          printer: { transport: 'tcp', host: printer.host, port: printer.port, profileId: 'epson-80' },
        },
      ],
    },
    printerTransport: (settings): PrinterTransport | undefined => {
      if (settings.transport !== 'tcp') return undefined;
      const tcp = createTcpTransport({ host: settings.host, port: settings.port, ...RIG_PRINT_DEADLINES });
      return {
        status: (timeoutMs) => tcp.status(timeoutMs),
        print: (bytes, options) => {
          if (nextFault?.fault === 'reset') printer.dropNextJobAfter(nextFault.bytes);
          if (nextFault?.fault === 'paper-out') printer.runOutOfPaperAfter(nextFault.bytes);
          if (nextFault?.fault === 'stop-reading') printer.stopReadingAfter(nextFault.bytes);
          nextFault = undefined;
          return tcp.print(bytes, options);
        },
        close: () => tcp.close(),
      };
    },
  });
  const port = await app.listen(0);
  const clients = clientsFor(() => `http://127.0.0.1:${port}`);
  const kiosk = await clients.connect(KIOSK_TOKEN);
  const { token } = await clients.login('supervisor', '2222');
  const staff = await clients.connect(token);
  const alerts: DeviceAlertChange[] = [];
  staff.on('device:alert', (change) => alerts.push(change));

  return {
    printer,
    app,
    clients,
    clock,
    timers,
    kiosk,
    staff,
    alerts,
    dropNextPrintAfter: (bytes) => {
      nextFault = { bytes, fault: 'reset' };
    },
    failNextPrintAfter: (bytes, fault) => {
      nextFault = { bytes, fault };
    },
    jobs: () => printer.connections().filter((bytes) => bytes[0] === 0x1b && bytes[1] === 0x40),
    activeAlerts: () => {
      const active = new Map<string, boolean>();
      for (const { alert, active: on } of alerts) active.set(`${alert.deviceId}:${alert.kind}`, on);
      return [...active].filter(([, on]) => on).map(([key]) => key);
    },
    ticketCount: () => ticketCount(app.queue.state),
    issue: (extra = {}, requestId = rid('issue')) =>
      kiosk.emitWithAck('ticket:issue', {
        serviceCode: 'bill-reconcile',
        language: 'uk',
        ...extra,
        requestId,
      }),
    close: async () => {
      clients.closeSockets();
      await app.close();
      await printer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
