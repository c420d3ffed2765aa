import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../centre';
import { type OrganisationId, organisationId, serviceCode, serviceDay, staffId } from '../ids';
import { ALL_DAY, KYIV, kyiv, service } from '../testing';
import type { Appeal, AppealChannel, AppealTopic } from './appeal';
import { DEFAULT_APPEAL_POLICY } from './policy';
import { buildAppealReport, type AppealReportQuery, type AppealReportRow } from './report';
import {
  type AppealActor,
  type AppealCommand,
  type AppealContext,
  decideAppeal,
  evolveAppeal,
} from './rules';
import { closedOnTime } from './urgency';

const text = (value: string): LocalizedText => ({ uk: value, ru: value, en: value });
const ORG_A = organisationId('org-a');
const ORG_B = organisationId('org-b');
const WATER = serviceCode('water');
const GAS = serviceCode('gas');

const CENTRE: AppealContext['centre'] = {
  site: { name: text('Centre'), timeZone: KYIV, hours: ALL_DAY, specialDays: [] },
  organisations: [
    {
      id: ORG_A,
      name: text('Water company'),
      higherBody: { name: text('Consumer office'), contact: '0 800' },
    },
    { id: ORG_B, name: text('Gas company') },
  ],
  services: [service('water', { organisationId: ORG_A }), service('gas', { organisationId: ORG_B })],
};
const SITE = CENTRE.site;

const CLERK: AppealActor = { id: 'clerk', oversees: false };
const WORKER: AppealActor = { id: 'worker', oversees: false };
const OTHER: AppealActor = { id: 'other', oversees: false };

type Step = readonly [local: string, command: AppealCommand, actor?: AppealActor];

let sequence = 0;
/** An appeal registered at `received` (Kyiv time), then the steps, each decided and evolved. */
const appealOf = (
  received: string,
  channel: AppealChannel,
  topic: AppealTopic,
  steps: readonly Step[],
): Appeal => {
  sequence += 1;
  const all: Step[] = [
    [
      received,
      {
        type: 'register',
        appealId: `ap-${sequence}`,
        number: `2026/${sequence}`,
        trackingCode: `T${sequence}`,
        channel,
        language: 'uk',
        topic,
        summary: 'Summary',
        text: 'Text of the appeal',
      },
    ],
    ...steps,
  ];
  let appeal: Appeal | undefined;
  for (const [local, command, actor = CLERK] of all) {
    const decision = decideAppeal(appeal, command, {
      now: kyiv(local),
      centre: CENTRE,
      policy: DEFAULT_APPEAL_POLICY,
      actor,
    });
    if (!decision.ok) throw new Error(`${command.type} at ${local} refused: ${decision.error.code}`);
    appeal = evolveAppeal(appeal, decision.event);
  }
  if (!appeal) throw new Error('No appeal');
  return appeal;
};

const classifyAssign = (
  local: string,
  appealClass: 'A' | 'B' | 'C',
  organisation: OrganisationId,
  staff?: string,
): Step[] => [
  [local, { type: 'classify', appealClass }],
  [local, { type: 'assign', organisationId: organisation, ...(staff ? { staffId: staffId(staff) } : {}) }],
];

