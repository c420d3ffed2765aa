/**
 * Every screen of the system at every size centres buy, for `npm run screenshots`
 * (scripts/screenshots.ts) and for the browser test that checks the desk's and the phone's
 * screens: a demo centre put in a state worth looking at (`stageDemo`), and `captureScreens`,
 * which visits each screen in Chromium, writes its picture and reports, for each screen and
 * size, the controls that do not fit (test/e2e/support/fits.ts) and the axe-core violations.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Ack, FiledAppealWithQr } from '@queue/protocol';
import type { Page } from 'playwright-core';
import { axeViolations } from '../../test/e2e/support/axe';
import type { Screens } from '../../test/e2e/support/browser';
import { DISPLAY_TOKEN, KIOSK_TOKEN } from '../../test/e2e/support/env';
import { unfitControls } from '../../test/e2e/support/fits';
import { kioskOf } from '../../test/e2e/support/queue';
import { type TestServer, okData, rid } from '../../test/e2e/support/server';

export interface Size {
  readonly width: number;
  readonly height: number;
}

const size = (width: number, height: number): Size => ({ width, height });
export const KIOSK_SIZES = [size(1080, 1920), size(1920, 1080)] as const;
export const BOARD_SIZES = [size(1920, 1080), size(3840, 2160), size(1080, 1920)] as const;
export const WINDOW_SIZES = [size(800, 480), size(1280, 400), size(1920, 540)] as const;
export const DESK_SIZES = [size(1366, 768), size(1920, 1080)] as const;
export const PHONE_SIZES = [size(360, 640), size(390, 844)] as const;

export const sizeName = ({ width, height }: Size): string => `${width}x${height}`;

/** One screen at one size: its picture, what does not fit, what axe-core found. */
export interface ScreenResult {
  readonly app: string;
  readonly screen: string;
  readonly size: string;
  readonly file: string;
  readonly unfit: readonly string[];
  readonly violations: readonly string[];
  /** Set when the screen could not be reached (a step failed): no picture, no checks. */
  readonly error?: string;
}

/** What `stageDemo` left on the server for the screens to show. */
export interface Staged {
  /** A ticket waiting for its turn (its status page). */
  readonly waitingTicketId: string;
  /** A ticket served and finished (its status page asks for a rating). */
  readonly servedTicketId: string;
  /** A waiting ticket's number, for reception's search. */
  readonly waitingNumber: string;
  /** The desk number with a visitor called, for its window display. */
  readonly calledDesk: number;
  /** A public appeal's tracking code (its status page). */
  readonly appealCode: string;
}

const MINUTE = 60_000;
const kyiv = (day: string, clock: string): number => Date.parse(`${day}T${clock}:00+02:00`);
/** The instant the server must start at for `stageDemo`: Monday 23 November 2026, 08:00 in Kyiv. */
export const STAGE_START = kyiv('2026-11-23', '08:00');
/** A spread of services, so that several categories have someone waiting. */
const WAITING = [
  'bill-reconcile',
  'bill-payment',
  'doc-household',
  'doc-residence',
  'ben-subsidy',
  'heat-meter',
  'water-consult',
  'gas-consult',
  'el-meter',
  'house-repair',
  'legal-consult',
  'bill-reconcile',
  'doc-residence',
  'ben-subsidy',
  'bill-payment',
  'bill-reconcile',
] as const;

/**
 * Yesterday's and this morning's visits (history for the reports), then, at 10:00 on Tuesday
 * 24 November 2026: tickets waiting in most categories, desks 2–4 calling, desk 5 serving,
 * desk 6's visitor postponed, a booking for today, an appeal filed online, an Open311
 * partner's key. The server's clock must be the `TestClock` of test/e2e/support/server.ts
 * started at `STAGE_START`; it is left at 10:00 on the 24th.
 */
