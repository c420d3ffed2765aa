/**
 * The appeals journal over the socket: register (from a visit or on its own, with the
 * receipt printed on a kiosk's printer when asked), the steps of an appeal's life, the
 * journal's lists, one appeal with its history, assignees and the report. Roles come from
 * the contract table; organisation scoping and the rules are the AppealService's.
 */
import type { AppealMember, AppealTopic, Language, TicketId } from '@queue/core';
import { ticketOf } from '@queue/core';
import type { Ack, Principal, RegisteredAppeal, StaffAppeal } from '@queue/protocol';
import { Auditor } from '../audit';
import type { AppealActorRef, AppealStep } from '../appeals/appeal-service';
import { publicBaseOf, receiptView, trackingUrlOf } from '../appeals/receipt';
import { qrSvg } from '../bookings/qr';
import { type HandlerContext, type QueueSocket, idempotencyOf, refuse } from './handler';
import { originOf } from './issue-handlers';
import { type PayloadOf, onAnswering, on } from './on';

type StepEvent =
  | 'appeal:classify'
  | 'appeal:assign'
  | 'appeal:take'
  | 'appeal:extend'
  | 'appeal:forward'
  | 'appeal:answer'
  | 'appeal:dismiss'
  | 'appeal:reopen';

export const registerAppealHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { appeals, store, printing } = context;

  const memberOf = (principal: Principal): AppealMember | undefined =>
    principal.kind === 'staff'
      ? {
          staffId: principal.staffId,
          roles: principal.roles,
          organisationIds: context.staff.byId(principal.staffId)?.organisationIds ?? [],
        }
      : undefined;
  const staffActor = (principal: Principal): (AppealActorRef & { kind: 'staff' }) | undefined => {
    const member = memberOf(principal);
    return member
      ? { kind: 'staff', member, audit: Auditor.actor(principal), address: socket.handshake.address }
      : undefined;
  };
  const notStaff = () => refuse('FORBIDDEN', 'Only staff work appeals.');

  const printReceipt = async (
    appealId: string,
    kioskId: string,
    language: Language,
  ): Promise<{ printed: true } | { printed: false; error: string }> => {
    const stored = context.appealStore.get(appealId);
    if (!stored) return { printed: false, error: 'There is no such appeal.' };
    const centre = context.queue.centre;
    const url = trackingUrlOf(stored.appeal.trackingCode, publicBaseOf(centre, kioskId, originOf(socket)));
    const outcome = await printing.printAppealReceipt(
      kioskId,
      receiptView(centre, stored.appeal, language, url),
    );
    return outcome.ok ? { printed: true } : { printed: false, error: outcome.error };
  };

  on(socket, context, 'appeal:register', async (payload, principal): Promise<Ack<RegisteredAppeal>> => {
    const actor = staffActor(principal);
    if (!actor) return notStaff();
    const key = idempotencyOf(principal, 'appeal:register', payload.requestId);
    // The schema checked the ids' shape; the branded types are plain strings on the wire.
    let topic = payload.topic as AppealTopic;
    if (payload.ticketId !== undefined) {
      const ticket =
        ticketOf(context.queue.state, payload.ticketId as TicketId) ?? store.ticketById(payload.ticketId);
      if (!ticket) return refuse('UNKNOWN_TICKET', 'There is no such ticket.');
      // From a visit, the topic's service is the visit's unless the desk named another.
      const service = context.queue.centre.services.find((entry) => entry.code === ticket.serviceCode);
      if (topic.serviceCode === undefined && service?.organisationId === topic.organisationId) {
        topic = { ...topic, serviceCode: service.code };
      }
    }
    const language = payload.language ?? 'uk';
    const registered = appeals.register(
      {
        channel: payload.channel,
        language,
        topic,
        summary: payload.summary,
        text: payload.text,
        applicant: payload.applicant,
        ...(payload.ticketId !== undefined ? { ticketId: payload.ticketId as TicketId } : {}),
      },
      actor,
      key,
    );
    if (!registered.ok) return registered;
    let appeal = registered.data.appeal;
    if (payload.appealClass && appeal.appealClass === undefined) {
      const classified = appeals.act(
        appeal.id,
        { type: 'classify', appealClass: payload.appealClass },
        actor,
      );
      if (classified.ok) appeal = classified.data;
    }
    const stored = context.appealStore.get(appeal.id) ?? registered.data;
    const centre = context.queue.centre;
    const trackingUrl = trackingUrlOf(
      appeal.trackingCode,
      publicBaseOf(centre, payload.receiptKioskId, originOf(socket)),
    );
    const receipt = payload.receiptKioskId
      ? await context.inflight.run(`appeal receipt ${appeal.id}`, () =>
          printReceipt(appeal.id, payload.receiptKioskId as string, language),
        )
      : undefined;
    // Whoever registered it has just typed the applicant's details: they see them this once.
    const view = {
      ...appeals.viewFor(stored, actor.member),
      applicant: payload.applicant,
      applicantHidden: false,
    };
    return {
      ok: true,
      data: {
        appeal: view,
        ...(trackingUrl ? { trackingUrl, trackingQrSvg: qrSvg(trackingUrl) } : {}),
        ...(receipt ? { receipt } : {}),
      },
    };
  });

  /** A step, remembered by request id so that a retry does not act twice. */
  const step = <K extends StepEvent>(name: K, toStep: (payload: PayloadOf<K>) => AppealStep): void =>
    onAnswering<StaffAppeal, K>(socket, context, name, (payload, principal) => {
      const actor = staffActor(principal);
      if (!actor) return notStaff();
      const key = idempotencyOf(principal, name, payload.requestId);
      const previous = store.answerFor(key.principal, key.requestId) as Ack<StaffAppeal> | undefined;
      if (previous) return previous;
      const done = appeals.act(payload.appealId, toStep(payload), actor);
      if (!done.ok) return done;
      const stored = context.appealStore.get(payload.appealId);
      if (!stored) return refuse('UNKNOWN_APPEAL', 'There is no such appeal.');
      const answer: Ack<StaffAppeal> = { ok: true, data: appeals.viewFor(stored, actor.member) };
      store.rememberAnswer({ ...key, answer });
      return answer;
    });

  step('appeal:classify', (payload) => ({
    type: 'classify',
    appealClass: payload.appealClass,
    ...(payload.topic ? { topic: payload.topic as never } : {}),
  }));
  step('appeal:assign', (payload) => ({
    type: 'assign',
    organisationId: payload.organisationId as never,
    ...(payload.staffId !== undefined ? { staffId: payload.staffId as never } : {}),
  }));
  step('appeal:take', () => ({ type: 'take' }));
  step('appeal:extend', (payload) => ({ type: 'extend', reason: payload.reason }));
  step('appeal:forward', (payload) => ({
    type: 'forward',
    body: payload.body,
    ...(payload.note !== undefined ? { note: payload.note } : {}),
  }));
  step('appeal:answer', (payload) => ({ type: 'answer', result: payload.result, favour: payload.favour }));
  step('appeal:dismiss', (payload) => ({
    type: 'dismiss',
    ground: payload.ground,
    ...(payload.note !== undefined ? { note: payload.note } : {}),
  }));
  step('appeal:reopen', (payload) => ({ type: 'reopen', reason: payload.reason }));

  on(socket, context, 'appeal:list', (payload, principal) => {
    const member = memberOf(principal);
    return member ? appeals.list(payload, member) : notStaff();
  });

  on(socket, context, 'appeal:get', (payload, principal) => {
    const member = memberOf(principal);
    if (!member) return notStaff();
    const details = appeals.details(payload.appealId, member);
    if (!details.ok) return details;
    const url = trackingUrlOf(
      details.data.appeal.trackingCode,
      publicBaseOf(context.queue.centre, undefined, originOf(socket)),
    );
    return { ok: true, data: { ...details.data, ...(url ? { trackingUrl: url } : {}) } };
  });

  on(socket, context, 'appeal:print-receipt', async (payload, principal) => {
    const member = memberOf(principal);
    if (!member) return notStaff();
    const stored = context.appealStore.get(payload.appealId);
    if (!stored) return refuse('UNKNOWN_APPEAL', 'There is no such appeal.');
    const printed = await context.inflight.run(`appeal receipt ${payload.appealId}`, () =>
      printReceipt(payload.appealId, payload.kioskId, stored.appeal.language),
    );
    return { ok: true, data: printed.printed ? { printed: true } : { printed: false, error: printed.error } };
  });

  on(socket, context, 'appeal:assignees', (payload) => ({
    ok: true,
    data: appeals.assignees(payload.organisationId),
  }));

  on(socket, context, 'appeal:report', (payload, principal) => {
    const member = memberOf(principal);
    return member ? appeals.report(payload, member) : notStaff();
  });
};
