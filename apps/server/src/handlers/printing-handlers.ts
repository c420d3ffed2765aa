/**
 * Printing outside the issue itself: reception reprints a ticket on a kiosk's printer; a
 * kiosk that prints through its own Electron shell reports its printer's status and each
 * print's result, so supervisors get the same alerts as for printers the server drives;
 * and booking check-in, whose answer for now is "no such booking" (bookings come later).
 */
import { type Language, type TicketId, estimateWait, ticketOf } from '@queue/core';
import type { Ack, ReprintAnswer } from '@queue/protocol';
import { type ReprintTicketPayload, isPrintable } from '@queue/protocol';
import { Auditor } from '../audit';
import { alertMessage, applyPrinterAnswer } from '../printing/printer-alerts';
import { type HandlerContext, type QueueSocket, auditAction, idempotencyOf, refuse } from './handler';
import { on } from './on';
import { originOf } from './issue-handlers';

export const registerPrintingHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { queue, store, printing, alerts, inflight, logger } = context;

  const reprint = async (payload: ReprintTicketPayload, key: { principal: string; requestId: string }) => {
    const previous = store.answerFor(key.principal, key.requestId) as Ack<ReprintAnswer> | undefined;
    if (previous) return previous;
    const ticketId = payload.ticketId as TicketId;
    const ticket = ticketOf(queue.state, ticketId) ?? store.ticketById(ticketId);
    if (!ticket) return refuse('UNKNOWN_TICKET', 'There is no such ticket.');
    const kioskId = printing.reprintKiosk(ticket.id, payload.kioskId);
    if (!kioskId) {
      return payload.kioskId
        ? refuse('NOT_FOUND', `Kiosk ${payload.kioskId} has no printer the server drives.`)
        : refuse('PRINTER_UNAVAILABLE', 'No kiosk has a printer the server drives.');
    }
    const status = await printing.status(kioskId);
    if (!isPrintable(status)) {
      return {
        ok: false as const,
        error: {
          code: 'PRINTER_UNAVAILABLE' as const,
          message: 'The printer cannot print now.',
          printer: status,
        },
      };
    }
    const origin = originOf(socket);
    const outcome = await printing.print(kioskId, {
      ticket,
      estimate: estimateWait(queue.centre, queue.state, ticket.serviceCode, queue.now(), ticket),
      // The ticket's own language unless reception asks for another: the desk sends none.
      language: (payload.language ?? ticket.language ?? printing.languageOf(ticket.id) ?? 'uk') as Language,
      ...(origin ? { origin } : {}),
    });
    if (!outcome.ok) return refuse('PRINTER_UNAVAILABLE', `The ticket did not print: ${outcome.error}`);
    for (const alert of alerts.list()) {
      if (alert.kind === 'print-failed' && alert.ticketId === ticket.id)
        alerts.clear(alert.deviceId, ['print-failed']);
    }
    const answer: Ack<ReprintAnswer> = {
      ok: true,
      data: { ticketId: ticket.id, number: ticket.number, kioskId },
    };
    store.rememberAnswer({ ...key, answer });
    return answer;
  };

  on(socket, context, 'ticket:reprint', async (payload, principal) => {
    const key = idempotencyOf(principal, 'ticket:reprint', payload.requestId);
    const answer = await inflight.run(`${key.principal} ${key.requestId}`, () => reprint(payload, key));
    auditAction(socket, context, {
      action: 'ticket:reprint',
      target: `ticket:${payload.ticketId}`,
      details: { ...Auditor.outcome(answer), ...(answer.ok ? { kioskId: answer.data.kioskId } : {}) },
    });
    return answer;
  });

  on(socket, context, 'kiosk:printer-status', (payload, principal) => {
    if (principal.kind !== 'device') return refuse('FORBIDDEN', 'Only kiosks report their printer.');
    applyPrinterAnswer(alerts, principal.deviceId, payload.status);
    return { ok: true, data: null };
  });

  on(socket, context, 'kiosk:print-result', (payload, principal) => {
    if (principal.kind !== 'device') return refuse('FORBIDDEN', 'Only kiosks report their prints.');
    const ticketId = payload.ticketId as TicketId;
    const ticket = ticketOf(queue.state, ticketId) ?? store.ticketById(ticketId);
    if (!ticket) return refuse('UNKNOWN_TICKET', 'There is no such ticket.');
    if (payload.ok) {
      alerts.clear(principal.deviceId, ['print-failed']);
      return { ok: true, data: null };
    }
    const error = payload.error ?? 'unknown error';
    logger.error('ticket:print-failed', { kioskId: principal.deviceId, ticket: ticket.number, error });
    alerts.raise(
      principal.deviceId,
      'print-failed',
      `${alertMessage('print-failed')} ${ticket.number}: ${error}`,
      {
        id: ticket.id,
        number: ticket.number,
      },
    );
    return { ok: true, data: null };
  });
};
