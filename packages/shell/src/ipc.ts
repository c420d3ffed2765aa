/**
 * The named channels between a renderer and its shell. The preload exposes exactly these,
 * typed, and nothing else. Types only: the kiosk's renderer imports them too
 * (`@queue/shell/bridge`), so nothing here may touch Node or Electron.
 */
import type { Instant, Language, PriorityCategory, WeeklyHours } from '@queue/core';

export const IPC = {
  shellInfo: 'shell:info',
  exitKiosk: 'shell:exit-kiosk',
  reload: 'shell:reload',
  printerStatus: 'printer:status',
  printTicket: 'printer:print-ticket',
  /** Main to renderer: the idle poll saw the kiosk's own printer change status. */
  printerStatusChanged: 'printer:status-changed',
} as const;

export interface ShellInfo {
  readonly kind: 'kiosk' | 'display' | 'desk';
  readonly version: string;
  /** This machine's name from the shell's settings, when one is set. */
  readonly deviceName?: string;
  /** Renderer crashes and hangs since the shell started. */
  readonly crashes?: number;
}

/** The kiosk's own printer: none configured, silent, or what it answered to DLE EOT. */
export type LocalPrinterStatus =
  | 'none'
  | 'no-answer'
  | {
      readonly online: boolean;
      readonly coverOpen: boolean;
      readonly paperOut: boolean;
      readonly paperNearEnd: boolean;
    };

export type LocalPrintResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * A ticket resolved to plain values in the visitor's language (the printer package's
 * `TicketView`): the renderer has the centre's configuration, the main process does not.
 */
export interface TicketPrintView {
  readonly language: Language;
  readonly centreName: string;
  readonly number: string;
  readonly serviceName: string;
  readonly organisationName?: string;
  readonly issuedAt: Instant;
  readonly timeZone: string;
  readonly ahead: number;
  readonly lowMinutes: number;
  readonly highMinutes: number;
  /** No desk serving the service is open: the wait line says so instead of "called shortly". */
  readonly noDeskOpen?: true;
  readonly priority?: { readonly category: PriorityCategory; readonly confirmed: boolean };
  readonly appointmentAt?: Instant;
  readonly statusUrl?: string;
  readonly openingHours: WeeklyHours;
}

/** What `window.queueShell` offers a renderer running inside Electron. */
export interface ShellBridge {
  info(): Promise<ShellInfo>;
  /** Leave kiosk mode with the administrator's PIN; false when the PIN is wrong. */
  exitKiosk(pin: string): Promise<boolean>;
  reload(): Promise<void>;
  /** Ask the kiosk's own printer (USB or device file) for its status, with a short timeout. */
  printerStatus(): Promise<LocalPrinterStatus>;
  /** Print a ticket on the kiosk's own printer; `template` is the centre's ticket template. */
  printTicket(view: TicketPrintView, template?: unknown): Promise<LocalPrintResult>;
  /**
   * Calls `listener` with each change the shell's idle poll sees in the kiosk's own printer,
   * so the page reports it to the server; the returned function stops the calls.
   */
  onPrinterStatus(listener: (status: LocalPrinterStatus) => void): () => void;
}