export const stageDemo = async (server: TestServer): Promise<Staged> => {
  const clock = server.clock;
  const kiosk = await kioskOf(server);
  const operator = async (n: number) => server.connect((await server.login(`operator${n}`, '1111')).token);
  const history = [
    { day: '2026-11-23', arrivals: ['09:10', '09:40', '11:15', '14:00', '16:30'] },
    { day: '2026-11-24', arrivals: ['08:20', '08:45', '09:05', '09:30'] },
  ];
  let servedTicketId = '';
  for (const { day, arrivals } of history) {
    clock.at = kyiv(day, '08:00');
    const desk = await operator(1);
    await okData(desk.emitWithAck('desk:open', { requestId: rid('open') }));
    for (const [index, arrival] of arrivals.entries()) {
      clock.at = kyiv(day, arrival);
      const ticket = await kiosk.issue(index % 2 === 0 ? 'bill-reconcile' : 'bill-payment');
      clock.at += (4 + index) * MINUTE;
      await okData(desk.emitWithAck('visit:call-next', { requestId: rid('call') }));
      await okData(desk.emitWithAck('visit:start', { requestId: rid('start'), ticketId: ticket.id }));
      clock.at += (6 + index) * MINUTE;
      await okData(desk.emitWithAck('visit:complete', { requestId: rid('done'), ticketId: ticket.id }));
      servedTicketId = ticket.id;
    }
    desk.close();
  }
  clock.at = kyiv('2026-11-24', '09:40');
  const waiting = [];
  for (const [index, service] of WAITING.entries()) {
    waiting.push(await kiosk.issue(service, index === 3 ? 'military-family' : undefined));
    clock.at += MINUTE;
  }
  clock.at = kyiv('2026-11-24', '09:58');
  // Desks 2–4 call their next visitor, desk 5 serves one, desk 6 postpones one.
  for (const n of [2, 3, 4, 5, 6]) {
    const desk = await operator(n);
    await okData(desk.emitWithAck('desk:open', { requestId: rid('open') }));
    const called = await okData(desk.emitWithAck('visit:call-next', { requestId: rid('call') }));
    const ticketId = called.ticket?.id;
    if (!ticketId) continue;
    if (n === 5) await okData(desk.emitWithAck('visit:start', { requestId: rid('start'), ticketId }));
    if (n === 6) {
      await okData(desk.emitWithAck('visit:start', { requestId: rid('start'), ticketId }));
      await okData(desk.emitWithAck('visit:postpone', { requestId: rid('postpone'), ticketId, minutes: 10 }));
    }
  }
  clock.at = kyiv('2026-11-24', '10:00');
  // A booking for later today, made at reception.
  const reception = await server.connect((await server.login('reception', '0000')).token);
  const slots = await okData(
    reception.emitWithAck('booking:slots', { serviceCode: 'doc-residence', day: '2026-11-24' }),
  );
  const slot = slots.find((offered) => offered.start > clock.at) ?? slots[0];
  if (slot) {
    await okData(
      reception.emitWithAck('booking:create', {
        requestId: rid('book'),
        serviceCode: 'doc-residence',
        slotAt: slot.start,
        name: 'Олена Петренко',
        phone: '067 123 45 67',
      }),
    );
  }
  reception.close();
  // An appeal filed online, for the journal and its public status page.
  const response = await fetch(`${server.url}/api/appeal`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      topic: { organisationId: 'centre', serviceCode: 'bill-reconcile' },
      summary: 'Неправильне нарахування за жовтень',
      text: 'Прошу перерахувати плату за жовтень: лічильник замінено у вересні.',
      applicant: { name: 'Ірина Коваль', phone: '+380 67 123 45 67' },
      language: 'uk',
    }),
  });
  const appeal = await okData((await response.json()) as Ack<FiledAppealWithQr>);
  // An Open311 partner's key, so that Settings lists one.
  const admin = await server.connect((await server.login('admin', 'admin')).token);
  await okData(admin.emitWithAck('partner-key:issue', { requestId: rid('partner'), name: 'Міський портал' }));
  admin.close();
  const last = waiting[waiting.length - 1];
  return {
    waitingTicketId: last?.id ?? '',
    waitingNumber: last?.number ?? '',
    servedTicketId,
    calledDesk: 2,
    appealCode: appeal.trackingCode,
  };
};

/** Until `check` holds, or fail after `timeoutMs` (no fixed sleeps: the screens poll). */
const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Two animation frames: the layout of a new viewport size is drawn. */
const settle = (page: Page): Promise<unknown> =>
  page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');

