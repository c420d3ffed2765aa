/**
 * What the operator screen needs from the synced state: this desk, its status, the visitor
 * at it and that visitor's service.
 */
import type { SyncState } from '@queue/client';
import type { Desk, DeskId, DeskState, DeskStatus, Service, Ticket } from '@queue/core';
import { findDesk, findService, ticketOf } from '@queue/core';
import type { Principal } from '@queue/protocol';

export interface DeskView {
  readonly deskId?: DeskId;
  readonly desk?: Desk;
  readonly deskState?: DeskState;
  readonly status: DeskStatus;
  readonly current?: Ticket;
  readonly service?: Service;
}

export const deskIdOf = (principal: Principal | undefined): DeskId | undefined =>
  principal?.kind === 'staff' ? principal.deskId : undefined;

export const deskViewOf = (sync: SyncState, loggedIn: Principal): DeskView => {
  const deskId = deskIdOf(sync.principal) ?? deskIdOf(loggedIn);
  if (!deskId) return { status: 'closed' };
  const desk = sync.centre ? findDesk(sync.centre, deskId) : undefined;
  const deskState = sync.queue?.desks[deskId];
  const current = deskState?.currentTicketId
    ? sync.queue && ticketOf(sync.queue, deskState.currentTicketId)
    : undefined;
  const service = current && sync.centre ? findService(sync.centre, current.serviceCode) : undefined;
  return {
    deskId,
    ...(desk ? { desk } : {}),
    ...(deskState ? { deskState } : {}),
    status: deskState?.status ?? 'closed',
    ...(current ? { current } : {}),
    ...(service ? { service } : {}),
  };
};
