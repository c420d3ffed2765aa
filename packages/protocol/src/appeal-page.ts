/**
 * The public appeals pages' contract (`/appeal` to file a written appeal, `/a/<code>` to
 * follow one) between the server, which renders the page with the texts of the applicant's
 * language (as JSON in `<script id="texts">`), and the page's script (apps/book), which reads
 * them and talks to `/api/appeal/*`. Types only.
 */
import type { AppealFavour, AppealStatus, DismissalGround } from '@queue/core';
import type { FiledAppeal } from './appeals';

export interface AppealPageTexts {
  readonly title: string;
  readonly intro: string;
  readonly organisation: string;
  readonly chooseOrganisation: string;
  readonly service: string;
  readonly anyService: string;
  readonly summary: string;
  readonly summaryHint: string;
  readonly text: string;
  readonly yourDetails: string;
  readonly name: string;
  readonly contacts: string;
  /** Why at least one contact: so that the answer reaches the applicant. */
  readonly contactsWhy: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly privacy: string;
  readonly send: string;
  readonly sending: string;
  readonly filed: string;
  readonly number: string;
  readonly trackingCode: string;
  readonly qrHint: string;
  readonly dueBy: string;
  readonly keepCode: string;
  readonly followLink: string;
  readonly newAppeal: string;
  readonly findTitle: string;
  readonly codeLabel: string;
  readonly find: string;
  readonly appealNo: string;
  readonly statusLabel: string;
  readonly received: string;
  readonly extended: string;
  readonly organisationNow: string;
  readonly forwardedTo: string;
  readonly closed: string;
  readonly answer: string;
  readonly favourLabel: string;
  readonly higherBody: string;
  readonly dismissedTitle: string;
  readonly status: Readonly<Record<AppealStatus, string>>;
  readonly favour: Readonly<Record<AppealFavour, string>>;
  readonly ground: Readonly<Record<DismissalGround, string>>;
  readonly notFound: string;
  readonly tooMany: string;
  readonly offline: string;
  readonly invalid: {
    readonly organisation: string;
    readonly summary: string;
    readonly text: string;
    readonly name: string;
    readonly contact: string;
    readonly phone: string;
    readonly email: string;
    readonly code: string;
    /** The server refused the form (the schema or the rules). */
    readonly server: string;
  };
}

/** The form's choices: the centre's organisations and their services, named in one language. */
export interface AppealOptions {
  readonly organisations: readonly {
    readonly id: string;
    readonly name: string;
    readonly services: readonly { readonly code: string; readonly name: string }[];
  }[];
}

/** What `POST /api/appeal` answers: the filed appeal and its tracking link as an SVG QR code. */
export interface FiledAppealWithQr extends FiledAppeal {
  readonly qr: string;
}
