/** Snapshot and catch-up requests, for every kind of client. */
import { SyncSincePayload } from '@queue/protocol';
import { buildSnapshot, catchUp } from '../sync';
import { type HandlerContext, type QueueSocket, emptyPayload, on } from './handler';

export const registerSyncHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { queue, store } = context;

  on(socket, context, 'sync:snapshot', emptyPayload, (_payload, principal) => ({
    ok: true,
    data: buildSnapshot(queue, store, principal),
  }));

  on(socket, context, 'sync:since', SyncSincePayload, (payload, principal) => ({
    ok: true,
    data: catchUp(queue, store, principal, payload),
  }));
};
