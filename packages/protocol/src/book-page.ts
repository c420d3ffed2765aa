/**
 * The public booking page's contract between the server, which renders the page with the
 * texts of the visitor's language (as JSON in `<script id="texts">`), and the page's script
 * (apps/book), which reads them and talks to `/api/book/*`. Types only: the script's bundle
 * takes nothing else from this package.
 */
import type { BookingStatusName, PublicBooking } from './booking';

export interface BookPageTexts {
  readonly title: string;
  readonly chooseService: string;
  readonly chooseDay: string;
  readonly chooseTime: string;
  readonly noSlots: string;
  readonly yourDetails: string;
  readonly name: string;
  readonly phone: string;
  readonly book: string;
  readonly back: string;
  readonly booked: string;
  readonly yourCode: string;
  readonly codeHint: string;
  readonly manageLink: string;
  readonly when: string;
  readonly cancel: string;
  readonly cancelConfirm: string;
  readonly move: string;
  readonly moved: string;
  readonly status: Readonly<Record<BookingStatusName, string>>;
  readonly notFound: string;
  readonly disabled: string;
  readonly tooMany: string;
  readonly errors: Readonly<Record<string, string>>;
}

/** `GET /api/book/options`: the bookable services, named in the page's language, and days. */
export interface BookOptions {
  readonly services: readonly { readonly code: string; readonly name: string }[];
  readonly days: readonly string[];
}

/** A booking as the page shows it: the visitor's own view and its code as a QR (SVG). */
export interface BookingWithQr {
  readonly booking: PublicBooking;
  readonly qr: string;
}
