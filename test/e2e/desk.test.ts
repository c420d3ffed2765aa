/**
 * The desk web app in Chromium against a real in-process server: an operator's whole visit,
 * transfers, postponement and no-show, pause, a reception "one window" route served at three
 * desks, a server restart mid-visit, the server's refusal of another desk's visit, and
 * reception's find / change service / cancel / reprint with a kiosk priority claim confirmed
 * at the desk. Needs the built front ends (`npm run build`, which `npm test` runs first).
 */
import { readableLines } from '@queue/printer/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakePrinter } from '../support/fake-printer';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { ReceptionPage } from './support/reception-page';
import { DISPLAY_TOKEN, WEEKDAY_10AM, assertBuilt, screenshotPath } from './support/env';
import { callsOf, deskByIdOf, kioskOf, ticketByNumber } from './support/queue';
import { type TestServer, TestClock, rid, startServer } from './support/server';

describe('desk in Chromium', () => {
  let screens: Screens;
  let server: TestServer | undefined;

  const serve = async (tickMs = 100): Promise<TestServer> => {
    server = await startServer({ clock: new TestClock(), tickMs });
    return server;
  };
  const login = (who: string, secret = '1111', deskId?: string) => {
    if (!server) throw new Error('no server');
    return DeskPage.login(screens, server.url, who, secret, deskId);
  };

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
  });

  afterEach(async () => {
    await screens.closePages();
    await server?.close();
    server = undefined;
  });

  afterAll(async () => {
    await screens?.close();
  });

  it('logs in, calls next (the hall display hears it), starts and finishes with an outcome', async () => {
    const app = await serve();
    const kiosk = await kioskOf(app);
    const issued = await kiosk.issue('bill-reconcile');
    const display = await app.connect(DISPLAY_TOKEN);
    const desk = await login('operator1');
    await desk.openDesk();
    await desk.run('callNext');
    await desk.expectCurrent(issued.number);
    await expect
      .poll(() => callsOf(display, issued.number))
      .toEqual([expect.objectContaining({ deskId: 'desk-1', number: issued.number })]);
    await desk.press('F3', 'start');
    await desk.expectState('serving');
    const timer = desk.page.getByTestId('visit-timer');
    expect(await timer.getAttribute('data-level')).toBe('ok');
    // Past the service's standard length (8 min) the visit timer turns amber.
    app.clock.advanceMinutes(9);
    await kiosk.issue('bill-payment');
    await expect.poll(() => timer.getAttribute('data-level')).toBe('amber');
    await desk.page.screenshot({ path: screenshotPath('desk-visit-amber.png') });
    // End of shift is refused while a visitor is in hand, and says why.
    await desk.run('endShift');
    await expect
      .poll(() => desk.page.getByTestId('shift-refusal').textContent())
      .toContain('Спочатку завершіть роботу з поточним відвідувачем');
    await desk.complete('Надано консультацію');
    await desk.expectCurrent(null);
    expect(ticketByNumber(app, issued.number)).toMatchObject({ status: 'completed', outcome: 'consulted' });
    await desk.run('endShift');
    await desk.page.getByRole('button', { name: 'Увійти' }).waitFor();
    expect(deskByIdOf(app, 'desk-1')?.status).toBe('closed');
  });

  it('transfers to another service, keeping the place: the other desk calls it before later arrivals', async () => {
    const app = await serve();
    const kiosk = await kioskOf(app);
    const first = await kiosk.issue('bill-reconcile');
    app.clock.advanceMinutes(5);
    const later = await kiosk.issue('ben-subsidy');
    const desk1 = await login('operator1');
    const desk6 = await login('operator6');
    await desk1.openDesk();
    await desk6.openDesk();
    expect(await desk1.callNextAndStart()).toBe(first.number);

    await desk1.press('F7', 'transfer');
    const dialog = desk1.dialog('transfer-dialog');
    await dialog.getByRole('searchbox').fill('житлова субсидія');
    await expect.poll(() => dialog.getByRole('listbox').inputValue()).toBe('ben-subsidy');
    await dialog.getByRole('textbox', { name: 'Коментар' }).fill('Потрібна довідка про субсидію');
    expect(await dialog.getByLabel('Зберегти місце в черзі').isChecked()).toBe(true);
    // Colleagues are named, not shown by their login.
    expect(await dialog.locator('select[name="desk"] option[value="desk-6"]').textContent()).toContain(
      'Оператор 6',
    );
    await desk1.page.screenshot({ path: screenshotPath('desk-transfer.png') });
    await desk1.confirm('transfer-dialog');
    await desk1.expectCurrent(null);

    await desk6.run('callNext');
    await desk6.expectCurrent(first.number);
    await desk6.page.getByText('Потрібна довідка про субсидію').waitFor();
    const moved = ticketByNumber(app, first.number);
    expect(moved).toMatchObject({ serviceCode: 'ben-subsidy', status: 'called', deskId: 'desk-6' });
    expect(moved.queuedAt).toBe(first.queuedAt);
    expect(ticketByNumber(app, later.number).status).toBe('waiting');
  });

  it('postpones a visitor who comes back after the time, then allows no-show only after its delay', async () => {
    const app = await serve();
    const kiosk = await kioskOf(app);
    const issued = await kiosk.issue('bill-reconcile');
    const desk = await login('operator1');
    await desk.openDesk();
    await desk.run('callNext');
    await desk.expectCurrent(issued.number);
    expect(await desk.action('noShow').isEnabled()).toBe(false);
    await desk.page.getByTestId('no-show-countdown').waitFor();

    await desk.press('F9', 'postpone');
    await desk.dialog('postpone-dialog').getByLabel('5 хв', { exact: true }).check();
    await desk.page.keyboard.press('Enter');
    await desk.dialog('postpone-dialog').waitFor({ state: 'detached' });
    await desk.expectCurrent(null);
    const pool = desk.page.getByTestId('postponed-pool');
    await pool.locator(`[data-number="${issued.number}"]`).waitFor();
    expect(ticketByNumber(app, issued.number).status).toBe('postponed');
    await desk.run('callNext');
    await expect.poll(() => desk.refusal()).toBe('QUEUE_EMPTY');

    app.clock.advanceMinutes(5);
    await expect.poll(() => ticketByNumber(app, issued.number).status).toBe('waiting');
    await pool.locator(`[data-number="${issued.number}"]`).waitFor({ state: 'detached' });
    await desk.run('callNext');
    await desk.expectCurrent(issued.number);

    app.clock.advanceMinutes(2);
    await kiosk.issue('bill-payment'); // any change: the summary tells the desk the server's time
    await desk.run('noShow');
    await desk.expectCurrent(null);
    expect(ticketByNumber(app, issued.number).status).toBe('no-show');
  });

  it('pauses with a reason (the paused desk gets nobody, another desk still does), then calls out of order', async () => {
    const app = await serve();
    const desk1 = await login('operator1');
    const desk2 = await login('operator2');
    await desk1.openDesk();
    await desk2.openDesk();
    await desk1.press('F8', 'pause');
    await desk1.page.keyboard.press('Escape');
    await desk1.dialog('pause-dialog').waitFor({ state: 'detached' });
    await desk1.press('F8', 'pause');
    const pause = desk1.dialog('pause-dialog');
    await pause.getByLabel('Обід').check();
    // Lunch offers its usual length; the operator says 30 minutes, which the estimates count on.
    const length = pause.getByLabel('Тривалість');
    expect(await length.inputValue()).toBe('45');
    await length.selectOption('30');
    await desk1.confirm('pause-dialog');
    await expect.poll(() => desk1.page.getByTestId('desk-status').textContent()).toContain('Перерва — Обід');
    expect(Object.values(app.app.queue.state.desks).map((desk) => desk.pauseMinutes)).toContain(30);

    const issued = await (await kioskOf(app)).issue('bill-reconcile');
    await desk1.page.getByTestId('waiting-list').locator(`[data-number="${issued.number}"]`).waitFor();
    expect(await desk1.action('callNext').isEnabled()).toBe(false);
    const raw = await app.connect((await desk1.session()).token);
    const refused = await raw.emitWithAck('visit:call-next', { requestId: rid() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DESK_PAUSED' } });

    await desk2.run('callNext');
    await desk2.expectCurrent(issued.number);
    await desk1.run('resume');
    await expect.poll(() => desk1.page.getByTestId('desk-status').textContent()).toContain('Відкрито');

    // Back at work, the operator calls a later ticket out of order, with a reason.
    const kiosk = await kioskOf(app);
    const older = await kiosk.issue('bill-reconcile');
    const wanted = await kiosk.issue('doc-nodebt');
    const list = desk1.page.getByTestId('waiting-list');
    await list.locator(`[data-number="${wanted.number}"]`).waitFor();
    await desk1.press('F10', 'pickTicket');
    await expect
      .poll(() => desk1.page.evaluate('document.activeElement?.closest("li")?.dataset.number'))
      .toBe(older.number);
    await list.locator(`[data-number="${wanted.number}"]`).getByRole('button').click();
    const dialog = desk1.dialog('call-ticket-dialog');
    await dialog.getByRole('button', { name: 'Повернувся з документами' }).click();
    await desk1.confirm('call-ticket-dialog');
    await desk1.expectCurrent(wanted.number);
    expect(ticketByNumber(app, older.number).status).toBe('waiting');
  });
  it('issues a three-service route at reception; it is served at three desks in turn, keeping its arrival', async () => {
    const app = await serve();
    const desk12 = await login('reception', '0000');
    await desk12.tab('reception');
    const reception = new ReceptionPage(desk12);
    await reception.addToRoute('звірка', 'bill-reconcile');
    await reception.addToRoute('реєстрація місця', 'doc-residence');
    await reception.addToRoute('житлова субсидія', 'ben-subsidy');
    const number = await reception.issue('Принесла копію паспорта');
    await desk12.page.screenshot({ path: screenshotPath('desk-reception.png') });
    const issued = ticketByNumber(app, number);
    expect(issued).toMatchObject({
      serviceCode: 'bill-reconcile',
      itinerary: ['doc-residence', 'ben-subsidy'],
    });

    const steps: [string, string][] = [
      ['operator1', 'bill-reconcile'],
      ['operator5', 'doc-residence'],
      ['operator6', 'ben-subsidy'],
    ];
    for (const [index, [operator, code]] of steps.entries()) {
      app.clock.advanceMinutes(4);
      const desk = await login(operator);
      await desk.openDesk();
      expect(await desk.callNextAndStart()).toBe(number);
      expect(ticketByNumber(app, number)).toMatchObject({ serviceCode: code, queuedAt: WEEKDAY_10AM });
      const route = desk.page.getByTestId('itinerary');
      if (index < 2) expect(await route.locator('li').count()).toBe(3 - index);
      if (index === 0) {
        await desk.page.getByText('Принесла копію паспорта').waitFor();
        await desk.page.screenshot({ path: screenshotPath('desk-visitor.png') });
      }
      await desk.complete('Документи прийнято');
      await desk.expectCurrent(null);
    }
    expect(ticketByNumber(app, number)).toMatchObject({ status: 'completed', itinerary: [] });
  });

  it('keeps the visit through a server restart: offline banner, actions disabled, reconnects by itself', async () => {
    const app = await serve();
    const issued = await (await kioskOf(app)).issue('bill-reconcile');
    const desk = await login('operator1');
    await desk.openDesk();
    expect(await desk.callNextAndStart()).toBe(issued.number);

    await app.stop();
    const banner = desk.page.locator('.connection-banner');
    await expect.poll(() => banner.getAttribute('data-state')).toBe('offline');
    expect(await desk.action('complete').isEnabled()).toBe(false);
    expect(await desk.currentNumber()).toBe(issued.number);

    await app.start();
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    await desk.expectCurrent(issued.number);
    await desk.expectState('serving');
    await desk.complete('Питання вирішено');
    expect(ticketByNumber(app, issued.number)).toMatchObject({ status: 'completed', outcome: 'resolved' });
  });

  it("refuses, at the server, an operator's command on another desk's visit", async () => {
    const app = await serve();
    const issued = await (await kioskOf(app)).issue('bill-reconcile');
    const other = await app.connect((await app.login('operator2', '1111')).token);
    await other.emitWithAck('desk:open', { requestId: rid() });
    await other.emitWithAck('visit:call-next', { requestId: rid() });
    expect(ticketByNumber(app, issued.number)).toMatchObject({ status: 'called', deskId: 'desk-2' });

    const desk = await login('operator1');
    await desk.openDesk();
    const raw = await app.connect((await desk.session()).token);
    const ticketId = issued.id;
    const named = await raw.emitWithAck('visit:complete', { requestId: rid(), ticketId, deskId: 'desk-2' });
    expect(named).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = await raw.emitWithAck('visit:start', { requestId: rid(), ticketId });
    expect(own).toMatchObject({ ok: false, error: { code: 'NOT_AT_THIS_DESK' } });
    const cancel = await raw.emitWithAck('ticket:cancel', { requestId: rid(), ticketId, reason: 'test' });
    expect(cancel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ticketByNumber(app, issued.number)).toMatchObject({ status: 'called', deskId: 'desk-2' });
  });

  it('finds a ticket at reception, changes its service, cancels another; a kiosk priority claim is confirmed at the desk', async () => {
    const app = await serve();
    const kiosk = await kioskOf(app);
    const first = await kiosk.issue('bill-reconcile');
    const second = await kiosk.issue('bill-reconcile');
    const reception = new ReceptionPage(await login('admin', 'admin'));
    const card = await reception.find('а1', first.number);
    expect(await card.getByTestId('ticket-position').textContent()).toContain('Перед ним: 0');
    await reception.changeService(card, 'дублікат рахунку', 'bill-duplicate', 'Помилилася послугою');
    await expect.poll(() => card.getByTestId('ticket-service').textContent()).toBe('Дублікат рахунку');
    expect(ticketByNumber(app, first.number)).toMatchObject({
      serviceCode: 'bill-duplicate',
      status: 'waiting',
    });

    const other = await reception.find(second.number, second.number);
    await reception.cancel(other, 'Відвідувач пішов');
    await expect.poll(() => other.getAttribute('data-status')).toBe('cancelled');
    expect(ticketByNumber(app, second.number).status).toBe('cancelled');

    const claimed = await kiosk.issue('bill-reconcile', 'veteran');
    const desk = await login('operator1');
    await desk.openDesk();
    await desk.run('callNext');
    await desk.expectCurrent(claimed.number);
    const claim = desk.page.getByTestId('priority-claim');
    expect(await claim.textContent()).toContain('Ветеран війни');
    await desk.page.screenshot({ path: screenshotPath('desk-priority.png') });
    await claim.getByRole('button', { name: 'Підтвердити' }).click();
    await expect.poll(() => claim.textContent()).toContain('Пільгу підтверджено');
    expect(ticketByNumber(app, claimed.number).priority).toMatchObject({
      category: 'veteran',
      confirmed: true,
    });
  });

  it('prints a ticket again from reception on the kiosk printer', async () => {
    const printer = await startFakePrinter('ready');
    try {
      server = await startServer({
        clock: new TestClock(),
        tickMs: 100,
        kioskPrinters: {
          'kiosk-1': { transport: 'tcp', host: printer.host, port: printer.port, profileId: 'epson-80' },
        },
      });
      const kiosk = await kioskOf(server);
      const issued = await kiosk.issue('doc-copy');
      await printer.closedConnections(2);
      const jobsBefore = printer.connections().length;
      const reception = new ReceptionPage(await login('admin', 'admin'));
      const card = await reception.find(issued.number, issued.number);
      await card.locator('[data-action="reprint"]').click();
      await card.getByTestId('reprinted').waitFor();
      await expect
        .poll(() => readableLines(printer.received()).filter((line) => line.includes(issued.number)).length)
        .toBe(2);
      expect(printer.connections().length).toBeGreaterThan(jobsBefore);
    } finally {
      await printer.close();
    }
  });

  it('raised no errors in any page', () => {
    expect(screens.pageErrors).toEqual([]);
  });
});
