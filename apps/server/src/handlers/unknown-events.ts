/**
 * An event no handler is registered for (a typo, an older or newer client, a probe) is
 * answered at once with a clear refusal instead of leaving the client to its own timeout.
 */
import type { Logger } from '../logger';
import type { QueueSocket } from './handler';

export const answerUnknownEvents = (socket: QueueSocket, logger: Logger): void => {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && socket.listeners(event as never).length > 0) return;
    const name = typeof event === 'string' ? event.slice(0, 64) : typeof event;
    logger.debug('unknown event', { event: name });
    const ack = args.at(-1);
    if (typeof ack === 'function') {
      (ack as (answer: unknown) => void)({
        ok: false,
        error: { code: 'BAD_REQUEST', message: `Unknown event: ${name}.` },
      });
    }
  });
};
