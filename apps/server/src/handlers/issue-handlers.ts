/**
 * Issuing a ticket, made transactional with the kiosk's printer when the server drives it:
 * the rules are checked first, then the printer is asked (a short timeout); a printer that
 * cannot print refuses with PRINTER_UNAVAILABLE and nothing is issued, so the visitor is
 * never promised paper that will not come. Then the ticket is committed and printed; a print
 * that fails after the commit answers ok with `print.ok: false` so the kiosk shows the
 * ticket on screen. A retried request id never issues or prints twice.
 */
import type { Instant, Language, QueueCommand, ServiceCode, TicketId } from '@queue/core';
import { decide, estimateWait, findKiosk, ticketOf } from '@queue/core';
import type { Ack, IssuedTicket, Principal, IssueTicketPayload } from '@queue/protocol';
import { isPrintable } from '@queue/protocol';
import { hasRole } from '../auth';
import { newTicketId } from '../secrets';
import { on } from './on';
import { type HandlerContext, type QueueSocket, actorOf, idempotencyOf, refuse } from './handler';

type Payload = IssueTicketPayload;
type PrintResult = NonNullable<IssuedTicket['print']>;

/** A ticket for a booked visit: source `booking`, due at the slot when the visitor is on time. */
export interface BookedVisit {
  readonly appointmentAt?: Instant;
}

/** The page's origin, for the status link on tickets of kiosks without a public base URL. */
export const originOf = (socket: QueueSocket): string | undefined => {
  const { origin, host } = socket.handshake.headers;
  if (typeof origin === 'string' && /^https?:\/\//.test(origin)) return origin;
  return host ? `http://${host}` : undefined;
};

const issueCommand = (
  context: HandlerContext,
  payload: Payload,
  principal: Principal,
  ticketId: TicketId,
  isReception: boolean,
  booked?: BookedVisit,
): QueueCommand => ({
  type: 'issue-ticket',
  at: context.queue.now(),
  actor: actorOf(principal),
  ticketId,
  serviceCode: payload.serviceCode as ServiceCode,
  source: booked ? 'booking' : isReception ? 'reception' : 'kiosk',
  ...(booked?.appointmentAt !== undefined ? { appointmentAt: booked.appointmentAt } : {}),
  ...(payload.priority
    ? {
        priority: {
          category: payload.priority.category,
          // Staff see the document; a kiosk claim is confirmed later at the desk.
          confirmed: isReception,
          ...(payload.priority.reason ? { reason: payload.priority.reason } : {}),
        },
      }
    : {}),
  ...(payload.itinerary ? { itinerary: payload.itinerary as ServiceCode[] } : {}),
  ...(payload.note ? { note: payload.note } : {}),
  ...(payload.language ? { language: payload.language as Language } : {}),
});

export type Issuer = (
  payload: Payload,
  principal: Principal,
  isReception: boolean,
  booked?: BookedVisit,
  /** The command whose request id this is: ids are unique only per command. */
  command?: IssuingCommand,
) => Promise<Ack<IssuedTicket>>;

/** The commands that issue a ticket; each keeps its own request ids. */
export type IssuingCommand = 'ticket:issue' | 'booking:check-in';

/**
 * The one way a ticket is issued over a socket (the kiosk's button, reception, a booking's
 * check-in): the rules, then the printer when the server drives it, then the commit.
 */
export const issuerFor = (socket: QueueSocket, context: HandlerContext): Issuer => {
  const { queue, store, printing } = context;

  const execute = (
    payload: Payload,
    principal: Principal,
    isReception: boolean,
    booked: BookedVisit | undefined,
    key: { readonly principal: string; readonly requestId: string },
  ): Promise<Ack<IssuedTicket>> => {
    const ticketId = newTicketId() as TicketId;
    // Grouped: kiosks issuing at the same moment share one durable commit.
    return queue.executeGrouped(
      issueCommand(context, payload, principal, ticketId, isReception, booked),
      (state) => {
        const ticket = ticketOf(state, ticketId);
        if (!ticket) throw new Error('issued ticket missing from state');
        return {
          ticket,
          estimate: estimateWait(queue.centre, state, ticket.serviceCode, ticket.issuedAt, ticket),
          statusPath: `/t/${ticket.id}`,
        };
      },
      key,
    );
  };

  return async (payload, principal, isReception, booked, command = 'ticket:issue') => {
    // A check-in's ticket is kept apart from the check-in's own answer under the same id.
    const key = idempotencyOf(
      principal,
      command,
      command === 'ticket:issue' ? payload.requestId : `${payload.requestId}:ticket`,
    );
    const printKey = { principal: key.principal, requestId: `${key.requestId}:print` };
    const previous = store.answerFor(key.principal, key.requestId) as Ack<IssuedTicket> | undefined;
    if (previous) {
      const print = store.answerFor(printKey.principal, printKey.requestId) as PrintResult | undefined;
      return previous.ok && print ? { ok: true as const, data: { ...previous.data, print } } : previous;
    }
    const kioskId = principal.kind === 'device' && !isReception ? principal.deviceId : undefined;
    const printerKiosk = kioskId ? printing.serverKiosk(kioskId) : undefined;
    const hasPrinter = kioskId ? findKiosk(queue.centre, kioskId)?.printer !== undefined : false;
    const paper = (payload.delivery ?? (hasPrinter ? 'paper' : 'screen')) === 'paper';
    if (!kioskId || !printerKiosk || !paper) {
      const answer = await execute(payload, principal, isReception, booked, key);
      if (answer.ok && kioskId) printing.rememberIssuer(answer.data.ticket.id, kioskId);
      return answer;
    }

    // Refusals first: a closed centre is said as such, not as a printer problem.
    const check = decide(
      queue.centre,
      queue.state,
      issueCommand(context, payload, principal, newTicketId() as TicketId, false, booked),
    );
    if (!check.ok) return { ok: false as const, error: check.error };
    const status = await printing.status(kioskId);
    if (!isPrintable(status)) {
      return {
        ok: false as const,
        error: {
          code: 'PRINTER_UNAVAILABLE' as const,
          message: 'The printer cannot print now; nothing was issued.',
          printer: status,
        },
      };
    }
    const answer = await execute(payload, principal, false, booked, key);
    if (!answer.ok) return answer;
    const { ticket, estimate } = answer.data;
    printing.rememberIssuer(ticket.id, kioskId);
    const origin = originOf(socket);
    const outcome = await printing.print(kioskId, {
      ticket,
      estimate,
      language: (payload.language ?? 'uk') as Language,
      ...(origin ? { origin } : {}),
    });
    const print: PrintResult = outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
    store.rememberAnswer({ ...printKey, answer: print });
    return { ok: true as const, data: { ...answer.data, print } };
  };
};

export const registerIssueHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { inflight } = context;
  const issue = issuerFor(socket, context);

  on(socket, context, 'ticket:issue', (payload, principal) => {
    const isKiosk = hasRole(principal, 'kiosk');
    const isReception = hasRole(principal, 'reception', 'admin', 'supervisor');
    if (isKiosk && !isReception && (payload.itinerary?.length || payload.note)) {
      return refuse('FORBIDDEN', 'A kiosk issues single-service tickets only.');
    }
    const key = idempotencyOf(principal, 'ticket:issue', payload.requestId);
    return inflight.run(`${key.principal} ${key.requestId}`, () => issue(payload, principal, isReception));
  });
};
