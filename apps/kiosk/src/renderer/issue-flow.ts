/**
 * Taking a ticket, as one transaction with the printer. The printer is asked first: by the
 * server for a network printer (a refusal PRINTER_UNAVAILABLE issues nothing), or here
 * through the Electron shell for the kiosk's own printer. A printer that cannot print turns
 * into an offer of an on-screen ticket, never into a number without a ticket. After issuing,
 * the kiosk's own printer prints and the result goes to the server, which alerts staff.
 */
import { newRequestId } from '@queue/client';
import { type Centre, type KioskSettings, type ServiceCode, findKiosk, printedBy } from '@queue/core';
import type { IssuedTicket, PrinterAnswer } from '@queue/protocol';
import { isPrintable } from '@queue/protocol';
import { getLanguage } from '@queue/ui';
import { type TicketDelivery, show, useKiosk } from './kiosk-store';
import { shellBridge } from './local-printer';
import { statusUrlOf, ticketPrintView } from './print-view';
import { queueStore } from './queue';

/** Who prints this kiosk's tickets: the server, the kiosk's shell, or nobody (on screen). */
export type PrintMode = 'server' | 'local' | 'none';

export const printModeOf = (kiosk: KioskSettings | undefined): PrintMode => {
  if (!kiosk?.printer) return 'none';
  if (printedBy(kiosk.printer) === 'server') return 'server';
  return shellBridge() ? 'local' : 'none';
};

export const context = (): { centre?: Centre; kiosk?: KioskSettings } => {
  const { sync } = queueStore.getState();
  const deviceId = sync.principal?.kind === 'device' ? sync.principal.deviceId : undefined;
  return {
    ...(sync.centre ? { centre: sync.centre } : {}),
    ...(sync.centre && deviceId ? { kiosk: findKiosk(sync.centre, deviceId) } : {}),
  };
};

/** The shell's printer status, also reported to the server so that staff get the alert. */
const localStatus = async (): Promise<PrinterAnswer> => {
  const status = await shellBridge()
    ?.printerStatus()
    .catch(() => 'no-answer' as const);
  const answer: PrinterAnswer = status === undefined || status === 'none' ? 'no-answer' : status;
  void queueStore.getState().connection?.request('kiosk:printer-status', { status: answer });
  return answer;
};

/** Print an issued ticket on the kiosk's own printer (through the shell) and report the result. */
export const printLocally = async (issued: IssuedTicket, requestId: string): Promise<TicketDelivery> => {
  const { centre, kiosk } = context();
  const bridge = shellBridge();
  if (!centre || !bridge) return 'print-failed';
  const language = getLanguage();
  const view = ticketPrintView(centre, issued, language, statusUrlOf(issued, kiosk));
  const result = await bridge
    .printTicket(view, centre.ticketTemplate)
    .catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  void queueStore.getState().connection?.request('kiosk:print-result', {
    requestId,
    ticketId: issued.ticket.id,
    ok: result.ok,
    ...(result.ok ? {} : { error: result.error.slice(0, 300) }),
  });
  return result.ok ? 'printed' : 'print-failed';
};

export interface IssueOptions {
  /** The visitor accepted an on-screen ticket: take it without the printer. */
  readonly onScreen?: boolean;
  /** The request being answered (the one the printer offer was made for). */
  readonly requestId?: string;
}

export const issueTicket = async (serviceCode: ServiceCode, options: IssueOptions = {}): Promise<void> => {
  const { issuing, unanswered, priority } = useKiosk.getState();
  const connection = queueStore.getState().connection;
  if (issuing || !connection) return;
  const requestId =
    options.requestId ?? (unanswered?.serviceCode === serviceCode ? unanswered.requestId : newRequestId());
  useKiosk.setState({ issuing: true });
  try {
    const mode = printModeOf(context().kiosk);
    const paper = mode !== 'none' && !options.onScreen;
    if (paper && mode === 'local' && !isPrintable(await localStatus())) {
      show({ kind: 'printer-offer', serviceCode, requestId });
      return;
    }
    const answer = await connection.request('ticket:issue', {
      requestId,
      serviceCode,
      language: getLanguage(),
      delivery: paper ? 'paper' : 'screen',
      ...(priority ? { priority: { category: priority } } : {}),
    });
    if (!answer.ok) {
      const lost = answer.error.code === 'INTERNAL';
      useKiosk.setState({ unanswered: lost ? { serviceCode, requestId } : undefined });
      show(
        answer.error.code === 'PRINTER_UNAVAILABLE'
          ? { kind: 'printer-offer', serviceCode, requestId }
          : { kind: 'refusal', code: answer.error.code, serviceCode },
      );
      return;
    }
    useKiosk.setState({ unanswered: undefined });
    const issued = answer.data;
    const delivery: TicketDelivery = !paper
      ? 'screen'
      : mode === 'local'
        ? await printLocally(issued, requestId)
        : issued.print?.ok === true
          ? 'printed'
          : 'print-failed';
    show({ kind: 'ticket', issued, delivery });
  } finally {
    useKiosk.setState({ issuing: false });
  }
};
