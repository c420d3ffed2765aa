/**
 * The printers the server drives, one per kiosk from the centre's configuration: asks a
 * kiosk's printer for its status (a short timeout, so a dead printer never holds up a
 * visitor), prints tickets, keeps the device alerts current, and remembers which kiosk
 * issued which ticket so reception can reprint it there.
 */
import { type Centre, type KioskSettings, type Language, findKiosk, printedBy } from '@queue/core';
import {
  type AppealReceiptView,
  DEFAULT_STATUS_TIMEOUT_MS,
  type PrinterProfile,
  appealReceiptToEscPos,
  codePageTestEscPos,
  type PrinterTransport,
  loadPrinterProfiles,
} from '@queue/printer';
import type { PrinterAnswer } from '@queue/protocol';
import type { AlertCenter } from '../alerts';
import type { Logger } from '../logger';
import { alertMessage, applyPrinterAnswer } from './printer-alerts';
import { type TicketToPrint, ticketBytes } from './ticket-bytes';
import { type TransportFactory, serverTransport, transportSignature } from './transports';

export interface PrintServiceOptions {
  readonly centre: () => Centre;
  readonly alerts: AlertCenter;
  readonly logger: Logger;
  /** Folder of printer profiles, usually `hardware/printers`. */
  readonly profilesDir: string;
  readonly statusTimeoutMs?: number;
  readonly transportFor?: TransportFactory;
}

export type PrintOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

