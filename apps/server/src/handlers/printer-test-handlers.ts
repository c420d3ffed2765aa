/**
 * `printer:test-page`: an administrator prints the code-page test (every Cyrillic letter under
 * the profile's `ESC t` number, docs/decisions/005-clone-code-pages.md) on a kiosk's printer
 * from Settings, to see whether the printer's table matches its profile. Only printers the
 * server drives can be reached: a kiosk printing through its own app is refused, plainly.
 */
import { findKiosk, printedBy } from '@queue/core';
import { type Ack, type PrinterTestPagePayload, isPrintable } from '@queue/protocol';
import { Auditor } from '../audit';
import { type HandlerContext, type QueueSocket, auditAction, idempotencyOf, refuse } from './handler';
import { on } from './on';

export const registerPrinterTestHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { queue, store, printing, inflight } = context;

  const printTestPage = async (
    payload: PrinterTestPagePayload,
    key: { principal: string; requestId: string },
  ): Promise<Ack<null>> => {
    // A repeated request (a reconnect resending it) answers again instead of printing twice.
    const previous = store.answerFor(key.principal, key.requestId) as Ack<null> | undefined;
    if (previous) return previous;
    const kiosk = findKiosk(queue.centre, payload.kioskId);
    if (!kiosk) return refuse('NOT_FOUND', `There is no kiosk ${payload.kioskId}.`);
    if (!kiosk.printer) return refuse('NOT_FOUND', `Kiosk ${payload.kioskId} has no printer.`);
    if (printedBy(kiosk.printer) !== 'server') {
      return refuse(
        'PRINTER_UNAVAILABLE',
        `Kiosk ${payload.kioskId} prints through its own app, which the server cannot reach; print the self-test page on the printer instead.`,
      );
    }
    const status = await printing.status(payload.kioskId);
    if (!isPrintable(status)) {
      return {
        ok: false,
        error: { code: 'PRINTER_UNAVAILABLE', message: 'The printer cannot print now.', printer: status },
      };
    }
    const outcome = await printing.printCodePageTest(payload.kioskId);
    if (!outcome.ok) return refuse('PRINTER_UNAVAILABLE', `The test page did not print: ${outcome.error}`);
    const answer: Ack<null> = { ok: true, data: null };
    store.rememberAnswer({ ...key, answer });
    return answer;
  };

  on(socket, context, 'printer:test-page', async (payload, principal) => {
    const key = idempotencyOf(principal, 'printer:test-page', payload.requestId);
    const answer = await inflight.run(`${key.principal} ${key.requestId}`, () => printTestPage(payload, key));
    auditAction(socket, context, {
      action: 'printer:test-page',
      target: `kiosk:${payload.kioskId}`,
      details: Auditor.outcome(answer),
    });
    return answer;
  });
};
