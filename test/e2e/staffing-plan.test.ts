/**
 * Tomorrow's plan in Chromium. Three Wednesdays of history are played through the server with
 * a moved clock: passport (desk 5) 6, 9 and 12 four-minute visits at 10 h; social protection
 * (desk 6) three 20-minute visits at 11 h each day; desk 5 open 09:30-11:00 on 18 November
 * with a break 09:40-09:55, desk 6 10:55-12:00. On Tuesday 24 November a supervisor opens
 * Reports → Staffing: tomorrow's table shows core's Erlang C desks beside those open on the
 * 18th, marks the hour social protection is short in words, and fits and passes axe at
 * 1366×768 and 1920×1080.
 */
import { desksNeeded } from '@queue/core';
import type { StaffingPlanAnswer } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { axeViolations } from './kiosk-support';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

const KIOSK_TOKEN = 'demo-kiosk-1-token-change-me';
const kyiv = (clock: string, day: string) => Date.parse(`${day}T${clock}:00+02:00`);
const MINUTE = 60_000;

interface Visit {
  readonly at: number;
  readonly minutes: number;
  readonly serviceCode: string;
  readonly desk: 'passport' | 'social';
}

const HISTORY = [
  { day: '2026-11-04', passport: 6 },
  { day: '2026-11-11', passport: 9 },
  { day: '2026-11-18', passport: 12, pause: true },
] as const;

describe('the staffing plan in Chromium', () => {
  let screens: Screens;
  let server: TestServer;
  let plan: StaffingPlanAnswer;

  beforeAll(async () => {
    assertBuilt(['desk']);
    const clock = new TestClock(kyiv('09:00', '2026-11-04'));
    server = await startServer({ clock, tickMs: 60_000 });
    for (const entry of HISTORY) {
      const { day } = entry;
      clock.at = kyiv('09:00', day);
      const kiosk = await server.connect(KIOSK_TOKEN);
      const desks = {
        passport: await server.connect((await server.login('operator5', '1111')).token),
        social: await server.connect((await server.login('operator6', '1111')).token),
      };
      const act = (desk: keyof typeof desks, event: 'desk:open' | 'desk:close' | 'desk:resume') =>
        okData(desks[desk].emitWithAck(event, { requestId: rid() }));
      clock.at = kyiv('09:30', day);
      await act('passport', 'desk:open');
      if ('pause' in entry) {
        clock.at = kyiv('09:40', day);
        await okData(desks.passport.emitWithAck('desk:pause', { requestId: rid(), reason: 'break' }));
        clock.at = kyiv('09:55', day);
        await act('passport', 'desk:resume');
      }
      const visits: Visit[] = [
        ...Array.from({ length: entry.passport }, (_, index) => ({
          at: kyiv('10:00', day) + index * 5 * MINUTE,
          minutes: 4,
          serviceCode: 'doc-residence',
          desk: 'passport' as const,
        })),
        ...[0, 20, 40].map((offset) => ({
          at: kyiv('11:00', day) + offset * MINUTE,
          minutes: 20,
          serviceCode: 'ben-subsidy',
          desk: 'social' as const,
        })),
      ];
      for (const visit of visits) {
        if (visit.desk === 'social' && visit.at === kyiv('11:00', day)) {
          clock.at = kyiv('10:55', day);
          await act('social', 'desk:open');
          clock.at = kyiv('11:00', day);
          await act('passport', 'desk:close');
        }
        clock.at = visit.at;
        const { ticket } = await okData(
          kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: visit.serviceCode }),
        );
        const desk = desks[visit.desk];
        await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
        await okData(desk.emitWithAck('visit:start', { requestId: rid(), ticketId: ticket.id }));
        clock.advanceMinutes(visit.minutes);
        await okData(desk.emitWithAck('visit:complete', { requestId: rid(), ticketId: ticket.id }));
      }
      clock.at = kyiv('12:00', day);
      await act('social', 'desk:close');
      for (const socket of [kiosk, desks.passport, desks.social]) socket.close();
    }
    // Tuesday 24 November: today's first visitor starts the day, so the 18th is closed.
    clock.at = kyiv('10:00', '2026-11-24');
    const kiosk = await server.connect(KIOSK_TOKEN);
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }));
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    plan = await okData(supervisor.emitWithAck('report:staffing', { day: '2026-11-25' }));
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('shows a supervisor tomorrow’s desks beside those open last Wednesday', async () => {
    expect(plan.historyDays).toEqual(['2026-11-18', '2026-11-11', '2026-11-04']);
    const desk = await DeskPage.login(screens, server.url, 'supervisor', '2222');
    const { page } = desk;
    await page.locator('[data-tab="reports"]').click();
    await page.getByRole('button', { name: 'Персонал на день' }).click();
    // Tomorrow is the default day.
    const view = page.locator('[data-testid="staffing"]');
    expect(await view.getByLabel('День').inputValue()).toBe('2026-11-25');
    await view.getByRole('button', { name: 'Розрахувати' }).click();
    const table = page.locator('[data-testid="staffing-table"]');
    await table.waitFor();

    const cell = (hour: number | 'total', column: string) =>
      table.locator(`tr[data-hour="${hour}"] td[data-column="${column}"]`);
    const text = async (hour: number | 'total', column: string) =>
      ((await cell(hour, column).textContent()) ?? '').replace(/\s+/g, ' ').trim();
    // The core's Erlang C: 9 an hour of 4-minute visits; 3 an hour of 20-minute visits.
    const passport = desksNeeded({ arrivalsPerHour: 9, serviceMinutes: 4 }, 15).desks;
    const social = desksNeeded({ arrivalsPerHour: 3, serviceMinutes: 20 }, 15).desks;
    expect([passport, social]).toEqual([1, 2]);
    expect(await text(10, 'passport')).toBe(`${passport} / 1`);
    expect(await text(9, 'passport')).toBe('0 / 0,3');
    expect(await text(11, 'social')).toBe(`${social} / 1бракує 1`);
    expect(await cell(11, 'social').getAttribute('class')).toContain('staffing__short');
    expect(await text(10, 'social')).toBe('0 / 0,1');
    expect(await text(11, 'total')).toBe(`${social} / 1бракує 1`);
    expect(await text('total', 'passport')).toBe(`${passport} / 1,3`);
    expect(await text('total', 'social')).toBe(`${social} / 1,1бракує 0,9`);
    // Every cell on screen is the server's figure.
    for (const row of plan.rows) {
      for (const [index, organisation] of plan.organisations.entries()) {
        const figures = row.cells[index];
        expect(await cell(row.hour, organisation).locator('[data-needed]').textContent()).toBe(
          String(figures?.needed),
        );
      }
    }
    expect(await table.locator('tbody tr').count()).toBe(13);
    await expect.poll(() => page.locator('.reports__note').textContent()).toContain('18.11, 11.11, 04.11');

    await page.screenshot({ path: screenshotPath('desk-staffing-1366.png'), fullPage: true });
    expect(await unfitControls(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The same table in English on a full-HD screen.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'ENG' }).click();
    await expect.poll(() => text(11, 'social')).toBe(`${social} / 11 short`);
    expect(await table.locator('tfoot th').textContent()).toBe('Total, desk-hours');
    expect(await unfitControls(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('desk-staffing-1920.png'), fullPage: true });
  });
});