type ServerKiosk = KioskSettings & { readonly printer: NonNullable<KioskSettings['printer']> };

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class PrintService {
  private readonly transports = new Map<string, { signature: string; transport: PrinterTransport }>();
  private readonly issuers = new Map<string, string>();
  /** The language each ticket was first printed in, so a reprint speaks it too. */
  private readonly languages = new Map<string, Language>();
  /** Status checks in flight by kiosk: a second asker shares the answer instead of a second connection. */
  private readonly checking = new Map<string, Promise<PrinterAnswer>>();
  /** Jobs in flight by kiosk. */
  private readonly printing = new Map<string, number>();
  private closed = false;
  private profiles: Promise<Map<string, PrinterProfile>> | undefined;
  private readonly transportFor: TransportFactory;
  private readonly statusTimeoutMs: number;

  constructor(private readonly options: PrintServiceOptions) {
    this.transportFor = options.transportFor ?? serverTransport;
    this.statusTimeoutMs = options.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
  }

  /** The kiosk's settings when the server prints its tickets. */
  serverKiosk(kioskId: string): ServerKiosk | undefined {
    const kiosk = findKiosk(this.options.centre(), kioskId);
    return kiosk?.printer && printedBy(kiosk.printer) === 'server' ? (kiosk as ServerKiosk) : undefined;
  }

  /** The kiosks whose printers the server drives now. */
  serverKioskIds(): string[] {
    return this.options
      .centre()
      .kiosks.filter((kiosk) => this.serverKiosk(kiosk.deviceId))
      .map((kiosk) => kiosk.deviceId);
  }

  /** Nothing is talking to the kiosk's printer: no job and no status check. */
  isIdle(kioskId: string): boolean {
    return !this.checking.has(kioskId) && !this.printing.has(kioskId);
  }

  /** Asks the printer; the answer also raises or clears the kiosk's alerts. */
  status(kioskId: string): Promise<PrinterAnswer> {
    const running = this.checking.get(kioskId);
    if (running) return running;
    const check = this.askStatus(kioskId).finally(() => this.checking.delete(kioskId));
    this.checking.set(kioskId, check);
    return check;
  }

  private async askStatus(kioskId: string): Promise<PrinterAnswer> {
    const kiosk = this.serverKiosk(kioskId);
    if (!kiosk || this.closed) return 'no-answer';
    const profile = (await this.loadProfiles()).get(kiosk.printer.profileId);
    const answer: PrinterAnswer =
      profile?.status === 'none'
        ? // A printer that cannot report is taken at its word; a failed print still alerts.
          { online: true, coverOpen: false, paperOut: false, paperNearEnd: false }
        : await this.transport(kiosk).status(profile?.statusTimeoutMs ?? this.statusTimeoutMs);
    this.options.logger.debug('printer status', { kioskId, answer });
    // Closing cut the connection: that says nothing about the printer.
    if (this.closed) return answer;
    applyPrinterAnswer(this.options.alerts, kioskId, answer);
    return answer;
  }

  /** Prints one ticket on the kiosk's printer; a failure raises a `print-failed` alert. */
  async print(kioskId: string, job: TicketToPrint): Promise<PrintOutcome> {
    this.printing.set(kioskId, (this.printing.get(kioskId) ?? 0) + 1);
    try {
      return await this.printJob(kioskId, job);
    } finally {
      const left = (this.printing.get(kioskId) ?? 1) - 1;
      if (left > 0) this.printing.set(kioskId, left);
      else this.printing.delete(kioskId);
    }
  }

  private async printJob(kioskId: string, job: TicketToPrint): Promise<PrintOutcome> {
    if (!this.languages.has(job.ticket.id)) this.languages.set(job.ticket.id, job.language);
    const kiosk = this.serverKiosk(kioskId);
    const { alerts, logger } = this.options;
    const ticket = { id: job.ticket.id, number: job.ticket.number };
    const fail = (error: string): PrintOutcome => {
      logger.error('ticket:print-failed', { kioskId, ticket: ticket.number, ticketId: ticket.id, error });
      alerts.raise(
        kioskId,
        'print-failed',
        `${alertMessage('print-failed')} ${ticket.number}: ${error}`,
        ticket,
      );
      return { ok: false, error };
    };
    if (!kiosk) return fail('this kiosk has no printer the server drives');
    try {
      const profile = (await this.loadProfiles()).get(kiosk.printer.profileId);
      if (!profile) return fail(`unknown printer profile ${kiosk.printer.profileId}`);
      const centre = this.options.centre();
      const bytes = ticketBytes(centre, job, profile, kiosk.publicBaseUrl, logger);
      // The printer confirms after the job that it is still ready, unless it cannot answer.
      await this.transport(kiosk).print(bytes, { confirm: profile.status !== 'none' });
    } catch (error) {
      return fail(describe(error));
    }
    logger.info('ticket printed', { kioskId, ticket: ticket.number });
    alerts.clear(kioskId, ['print-failed']);
    return { ok: true };
  }

  /**
   * Prints the code-page test on the kiosk's printer, counted as a job so the idle status poll
   * leaves it alone. No alert either way: the administrator who asked sees the answer.
   */
  async printCodePageTest(kioskId: string): Promise<PrintOutcome> {
    const kiosk = this.serverKiosk(kioskId);
    if (!kiosk) return { ok: false, error: 'this kiosk has no printer the server drives' };
    this.printing.set(kioskId, (this.printing.get(kioskId) ?? 0) + 1);
    try {
      const profile = (await this.loadProfiles()).get(kiosk.printer.profileId);
      if (!profile) return { ok: false, error: `unknown printer profile ${kiosk.printer.profileId}` };
      await this.transport(kiosk).print(codePageTestEscPos(profile), { confirm: profile.status !== 'none' });
      this.options.logger.info('code-page test printed', { kioskId, profile: profile.id });
      return { ok: true };
    } catch (error) {
      return { ok: false, error: describe(error) };
    } finally {
      const left = (this.printing.get(kioskId) ?? 1) - 1;
      if (left > 0) this.printing.set(kioskId, left);
      else this.printing.delete(kioskId);
    }
  }

  /**
   * Prints an appeal's receipt on the kiosk's printer, counted as a job so the idle status poll
   * leaves it alone. A failed print raises the kiosk's `print-failed` alert (naming no ticket),
   * as a ticket's does, and a printed receipt clears it. A kiosk whose printer the server does
   * not drive is refused without an alert: nothing failed on a printer of ours.
   */
  /**
   * Prints an appeal's receipt. The member of staff who asked sees the outcome at once, so a
   * failure raises no alert of its own: the kiosk's `print-failed` alert belongs to a
   * visitor's ticket (reception reprints from it), and a receipt must neither replace nor
   * clear it. The printer's own faults still reach the alerts through the status polls.
   */
  async printAppealReceipt(kioskId: string, view: AppealReceiptView): Promise<PrintOutcome> {
    const { logger } = this.options;
    const kiosk = this.serverKiosk(kioskId);
    if (!kiosk) return { ok: false, error: 'this kiosk has no printer the server drives' };
    const fail = (error: string): PrintOutcome => {
      logger.error('appeal:receipt-print-failed', { kioskId, appeal: view.number, error });
      return { ok: false, error };
    };
    this.printing.set(kioskId, (this.printing.get(kioskId) ?? 0) + 1);
    try {
      const profile = (await this.loadProfiles()).get(kiosk.printer.profileId);
      if (!profile) return fail(`unknown printer profile ${kiosk.printer.profileId}`);
      // The printer confirms after the job that it is still ready, unless it cannot answer.
      await this.transport(kiosk).print(appealReceiptToEscPos(view, profile), {
        confirm: profile.status !== 'none',
      });
    } catch (error) {
      return fail(describe(error));
    } finally {
      const left = (this.printing.get(kioskId) ?? 1) - 1;
      if (left > 0) this.printing.set(kioskId, left);
      else this.printing.delete(kioskId);
    }
    logger.info('appeal receipt printed', { kioskId, appeal: view.number });
    return { ok: true };
  }

  rememberIssuer(ticketId: string, kioskId: string): void {
    this.issuers.set(ticketId, kioskId);
  }

  /** The language the ticket was first printed in here (kept in memory, like the issuer). */
  languageOf(ticketId: string): Language | undefined {
    return this.languages.get(ticketId);
  }

  /** Where to reprint: the kiosk asked for, else the one that issued it, else the first with a printer. */
  reprintKiosk(ticketId: string, requested?: string): string | undefined {
    if (requested) return this.serverKiosk(requested) ? requested : undefined;
    const issuer = this.issuers.get(ticketId);
    if (issuer && this.serverKiosk(issuer)) return issuer;
    return this.options.centre().kiosks.find((kiosk) => this.serverKiosk(kiosk.deviceId))?.deviceId;
  }

  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.transports.values()];
    this.transports.clear();
    await Promise.all(open.map(({ transport }) => transport.close().catch(() => undefined)));
  }

  private transport(kiosk: ServerKiosk): PrinterTransport {
    const signature = transportSignature(kiosk.printer);
    const cached = this.transports.get(kiosk.deviceId);
    if (cached?.signature === signature) return cached.transport;
    if (cached) void cached.transport.close().catch(() => undefined);
    const transport = this.transportFor(kiosk.printer);
    if (!transport) throw new Error(`no server transport for ${kiosk.printer.transport}`);
    this.transports.set(kiosk.deviceId, { signature, transport });
    return transport;
  }

  /** The printer profiles a kiosk's printer may name (for checking a new configuration). */
  async profileIds(): Promise<ReadonlySet<string>> {
    return new Set((await this.loadProfiles()).keys());
  }

  private loadProfiles(): Promise<Map<string, PrinterProfile>> {
    this.profiles ??= loadPrinterProfiles(this.options.profilesDir).catch((error: unknown) => {
      this.options.logger.error('printer profiles not loaded', { error: describe(error) });
      this.profiles = undefined;
      return new Map<string, PrinterProfile>();
    });
    return this.profiles;
  }
}
