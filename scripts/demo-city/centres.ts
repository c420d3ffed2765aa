/**
 * The demo city's three centres: each the demo centre (QUEUE_DEMO=1 seeds it) under its own
 * district's name, with its own pace of visitors and its own desks at work, so that the city
 * view has something to compare. The name is set through the centre's own checked, audited
 * path (`centre:replace`, as its administrator would in the desk app), and so are the hours:
 * open around the clock, so that the demo fills up whenever it is run.
 */
import { type Centre, type LocalizedText, type WeeklyHours } from '@queue/core';
import type { Ack, CentreDocument, CentreReplaceAnswer, LoginAnswer } from '@queue/protocol';
import { connect, request, requestId } from '../../bench/lib/clients';

export interface DemoCentre {
  /** A short name for folders and log lines. */
  readonly slug: string;
  readonly name: LocalizedText;
  /** The desks the traffic generator works at (demo desk numbers; each has operatorN / 1111). */
  readonly desks: readonly number[];
  /** A visitor takes a ticket every this many ticks. */
  readonly issueEveryTicks: number;
  /** A visit lasts from this many ticks (at the desk, after the call)… */
  readonly serviceTicks: { readonly min: number; readonly max: number };
}

const text = (uk: string, ru: string, en: string): LocalizedText => ({ uk, ru, en });

/**
 * Busy, steady and quiet: Shevchenkivskyi takes more visitors than its desks serve, so its
 * wait grows (up to the kiosk's cap) and it stands out in the city view.
 */
export const DEMO_CENTRES: readonly DemoCentre[] = [
  {
    slug: 'shevchenkivskyi',
    name: text(
      'ЦНАП Шевченківського району',
      'ЦПАУ Шевченковского района',
      'Shevchenkivskyi District Service Centre',
    ),
    desks: [1, 3, 5],
    issueEveryTicks: 2,
    serviceTicks: { min: 6, max: 10 },
  },
  {
    slug: 'podilskyi',
    name: text('ЦНАП Подільського району', 'ЦПАУ Подольского района', 'Podilskyi District Service Centre'),
    desks: [1, 2, 6, 7, 9],
    issueEveryTicks: 3,
    serviceTicks: { min: 8, max: 12 },
  },
  {
    slug: 'darnytskyi',
    name: text('ЦНАП Дарницького району', 'ЦПАУ Дарницкого района', 'Darnytskyi District Service Centre'),
    desks: [3, 8, 10, 11],
    issueEveryTicks: 4,
    serviceTicks: { min: 5, max: 9 },
  },
];

/** The latest end the centre's checks accept is 23:59 (a minute's break at midnight). */
const ALL_DAY: WeeklyHours = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ from: '00:00', to: '23:59' }]]),
) as WeeklyHours;

/** The demo centre renamed and open around the clock (services keep their own hours). */
export const renamed = (centre: Centre, name: LocalizedText): Centre => ({
  ...centre,
  site: { ...centre.site, name, hours: ALL_DAY, specialDays: [] },
});

/** Log in over HTTP as a member of staff (at a desk, for operators); the session token. */
export const login = async (
  url: string,
  login: string,
  secret: string,
  deskNumber?: number,
): Promise<string> => {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, secret, ...(deskNumber ? { deskId: `desk-${deskNumber}` } : {}) }),
  });
  const body = (await response.json()) as Ack<LoginAnswer>;
  if (!body.ok) throw new Error(`login ${login} at ${url} refused: ${body.error.code}`);
  return body.data.token;
};

/** Rename the centre as its administrator (demo login admin / admin). */
export const applyDemoName = async (url: string, name: LocalizedText): Promise<void> => {
  const socket = await connect(url, await login(url, 'admin', 'admin'));
  try {
    const current = await request<Ack<CentreDocument>>(socket, 'centre:get', {});
    if (!current.ok) throw new Error(`centre:get at ${url}: ${current.error.code}`);
    const replaced = await request<Ack<CentreReplaceAnswer>>(socket, 'centre:replace', {
      requestId: requestId('rename'),
      baseVersion: current.data.version,
      centre: renamed(current.data.centre, name),
    });
    if (!replaced.ok)
      throw new Error(`centre:replace at ${url}: ${replaced.error.code} ${replaced.error.message}`);
  } finally {
    socket.close();
  }
};
