/**
 * The centre's sync with its city hub, for administrators (the contract's rule): last sent,
 * acknowledged, behind by N, and the last failure. Read-only; never touches the hub.
 */
import type { Ack, HubSyncState } from '@queue/protocol';
import type { HandlerContext, QueueSocket } from './handler';
import { on } from './on';

const NOT_CONFIGURED: HubSyncState = { configured: false, lastAcknowledgedSeq: 0, headSeq: 0, behind: 0 };

export const registerHubHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'hub:status', (): Ack<HubSyncState> => ({
    ok: true,
    data: context.hubStatus ? context.hubStatus() : NOT_CONFIGURED,
  }));
};
