/**
 * Administrators pair, list, rename and revoke devices. Every answer is audited by the
 * pairing service; a refusal for lack of the role is audited by `on`.
 */
import type { Ack, DeviceView, PairingRequestView, Principal, WireError } from '@queue/protocol';
import {
  DeviceApprovePayload,
  DeviceRejectPayload,
  DeviceRenamePayload,
  DeviceRevokePayload,
} from '@queue/protocol';
import { Auditor } from '../audit';
import { hasRole } from '../auth';
import { type HandlerContext, type QueueSocket, emptyPayload, isError, on, refuse } from './handler';

const isAdmin = (principal: Principal): boolean => principal.kind === 'staff' && hasRole(principal, 'admin');

const answer = <T>(result: T | WireError): Ack<T> =>
  isError(result) ? { ok: false, error: result } : { ok: true, data: result };

export const registerDeviceHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const caller = () => ({ actor: Auditor.actor(socket.data.principal), address: socket.handshake.address });
  const forbidden = refuse('FORBIDDEN', 'Only administrators manage devices.');

  on(socket, context, 'device:list-requests', emptyPayload, (_, principal): Ack<PairingRequestView[]> =>
    isAdmin(principal) ? { ok: true, data: context.pairing.pending() } : forbidden,
  );
  on(socket, context, 'device:list', emptyPayload, (_, principal): Ack<DeviceView[]> =>
    isAdmin(principal) ? { ok: true, data: context.pairing.list() } : forbidden,
  );
  on(socket, context, 'device:approve', DeviceApprovePayload, (payload, principal): Ack<DeviceView> =>
    isAdmin(principal) ? answer(context.pairing.approve(payload, caller())) : forbidden,
  );
  on(socket, context, 'device:reject', DeviceRejectPayload, (payload, principal): Ack<null> =>
    isAdmin(principal) ? answer(context.pairing.reject(payload.code, caller())) : forbidden,
  );
  on(socket, context, 'device:revoke', DeviceRevokePayload, (payload, principal): Ack<DeviceView> =>
    isAdmin(principal) ? answer(context.pairing.revoke(payload.deviceId, caller())) : forbidden,
  );
  on(socket, context, 'device:rename', DeviceRenamePayload, (payload, principal): Ack<DeviceView> =>
    isAdmin(principal) ? answer(context.pairing.rename(payload.deviceId, payload.name, caller())) : forbidden,
  );
};
