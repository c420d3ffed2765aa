/**
 * Bookings over the socket: staff (operators, reception, supervisors, administrators) book,
 * cancel, move and look up bookings; kiosks and reception check a visitor in by code, which
 * issues the ticket through the same path as the kiosk's button (printer included). On time,
 * the ticket is due at the slot; late, it joins the ordinary queue and the answer says so.
 */
import type {
  Ack,
  BookingCheckInPayload,
  BurstCancelAnswer,
  CheckedInTicket,
  Principal,
  StaffBooking,
} from '@queue/protocol';
import { Auditor } from '../audit';
import { hasRole } from '../auth';
import type { BookingActor } from '../bookings/booking-service';
import { staffView } from '../bookings/booking-service';
import { type HandlerContext, type QueueSocket, auditAction, idempotencyOf, refuse } from './handler';
import { type PayloadOf, on, onAnswering } from './on';
import { issuerFor } from './issue-handlers';

/** How far back a supervisor looks for bursts unless they say: a day. */
const DEFAULT_BURST_WINDOW_MINUTES = 24 * 60;

export const registerBookingHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { bookings, store, inflight } = context;
  const issue = issuerFor(socket, context);
  const actorOf = (principal: Principal): BookingActor => ({
    actor: Auditor.actor(principal),
    address: socket.handshake.address,
  });

  /** A staff command, remembered by request id so that a retry does not act twice. */
  const staffCommand = <K extends 'booking:create' | 'booking:cancel' | 'booking:move'>(
    name: K,
    run: (payload: PayloadOf<K>, principal: Principal) => Ack<StaffBooking>,
  ): void =>
    onAnswering<StaffBooking, K>(socket, context, name, (payload, principal) => {
      const key = idempotencyOf(principal, name, payload.requestId);
      const previous = store.answerFor(key.principal, key.requestId) as Ack<StaffBooking> | undefined;
      if (previous) return previous;
      const answer = run(payload, principal);
      store.rememberAnswer({ ...key, answer });
      return answer;
    });

  staffCommand('booking:create', (payload, principal) => {
    const answer = bookings.create(payload, actorOf(principal));
    return answer.ok
      ? { ok: true, data: staffView(answer.data, context.queue.centre.site.timeZone) }
      : answer;
  });

  staffCommand('booking:cancel', (payload, principal) => {
    const answer = bookings.cancel(payload.code, actorOf(principal));
    return answer.ok
      ? { ok: true, data: staffView(answer.data, context.queue.centre.site.timeZone) }
      : answer;
  });

  staffCommand('booking:move', (payload, principal) => {
    const answer = bookings.move(payload.code, payload.slotAt, actorOf(principal));
    return answer.ok
      ? { ok: true, data: staffView(answer.data, context.queue.centre.site.timeZone) }
      : answer;
  });

  on(socket, context, 'booking:find', (payload): Ack<StaffBooking> => {
    const booking = bookings.find(payload.code);
    return booking
      ? { ok: true, data: staffView(booking, context.queue.centre.site.timeZone) }
      : refuse('NOT_FOUND', 'There is no booking with this code.');
  });

  on(socket, context, 'booking:slots', (payload) => {
    return bookings.slots(payload.serviceCode, payload.day, payload.days);
  });

  on(socket, context, 'booking:bursts', (payload) => {
    return { ok: true, data: bookings.bursts(payload.windowMinutes ?? DEFAULT_BURST_WINDOW_MINUTES) };
  });

  on(socket, context, 'booking:cancel-burst', (payload, principal) => {
    const key = idempotencyOf(principal, 'booking:cancel-burst', payload.requestId);
    const previous = store.answerFor(key.principal, key.requestId) as Ack<BurstCancelAnswer> | undefined;
    if (previous) return previous;
    const windowMinutes = payload.windowMinutes ?? DEFAULT_BURST_WINDOW_MINUTES;
    const result = bookings.cancelBurst(
      { kind: payload.kind, key: payload.key, windowMinutes },
      payload.codes,
      actorOf(principal),
    );
    // The whole action once, beside each booking's own cancel; a phone stays out of the log.
    auditAction(socket, context, {
      action: 'booking:cancel-burst',
      target: `bookings:${payload.kind}`,
      details: {
        ...(payload.kind === 'address' ? { address: payload.key } : {}),
        windowMinutes,
        cancelled: result.cancelled.length,
        skipped: result.skipped.length,
      },
    });
    const answer: Ack<BurstCancelAnswer> = { ok: true, data: result };
    store.rememberAnswer({ ...key, answer });
    return answer;
  });

  const checkIn = async (
    payload: BookingCheckInPayload,
    principal: Principal,
  ): Promise<Ack<CheckedInTicket>> => {
    const key = idempotencyOf(principal, 'booking:check-in', payload.requestId);
    const previous = store.answerFor(key.principal, key.requestId) as Ack<CheckedInTicket> | undefined;
    if (previous) return previous;
    const plan = bookings.planCheckIn(payload.code);
    if (!plan.ok) return plan;
    const isKiosk = hasRole(principal, 'kiosk');
    const issued = await issue(
      {
        requestId: payload.requestId,
        serviceCode: plan.booking.serviceCode,
        language: payload.language ?? (plan.booking.language as 'uk' | 'ru' | 'en'),
      },
      principal,
      !isKiosk,
      plan.appointmentAt !== undefined ? { appointmentAt: plan.appointmentAt } : {},
      'booking:check-in',
    );
    if (!issued.ok) return issued;
    bookings.completeCheckIn(plan.booking, plan.late, issued.data.ticket.id, actorOf(principal));
    const answer: Ack<CheckedInTicket> = { ok: true, data: { ...issued.data, late: plan.late } };
    store.rememberAnswer({ ...key, answer });
    return answer;
  };

  on(socket, context, 'booking:check-in', (payload, principal) => {
    // One check-in per code at a time: a second tap while the printer works gets the same ticket.
    return inflight.run(`booking ${payload.code}`, () => checkIn(payload, principal));
  });
};
