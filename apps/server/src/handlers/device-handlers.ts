/**
 * Administrators pair, list, rename and revoke devices. Every answer is audited by the
 * pairing service; a refusal for lack of the role is audited by `on`.
 */
import type { Ack, WireError } from '@queue/protocol';
import { Auditor } from '../audit';
import { type HandlerContext, type QueueSocket, isError } from './handler';
import { on } from './on';

const answer = <T>(result: T | WireError): Ack<T> =>
  isError(result) ? { ok: false, error: result } : { ok: true, data: result };

export const registerDeviceHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const caller = () => ({ actor: Auditor.actor(socket.data.principal), address: socket.handshake.address });

  on(socket, context, 'device:list-requests', () => ({ ok: true, data: context.pairing.pending() }));
  on(socket, context, 'device:list', () => ({ ok: true, data: context.pairing.list() }));
  on(socket, context, 'device:approve', (payload) => answer(context.pairing.approve(payload, caller())));
  on(socket, context, 'device:reject', (payload) => answer(context.pairing.reject(payload.code, caller())));
  on(socket, context, 'device:revoke', (payload) =>
    answer(context.pairing.revoke(payload.deviceId, caller())),
  );
  on(socket, context, 'device:rename', (payload) =>
    answer(context.pairing.rename(payload.deviceId, payload.name, caller())),
  );
};