// Default policy, calendar days: answer term = received + 10 (rolled off weekends), total = + 21.
// "days" = calendar days from the day received to the day closed, in Kyiv.
const APPEALS: readonly Appeal[] = [
  // A1 Mon 2 Nov, in person, water (org A). Due 12 Nov. Answered for the applicant 5 Nov: 3 days, on time.
  appealOf('2026-11-02T10:00', 'in-person', { organisationId: ORG_A, serviceCode: WATER }, [
    ...classifyAssign('2026-11-02T11:00', 'B', ORG_A, 'worker'),
    ['2026-11-03T09:00', { type: 'take' }, WORKER],
    ['2026-11-05T15:00', { type: 'answer', result: 'Fixed', favour: 'applicant' }, WORKER],
  ]),
  // A2 Mon 2 Nov, phone, org A. Due 12 Nov. Refused at 23:30 on 12 Nov: 10 days, on time (the last minutes).
  appealOf('2026-11-02T11:00', 'phone', { organisationId: ORG_A }, [
    ...classifyAssign('2026-11-02T12:00', 'A', ORG_A, 'worker'),
    ['2026-11-12T23:30', { type: 'answer', result: 'Not ours', favour: 'organisation' }, WORKER],
  ]),
  // A3 Tue 3 Nov, e-mail, gas (org B). Due 13 Nov, extended on 10 Nov to 13 + 10 = Mon 23 Nov
  // (total term 3 + 21 = Tue 24 Nov). Answered for the applicant 20 Nov: 17 days, on time.
  appealOf('2026-11-03T09:00', 'email', { organisationId: ORG_B, serviceCode: GAS }, [
    ...classifyAssign('2026-11-03T10:00', 'B', ORG_B, 'other'),
    ['2026-11-10T10:00', { type: 'extend', reason: 'Survey' }, OTHER],
    ['2026-11-20T10:00', { type: 'answer', result: 'Refunded', favour: 'applicant' }, OTHER],
  ]),
  // A4 Tue 3 Nov, online, org B. Dismissed the same day (no contact): 0 days, on time.
  appealOf('2026-11-03T14:00', 'online', { organisationId: ORG_B }, [
    ['2026-11-03T14:10', { type: 'dismiss', ground: 'no-contact' }],
  ]),
  // A5 Wed 4 Nov, in person, org A, class C. Due Sat 14 → Mon 16 Nov. Forwarded 5 Nov, answered
  // partly at 00:30 on 18 Nov (still 17 Nov in UTC): 14 days, late.
  appealOf('2026-11-04T10:00', 'in-person', { organisationId: ORG_A }, [
    ...classifyAssign('2026-11-04T11:00', 'C', ORG_A, 'worker'),
    ['2026-11-05T10:00', { type: 'forward', body: 'Regional office' }, WORKER],
    ['2026-11-18T00:30', { type: 'answer', result: 'Partly', favour: 'partly' }, WORKER],
  ]),
  // A6 Thu 5 Nov, phone, topic org B but assigned to org A. Due Sun 15 → Mon 16 Nov. Open: overdue on 20 Nov.
  appealOf('2026-11-05T10:00', 'phone', { organisationId: ORG_B }, [
    ...classifyAssign('2026-11-05T11:00', 'B', ORG_A, 'worker'),
    ['2026-11-06T09:00', { type: 'take' }, WORKER],
  ]),
  // A7 Thu 12 Nov, partner, org B, assigned to the organisation only. Due Sun 22 → Mon 23 Nov. Open, not overdue.
  appealOf('2026-11-12T09:00', 'partner', { organisationId: ORG_B }, [
    ...classifyAssign('2026-11-12T10:00', 'A', ORG_B),
  ]),
  // A8 Mon 9 Nov, online, org A. Due Thu 19 Nov, extended on 11 Nov to 19 + 10 = Sun 29 → Mon 30 Nov
  // (= the total term, 9 + 21 = 30 Nov). Open, not overdue.
  appealOf('2026-11-09T10:00', 'online', { organisationId: ORG_A }, [
    ...classifyAssign('2026-11-09T11:00', 'B', ORG_A, 'worker'),
    ['2026-11-11T10:00', { type: 'extend', reason: 'Analysis' }, WORKER],
  ]),
  // Outside the period: received 30 October, and received 16 November.
  appealOf('2026-10-30T10:00', 'in-person', { organisationId: ORG_A }, [
    ...classifyAssign('2026-10-30T11:00', 'A', ORG_A, 'worker'),
    ['2026-11-02T10:00', { type: 'answer', result: 'Done', favour: 'applicant' }, WORKER],
  ]),
  appealOf('2026-11-16T10:00', 'phone', { organisationId: ORG_A }, []),
];

const query = (dimension: AppealReportQuery['dimension']): AppealReportQuery => ({
  from: serviceDay('2026-11-01'),
  to: serviceDay('2026-11-15'),
  dimension,
  now: kyiv('2026-11-20T12:00'),
});

const row = (key: string, values: Omit<AppealReportRow, 'key'>): AppealReportRow => ({ key, ...values });