export interface CaptureOptions {
  readonly screens: Screens;
  readonly server: TestServer;
  readonly staged: Staged;
  /** The folder the pictures go to. */
  readonly out: string;
  /** Only the apps named (all when empty): kiosk, board, window, desk, phone, setup. */
  readonly apps?: readonly string[];
  /** Only the groups of screens so labelled (all when empty): the desk's login, operator, reception, supervisor, journal, admin. */
  readonly groups?: readonly string[];
  /** Only these sizes ("1366x768"), where a screen is shown at them (all when empty). */
  readonly sizes?: readonly string[];
  /** The setup page's address (a server in setup mode), when there is one. */
  readonly setupUrl?: string;
  /** Each result as it comes. */
  readonly onResult?: (result: ScreenResult) => void;
}

/** Visit every screen at every size; the results in order. */
export const captureScreens = async (options: CaptureOptions): Promise<ScreenResult[]> => {
  const { screens, server, staged, out } = options;
  mkdirSync(out, { recursive: true });
  const results: ScreenResult[] = [];
  const wanted = (app: string): boolean => !options.apps?.length || options.apps.includes(app);
  const record = (result: ScreenResult): void => {
    results.push(result);
    options.onResult?.(result);
  };

  /** The page as it is now at each size: a picture, the clipping check, axe-core. */
  const shoot = async (page: Page, app: string, screen: string, sizes: readonly Size[]): Promise<void> => {
    for (const viewport of sizes) {
      if (options.sizes?.length && !options.sizes.includes(sizeName(viewport))) continue;
      const file = join(out, `${app}-${screen}-${sizeName(viewport)}.png`);
      await page.setViewportSize(viewport);
      await settle(page);
      await page.screenshot({ path: file });
      record({
        app,
        screen,
        size: sizeName(viewport),
        file,
        unfit: await unfitControls(page),
        violations: await axeViolations(page),
      });
    }
  };

  /** A group of screens: a step that fails is reported for its screen, the rest go on. */
  const group = async (
    app: string,
    label: string,
    sizes: readonly Size[],
    steps: () => Promise<void>,
  ): Promise<void> => {
    if (!wanted(app) || (options.groups?.length && !options.groups.includes(label))) return;
    try {
      await steps();
    } catch (error) {
      record({
        app,
        screen: `${label} (failed)`,
        size: sizes.map(sizeName).join(','),
        file: '',
        unfit: [],
        violations: [],
        error: error instanceof Error ? error.message.split('\n')[0] : String(error),
      });
    } finally {
      await screens.closePages();
    }
  };

  const url = server.url;

  // The kiosk, normal and accessible: home, a category, the priority groups, the keypad, a ticket.
  for (const mode of ['normal', 'accessible'] as const) {
    await group('kiosk', mode, KIOSK_SIZES, async () => {
      const page = await screens.open(`${url}/kiosk/?device=${KIOSK_TOKEN}`, KIOSK_SIZES[0]);
      const home = page.locator('[data-category="billing"]');
      await home.waitFor();
      if (mode === 'accessible') {
        await page.locator('[data-action="accessible"]').click();
        await until(
          async () => (await page.locator('.kiosk').getAttribute('data-accessible')) === 'true',
          'accessible mode',
        );
      }
      const shot = (screen: string) => shoot(page, 'kiosk', `${screen}-${mode}`, KIOSK_SIZES);
      await shot('home');
      await page.locator('[data-category="billing"]').click();
      const tile = page.locator('[data-service="bill-reconcile"]');
      await until(() => tile.isEnabled(), 'the service tile');
      await shot('category');
      await page.locator('.screen__bar .back-button').click();
      await page.locator('[data-action="priority"]').click();
      await page.locator('[data-priority]').first().waitFor();
      await shot('priority');
      await page.locator('.screen__bar .back-button').click();
      await home.waitFor();
      await page.locator('[data-action="appointment"]').click();
      await page.locator('[data-key]').first().waitFor();
      await shot('appointment');
      await page.locator('.screen__bar .back-button').click();
      await home.waitFor();
      await page.locator('[data-category="billing"]').click();
      await until(() => tile.isEnabled(), 'the service tile');
      await tile.click();
      // Without a printer the kiosk asks whether to show the ticket on screen.
      await until(
        async () => (await page.locator('.printer-offer, .ticket').count()) > 0,
        'the ticket or the printer question',
      );
      if ((await page.locator('.printer-offer').count()) > 0) {
        await shot('printer-offer');
        await page.locator('[data-answer="yes"]').click();
      }
      await page.getByTestId('ticket-number').waitFor();
      await shot('ticket');
    });
  }

  // The hall board.
  await group('board', 'hall', BOARD_SIZES, async () => {
    const page = await screens.open(`${url}/display/?device=${DISPLAY_TOKEN}&board=hall`, BOARD_SIZES[0]);
    await page.getByTestId('current-call').waitFor();
    await until(async () => (await page.locator('.waiting__row').count()) > 0, 'the waiting counts');
    await shoot(page, 'board', 'hall', BOARD_SIZES);
  });

  // The window display of a desk calling, serving, open and free (desk 1, before the desk
  // app's operator calls there), and closed.
  await group('window', 'desks', WINDOW_SIZES, async () => {
    for (const [desk, screen] of [
      [staged.calledDesk, 'called'],
      [5, 'serving'],
      [1, 'free'],
      [9, 'closed'],
    ] as const) {
      const page = await screens.open(`${url}/window/?desk=${desk}&device=${DISPLAY_TOKEN}`, WINDOW_SIZES[0]);
      await page.locator('main.window').waitFor();
      await until(async () => (await page.locator('.connection-banner').count()) === 0, 'the connection');
      await shoot(page, 'window', `${screen}-desk-${desk}`, WINDOW_SIZES);
    }
  });

  // The desk app.
  const login = async (user: string, secret: string): Promise<Page> => {
    const page = await screens.open(`${url}/desk/`, DESK_SIZES[0]);
    await page.getByLabel('Логін').fill(user);
    await page.getByLabel('Пароль або PIN').fill(secret);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.locator('.desk__tab').first().waitFor();
    return page;
  };
  const tab = async (page: Page, name: string): Promise<void> => {
    await page.locator(`[data-tab="${name}"]`).click();
    await page.locator(`[data-panel="${name}"]:not([hidden])`).waitFor();
  };
  const action = (page: Page, name: string) => page.locator(`[data-action="${name}"]`);
  const press = async (page: Page, name: string): Promise<void> => {
    await until(() => action(page, name).isEnabled(), `the ${name} button`);
    await action(page, name).click();
  };

  await group('desk', 'login', DESK_SIZES, async () => {
    const page = await screens.open(`${url}/desk/`, DESK_SIZES[0]);
    await page.getByLabel('Логін').waitFor();
    await shoot(page, 'desk', 'login', DESK_SIZES);
  });

  await group('desk', 'operator', DESK_SIZES, async () => {
    const page = await login('operator1', '1111');
    // Desk 1 is still open from the morning's visits (no Open button); opened if it is not.
    const enabled = async (name: string): Promise<boolean> =>
      (await action(page, name).count()) > 0 && action(page, name).isEnabled();
    await until(async () => (await enabled('open')) || enabled('callNext'), 'the open or call button');
    if (await enabled('open')) await action(page, 'open').click();
    await until(() => action(page, 'callNext').isEnabled(), 'the call button');
    await shoot(page, 'desk', 'operator-idle', DESK_SIZES);
    await press(page, 'callNext');
    await until(
      async () => (await page.getByTestId('visitor').getAttribute('data-status')) === 'called',
      'the call',
    );
    await press(page, 'start');
    await until(
      async () => (await page.getByTestId('visitor').getAttribute('data-status')) === 'serving',
      'the visit',
    );
    await shoot(page, 'desk', 'operator-serving', DESK_SIZES);
  });

  await group('desk', 'reception', DESK_SIZES, async () => {
    const page = await login('reception', '0000');
    await tab(page, 'reception');
    const search = page.getByTestId('ticket-search').getByRole('searchbox');
    await search.fill(staged.waitingNumber);
    await search.press('Enter');
    await page.locator(`[data-testid="ticket-card"][data-number="${staged.waitingNumber}"]`).waitFor();
    await shoot(page, 'desk', 'reception-found', DESK_SIZES);
  });

  await group('desk', 'supervisor', DESK_SIZES, async () => {
    const page = await login('supervisor', '2222');
    await tab(page, 'monitor');
    await shoot(page, 'desk', 'monitor', DESK_SIZES);
    await tab(page, 'reports');
    await page.locator('input[name="report-period"][value="custom"]').check();
    await page.locator('input[name="from"]').fill('2026-11-23');
    await page.locator('input[name="to"]').fill('2026-11-24');
    await page.locator('select[name="group-by"]').selectOption('day');
    await page.getByRole('button', { name: 'Показати', exact: true }).click();
    await page.locator('[data-testid="report-table"] tr[data-key="2026-11-24"]').waitFor();
    await shoot(page, 'desk', 'reports', DESK_SIZES);
  });

  await group('desk', 'journal', DESK_SIZES, async () => {
    const page = await login('supervisor', '2222');
    await tab(page, 'journal');
    await page.locator('[data-testid="journal-table"] tr[data-appeal]').first().waitFor();
    await shoot(page, 'desk', 'journal', DESK_SIZES);
    await page.locator('[data-action="open-appeal"]').first().click();
    await page.getByTestId('appeal-details').waitFor();
    await shoot(page, 'desk', 'journal-appeal', DESK_SIZES);
  });

  await group('desk', 'admin', DESK_SIZES, async () => {
    const page = await login('admin', 'admin');
    await tab(page, 'admin');
    const sections = await page
      .locator('[data-section]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section') ?? ''));
    for (const section of sections) {
      await page.locator(`[data-section="${section}"]`).click();
      await settle(page);
      await shoot(page, 'desk', `settings-${section}`, DESK_SIZES);
      const entry = page.locator('[data-entry]').first();
      if (['services', 'desks'].includes(section) && (await entry.count()) > 0) {
        await entry.click();
        await page.getByTestId('entry-form').waitFor();
        await shoot(page, 'desk', `settings-${section}-entry`, DESK_SIZES);
      }
    }
    await tab(page, 'devices');
    await shoot(page, 'desk', 'devices', DESK_SIZES);
  });

  // The visitor's phone: the ticket's status page, the booking page, the appeals pages.
  await group('phone', 'pages', PHONE_SIZES, async () => {
    let page = await screens.open(`${url}/t/${staged.waitingTicketId}`, PHONE_SIZES[0]);
    await page.locator('main').waitFor();
    await shoot(page, 'phone', 'ticket-waiting', PHONE_SIZES);
    page = await screens.open(`${url}/t/${staged.servedTicketId}`, PHONE_SIZES[0]);
    await page.getByRole('radiogroup').waitFor();
    await shoot(page, 'phone', 'ticket-rating', PHONE_SIZES);
    page = await screens.open(`${url}/book`, PHONE_SIZES[0]);
    await page.locator('[data-service]').first().waitFor();
    await shoot(page, 'phone', 'book-services', PHONE_SIZES);
    await page.locator('[data-service="doc-residence"]').click();
    await page.locator('[data-day="2026-11-24"]').click();
    await page.locator('[data-slot]').first().waitFor();
    await shoot(page, 'phone', 'book-slots', PHONE_SIZES);
    await page.locator('[data-slot]').first().click();
    await page.getByLabel('Ім’я та прізвище').waitFor();
    await shoot(page, 'phone', 'book-details', PHONE_SIZES);
    page = await screens.open(`${url}/appeal`, PHONE_SIZES[0]);
    await until(
      async () => (await page.locator('select#organisation option').count()) > 1,
      'the appeal form',
    );
    await shoot(page, 'phone', 'appeal-form', PHONE_SIZES);
    page = await screens.open(`${url}/a/${staged.appealCode}`, PHONE_SIZES[0]);
    await page.getByTestId('appeal-status').waitFor();
    await shoot(page, 'phone', 'appeal-status', PHONE_SIZES);
  });

  // The setup page of a server on an empty database, on a laptop and a phone.
  const setupUrl = options.setupUrl;
  if (setupUrl) {
    await group('setup', 'first-run', [DESK_SIZES[0], PHONE_SIZES[0]], async () => {
      const page = await screens.open(setupUrl, DESK_SIZES[0]);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shoot(page, 'setup', 'first-run', [DESK_SIZES[0], PHONE_SIZES[0]]);
    });
  }
  return results;
};
