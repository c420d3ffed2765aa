import { describe, expect, it } from 'vitest';
import { organisationId, serviceDay, staffId } from '../ids';
import { KYIV, kyiv } from '../testing';
import type { Appeal } from './appeal';
import { appealUrgency, closedOnTime, currentDueDay } from './urgency';

const SITE = { timeZone: KYIV };

/** Registered Monday 2 November 2026: hand-over by 3 Nov, answer by 12 Nov, in all by 23 Nov. */
const appeal = (overrides: Partial<Appeal> = {}): Appeal => ({
  id: 'ap-1',
  number: '2026/1',
  trackingCode: 'T1',
  channel: 'phone',
  language: 'uk',
  receivedAt: kyiv('2026-11-02T10:00'),
  receivedDay: serviceDay('2026-11-02'),
  registeredBy: 'clerk',
  topic: { organisationId: organisationId('org-a') },
  summary: 'Summary',
  text: 'Text',
  status: 'registered',
  classifyDueDay: serviceDay('2026-11-03'),
  answerDueDay: serviceDay('2026-11-12'),
  finalDueDay: serviceDay('2026-11-23'),
  reopened: 0,
  updatedAt: kyiv('2026-11-02T10:00'),
  ...overrides,
});

const ASSIGNED: Partial<Appeal> = {
  status: 'assigned',
  appealClass: 'B',
  assignee: { organisationId: organisationId('org-a'), staffId: staffId('worker') },
};

describe('currentDueDay', () => {
  it('is the hand-over term while the appeal is registered, the answer term after', () => {
    expect(currentDueDay(appeal())).toBe('2026-11-03');
    expect(currentDueDay(appeal(ASSIGNED))).toBe('2026-11-12');
    expect(currentDueDay(appeal({ status: 'forwarded' }))).toBe('2026-11-12');
    // A hand-over term of no days past the answer term falls back to the answer term.
    expect(currentDueDay(appeal({ classifyDueDay: serviceDay('2026-11-12') }))).toBe('2026-11-12');
  });
});

describe('appealUrgency', () => {
  it('turns amber the day before and on the last day, red after it', () => {
    const open = appeal(ASSIGNED);
    expect(appealUrgency(open, kyiv('2026-11-10T23:59'), SITE)).toBe('on-time');
    expect(appealUrgency(open, kyiv('2026-11-11T00:00'), SITE)).toBe('due-soon');
    expect(appealUrgency(open, kyiv('2026-11-12T23:59'), SITE)).toBe('due-soon');
    expect(appealUrgency(open, kyiv('2026-11-13T00:00'), SITE)).toBe('overdue');
  });

  it('is overdue once the hand-over term passes with nobody named', () => {
    expect(appealUrgency(appeal(), kyiv('2026-11-03T12:00'), SITE)).toBe('due-soon');
    expect(appealUrgency(appeal(), kyiv('2026-11-04T00:00'), SITE)).toBe('overdue');
    expect(appealUrgency(appeal(ASSIGNED), kyiv('2026-11-04T00:00'), SITE)).toBe('on-time');
  });

  it('counts local days across a daylight-saving change', () => {
    // Due Monday 30 March 2026; the Sunday before has 23 hours.
    const spring = appeal({ ...ASSIGNED, answerDueDay: serviceDay('2026-03-30') });
    expect(appealUrgency(spring, kyiv('2026-03-28T23:30'), SITE)).toBe('on-time');
    expect(appealUrgency(spring, kyiv('2026-03-29T00:30'), SITE)).toBe('due-soon');
    expect(appealUrgency(spring, kyiv('2026-03-31T00:00'), SITE)).toBe('overdue');
  });

  it('says closed for an answered or dismissed appeal, whatever the date', () => {
    const closed = appeal({ ...ASSIGNED, status: 'answered', closedAt: kyiv('2026-11-20T10:00') });
    expect(appealUrgency(closed, kyiv('2027-01-01T00:00'), SITE)).toBe('closed');
    expect(appealUrgency(appeal({ status: 'dismissed' }), kyiv('2027-01-01T00:00'), SITE)).toBe('closed');
  });
});

describe('closedOnTime', () => {
  it('compares the local day of closing with the answer term', () => {
    expect(closedOnTime(appeal(ASSIGNED), SITE)).toBeUndefined();
    const closedAt = (local: string) =>
      closedOnTime(appeal({ ...ASSIGNED, status: 'answered', closedAt: kyiv(local) }), SITE);
    expect(closedAt('2026-11-12T23:59')).toBe(true);
    // 00:30 on 13 November in Kyiv is still 12 November in UTC: late all the same.
    expect(closedAt('2026-11-13T00:30')).toBe(false);
  });
});
