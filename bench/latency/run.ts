/**
 * Part 1, call → board latency: a server and 100 desks, 20 boards and 5 kiosks as socket.io
 * clients in worker processes on loopback. Desks call at a realistic rate and at ten times
 * it; the latency runs from the desk sending its command to each board receiving the call.
 * Each rate runs against the real server and against a bare socket.io broadcast with the
 * same fan-out (the limit), one after the other.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mainServices, hallOf } from '../lib/hall';
import type { LoopDelay } from '../lib/loop-delay';
import { loadLine } from '../lib/machine';
import { WEEKDAY_MORNING, setting } from '../lib/options';
import {
  BENCH_DIR,
  forkTs,
  monotonicMs,
  nextMessage,
  pinTo,
  pinning,
  profileArgs,
  stopChild,
} from '../lib/processes';
import { type Figure, fmt, heading, ratio, say } from '../lib/report';
import { type Summary, summarize } from '../lib/stats';
import type { CallRecord, FromWorker, Mode, Receipt, ToWorker } from './messages';

const PART = 'Call → board';
const DESKS = 100;
const BOARDS = 20;
const KIOSKS = 5;
const DESK_WORKERS = 4;
const BOARD_WORKERS = 2;
const WARM_UP_SECONDS = 5;

interface Worker {
  readonly role: 'desk' | 'board' | 'kiosk';
  readonly child: ChildProcess;
  readonly connect: Omit<Extract<ToWorker, { type: 'connect' }>, 'url' | 'mode' | 'type'>;
}

interface SessionResult {
  readonly latency: Summary;
  readonly answer: Summary;
  readonly calls: number;
  readonly missing: number;
  readonly refused: number;
  /** Summary messages each client received a second, and their mean size (JSON characters). */
  readonly summaries?: number;
  readonly summaryBytes?: number;
  /** The same calls as seen on desk screens (the staff room in the queue server). */
  readonly atDesks?: Summary;
  /** How long the server's event loop was held up while measuring. */
  readonly loop?: LoopDelay;
}

const ask = <T extends FromWorker['type']>(
  worker: Worker,
  message: ToWorker,
  answer: T,
  timeoutMs = 120_000,
) => {
  const reply = nextMessage<Extract<FromWorker, { type: T }>>(worker.child, answer, timeoutMs);
  worker.child.send(message);
  return reply;
};

const startWorkers = (): Worker[] => {
  const file = join(BENCH_DIR, 'latency', 'worker.ts');
  const hall = hallOf(DESKS);
  const perWorker = DESKS / DESK_WORKERS;
  return [
    ...Array.from({ length: DESK_WORKERS }, (_, i) => ({
      role: 'desk' as const,
      child: forkTs(file, ['desk']),
      connect: { deskIds: hall.desks.slice(i * perWorker, (i + 1) * perWorker).map((desk) => desk.id) },
    })),
    ...Array.from({ length: BOARD_WORKERS }, () => ({
      role: 'board' as const,
      child: forkTs(file, ['board']),
      connect: { clients: BOARDS / BOARD_WORKERS },
    })),
    {
      role: 'kiosk' as const,
      child: forkTs(file, ['kiosk']),
      connect: { clients: KIOSKS, services: mainServices(hall) },
    },
  ];
};

