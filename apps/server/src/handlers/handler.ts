/**
 * What every socket handler shares: the typed socket, the context, refusals, the audit of
 * privileged and forbidden actions, request ids, and the desk a command acts at. Events are
 * registered through `on` (`on.ts`), from the contract table.
 */
import type { DeskId, QueueCommand, QueueState, TicketId } from '@queue/core';
import type { AppealStore, PartnerKeyStore, QueueStore, StaffDirectory } from '@queue/db';
import type {
  Ack,
  ClientToServerEvents,
  HubSyncState,
  Principal,
  ServerToClientEvents,
  VisitAnswer,
  WireError,
} from '@queue/protocol';
import type { Socket } from 'socket.io';
import type { AlertCenter } from '../alerts';
import type { AppealService } from '../appeals/appeal-service';
import type { BookingService } from '../bookings/booking-service';
import { type AuditInput, Auditor } from '../audit';
import { hasRole, principalKey } from '../auth';
import type { CentreConfig } from '../centre-config';
import type { CatalogueOffer } from '../city/catalogue-offer';
import type { PrintService } from '../printing/print-service';
import type { InFlight } from './in-flight';
import type { Logger } from '../logger';
import type { PairingService } from '../pairing';
import type { QueueService } from '../queue-service';
import { mayWorkAtDesk, ticketOf } from '@queue/core';
import type { ReportService } from '../reports/report-service';
import type { SummaryBroadcast } from '../summary-broadcast';

export type QueueSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  /** `tokenHash`: the credential it connected with, so ending it can close the socket. */
  { principal: Principal; tokenHash?: string }
>;

export interface HandlerContext {
  readonly queue: QueueService;
  readonly store: QueueStore;
  readonly logger: Logger;
  readonly config: CentreConfig;
  readonly alerts: AlertCenter;
  readonly printing: PrintService;
  /** Requests still being carried out, by principal and request id (shared by all sockets). */
  readonly inflight: InFlight;
  readonly audit: Auditor;
  readonly pairing: PairingService;
  /** Staff accounts, for administrators. */
  readonly staff: StaffDirectory;
  readonly bookings: BookingService;
  readonly appeals: AppealService;
  readonly appealStore: AppealStore;
  /** The Open311 partners' API keys (hashes only). */
  readonly partnerKeys: PartnerKeyStore;
  readonly reports: ReportService;
  /** The waiting summary as last sent to every screen. */
  readonly waitingSummary: SummaryBroadcast;
  /** A backup now, through the server's backup runner; absent when backups are not configured. */
  readonly backupNow?: () => Promise<string>;
  /** The sync with the city hub; absent when the server has no sender (tests). */
  readonly hubStatus?: () => HubSyncState;
  /** The city catalogue on offer from the hub; absent when the centre has not joined one. */
  readonly catalogueOffer?: CatalogueOffer;
}

export const refuse = (code: WireError['code'], message: string): Ack<never> => ({
  ok: false,
  error: { code, message },
});

/** Record a privileged action by the socket's principal, from its address. */
export const auditAction = (
  socket: QueueSocket,
  context: HandlerContext,
  entry: Omit<AuditInput, 'actor' | 'address'>,
): void =>
  context.audit.record({
    ...entry,
    actor: Auditor.actor(socket.data.principal),
    address: socket.handshake.address,
  });

/** A command refused as not allowed for this principal goes to the audit log (coalesced). */
export const auditForbidden = (
  socket: QueueSocket,
  context: HandlerContext,
  name: string,
  answer: Ack<unknown>,
): void => {
  if (answer.ok || answer.error.code !== 'FORBIDDEN') return;
  const actor = Auditor.actor(socket.data.principal);
  context.audit.recordCoalesced(`forbidden ${actor} ${name}`, {
    actor,
    action: 'command:forbidden',
    target: name,
    address: socket.handshake.address,
  });
};

export const STAFF_ROLES = ['operator', 'reception', 'call-centre', 'supervisor', 'admin'] as const;

/** The desk a staff command acts at: the caller's own, or any for supervisors and admins. */
export const resolveDesk = (principal: Principal, requested: string | undefined): DeskId | WireError => {
  if (principal.kind !== 'staff' || !hasRole(principal, ...STAFF_ROLES)) {
    return { code: 'FORBIDDEN', message: 'Only staff act at desks.' };
  }
  const own = principal.deskId;
  if (requested === undefined || requested === own) {
    return own ?? { code: 'BAD_REQUEST', message: 'This session is not bound to a desk; log in at a desk.' };
  }
  if (hasRole(principal, 'supervisor', 'admin')) return requested as DeskId;
  return { code: 'FORBIDDEN', message: 'You can act only at your own desk.' };
};

/**
 * Whether staff acting at a desk (a supervisor at someone else's, say) works for its
 * organisation: someone named to organisations acts only at their desks (`mayWorkAtDesk`).
 */
export const refuseOtherOrganisation = (
  context: HandlerContext,
  principal: Principal,
  deskId: string,
): WireError | undefined => {
  const desk = context.queue.centre.desks.find((entry) => entry.id === deskId);
  if (principal.kind !== 'staff' || !desk) return undefined;
  const organisationIds = context.staff.byId(principal.staffId)?.organisationIds ?? [];
  return mayWorkAtDesk({ roles: principal.roles, organisationIds }, desk)
    ? undefined
    : {
        code: 'OTHER_ORGANISATION',
        message: `Desk ${deskId} belongs to an organisation you do not work for.`,
      };
};

/**
 * Request ids are remembered per principal and per command, so that an id reused for another
 * command is carried out rather than answered with the other command's (differently shaped) answer.
 */
export const idempotencyOf = (principal: Principal, name: keyof ClientToServerEvents, requestId: string) => ({
  principal: principalKey(principal),
  requestId: `${name}:${requestId}`,
});

export const isError = (value: unknown): value is WireError =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value;

export const actorOf = (principal: Principal): QueueCommand['actor'] =>
  principal.kind === 'staff'
    ? { kind: 'staff', staffId: principal.staffId }
    : { kind: 'device', deviceId: principal.deviceId };

export const visitAnswer =
  (deskId: DeskId, ticketId?: string) =>
  (state: QueueState): VisitAnswer => {
    const desk = state.desks[deskId] ?? { id: deskId, status: 'closed' as const, privilegedStreak: 0 };
    const id = (ticketId ?? desk.currentTicketId) as TicketId | undefined;
    const ticket = id ? ticketOf(state, id) : undefined;
    return { desk, ...(ticket ? { ticket } : {}) };
  };

export const failMissing = (): never => {
  throw new Error('ticket vanished after a successful command');
};
