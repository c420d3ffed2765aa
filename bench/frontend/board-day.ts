/**
 * The hall board over a simulated working day: from 08:00 to 21:00 (the demo centre's
 * weekday hours) five desks call, serve and finish visitors at a steady pace while the
 * server's clock is moved on by hand, so thirteen hours pass in minutes. After each hour,
 * once the board's announcement log has the hour's last call (so it has taken in every call),
 * the page's garbage is collected and its heap (whole, and split into compiled code and the
 * rest by a heap snapshot), DOM nodes and event listeners are read through CDP. The browser holds the sound back (no autoplay), so each announcement fails at once
 * instead of taking seconds of real time: the board still queues, logs and shows every call.
 */
import type { Browser } from 'playwright-core';
import { DISPLAY_TOKEN, KIOSK_TOKEN, type QueueClient, request, requestId } from '../lib/clients';
import { openPage } from './browser';
import { compiledCodeBytes } from './heap-snapshot';
import { startBenchServer } from './server';

/** Tuesday 24 November 2026, 08:00 in Kyiv: the demo centre opens. */
const OPENING = '2026-11-24T08:00:00+02:00';
export const DAY_HOURS = 13;
/** Desks 1-4 serve the billing services, desk 5 the passport office. */
const DESKS: readonly { readonly desk: number; readonly service: string }[] = [
  { desk: 1, service: 'bill-reconcile' },
  { desk: 2, service: 'bill-reconcile' },
  { desk: 3, service: 'bill-reconcile' },
  { desk: 4, service: 'bill-reconcile' },
  { desk: 5, service: 'doc-residence' },
];

export interface HeapSample {
  readonly hour: number;
  readonly calls: number;
  readonly heapBytes: number;
  /** The JS heap without its compiled code (heap-snapshot.ts). */
  readonly objectBytes: number;
  readonly codeBytes: number;
  readonly nodes: number;
  readonly listeners: number;
}

interface Ack<T> {
  readonly ok: boolean;
  readonly data?: T;
  readonly error?: { readonly code: string };
}

const ok = async <T>(answer: Promise<Ack<T>>, what: string): Promise<T> => {
  const settled = await answer;
  if (!settled.ok || settled.data === undefined)
    throw new Error(`${what}: ${settled.error?.code ?? 'no data'}`);
  return settled.data;
};

/** Issue a ticket for the desk's service, call it there, serve it, finish it (a recall now and then); the number. */
const serveOne = async (
  kiosk: QueueClient,
  desk: QueueClient,
  service: string,
  recall: boolean,
): Promise<string> => {
  await ok(
    request<Ack<unknown>>(kiosk, 'ticket:issue', { requestId: requestId('day-issue'), serviceCode: service }),
    'issue',
  );
  const called = await ok(
    request<Ack<{ ticket?: { id: string; number: string } }>>(desk, 'visit:call-next', {
      requestId: requestId('day-call'),
    }),
    'call',
  );
  const ticketId = called.ticket?.id;
  const number = called.ticket?.number;
  if (!ticketId || !number) throw new Error('call-next found nobody waiting');
  if (recall)
    await ok(
      request<Ack<unknown>>(desk, 'visit:recall', { requestId: requestId('day-recall'), ticketId }),
      'recall',
    );
  await ok(
    request<Ack<unknown>>(desk, 'visit:start', { requestId: requestId('day-start'), ticketId }),
    'start',
  );
  await ok(
    request<Ack<unknown>>(desk, 'visit:complete', { requestId: requestId('day-done'), ticketId }),
    'complete',
  );
  return number;
};

export const boardDay = async (
  browser: Browser,
  callsPerHour: number,
  onSample: (sample: HeapSample) => void,
): Promise<HeapSample[]> => {
  const server = await startBenchServer(OPENING);
  const opened = await openPage(browser, { cpuSlowdown: 1, viewport: { width: 1920, height: 1080 } });
  try {
    const kiosk = await server.device(KIOSK_TOKEN);
    const desks = await Promise.all(DESKS.map(({ desk }) => server.operator(desk)));
    for (const desk of desks)
      await ok(request<Ack<unknown>>(desk, 'desk:open', { requestId: requestId('day-open') }), 'open');
    const { page, cdp } = opened;
    await page.goto(`${server.url}/display/?device=${DISPLAY_TOKEN}&board=hall`);
    await page.locator('[data-board="hall"]').waitFor();
    await cdp.send('HeapProfiler.enable');
    let calls = 0;
    /** The number called last: once the board has logged it, it has announced every call before. */
    let lastNumber: string | undefined;
    const samples: HeapSample[] = [];
    const sample = async (hour: number): Promise<void> => {
      await page.waitForFunction(
        (number) =>
          number === null ||
          (globalThis as { __announcements?: { number: string }[] }).__announcements?.at(-1)?.number ===
            number,
        lastNumber ?? null,
        { timeout: 120_000, polling: 250 },
      );
      for (let pass = 0; pass < 3; pass += 1) await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const codeBytes = await compiledCodeBytes(cdp);
      const taken = {
        hour,
        calls,
        heapBytes: heap.usedSize,
        objectBytes: heap.usedSize - codeBytes,
        codeBytes,
        nodes: dom.nodes,
        listeners: dom.jsEventListeners,
      };
      samples.push(taken);
      onSample(taken);
    };
    await sample(0);
    const stepMinutes = 60 / callsPerHour;
    for (let hour = 1; hour <= DAY_HOURS; hour += 1) {
      for (let n = 0; n < callsPerHour; n += 1) {
        const at = DESKS[calls % DESKS.length];
        const desk = desks[calls % DESKS.length];
        if (!at || !desk) throw new Error('no desk');
        lastNumber = await serveOne(kiosk, desk, at.service, calls % 10 === 9);
        calls += 1;
        server.clock.advanceMinutes(stepMinutes);
      }
      await sample(hour);
    }
    return samples;
  } finally {
    await opened.close();
    await server.close();
  }
};

/** Least-squares slope of the chosen bytes per simulated hour. */
export const slopePerHour = (
  samples: readonly HeapSample[],
  bytes: (sample: HeapSample) => number = (sample) => sample.heapBytes,
): number => {
  const n = samples.length;
  if (n < 2) return Number.NaN;
  const meanX = samples.reduce((sum, s) => sum + s.hour, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + bytes(s), 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.hour - meanX) * (bytes(s) - meanY);
    den += (s.hour - meanX) ** 2;
  }
  return num / den;
};
