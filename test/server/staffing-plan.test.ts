/**
 * Tomorrow's plan through the real server: three Wednesdays of passport visits played with a
 * controlled clock (6, 9 and 12 four-minute visits at 10 h; 3, 3 and none at 11 h), desk 5
 * open 09:30-11:00 on the last of them with a break 09:40-09:55. On Tuesday 24 November a
 * supervisor asks for Wednesday: the forecast is the mean of the three, the desks are core's
 * Erlang C, and the open desks are those of 18 November.
 */
import { desksNeeded } from '@queue/core';
import type { StaffingPlanAnswer } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KIOSK_TOKEN,
  type RecordingSocket,
  TestClock,
  type TestServer,
  okData,
  rid,
  startServer,
} from './harness';

const kyiv = (clock: string, day: string) => Date.parse(`${day}T${clock}:00+02:00`);

/** Each history day: visits at 10 h and 11 h, and desk 5's open and break times. */
const HISTORY = [
  { day: '2026-11-04', at10: 6, at11: 3 },
  { day: '2026-11-11', at10: 9, at11: 3 },
  { day: '2026-11-18', at10: 12, at11: 0, opens: '09:30', pause: ['09:40', '09:55'], closes: '11:00' },
] as const;

describe('the staffing plan', () => {
  let server: TestServer;
  let supervisor: RecordingSocket;
  const clock = new TestClock(kyiv('09:00', '2026-11-04'));

  beforeAll(async () => {
    server = await startServer({ clock, tickMs: 60_000 });
    for (const entry of HISTORY) {
      clock.at = kyiv('09:00', entry.day);
      server.closeSockets();
      const kiosk = await server.connect(KIOSK_TOKEN);
      const desk = await server.connect((await server.login('operator5', '1111')).token);
      const open = 'opens' in entry ? entry.opens : '09:00';
      clock.at = kyiv(open, entry.day);
      await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
      if ('pause' in entry) {
        clock.at = kyiv(entry.pause[0], entry.day);
        await okData(desk.emitWithAck('desk:pause', { requestId: rid(), reason: 'break' }));
        clock.at = kyiv(entry.pause[1], entry.day);
        await okData(desk.emitWithAck('desk:resume', { requestId: rid() }));
      }
      const starts = [
        ...Array.from({ length: entry.at10 }, (_, index) => kyiv('10:00', entry.day) + index * 5 * 60_000),
        ...Array.from({ length: entry.at11 }, (_, index) => kyiv('11:00', entry.day) + index * 5 * 60_000),
      ];
      for (const start of starts) {
        clock.at = start;
        const { ticket } = await okData(
          kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'doc-residence' }),
        );
        await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
        await okData(desk.emitWithAck('visit:start', { requestId: rid(), ticketId: ticket.id }));
        clock.advanceMinutes(4);
        await okData(desk.emitWithAck('visit:complete', { requestId: rid(), ticketId: ticket.id }));
      }
      clock.at = kyiv('closes' in entry ? entry.closes : '12:00', entry.day);
      await okData(desk.emitWithAck('desk:close', { requestId: rid() }));
    }
    clock.at = kyiv('10:00', '2026-11-24');
    server.closeSockets();
    // Today's first visitor starts the day (the 18th is then closed).
    const kiosk = await server.connect(KIOSK_TOKEN);
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }));
    supervisor = await server.connect((await server.login('supervisor', '2222')).token);
  });

  afterAll(async () => {
    await server.close();
  });

  const plan = (payload: Record<string, unknown>) =>
    okData(supervisor.emitWithAck('report:staffing', payload as never)) as Promise<StaffingPlanAnswer>;

  it('forecasts Wednesday from the past Wednesdays and compares with the last one', async () => {
    const answer = await plan({ day: '2026-11-25' });
    expect(answer.historyDays).toEqual(['2026-11-18', '2026-11-11', '2026-11-04']);
    expect(answer.comparedDay).toBe('2026-11-18');
    // The demo centre's weekday hours, 08:00-21:00.
    expect(answer.rows.map((row) => row.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const passport = answer.organisations.indexOf('passport');
    expect(passport).toBeGreaterThanOrEqual(0);
    const cell = (hour: number) => answer.rows.find((row) => row.hour === hour)?.cells[passport];
    // 10 h: (6 + 9 + 12) / 3 = 9 an hour, 4 minutes each; desk 5 open all the hour.
    expect(cell(10)).toMatchObject({
      arrivalsPerHour: 9,
      serviceMinutes: 4,
      needed: desksNeeded({ arrivalsPerHour: 9, serviceMinutes: 4 }, 15).desks,
      open: 1,
      short: false,
    });
    // 11 h: (3 + 3 + 0) / 3 = 2 an hour, and desk 5 had closed: short.
    expect(cell(11)).toMatchObject({ arrivalsPerHour: 2, needed: 1, open: 0, short: true });
    // 9 h: no visitors; desk 5 open 09:30-09:40 and 09:55-10:00, a quarter of the hour.
    expect(cell(9)).toMatchObject({ needed: 0, open: 0.3, short: false });
    expect(answer.totals[passport]).toMatchObject({ needed: 2, open: 1.3 });
    expect(
      answer.rows.every((row) => row.cells.every((entry, index) => index === passport || entry.needed === 0)),
    ).toBe(true);
  });

  it('keeps to one organisation and compares a past day with itself', async () => {
    const answer = await plan({ day: '2026-11-18', organisationId: 'passport' });
    expect(answer.organisations).toEqual(['passport']);
    expect(answer.historyDays).toEqual(['2026-11-11', '2026-11-04']);
    expect(answer.comparedDay).toBe('2026-11-18');
    expect(answer.rows.find((row) => row.hour === 10)?.cells[0]).toMatchObject({
      arrivalsPerHour: 7.5,
      open: 1,
    });
  });

  it('plans nothing on a weekend day without history and follows its hours', async () => {
    const answer = await plan({ day: '2026-11-28' });
    expect(answer.historyDays).toEqual([]);
    // Saturday, 09:00-17:00.
    expect(answer.rows.map((row) => row.hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(answer.total.needed).toBe(0);
  });

  it('shows a supervisor of one organisation only its desks', async () => {
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    await okData(
      admin.emitWithAck('staff:save', {
        requestId: rid(),
        login: 'olena',
        name: 'Олена Паспортна',
        roles: ['supervisor'],
        organisationIds: ['passport'],
        active: true,
        secret: 'passport-pass',
      }),
    );
    const olena = await server.connect((await server.login('olena', 'passport-pass')).token);
    const own = await okData(olena.emitWithAck('report:staffing', { day: '2026-11-25' }));
    expect(own.organisations).toEqual(['passport']);
    expect(own.totals).toEqual([expect.objectContaining({ needed: 2, open: 1.3 })]);
    expect(
      await olena.emitWithAck('report:staffing', { day: '2026-11-25', organisationId: 'social' }),
    ).toMatchObject({ ok: false, error: { code: 'OTHER_ORGANISATION' } });
  });

  it('refuses operators and malformed days', async () => {
    const operator = await server.connect((await server.login('operator1', '1111')).token);
    expect(await operator.emitWithAck('report:staffing', { day: '2026-11-25' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await supervisor.emitWithAck('report:staffing', { day: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});
