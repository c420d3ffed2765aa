/**
 * Part 2, ticket issue: throughput and latency of issuing through the real server (kiosk
 * clients over socket.io, the server in its own process), against plain durable SQLite
 * inserts on the same disk as the limit; and tap-to-bytes for one kiosk whose network
 * printer (a fake on loopback) the server drives.
 */
import { DEMO_CENTRE } from '@queue/core';
import type { Ack, IssuedTicket } from '@queue/protocol';
import { startFakePrinter } from '../test/support/fake-printer';
import { KIOSK_TOKEN, type QueueClient, connect, request, requestId } from './lib/clients';
import { loadLine } from './lib/machine';
import { setting } from './lib/options';
import { monotonicMs } from './lib/processes';
import { type Figure, fmt, heading, ratio, say } from './lib/report';
import { startServer } from './lib/server';
import { type Summary, summarize } from './lib/stats';
import { rawInsert } from './raw-insert';

const PART = 'Ticket issue';
const KIOSKS = 5;
const SERVICES = DEMO_CENTRE.services.filter((service) => service.onKiosk).map((service) => service.code);

const issueOne = async (socket: QueueClient, n: number, delivery?: 'paper'): Promise<Ack<IssuedTicket>> =>
  request<Ack<IssuedTicket>>(socket, 'ticket:issue', {
    requestId: requestId('issue'),
    serviceCode: SERVICES[n % SERVICES.length],
    ...(delivery ? { delivery } : {}),
  });

interface IssueRun {
  readonly perSecond: number;
  readonly latency: Summary;
  readonly firstPerSecond: number;
  readonly lastPerSecond: number;
  readonly refused: number;
}

/** `total` tickets from `KIOSKS` kiosks, each issuing as soon as its previous one is answered. */
const issueMany = async (url: string, total: number): Promise<IssueRun> => {
  const sockets = await Promise.all(Array.from({ length: KIOSKS }, () => connect(url, KIOSK_TOKEN)));
  const latencies: number[] = [];
  const doneAt: number[] = [];
  let next = 0;
  let refused = 0;
  const started = monotonicMs();
  await Promise.all(
    sockets.map(async (socket) => {
      while (next < total) {
        const n = next++;
        const before = monotonicMs();
        const answer = await issueOne(socket, n);
        const after = monotonicMs();
        if (!answer.ok) refused += 1;
        latencies.push(after - before);
        doneAt.push(after);
      }
    }),
  );
  for (const socket of sockets) socket.close();
  const seconds = (monotonicMs() - started) / 1000;
  doneAt.sort((a, b) => a - b);
  const bucket = Math.min(1000, Math.floor(total / 4));
  const rate = (from: number, to: number): number =>
    (to - from) / (((doneAt[to - 1] ?? 0) - (doneAt[from - 1] ?? started)) / 1000);
  return {
    perSecond: total / seconds,
    latency: summarize(latencies),
    firstPerSecond: rate(0, bucket),
    lastPerSecond: rate(total - bucket, total),
    refused,
  };
};

/** One kiosk with a network printer: from the tap to the last byte at the printer. */
const tapToBytes = async (count: number): Promise<{ bytes: Summary; answer: Summary; failed: number }> => {
  const printer = await startFakePrinter('ready');
  const server = await startServer({ printer: { host: printer.host, port: printer.port } });
  try {
    const kiosk = await connect(server.url, KIOSK_TOKEN);
    const bytes: number[] = [];
    const answers: number[] = [];
    let failed = 0;
    let closed = 0;
    for (let i = 0; i < count; i += 1) {
      const tap = monotonicMs();
      const printed = printer.closedConnections(closed + 2).then(() => monotonicMs());
      const answer = await issueOne(kiosk, i, 'paper');
      answers.push(monotonicMs() - tap);
      if (!answer.ok || answer.data.print?.ok !== true) {
        failed += 1;
        closed = printer.connections().length;
        continue;
      }
      // One connection for the status check, one for the ticket.
      closed += 2;
      bytes.push((await printed) - tap);
    }
    kiosk.close();
    return { bytes: summarize(bytes), answer: summarize(answers), failed };
  } finally {
    await server.stop();
    await printer.close();
  }
};

