/**
 * The LED window displays of one machine: a display device client of the queue server
 * (packages/client, which reconnects and resyncs by itself) reading the same public board view
 * the hall boards and the window pages read (`deskWindow`), and, for each display, the line
 * of its desk written to its serial device whenever it changes. A recall writes the line
 * again (modules that flash on a new line flash again). While the server is away the displays
 * keep the last line.
 */
import { type ConnectionStatus, type QueueStoreState, createQueueStore } from '@queue/client';
import { deskWindow } from '@queue/protocol';
import type { StoreApi } from 'zustand/vanilla';
import type { LedDisplayConfig, WindowLedConfig } from './config';
import { lineFor } from './line';
import { SerialLine } from './serial-line';

export interface DriverOptions {
  readonly token: string;
  /** Progress and problems, one line each (the journal under systemd). */
  readonly say: (line: string) => void;
  readonly onStatus?: (status: ConnectionStatus) => void;
  readonly retryMs?: number;
}

export interface WindowLedDriver {
  readonly store: StoreApi<QueueStoreState>;
  /** Resolves when every line asked so far has been written. */
  flushed(): Promise<void>;
  close(): Promise<void>;
}

interface Output {
  readonly display: LedDisplayConfig;
  readonly line: SerialLine;
  last?: string;
  written: Promise<void>;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export const startDriver = (config: WindowLedConfig, options: DriverOptions): WindowLedDriver => {
  const outputs: Output[] = config.displays.map((display) => ({
    display,
    written: Promise.resolve(),
    line: new SerialLine({
      device: display.device,
      baudRate: display.baudRate,
      stty: display.stty,
      ...(options.retryMs ? { retryMs: options.retryMs } : {}),
      onError: (error) =>
        options.say(`desk ${display.desk}: cannot write to ${display.device}: ${(error as Error).message}`),
    }),
  }));
  const store = createQueueStore({ url: config.server, token: options.token });
  const unknown = new Set<string>();
  let status: ConnectionStatus | undefined;

  const update = (state: QueueStoreState): void => {
    if (state.status !== status) {
      status = state.status;
      options.say(`server ${config.server}: ${status}`);
      options.onStatus?.(status);
    }
    const { centre, summary, calls } = state.sync;
    if (!centre) return;
    for (const output of outputs) {
      const view = deskWindow(centre, summary, calls, output.display.desk);
      if (view.kind === 'unknown' && !unknown.has(output.display.desk)) {
        unknown.add(output.display.desk);
        options.say(`desk ${output.display.desk}: the centre has no such desk (give its number or id)`);
      }
      const bytes = lineFor(output.display, view, config.language);
      if (!bytes) continue;
      const key = `${hex(bytes)}:${view.kind === 'called' ? (view.call?.seq ?? '') : ''}`;
      if (key === output.last) continue;
      output.last = key;
      output.written = output.line.write(bytes);
    }
  };
  store.subscribe(update);
  update(store.getState());

  return {
    store,
    flushed: async () => {
      await Promise.all(outputs.map((output) => output.written));
    },
    close: async () => {
      store.getState().connection?.close();
      await Promise.all(outputs.map((output) => output.line.close()));
    },
  };
};
