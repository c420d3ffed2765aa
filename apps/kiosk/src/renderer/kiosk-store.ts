/**
 * What the kiosk shows, the visitor's choices so far (a priority claim, accessible mode) and
 * the one ticket request that may be under way. Issuing is guarded here, not only by
 * disabling the button, so a double tap issues one ticket; the issuing itself is in
 * `issue-flow.ts`.
 */
import type { CategoryId, PriorityCategory, ServiceCode } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { create } from 'zustand';
import type { Unanswered } from './lost-answer';

/** How the visitor holds the ticket: printed, on screen by choice, or on screen after a failed print. */
export type TicketDelivery = 'printed' | 'screen' | 'print-failed';

export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'category'; readonly categoryId: CategoryId }
  | { readonly kind: 'priority' }
  | { readonly kind: 'appointment' }
  | { readonly kind: 'printer-offer'; readonly serviceCode: ServiceCode; readonly requestId: string }
  | {
      readonly kind: 'ticket';
      readonly issued: IssuedTicket;
      readonly delivery: TicketDelivery;
      /** A booking's check-in: kept its slot, or came late and joined the ordinary queue. */
      readonly booking?: 'on-time' | 'late';
    }
  | { readonly kind: 'refusal'; readonly code: string; readonly serviceCode?: ServiceCode };

interface KioskState {
  readonly screen: Screen;
  readonly issuing: boolean;
  /** The eligible group the visitor chose; the ticket carries it, unconfirmed. */
  readonly priority?: PriorityCategory;
  /** Larger text, high contrast, controls at the bottom; kept until the kiosk goes idle. */
  readonly accessible: boolean;
  /** A request whose answer was lost: a new tap on the same service repeats it, not a new one. */
  readonly unanswered?: { readonly serviceCode: ServiceCode; readonly requestId: string };
  /** A check-in whose answer was lost: entering the same code again repeats it (lost-answer.ts). */
  readonly unansweredCheckIn?: Unanswered;
  /** The booking code typed so far (keypad, keyboard or barcode scanner). */
  readonly code: string;
  /**
   * Enter on a keyboard or scanner, not yet acted on: the appointment screen checks the code
   * in, also when it mounts after the Enter (it loads lazily, and a scanner is faster).
   */
  readonly checkInPending: boolean;
}

export const useKiosk = create<KioskState>()(() => ({
  screen: { kind: 'home' },
  issuing: false,
  accessible: false,
  code: '',
  checkInPending: false,
}));

export const MAX_CODE_LENGTH = 12;

export const editCode = (code: string): void => useKiosk.setState({ code: code.slice(0, MAX_CODE_LENGTH) });

export const requestCheckIn = (): void => useKiosk.setState({ checkInPending: true });

export const show = (screen: Screen): void => useKiosk.setState({ screen });

/** Back to the start after a ticket or a refusal: the next visitor starts without a claim. */
export const goHome = (): void =>
  useKiosk.setState({ screen: { kind: 'home' }, priority: undefined, code: '' });

/** Back to the categories within one visitor's session (keeps the priority claim). */
export const backHome = (): void => useKiosk.setState({ screen: { kind: 'home' }, code: '' });

/** Nobody is at the kiosk: everything the last visitor chose is forgotten. */
export const resetKiosk = (): void =>
  useKiosk.setState({
    screen: { kind: 'home' },
    priority: undefined,
    accessible: false,
    unanswered: undefined,
    unansweredCheckIn: undefined,
    code: '',
  });

export const openCategory = (categoryId: CategoryId): void => show({ kind: 'category', categoryId });

export const choosePriority = (priority: PriorityCategory | undefined): void =>
  useKiosk.setState({ priority, screen: { kind: 'home' } });

/** The visitor drops the priority claim and goes on choosing where they are. */
export const dropPriority = (): void => useKiosk.setState({ priority: undefined });

export const toggleAccessible = (): void => useKiosk.setState((state) => ({ accessible: !state.accessible }));
