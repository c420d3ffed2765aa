/**
 * The page's half of the kiosk printer's idle poll: each status the shell pushes goes to the
 * server as `kiosk:printer-status` while online, the page asks once itself when it starts
 * (a change pushed before it loaded was lost), and the latest is sent again when the link
 * comes back (the server may have missed it while the kiosk was offline).
 */
import type { QueueConnection, QueueStoreState } from '@queue/client';
import { initialSyncState } from '@queue/client';
import type { LocalPrinterStatus } from '@queue/shell/bridge';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { startPrinterStatusRelay } from './printer-status-relay';

const PAPER_OUT = { online: false, coverOpen: false, paperOut: true, paperNearEnd: false };

const READY = { online: true, coverOpen: false, paperOut: false, paperNearEnd: false };

const setup = (status: QueueStoreState['status'] = 'online') => {
  const requests: unknown[][] = [];
  const connection = {
    request: async (...args: unknown[]) => (requests.push(args), { ok: true, data: null }),
  } as unknown as QueueConnection;
  const store = createStore<QueueStoreState>(() => ({ status, sync: initialSyncState, connection }));
  let push: ((status: LocalPrinterStatus) => void) | undefined;
  let answer: (status: LocalPrinterStatus) => void = () => undefined;
  const bridge = {
    printerStatus: () =>
      new Promise<LocalPrinterStatus>((resolve) => {
        answer = resolve;
      }),
    onPrinterStatus: (listener: (status: LocalPrinterStatus) => void) => {
      push = listener;
      return () => (push = undefined);
    },
  };
  const stop = startPrinterStatusRelay(bridge, store);
  return {
    requests,
    store,
    push: (value: LocalPrinterStatus) => push?.(value),
    /** The page's own first status check answers. */
    answerFirstCheck: async (value: LocalPrinterStatus) => {
      answer(value);
      await new Promise((resolve) => setImmediate(resolve));
    },
    stop,
    listening: () => !!push,
  };
};

describe('printer status relay', () => {
  it('reports each pushed status to the server', () => {
    const { requests, push } = setup();
    push(PAPER_OUT);
    push('no-answer');
    expect(requests).toEqual([
      ['kiosk:printer-status', { status: PAPER_OUT }],
      ['kiosk:printer-status', { status: 'no-answer' }],
    ]);
  });

  it('asks the printer once when the page starts and reports that', async () => {
    const { requests, answerFirstCheck } = setup();
    await answerFirstCheck('no-answer');
    expect(requests).toEqual([['kiosk:printer-status', { status: 'no-answer' }]]);
  });

  it('a change pushed before the first answer wins over it', async () => {
    const { requests, push, answerFirstCheck } = setup();
    push(READY);
    await answerFirstCheck(PAPER_OUT);
    expect(requests).toEqual([['kiosk:printer-status', { status: READY }]]);
  });

  it('holds the latest while offline and sends it when the link is back', () => {
    const { requests, push, store } = setup('offline');
    push('no-answer');
    push(PAPER_OUT);
    expect(requests).toEqual([]);
    store.setState({ status: 'online' });
    expect(requests).toEqual([['kiosk:printer-status', { status: PAPER_OUT }]]);
  });

  it("ignores 'none', and stops when asked", () => {
    const { requests, push, stop, listening, store } = setup();
    push('none');
    expect(requests).toEqual([]);
    stop();
    expect(listening()).toBe(false);
    store.setState({ status: 'offline' });
    store.setState({ status: 'online' });
    expect(requests).toEqual([]);
  });

  it('does nothing in a browser, where there is no shell', () => {
    const store = createStore<QueueStoreState>(() => ({ status: 'online', sync: initialSyncState }));
    expect(() => startPrinterStatusRelay(undefined, store)()).not.toThrow();
  });
});