describe('the fixture', () => {
  it('has the terms and closing days the expected numbers are worked out from', () => {
    const [a1, a2, a3, a4, a5, a6, a7, a8] = APPEALS;
    expect(a1).toMatchObject({ status: 'answered', answerDueDay: '2026-11-12' });
    expect(a2).toMatchObject({ status: 'answered', answerDueDay: '2026-11-12' });
    expect(a3).toMatchObject({ status: 'answered', answerDueDay: '2026-11-23', finalDueDay: '2026-11-24' });
    expect(a4).toMatchObject({ status: 'dismissed' });
    expect(a5).toMatchObject({ status: 'answered', answerDueDay: '2026-11-16' });
    expect(a6).toMatchObject({ status: 'in-progress', answerDueDay: '2026-11-16' });
    expect(a7).toMatchObject({ status: 'assigned', answerDueDay: '2026-11-23' });
    expect(a8).toMatchObject({ status: 'assigned', answerDueDay: '2026-11-30', finalDueDay: '2026-11-30' });
    expect(APPEALS.slice(0, 8).map((appeal) => closedOnTime(appeal, SITE))).toEqual([
      true,
      true,
      true,
      true,
      false,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('buildAppealReport', () => {
  it('totals the period', () => {
    const { rows, total } = buildAppealReport(APPEALS, query('total'), SITE);
    // Received in 1–15 Nov: A1..A8 = 8. Answered: A1, A2, A3, A5 = 4; dismissed: A4 = 1.
    // Days of the 5 closed, sorted: A4 0, A1 3, A2 10, A5 14, A3 17 → mean 44 / 5 = 8.8;
    // p90 by nearest rank: ceil(0.9 × 5) = 5th = 17. On time: all but A5 → 4 / 5 = 80%.
    // Extended: A3, A8 = 2. Forwarded: A5 = 1. Open past their term on 20 Nov: A6 (16 Nov) = 1.
    // For the applicant: A1, A3 of the 4 answered → 50%.
    const expected = row('total', {
      received: 8,
      answered: 4,
      dismissed: 1,
      onTimePercent: 80,
      meanDaysToClose: 8.8,
      p90DaysToClose: 17,
      extended: 2,
      forwarded: 1,
      overdueNow: 1,
      applicantFavourPercent: 50,
    });
    expect(total).toEqual(expected);
    expect(rows).toEqual([expected]);
  });

  it('groups by the responsible organisation (the assignee’s, else the topic’s)', () => {
    const { rows, total } = buildAppealReport(APPEALS, query('organisation'), SITE);
    expect(rows).toEqual([
      // org A: A1, A2, A5, A6 (topic B, assigned A), A8 = 5. Closed A1 3, A2 10, A5 14 (late):
      // on time 2 / 3 = 66.67 → 66.7; mean 27 / 3 = 9; p90 ceil(2.7) = 3rd = 14.
      // Extended A8; forwarded A5; overdue A6; for the applicant A1 of 3 answered = 33.3.
      row('org-a', {
        received: 5,
        answered: 3,
        dismissed: 0,
        onTimePercent: 66.7,
        meanDaysToClose: 9,
        p90DaysToClose: 14,
        extended: 1,
        forwarded: 1,
        overdueNow: 1,
        applicantFavourPercent: 33.3,
      }),
      // org B: A3, A4, A7 = 3. Closed A4 0, A3 17, both on time: 100%; mean 17 / 2 = 8.5;
      // p90 ceil(1.8) = 2nd = 17. Extended A3. A7 is due 23 Nov: not overdue. A3 for the applicant: 1 / 1.
      row('org-b', {
        received: 3,
        answered: 1,
        dismissed: 1,
        onTimePercent: 100,
        meanDaysToClose: 8.5,
        p90DaysToClose: 17,
        extended: 1,
        forwarded: 0,
        overdueNow: 0,
        applicantFavourPercent: 100,
      }),
    ]);
    expect(total.received).toBe(8);
  });

  it('groups by channel, largest first and then by key', () => {
    const { rows } = buildAppealReport(APPEALS, query('channel'), SITE);
    expect(rows).toEqual([
      // in person: A1 (3, on time, applicant), A5 (14, late, partly, forwarded).
      // On time 1 / 2 = 50; mean 17 / 2 = 8.5; p90 ceil(1.8) = 2nd = 14; applicant 1 / 2 = 50.
      row('in-person', {
        received: 2,
        answered: 2,
        dismissed: 0,
        onTimePercent: 50,
        meanDaysToClose: 8.5,
        p90DaysToClose: 14,
        extended: 0,
        forwarded: 1,
        overdueNow: 0,
        applicantFavourPercent: 50,
      }),
      // online: A4 (dismissed, 0 days, on time), A8 (open, extended, not overdue). No answers: null share.
      row('online', {
        received: 2,
        answered: 0,
        dismissed: 1,
        onTimePercent: 100,
        meanDaysToClose: 0,
        p90DaysToClose: 0,
        extended: 1,
        forwarded: 0,
        overdueNow: 0,
        applicantFavourPercent: null,
      }),
      // phone: A2 (10, on time, refused: 0 / 1 = 0%), A6 (open, overdue).
      row('phone', {
        received: 2,
        answered: 1,
        dismissed: 0,
        onTimePercent: 100,
        meanDaysToClose: 10,
        p90DaysToClose: 10,
        extended: 0,
        forwarded: 0,
        overdueNow: 1,
        applicantFavourPercent: 0,
      }),
      // e-mail: A3 (17 days, extended, on time, for the applicant).
      row('email', {
        received: 1,
        answered: 1,
        dismissed: 0,
        onTimePercent: 100,
        meanDaysToClose: 17,
        p90DaysToClose: 17,
        extended: 1,
        forwarded: 0,
        overdueNow: 0,
        applicantFavourPercent: 100,
      }),
      // partner: A7, open and within its term; nothing closed, so the shares and days are null.
      row('partner', {
        received: 1,
        answered: 0,
        dismissed: 0,
        onTimePercent: null,
        meanDaysToClose: null,
        p90DaysToClose: null,
        extended: 0,
        forwarded: 0,
        overdueNow: 0,
        applicantFavourPercent: null,
      }),
    ]);
  });

  it('groups by class, topic and person', () => {
    const keys = (dimension: AppealReportQuery['dimension']) =>
      buildAppealReport(APPEALS, query(dimension), SITE).rows.map((entry) => [entry.key, entry.received]);
    // B: A1, A3, A6, A8; A: A2, A7; C: A5; A4 was never classified.
    expect(keys('class')).toEqual([
      ['B', 4],
      ['A', 2],
      ['C', 1],
      ['unclassified', 1],
    ]);
    // Service codes, else the topic's organisation: A2, A5, A8 | A4, A6, A7 | A3 | A1.
    expect(keys('topic')).toEqual([
      ['organisation:org-a', 3],
      ['organisation:org-b', 3],
      ['gas', 1],
      ['water', 1],
    ]);
    // worker: A1, A2, A5, A6, A8; A4 (never assigned) and A7 (organisation only); other: A3.
    expect(keys('person')).toEqual([
      ['worker', 5],
      ['unassigned', 2],
      ['other', 1],
    ]);
  });

  it('counts overdue against the report’s instant in the site’s calendar', () => {
    // At 23:59 on 16 Nov A5's and A6's term (16 Nov) has not passed yet; at 00:00 on 17 Nov it has.
    // (A5 was still open then in reality, but the report reads the appeals as they are now: closed.)
    const at = (local: string) =>
      buildAppealReport(APPEALS, { ...query('total'), now: kyiv(local) }, SITE).total.overdueNow;
    expect(at('2026-11-16T23:59')).toBe(0);
    expect(at('2026-11-17T00:00')).toBe(1);
    // On 1 December A7 (23 Nov) and A8 (30 Nov) are overdue too.
    expect(at('2026-12-01T09:00')).toBe(3);
  });

  it('gives an empty period zeros and nulls', () => {
    const { rows, total } = buildAppealReport(
      APPEALS,
      { ...query('organisation'), from: serviceDay('2027-01-01'), to: serviceDay('2027-01-31') },
      SITE,
    );
    expect(rows).toEqual([]);
    expect(total).toEqual(
      row('total', {
        received: 0,
        answered: 0,
        dismissed: 0,
        onTimePercent: null,
        meanDaysToClose: null,
        p90DaysToClose: null,
        extended: 0,
        forwarded: 0,
        overdueNow: 0,
        applicantFavourPercent: null,
      }),
    );
  });

  it('includes both ends of the period', () => {
    const one = (from: string, to: string) =>
      buildAppealReport(APPEALS, { ...query('total'), from: serviceDay(from), to: serviceDay(to) }, SITE)
        .total.received;
    expect(one('2026-11-02', '2026-11-02')).toBe(2); // A1, A2
    expect(one('2026-10-30', '2026-10-30')).toBe(1);
    expect(one('2026-11-16', '2026-11-16')).toBe(1);
    expect(one('2026-10-01', '2026-11-30')).toBe(10);
  });
});
