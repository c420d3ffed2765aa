/** The staffing plan: which days it reads, its hours and groups, and its figures from summaries. */
import { describe, expect, it } from 'vitest';
import type { Centre } from '../centre';
import { DEMO_CENTRE } from '../demo-centre';
import type { DaySummary } from '../reports/day-summary';
import { staffingDays } from './days';
import { desksNeeded } from './erlang';
import { deskOpenShares } from './open-desks';
import { openingHours, staffingGroupOf, staffingPlan } from './plan';

const summary = (
  serviceDay: string,
  dimension: 'service' | 'hour',
  serviceCode: string,
  key: string,
  fields: Partial<DaySummary>,
): DaySummary => ({
  serviceDay,
  dimension,
  serviceCode,
  key,
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  transferred: 0,
  priorityIssued: 0,
  priorityConfirmed: 0,
  bookingsCalled: 0,
  punctual: 0,
  walkInWaits: [],
  bookedWaits: [],
  serviceTimes: [],
  arrivalsByHour: [],
  ...fields,
});

describe('staffing days', () => {
  it('reads the closed same weekdays before tomorrow and compares with the last of them', () => {
    // Wednesday 2 December is open; tomorrow is Thursday 3 December.
    const days = staffingDays('2026-12-03', '2026-12-02', 4);
    expect(days.history).toEqual(['2026-11-26', '2026-11-19', '2026-11-12', '2026-11-05']);
    expect(days.compared).toBe('2026-11-26');
  });

  it('compares a past day with itself and skips the open day for today', () => {
    expect(staffingDays('2026-11-19', '2026-12-02', 2)).toEqual({
      history: ['2026-11-12', '2026-11-05'],
      compared: '2026-11-19',
    });
    expect(staffingDays('2026-12-02', '2026-12-02', 1).history).toEqual(['2026-11-25']);
    // Three weeks ahead still reads the latest closed same weekdays.
    expect(staffingDays('2026-12-23', '2026-12-02', 1).history).toEqual(['2026-11-25']);
  });
});

describe('staffing plan', () => {
  it('covers every hour the ranges touch', () => {
    expect(openingHours([{ from: '08:00', to: '21:00' }])).toEqual([
      8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    expect(
      openingHours([
        { from: '09:00', to: '12:30' },
        { from: '13:30', to: '15:00' },
      ]),
    ).toEqual([9, 10, 11, 12, 13, 14]);
  });

  it('puts a service with the desks that serve it', () => {
    const groups = staffingGroupOf(DEMO_CENTRE);
    expect(groups.get('doc-residence')).toBe('passport');
    // Gas services are the gas utility's, but only the water utility's desk 8 takes them.
    const gas = DEMO_CENTRE.services.find((service) => service.organisationId === 'gas');
    expect(gas && groups.get(gas.code)).toBe('water');
  });

  const centre: Centre = {
    ...DEMO_CENTRE,
    site: {
      ...DEMO_CENTRE.site,
      specialDays: [{ date: '2026-12-31', hours: [{ from: '09:00', to: '11:00' }] }],
    },
  };
  // Two Thursdays: 30 and 50 passport visits at 10 h, 12 min each; a third Thursday had none.
  const summaries = [
    summary('2026-11-26', 'service', 'doc-residence', 'doc-residence', {
      issued: 30,
      serviceTimes: new Array<number>(30).fill(720),
    }),
    summary('2026-11-26', 'hour', 'doc-residence', '10', { issued: 30, served: 28, transferred: 2 }),
    summary('2026-11-19', 'service', 'doc-residence', 'doc-residence', {
      issued: 50,
      serviceTimes: new Array<number>(50).fill(720),
    }),
    summary('2026-11-19', 'hour', 'doc-residence', '10', { issued: 50, served: 50 }),
  ];
  const history = ['2026-11-26', '2026-11-19', '2026-11-12'];

  it('forecasts from the days with visits and plans Erlang C desks beside the open ones', () => {
    const plan = staffingPlan({
      centre,
      day: '2026-12-03',
      historyDays: history,
      summaries,
      comparedDay: '2026-11-26',
      openShares: { 'desk-5': [...new Array<number>(10).fill(0), 0.5, ...new Array<number>(13).fill(0)] },
    });
    expect(plan.historyDays).toEqual(['2026-11-26', '2026-11-19']);
    expect(plan.rows.map((row) => row.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const passport = plan.organisations.indexOf('passport');
    const ten = plan.rows.find((row) => row.hour === 10);
    const cell = ten?.cells[passport];
    // (30 + 50) / 2 = 40 an hour, 12 min each, standard 15 min.
    const expected = desksNeeded({ arrivalsPerHour: 40, serviceMinutes: 12 }, 15).desks;
    expect(cell).toMatchObject({
      arrivalsPerHour: 40,
      serviceMinutes: 12,
      needed: expected,
      open: 0.5,
      short: true,
    });
    expect(expected).toBe(9);
    expect(ten?.cells.every((entry, index) => index === passport || entry.needed === 0)).toBe(true);
    expect(plan.totals[passport]).toEqual({ needed: expected, open: 0.5, short: true });
    expect(plan.total.needed).toBe(expected);
  });

  it('keeps to a special day’s hours, one organisation and no comparison when asked', () => {
    const plan = staffingPlan({
      centre,
      day: '2026-12-31',
      historyDays: history,
      summaries,
      organisationId: 'passport',
    });
    expect(plan.organisations).toEqual(['passport']);
    expect(plan.rows.map((row) => row.hour)).toEqual([9, 10]);
    expect(plan.rows[1]?.cells[0]).toMatchObject({ needed: 9, open: null, short: false });
    expect(plan.comparedDay).toBeNull();
  });

  it('plans nothing without history', () => {
    const plan = staffingPlan({ centre, day: '2026-12-03', historyDays: ['2026-11-12'], summaries });
    expect(plan.historyDays).toEqual([]);
    expect(plan.total.needed).toBe(0);
  });
});

describe('desks open', () => {
  const from = Date.parse('2026-11-26T00:00:00+02:00');
  const to = Date.parse('2026-11-27T00:00:00+02:00');
  const at = (clock: string) => Date.parse(`2026-11-26T${clock}:00+02:00`);

  it('counts the minutes a desk was open and not on a break', () => {
    const shares = deskOpenShares(
      [
        { type: 'desk:opened', at: at('09:30'), deskId: 'desk-1' },
        { type: 'desk:paused', at: at('10:15'), deskId: 'desk-1' },
        { type: 'desk:resumed', at: at('10:45'), deskId: 'desk-1' },
        { type: 'desk:closed', at: at('11:00'), deskId: 'desk-1' },
        { type: 'desk:opened', at: at('10:00'), deskId: 'desk-2' },
        { type: 'day:started', at: at('23:00'), deskId: null },
      ],
      from,
      to,
      'Europe/Kyiv',
    );
    expect(shares['desk-1']?.slice(9, 12)).toEqual([0.5, 0.5, 0]);
    expect(shares['desk-2']?.slice(9, 24)).toEqual([0, ...new Array<number>(13).fill(1), 0]);
  });
});
