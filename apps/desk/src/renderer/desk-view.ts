/**
 * What the operator screen needs from the synced state: this desk, its status, the visitor
 * at it, and the queue for the services it serves.
 */
import type { SyncState } from '@queue/client';
import type { Desk, DeskId, DeskStatus, LocalizedText, ServiceCode, Ticket } from '@queue/core';
import type { Principal } from '@queue/protocol';

export interface QueueRow {
  readonly code: ServiceCode;
  readonly name: LocalizedText;
  readonly waiting: number;
  readonly longestWaitMinutes: number;
}

export interface DeskView {
  readonly deskId?: DeskId;
  readonly desk?: Desk;
  readonly status: DeskStatus;
  readonly current?: Ticket;
  readonly rows: readonly QueueRow[];
}

const deskIdOf = (principal: Principal | undefined): DeskId | undefined =>
  principal?.kind === 'staff' ? principal.deskId : undefined;

export const deskViewOf = (sync: SyncState, loggedIn: Principal): DeskView => {
  const deskId = deskIdOf(sync.principal) ?? deskIdOf(loggedIn);
  if (!deskId) return { status: 'closed', rows: [] };
  const desk = sync.centre?.desks.find((entry) => entry.id === deskId);
  const state = sync.queue?.desks[deskId];
  const current = state?.currentTicketId ? sync.queue?.tickets[state.currentTicketId] : undefined;
  const rows = (desk?.services ?? []).flatMap(({ code }): QueueRow[] => {
    const service = sync.centre?.services.find((entry) => entry.code === code);
    const load = sync.summary?.services[code];
    if (!service) return [];
    return [
      {
        code,
        name: service.name,
        waiting: load?.waiting ?? 0,
        longestWaitMinutes: load?.longestWaitMinutes ?? 0,
      },
    ];
  });
  return {
    deskId,
    ...(desk ? { desk } : {}),
    status: state?.status ?? 'closed',
    ...(current ? { current } : {}),
    rows,
  };
};