export const runIssue = async (): Promise<Figure[]> => {
  heading('2. Ticket issue (kiosks → server → SQLite with synchronous=FULL)');
  const total = setting('BENCH_ISSUE_TICKETS', 10_000, 1_500);
  const raw = rawInsert(setting('BENCH_RAW_ROWS', 5_000, 1_000));
  say(
    `raw better-sqlite3 insert, WAL, synchronous=FULL, one row per transaction: ${fmt(raw.perSecond, 0)}/s, ` +
      `p50 ${fmt(raw.latency.p50, 3)} ms, p99 ${fmt(raw.latency.p99, 3)} ms — ${loadLine()}`,
  );
  const server = await startServer();
  let run: IssueRun;
  let serverCpuMs: number;
  try {
    const cpuBefore = await server.cpuMs();
    run = await issueMany(server.url, total);
    serverCpuMs = (await server.cpuMs()) - cpuBefore;
  } finally {
    await server.stop();
  }
  // CPU per ticket moves less than throughput when other processes share the machine.
  const cpuPerTicket = serverCpuMs / total;
  say(
    `server, ${KIOSKS} kiosks issuing ${total} tickets of one day back to back: ${fmt(run.perSecond, 0)}/s ` +
      `(first ${Math.min(1000, Math.floor(total / 4))}: ${fmt(run.firstPerSecond, 0)}/s, last: ${fmt(run.lastPerSecond, 0)}/s), ` +
      `latency p50 ${fmt(run.latency.p50, 2)} p95 ${fmt(run.latency.p95, 2)} p99 ${fmt(run.latency.p99, 2)} ms, refused ${run.refused}; ` +
      `server CPU ${fmt(cpuPerTicket, 3)} ms per ticket (raw insert ${fmt(raw.cpuMsPerRow, 3)} ms per row)`,
  );
  const printCount = setting('BENCH_PRINT_TICKETS', 60, 15);
  const print = await tapToBytes(printCount);
  say(
    `kiosk with a network printer (fake, loopback), ${printCount} tickets one by one: tap → last byte at the printer ` +
      `p50 ${fmt(print.bytes.p50, 1)} p95 ${fmt(print.bytes.p95, 1)} max ${fmt(print.bytes.max, 1)} ms; ` +
      `tap → answer p50 ${fmt(print.answer.p50, 1)} ms; failed ${print.failed}`,
  );
  const underHalf = run.perSecond < raw.perSecond / 2;
  return [
    {
      part: PART,
      figure: `Throughput, ${total.toLocaleString('en')} tickets, ${KIOSKS} kiosks`,
      value: `${fmt(run.perSecond, 0)}/s`,
      baseline: `raw insert ${fmt(raw.perSecond, 0)}/s`,
      ratio: ratio(run.perSecond, raw.perSecond),
      ...(underHalf ? { flag: 'under half the raw insert' } : {}),
    },
    {
      part: PART,
      figure: 'Server CPU per ticket',
      value: `${fmt(cpuPerTicket, 3)} ms`,
      baseline: `raw insert ${fmt(raw.cpuMsPerRow, 3)} ms per row`,
      ratio: ratio(cpuPerTicket, raw.cpuMsPerRow, 1),
    },
    {
      part: PART,
      figure: 'Throughput, last 1,000 of the day',
      value: `${fmt(run.lastPerSecond, 0)}/s`,
      baseline: `first 1,000: ${fmt(run.firstPerSecond, 0)}/s`,
      ratio: ratio(run.lastPerSecond, run.firstPerSecond),
    },
    {
      part: PART,
      figure: 'Issue latency p50 / p99',
      value: `${fmt(run.latency.p50, 2)} / ${fmt(run.latency.p99, 2)} ms`,
      baseline: `raw insert ${fmt(raw.latency.p50, 3)} / ${fmt(raw.latency.p99, 3)} ms`,
      ratio: ratio(run.latency.p50, raw.latency.p50, 0),
    },
    {
      part: PART,
      figure: 'Tap → bytes at the printer p50 / p95',
      value: `${fmt(print.bytes.p50, 1)} / ${fmt(print.bytes.p95, 1)} ms`,
      baseline: `issue without printer p50 ${fmt(run.latency.p50, 1)} ms`,
      ratio: ratio(print.bytes.p50, run.latency.p50),
    },
  ];
};