const session = async (workers: Worker[], mode: Mode, callsPerDeskPerMinute: number, seconds: number) => {
  const server =
    mode === 'queue'
      ? forkTs(
          join(BENCH_DIR, 'lib', 'server-child.ts'),
          [JSON.stringify({ centre: DESKS, timeStart: WEEKDAY_MORNING })],
          profileArgs(),
        )
      : forkTs(join(BENCH_DIR, 'latency', 'bare-server.ts'), [], profileArgs());
  try {
    const { port } = await nextMessage<{ type: 'listening'; port: number }>(server, 'listening');
    pinTo(server.pid, 'server');
    const url = `http://127.0.0.1:${port}`;
    await Promise.all(
      workers.map((worker) => ask(worker, { type: 'connect', url, mode, ...worker.connect }, 'ready')),
    );
    const kiosk = workers.find((worker) => worker.role === 'kiosk');
    if (kiosk) await ask(kiosk, { type: 'prefill', tickets: 2 * DESKS }, 'prefilled');
    const meanGapMs = 60_000 / callsPerDeskPerMinute;
    const measureFrom = monotonicMs() + WARM_UP_SECONDS * 1000;
    const total = seconds + WARM_UP_SECONDS;
    // Kiosks issue 10% more tickets than the desks call, so nobody calls into an empty queue.
    const kioskGap = (meanGapMs * KIOSKS) / DESKS / 1.1;
    const boards = workers.filter((worker) => worker.role === 'board');
    const actors = workers.filter((worker) => worker.role !== 'board');
    const collect = () => Promise.all(boards.map((board) => ask(board, { type: 'collect' }, 'receipts')));
    await collect();
    const runStarted = monotonicMs();
    const resetLoop = setTimeout(() => server.send({ type: 'loop-reset' }), WARM_UP_SECONDS * 1000);
    const done = await Promise.all(
      actors.map((worker) =>
        ask(
          worker,
          {
            type: 'run',
            meanGapMs: worker.role === 'kiosk' ? kioskGap : meanGapMs,
            seconds: total,
            measureFrom,
          },
          'done',
          (total + 120) * 1000,
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const seen = await collect();
    clearTimeout(resetLoop);
    const loopAnswer = nextMessage<{ type: 'loop-delay'; delay: LoopDelay }>(server, 'loop-delay');
    server.send({ type: 'loop-delay' });
    const loop = (await loopAnswer).delay;
    const elapsed = (monotonicMs() - runStarted) / 1000;
    await Promise.all(workers.map((worker) => ask(worker, { type: 'disconnect' }, 'disconnected')));
    const calls = done.flatMap((answer) => answer.calls);
    const receipts = seen.flatMap((answer) => answer.receipts);
    const refused = done
      .filter((_, i) => actors[i]?.role === 'desk')
      .reduce((sum, answer) => sum + answer.refused, 0);
    const summaryCount = seen.reduce((sum, answer) => sum + answer.summaries, 0);
    const summaries = summaryCount / BOARDS / elapsed;
    const summaryBytes =
      seen.reduce((sum, answer) => sum + answer.summaryBytes, 0) / Math.max(1, summaryCount);
    const atDesks = measure(
      calls,
      done.flatMap((answer) => answer.seen ?? []),
      refused,
    ).latency;
    return { ...measure(calls, receipts, refused), summaries, summaryBytes, atDesks, loop };
  } finally {
    await stopChild(server);
  }
};

const measure = (
  calls: readonly CallRecord[],
  receipts: readonly Receipt[],
  refused: number,
): SessionResult => {
  const sent = new Map(calls.map((call) => [call.key, call.sentAt]));
  const latencies: number[] = [];
  for (const [key, at] of receipts) {
    const sentAt = sent.get(key);
    if (sentAt !== undefined) latencies.push(at - sentAt);
  }
  return {
    latency: summarize(latencies),
    answer: summarize(calls.map((call) => call.answeredAt - call.sentAt)),
    calls: calls.length,
    missing: calls.length * BOARDS - latencies.length,
    refused,
  };
};

const describe = (mode: Mode, result: SessionResult): void => {
  const { latency, answer } = result;
  say(
    `  ${mode === 'queue' ? 'queue server ' : 'bare socket.io'}  ${result.calls} calls → ${latency.count} board receipts` +
      ` (missing ${result.missing}, empty queue ${result.refused}):  p50 ${fmt(latency.p50, 2)}  p95 ${fmt(latency.p95, 2)}` +
      `  p99 ${fmt(latency.p99, 2)}  max ${fmt(latency.max, 1)} ms;  desk's answer p50 ${fmt(answer.p50, 2)} ms` +
      (result.summaries
        ? `;  ${fmt(result.summaries, 1)} summaries/s to every client, ${fmt((result.summaryBytes ?? 0) / 1024, 2)} KB each on average`
        : '') +
      (result.atDesks ? `;  on desk screens p50 ${fmt(result.atDesks.p50, 2)} ms` : '') +
      (result.loop
        ? `;  server's event loop held up p99 ${fmt(result.loop.p99, 1)}, max ${fmt(result.loop.max, 1)} ms`
        : ''),
  );
};

export const runLatency = async (): Promise<Figure[]> => {
  heading(`1. Call → board latency (${DESKS} desks, ${BOARDS} boards, ${KIOSKS} kiosks on loopback)`);
  // Realistic: the peak hour of a 10,000-ticket day (twice the design load) on 100 desks,
  // about 1,150 calls an hour: each desk calls once every 5 minutes on average.
  const perMinute = setting('BENCH_LATENCY_RATE', 0.2, 0.2);
  const rates = [
    { name: 'realistic', perMinute, seconds: setting('BENCH_LATENCY_SECONDS', 90, 15) },
    { name: '10x', perMinute: 10 * perMinute, seconds: setting('BENCH_LATENCY_10X_SECONDS', 30, 8) },
  ];
  const workers = startWorkers();
  for (const worker of workers) pinTo(worker.child.pid, 'client');
  pinTo(process.pid, 'client');
  if (pinning()) say('BENCH_PIN=1: the server on CPU 0, the client processes on the others');
  const figures: Figure[] = [];
  try {
    for (const rate of rates) {
      say(
        `${rate.name}: each desk calls every ${fmt(1 / rate.perMinute, 1)} min on average (${fmt((DESKS * rate.perMinute) / 60, 1)} calls/s in the hall), ${rate.seconds} s measured — ${loadLine()}`,
      );
      const queue = await session(workers, 'queue', rate.perMinute, rate.seconds);
      describe('queue', queue);
      const bare = await session(workers, 'bare', rate.perMinute, rate.seconds);
      describe('bare', bare);
      for (const key of ['p50', 'p95', 'p99'] as const) {
        const over = queue.latency[key] / bare.latency[key] > 1.5;
        figures.push({
          part: PART,
          figure: `${key} latency, ${rate.name} (${fmt((DESKS * rate.perMinute) / 60, 1)} calls/s)${pinning() ? ', server pinned' : ''}`,
          value: `${fmt(queue.latency[key], 2)} ms`,
          baseline: `bare broadcast ${fmt(bare.latency[key], 2)} ms`,
          ratio: ratio(queue.latency[key], bare.latency[key]),
          ...(over ? { flag: 'over 1.5× the bare broadcast' } : {}),
        });
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => stopChild(worker.child)));
  }
  return figures;
};
