/**
 * How long a server process's event loop was held up, for telling the server's own stalls
 * from the machine's: a call that reaches the boards late while the loop never stalled was
 * held up outside the server (scheduling of the many client processes on few CPUs).
 * The parent sends 'loop-reset' when measuring starts and 'loop-delay' to read the figures.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export const answerLoopDelay = (): void => {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'loop-reset') histogram.reset();
    if (message.type === 'loop-delay') {
      const ms = (ns: number): number => ns / 1e6;
      const delay: LoopDelay = {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
      };
      process.send?.({ type: 'loop-delay', delay });
    }
  });
};
