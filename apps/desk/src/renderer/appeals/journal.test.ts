import { serviceDay } from '@queue/core';
import { AppealListPayload } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  OPEN_STATUSES,
  actionsFor,
  appealErrorKeyOf,
  applicantCellOf,
  dueDayOf,
  formatDay,
  historyDetailOf,
  listPayloadOf,
  pageCountOf,
  rowToneOf,
} from './journal';

describe('journal filters to the list query', () => {
  it('sends only the paging for no filters', () => {
    expect(listPayloadOf(NO_FILTERS)).toEqual({ limit: 25, offset: 0 });
    expect(listPayloadOf(NO_FILTERS, 2, 10)).toEqual({ limit: 10, offset: 20 });
  });

  it('maps every filter, and "open" to the open statuses', () => {
    const payload = listPayloadOf({
      status: 'open',
      appealClass: 'unclassified',
      organisationId: 'water',
      assigneeId: 'operator8',
      dueBy: '2026-11-30',
      urgency: 'overdue',
      mine: true,
      search: '  2026/17 ',
    });
    expect(payload).toEqual({
      statuses: ['registered', 'assigned', 'in-progress', 'forwarded'],
      appealClass: 'unclassified',
      organisationId: 'water',
      assigneeId: 'operator8',
      dueBy: '2026-11-30',
      urgency: 'overdue',
      mine: true,
      search: '2026/17',
      limit: 25,
      offset: 0,
    });
    expect(AppealListPayload.safeParse(payload).success).toBe(true);
    expect(OPEN_STATUSES).not.toContain('answered');
  });

  it('sends one status, drops a half-typed day and never a negative page', () => {
    const payload = listPayloadOf({ ...NO_FILTERS, status: 'answered', dueBy: '2026-1' }, -1);
    expect(payload).toEqual({ statuses: ['answered'], limit: 25, offset: 0 });
    expect(AppealListPayload.safeParse(payload).success).toBe(true);
  });

  it('counts pages, one at least', () => {
    expect(pageCountOf(0)).toBe(1);
    expect(pageCountOf(25)).toBe(1);
    expect(pageCountOf(26)).toBe(2);
  });
});

describe('journal rows', () => {
  it('marks overdue red and due soon amber, the rest plain', () => {
    expect(rowToneOf({ urgency: 'overdue' })).toBe('overdue');
    expect(rowToneOf({ urgency: 'due-soon' })).toBe('due-soon');
    expect(rowToneOf({ urgency: 'on-time' })).toBeUndefined();
    expect(rowToneOf({ urgency: 'closed' })).toBeUndefined();
  });

  it('shows the applicant, or says hidden or cleared', () => {
    const base = { applicantHidden: false, applicantPurged: false };
    expect(applicantCellOf({ ...base, applicant: { name: 'Ірина', address: 'вул. Миру, 1' } })).toEqual({
      kind: 'shown',
      name: 'Ірина',
      address: 'вул. Миру, 1',
    });
    expect(applicantCellOf({ ...base, applicant: { name: 'Ірина' } })).toEqual({
      kind: 'shown',
      name: 'Ірина',
    });
    expect(applicantCellOf({ ...base, applicantHidden: true })).toEqual({ kind: 'hidden' });
    expect(applicantCellOf({ applicantHidden: true, applicantPurged: true })).toEqual({ kind: 'cleared' });
    expect(applicantCellOf(base)).toEqual({ kind: 'none' });
  });

  it('shows the hand-over term while nobody has the appeal, then the answer term', () => {
    const terms = { classifyDueDay: serviceDay('2026-11-25'), answerDueDay: serviceDay('2026-12-09') };
    expect(dueDayOf({ ...terms, status: 'registered' })).toBe('2026-11-25');
    expect(dueDayOf({ ...terms, status: 'assigned' })).toBe('2026-12-09');
  });

  it('prints a day in the language, without a time-zone shift', () => {
    expect(formatDay('2026-11-24', 'uk')).toBe('24.11.2026');
    expect(formatDay('2026-11-24', 'en')).toBe('24/11/2026');
    expect(formatDay('nonsense', 'en')).toBe('nonsense');
  });

  it('names the refusal texts of the journal', () => {
    expect(appealErrorKeyOf('NOT_CLASS_C')).toBe('appeals.error.NOT_CLASS_C');
    expect(appealErrorKeyOf('not a code')).toBe('appeals.error.generic');
  });
});

describe('the steps an appeal offers', () => {
  const supervisor = ['supervisor'];
  const operator = ['operator'];

  it('offers classifying, dismissing and printing on a new appeal; assigning once classified', () => {
    expect(actionsFor({ status: 'registered' }, operator, true)).toEqual(['classify', 'dismiss', 'print']);
    expect(actionsFor({ status: 'registered', appealClass: 'B' }, operator, false)).toEqual([
      'classify',
      'assign',
      'dismiss',
    ]);
  });

  it('offers taking, extending (not class A, once), forwarding (class C) and answering while worked', () => {
    expect(actionsFor({ status: 'assigned', appealClass: 'C' }, operator, false)).toEqual([
      'classify',
      'assign',
      'take',
      'extend',
      'forward',
      'answer',
      'dismiss',
    ]);
    expect(actionsFor({ status: 'in-progress', appealClass: 'A' }, operator, false)).not.toContain('extend');
    const extended = { at: 1, by: 'x', reason: 'r', previousDueDay: '2026-12-01' } as never;
    expect(
      actionsFor({ status: 'in-progress', appealClass: 'B', extension: extended }, operator, false),
    ).toEqual(['classify', 'assign', 'answer', 'dismiss']);
    expect(actionsFor({ status: 'forwarded', appealClass: 'C' }, operator, false)).toEqual([
      'extend',
      'answer',
      'dismiss',
    ]);
  });

  it('offers reopening a closed appeal to supervisors only', () => {
    expect(actionsFor({ status: 'answered', appealClass: 'A' }, operator, false)).toEqual([]);
    expect(actionsFor({ status: 'dismissed' }, supervisor, false)).toEqual(['reopen']);
    expect(actionsFor({ status: 'answered' }, ['admin'], true)).toEqual(['reopen', 'print']);
  });
});

describe('history details', () => {
  it('turns codes into what the card says in words', () => {
    expect(historyDetailOf({ type: 'appeal-answered', detail: 'partly' })).toEqual({
      kind: 'favour',
      favour: 'partly',
    });
    expect(historyDetailOf({ type: 'appeal-dismissed', detail: 'repeat' })).toEqual({
      kind: 'ground',
      ground: 'repeat',
    });
    expect(historyDetailOf({ type: 'appeal-assigned', detail: 'centre · Фахівець' })).toEqual({
      kind: 'assigned',
      organisationId: 'centre',
      person: 'Фахівець',
    });
    expect(historyDetailOf({ type: 'appeal-assigned', detail: 'water' })).toEqual({
      kind: 'assigned',
      organisationId: 'water',
    });
    expect(historyDetailOf({ type: 'appeal-extended', detail: 'needs a survey' })).toEqual({
      kind: 'text',
      text: 'needs a survey',
    });
    expect(historyDetailOf({ type: 'appeal-taken' })).toEqual({ kind: 'none' });
  });
});
