/**
 * A supervisor sees a burst of online bookings from one address in the desk app (reception
 * tab) and cancels its bookings in one action; reception, who may not, sees no such panel.
 * Needs the built front ends (`npm run build`).
 */
import type { OfferedSlotView } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { type TestServer, TestClock, okData, startServer } from './support/server';

const DAY = '2026-11-25';

describe('booking bursts in the desk app', () => {
  let screens: Screens;
  let server: TestServer;

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('shows a supervisor the burst and cancels its bookings in one action', async () => {
    const slots = (await (
      await fetch(`${server.url}/api/book/slots?service=doc-residence&day=${DAY}`)
    ).json()) as { data: OfferedSlotView[] };
    const codes: string[] = [];
    for (const [index, slot] of slots.data.slice(0, 3).entries()) {
      const response = await fetch(`${server.url}/api/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          serviceCode: 'doc-residence',
          slotAt: slot.start,
          name: `Вигадана Особа ${index}`,
          phone: `+38063000000${index}`,
        }),
      });
      codes.push(((await response.json()) as { data: { booking: { code: string } } }).data.booking.code);
    }

    const reception = await DeskPage.login(screens, server.url, 'reception', '0000');
    await reception.tab('reception');
    await reception.page.getByTestId('booking-lookup').waitFor();
    expect(await reception.page.getByTestId('booking-bursts').count()).toBe(0);

    const desk = await DeskPage.login(screens, server.url, 'supervisor', '2222');
    await desk.tab('reception');
    const panel = desk.page.getByTestId('booking-bursts');
    await panel.getByRole('heading', { name: 'Підозрілі онлайн-записи' }).waitFor();
    const group = panel.locator('[data-testid="burst-group"][data-burst="true"]');
    await group.waitFor();
    expect(await group.textContent()).toContain('Вигадана Особа 2');
    await group.locator('[data-action="cancel-burst"]').click();
    await group.locator('[data-action="confirm-cancel-burst"]').click();
    await expect
      .poll(() => panel.getByTestId('burst-outcome').textContent())
      .toBe('Скасовано: 3; пропущено: 0.');
    await desk.page.screenshot({ path: screenshotPath('booking-bursts-cancelled.png') });

    const staff = await server.connect((await server.login('supervisor', '2222')).token);
    for (const code of codes) {
      expect((await okData(staff.emitWithAck('booking:find', { code }))).status).toBe('cancelled');
    }
    expect(screens.pageErrors).toEqual([]);
  });
});
