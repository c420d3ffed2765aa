import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../centre';
import { type Instant, type OrganisationId, addMinutes, organisationId, serviceCode, staffId } from '../ids';
import { ALL_DAY, KYIV, kyiv, service } from '../testing';
import {
  APPEAL_CLASSES,
  APPEAL_FAVOURS,
  APPEAL_STATUSES,
  type Appeal,
  type AppealEvent,
  DISMISSAL_GROUNDS,
  isClosedAppeal,
} from './appeal';
import { type AppealPolicy, DEFAULT_APPEAL_POLICY, appealPolicyProblem } from './policy';
import {
  type AppealActor,
  type AppealCommand,
  type AppealContext,
  type AppealDecision,
  type AppealErrorCode,
  type NewAppeal,
  decideAppeal,
  evolveAppeal,
  replayAppeal,
} from './rules';
import { isPast } from './terms';

// ---------------------------------------------------------------------------------------------
// Fixture: two organisations, one naming its higher body and one not, a service of each
// ---------------------------------------------------------------------------------------------

const text = (value: string): LocalizedText => ({ uk: value, ru: value, en: value });
const ORG_A = organisationId('org-a');
const ORG_B = organisationId('org-b');
const NOWHERE = organisationId('nowhere');
const WATER = serviceCode('water');
const GAS = serviceCode('gas');
const HIGHER_BODY = { name: text('Consumer Protection Office'), contact: '0 800 000 000' };

type AppealCentre = AppealContext['centre'];
const CENTRE: AppealCentre = {
  site: { name: text('Centre'), timeZone: KYIV, hours: ALL_DAY, specialDays: [] },
  organisations: [
    { id: ORG_A, name: text('Water company'), higherBody: HIGHER_BODY },
    { id: ORG_B, name: text('Gas company') },
  ],
  services: [service('water', { organisationId: ORG_A }), service('gas', { organisationId: ORG_B })],
};

const CLERK: AppealActor = { id: 'clerk', oversees: false };
const WORKER: AppealActor = { id: 'worker', oversees: false };
const OTHER: AppealActor = { id: 'other', oversees: false };
const SUPERVISOR: AppealActor = { id: 'super', oversees: true };

const newAppeal = (overrides: Partial<NewAppeal> = {}): AppealCommand => ({
  type: 'register',
  appealId: 'ap-1',
  number: '2026/1',
  trackingCode: 'TRACK1',
  channel: 'in-person',
  language: 'uk',
  topic: { organisationId: ORG_A, serviceCode: WATER },
  summary: 'No hot water',
  text: 'There has been no hot water in the building since Monday.',
  ...overrides,
});

/** One appeal's life: the clock, the appeal and its log; `do` throws when the rules say no. */
class Journal {
  appeal: Appeal | undefined;
  readonly events: AppealEvent[] = [];
  now: Instant;

  constructor(
    start: string,
    readonly policy: AppealPolicy = DEFAULT_APPEAL_POLICY,
    readonly centre: AppealCentre = CENTRE,
  ) {
    this.now = kyiv(start);
  }

  at(local: string): this {
    this.now = kyiv(local);
    return this;
  }

  decide(command: AppealCommand, actor: AppealActor = CLERK): AppealDecision {
    return decideAppeal(this.appeal, command, {
      now: this.now,
      centre: this.centre,
      policy: this.policy,
      actor,
    });
  }

  do(command: AppealCommand, actor: AppealActor = CLERK): AppealEvent {
    const decision = this.decide(command, actor);
    if (!decision.ok)
      throw new Error(`${command.type} refused: ${decision.error.code} ${decision.error.message}`);
    this.appeal = evolveAppeal(this.appeal, decision.event);
    this.events.push(decision.event);
    return decision.event;
  }

  refused(command: AppealCommand, actor: AppealActor = CLERK): AppealErrorCode {
    const before = JSON.stringify(this.appeal);
    const decision = this.decide(command, actor);
    if (decision.ok) throw new Error(`Expected ${command.type} to be refused, got ${decision.event.type}`);
    expect(JSON.stringify(this.appeal)).toBe(before);
    return decision.error.code;
  }

  get current(): Appeal {
    if (!this.appeal) throw new Error('No appeal');
    return this.appeal;
  }
}

/** Registered Monday 2 November 2026, 10:00: classify by 3 Nov, answer by 12 Nov, in all by 23 Nov. */
const registered = (overrides: Partial<NewAppeal> = {}, policy?: AppealPolicy): Journal => {
  const journal = new Journal('2026-11-02T10:00', policy);
  journal.do(newAppeal(overrides));
  return journal;
};

const assigned = (
  appealClass: 'A' | 'B' | 'C' = 'B',
  to: { organisationId?: OrganisationId; staff?: string } = { staff: 'worker' },
  overrides: Partial<NewAppeal> = {},
): Journal => {
  const journal = registered(overrides);
  journal.at('2026-11-02T12:00').do({ type: 'classify', appealClass });
  journal.do({
    type: 'assign',
    organisationId: to.organisationId ?? ORG_A,
    ...(to.staff !== undefined ? { staffId: staffId(to.staff) } : {}),
  });
  return journal;
};

const taken = (appealClass: 'A' | 'B' | 'C' = 'B'): Journal => {
  const journal = assigned(appealClass);
  journal.at('2026-11-03T09:00').do({ type: 'take' }, WORKER);
  return journal;
};

const EXTEND: AppealCommand = { type: 'extend', reason: 'Needs a survey of the building' };
const ANSWER: AppealCommand = { type: 'answer', result: 'Hot water restored', favour: 'applicant' };
const REFUSE: AppealCommand = { type: 'answer', result: 'The pipes are the owners’', favour: 'organisation' };
const DISMISS: AppealCommand = { type: 'dismiss', ground: 'no-contact' };
const REOPEN: AppealCommand = { type: 'reopen', reason: 'The applicant brought new facts' };
const FORWARD: AppealCommand = { type: 'forward', body: 'Regional consumer office' };

// ---------------------------------------------------------------------------------------------
// register
// ---------------------------------------------------------------------------------------------

describe('register', () => {
  it('records the appeal with its day in Kyiv and its three terms', () => {
    const journal = registered({ ticketId: undefined, partnerId: 'p-17' });
    const event = journal.events[0];
    expect(event).toMatchObject({
      type: 'appeal-registered',
      appealId: 'ap-1',
      at: kyiv('2026-11-02T10:00'),
      by: 'clerk',
      number: '2026/1',
      receivedDay: '2026-11-02',
      classifyDueDay: '2026-11-03',
      answerDueDay: '2026-11-12',
      finalDueDay: '2026-11-23',
      partnerId: 'p-17',
    });
    expect(journal.current).toMatchObject({
      id: 'ap-1',
      status: 'registered',
      receivedAt: kyiv('2026-11-02T10:00'),
      registeredBy: 'clerk',
      reopened: 0,
      updatedAt: kyiv('2026-11-02T10:00'),
      partnerId: 'p-17',
    });
    expect(journal.current.assignee).toBeUndefined();
    expect(journal.current.resolution).toBeUndefined();
  });

  it('takes the received day from the site’s zone, not UTC', () => {
    // 00:30 on Monday in Kyiv is still Sunday in UTC.
    const journal = new Journal('2026-11-02T00:30');
    journal.do(newAppeal());
    expect(journal.current.receivedDay).toBe('2026-11-02');
    // Saturday 7 November + 1 = Sunday → Monday 9; + 10 = Tuesday 17; + 21 = Saturday 28 → Monday 30.
    const weekend = new Journal('2026-11-07T23:50');
    weekend.do(newAppeal());
    expect(weekend.current).toMatchObject({
      receivedDay: '2026-11-07',
      classifyDueDay: '2026-11-09',
      answerDueDay: '2026-11-17',
      finalDueDay: '2026-11-30',
    });
  });

  it('counts working days under a working-day policy', () => {
    const journal = registered({}, { ...DEFAULT_APPEAL_POLICY, dayKind: 'working' });
    // From Monday 2 November: 1 working day → Tue 3; 10 → Mon 16; 21 → Tue 1 December.
    expect(journal.current).toMatchObject({
      classifyDueDay: '2026-11-03',
      answerDueDay: '2026-11-16',
      finalDueDay: '2026-12-01',
    });
  });

  it('refuses a second registration, an unknown organisation or service, and empty texts', () => {
    expect(registered().refused(newAppeal())).toBe('ILLEGAL_TRANSITION');
    const fresh = new Journal('2026-11-02T10:00');
    expect(fresh.refused(newAppeal({ topic: { organisationId: NOWHERE } }))).toBe('UNKNOWN_ORGANISATION');
    expect(
      fresh.refused(newAppeal({ topic: { organisationId: ORG_A, serviceCode: serviceCode('nope') } })),
    ).toBe('UNKNOWN_SERVICE');
    // Gas is a service of the other organisation.
    expect(fresh.refused(newAppeal({ topic: { organisationId: ORG_A, serviceCode: GAS } }))).toBe(
      'UNKNOWN_SERVICE',
    );
    expect(fresh.refused(newAppeal({ summary: '   ' }))).toBe('INVALID_ARGUMENT');
    expect(fresh.refused(newAppeal({ text: '' }))).toBe('INVALID_ARGUMENT');
  });

  it('refuses every other command on an appeal that does not exist', () => {
    const fresh = new Journal('2026-11-02T10:00');
    const commands: AppealCommand[] = [
      { type: 'classify', appealClass: 'A' },
      { type: 'assign', organisationId: ORG_A },
      { type: 'take' },
      EXTEND,
      FORWARD,
      ANSWER,
      DISMISS,
      REOPEN,
    ];
    for (const command of commands) expect(fresh.refused(command, SUPERVISOR)).toBe('UNKNOWN_APPEAL');
  });
});

// ---------------------------------------------------------------------------------------------
// classify and assign
// ---------------------------------------------------------------------------------------------

describe('classify', () => {
  it('sets the class and may correct the topic', () => {
    const journal = registered();
    journal.at('2026-11-02T11:00').do({ type: 'classify', appealClass: 'B' });
    expect(journal.current.appealClass).toBe('B');
    expect(journal.current.topic).toEqual({ organisationId: ORG_A, serviceCode: WATER });
    expect(journal.current.updatedAt).toBe(kyiv('2026-11-02T11:00'));
    journal.do({ type: 'classify', appealClass: 'A', topic: { organisationId: ORG_B, serviceCode: GAS } });
    expect(journal.current).toMatchObject({
      appealClass: 'A',
      topic: { organisationId: ORG_B, serviceCode: GAS },
    });
  });

  it('refuses a bad topic, a closed or a forwarded appeal', () => {
    const journal = registered();
    expect(journal.refused({ type: 'classify', appealClass: 'B', topic: { organisationId: NOWHERE } })).toBe(
      'UNKNOWN_ORGANISATION',
    );
    expect(
      journal.refused({
        type: 'classify',
        appealClass: 'B',
        topic: { organisationId: ORG_B, serviceCode: WATER },
      }),
    ).toBe('UNKNOWN_SERVICE');
    const forwarded = assigned('C');
    forwarded.do(FORWARD, WORKER);
    expect(forwarded.refused({ type: 'classify', appealClass: 'B' })).toBe('ILLEGAL_TRANSITION');
    const closed = registered();
    closed.do(DISMISS);
    expect(closed.refused({ type: 'classify', appealClass: 'B' }, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
  });
});

describe('assign', () => {
  it('needs a class first, and a known organisation', () => {
    const journal = registered();
    expect(journal.refused({ type: 'assign', organisationId: ORG_A })).toBe('NOT_CLASSIFIED');
    journal.do({ type: 'classify', appealClass: 'B' });
    expect(journal.refused({ type: 'assign', organisationId: NOWHERE })).toBe('UNKNOWN_ORGANISATION');
    journal.do({ type: 'assign', organisationId: ORG_B });
    expect(journal.current.status).toBe('assigned');
    expect(journal.current.assignee).toEqual({ organisationId: ORG_B });
  });

  it('reassigns a taken appeal, which then has to be taken again', () => {
    const journal = taken();
    expect(journal.current.takenAt).toBeDefined();
    journal.do({ type: 'assign', organisationId: ORG_B, staffId: staffId('other') });
    expect(journal.current.status).toBe('assigned');
    expect(journal.current.takenAt).toBeUndefined();
    expect(journal.current.assignee).toEqual({ organisationId: ORG_B, staffId: 'other' });
  });

  it('refuses a closed or forwarded appeal', () => {
    const closed = taken();
    closed.do(ANSWER, WORKER);
    expect(closed.refused({ type: 'assign', organisationId: ORG_A }, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
    const forwarded = assigned('C');
    forwarded.do(FORWARD, WORKER);
    expect(forwarded.refused({ type: 'assign', organisationId: ORG_A })).toBe('ILLEGAL_TRANSITION');
  });
});

// ---------------------------------------------------------------------------------------------
// take
// ---------------------------------------------------------------------------------------------

describe('take', () => {
  it('is refused before the appeal is assigned', () => {
    expect(registered().refused({ type: 'take' }, WORKER)).toBe('NOT_ASSIGNED');
  });

  it('is the named assignee’s (or a supervisor’s), not anyone else’s', () => {
    const journal = assigned('B', { staff: 'worker' });
    expect(journal.refused({ type: 'take' }, OTHER)).toBe('NOT_ASSIGNEE');
    journal.at('2026-11-03T09:00').do({ type: 'take' }, WORKER);
    expect(journal.current).toMatchObject({
      status: 'in-progress',
      takenAt: kyiv('2026-11-03T09:00'),
      assignee: { organisationId: ORG_A, staffId: 'worker' },
    });
    expect(journal.refused({ type: 'take' }, WORKER)).toBe('ILLEGAL_TRANSITION');

    const bySupervisor = assigned('B', { staff: 'worker' });
    bySupervisor.do({ type: 'take' }, SUPERVISOR);
    expect(bySupervisor.current.assignee).toEqual({ organisationId: ORG_A, staffId: 'super' });
  });

  it('names whoever takes an appeal assigned to an organisation only', () => {
    const journal = assigned('B', { organisationId: ORG_B });
    journal.do({ type: 'take' }, OTHER);
    expect(journal.current.assignee).toEqual({ organisationId: ORG_B, staffId: 'other' });
  });

  it('is refused on a closed appeal', () => {
    const journal = taken();
    journal.do(ANSWER, WORKER);
    expect(journal.refused({ type: 'take' }, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
  });
});

// ---------------------------------------------------------------------------------------------
// extend
// ---------------------------------------------------------------------------------------------

describe('extend', () => {
  it('adds the extension to the answer term, within the total term, once', () => {
    const journal = taken('B');
    const event = journal.at('2026-11-10T15:00').do({ type: 'extend', reason: '  Needs a survey  ' }, WORKER);
    // 12 November + 10 = Sunday 22 → Monday 23 November, which is also the total term.
    expect(event).toMatchObject({
      type: 'appeal-extended',
      reason: 'Needs a survey',
      answerDueDay: '2026-11-23',
    });
    expect(journal.current.answerDueDay).toBe('2026-11-23');
    expect(journal.current.extension).toEqual({
      at: kyiv('2026-11-10T15:00'),
      by: 'worker',
      reason: 'Needs a survey',
      previousDueDay: '2026-11-12',
    });
    expect(journal.current.status).toBe('in-progress');
    expect(journal.refused(EXTEND, WORKER)).toBe('ALREADY_EXTENDED');
    expect(journal.refused(EXTEND, SUPERVISOR)).toBe('ALREADY_EXTENDED');
  });

  it('caps the extended term at the total term', () => {
    const journal = new Journal('2026-11-02T10:00', { ...DEFAULT_APPEAL_POLICY, extensionDays: 30 });
    journal.do(newAppeal());
    journal.do({ type: 'classify', appealClass: 'B' });
    journal.do({ type: 'assign', organisationId: ORG_A });
    const event = journal.do(EXTEND);
    expect(event).toMatchObject({ answerDueDay: '2026-11-23' });
    expect(journal.current.finalDueDay).toBe('2026-11-23');
  });

  it('is NOT_EXTENDABLE for class A, and when the answer term already reaches the total term', () => {
    expect(assigned('A').refused(EXTEND, WORKER)).toBe('NOT_EXTENDABLE');
    const noRoom = new Journal('2026-11-02T10:00', { ...DEFAULT_APPEAL_POLICY, totalDays: 10 });
    noRoom.do(newAppeal());
    noRoom.do({ type: 'classify', appealClass: 'B' });
    noRoom.do({ type: 'assign', organisationId: ORG_A });
    expect(noRoom.refused(EXTEND)).toBe('NOT_EXTENDABLE');
    const noDays = new Journal('2026-11-02T10:00', { ...DEFAULT_APPEAL_POLICY, extensionDays: 0 });
    noDays.do(newAppeal());
    noDays.do({ type: 'classify', appealClass: 'C' });
    noDays.do({ type: 'assign', organisationId: ORG_A });
    expect(noDays.refused(EXTEND)).toBe('NOT_EXTENDABLE');
  });

  it('must come before the answer term ends', () => {
    const journal = taken('B');
    // The answer term ends with 12 November; on its last minute an extension is still possible…
    expect(journal.at('2026-11-12T23:59').decide(EXTEND, WORKER).ok).toBe(true);
    // …at midnight it is too late, for a supervisor too.
    expect(journal.at('2026-11-13T00:00').refused(EXTEND, WORKER)).toBe('TERM_EXPIRED');
    expect(journal.refused(EXTEND, SUPERVISOR)).toBe('TERM_EXPIRED');
  });

  it('is refused before assignment, to someone else, without a reason, and once closed', () => {
    const fresh = registered();
    fresh.do({ type: 'classify', appealClass: 'B' });
    expect(fresh.refused(EXTEND)).toBe('NOT_ASSIGNED');
    const journal = taken('B');
    expect(journal.refused(EXTEND, OTHER)).toBe('NOT_ASSIGNEE');
    expect(journal.refused({ type: 'extend', reason: ' ' }, WORKER)).toBe('INVALID_ARGUMENT');
    journal.do(ANSWER, WORKER);
    expect(journal.refused(EXTEND, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
  });

  it('extends a forwarded class C appeal', () => {
    const journal = assigned('C');
    journal.do(FORWARD, WORKER);
    journal.do(EXTEND, WORKER);
    expect(journal.current).toMatchObject({ status: 'forwarded', answerDueDay: '2026-11-23' });
  });
});

// ---------------------------------------------------------------------------------------------
// forward
// ---------------------------------------------------------------------------------------------

describe('forward', () => {
  it('sends a class C appeal to the higher body, once', () => {
    const journal = assigned('C');
    const event = journal
      .at('2026-11-04T10:00')
      .do({ type: 'forward', body: ' Regional office ', note: ' urgent ' }, WORKER);
    expect(event).toMatchObject({ type: 'appeal-forwarded', body: 'Regional office', note: 'urgent' });
    expect(journal.current.status).toBe('forwarded');
    expect(journal.current.forwarded).toEqual({
      at: kyiv('2026-11-04T10:00'),
      by: 'worker',
      body: 'Regional office',
      note: 'urgent',
    });
    expect(journal.refused(FORWARD, WORKER)).toBe('ILLEGAL_TRANSITION');
  });

  it('drops a blank note', () => {
    const journal = assigned('C');
    const event = journal.do({ type: 'forward', body: 'Regional office', note: '  ' }, WORKER);
    expect(event).not.toHaveProperty('note');
  });

  it('is NOT_ASSIGNED before anyone is responsible for following it', () => {
    expect(registered().refused(FORWARD, SUPERVISOR)).toBe('NOT_ASSIGNED');
  });

  it('is NOT_CLASS_C for classes A and B', () => {
    expect(assigned('A').refused(FORWARD, WORKER)).toBe('NOT_CLASS_C');
    expect(assigned('B').refused(FORWARD, WORKER)).toBe('NOT_CLASS_C');
  });

  it('is refused to someone else, without a body, and once closed', () => {
    const journal = assigned('C');
    expect(journal.refused(FORWARD, OTHER)).toBe('NOT_ASSIGNEE');
    expect(journal.refused({ type: 'forward', body: '' }, WORKER)).toBe('INVALID_ARGUMENT');
    journal.do(ANSWER, WORKER);
    expect(journal.refused(FORWARD, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
  });
});

// ---------------------------------------------------------------------------------------------
// answer
// ---------------------------------------------------------------------------------------------

describe('answer', () => {
  it('is NOT_ASSIGNED before assignment', () => {
    const journal = registered();
    expect(journal.refused(ANSWER, SUPERVISOR)).toBe('NOT_ASSIGNED');
    journal.do({ type: 'classify', appealClass: 'A' });
    expect(journal.refused(ANSWER)).toBe('NOT_ASSIGNED');
  });

  it('closes the appeal in the applicant’s favour without naming a higher body', () => {
    const journal = taken();
    const event = journal
      .at('2026-11-05T16:00')
      .do({ type: 'answer', result: ' Restored ', favour: 'applicant' }, WORKER);
    expect(event).toMatchObject({ type: 'appeal-answered', result: 'Restored', favour: 'applicant' });
    expect(event).not.toHaveProperty('higherBody');
    expect(journal.current).toMatchObject({
      status: 'answered',
      closedAt: kyiv('2026-11-05T16:00'),
      resolution: {
        kind: 'answered',
        at: kyiv('2026-11-05T16:00'),
        by: 'worker',
        result: 'Restored',
        favour: 'applicant',
      },
    });
    expect(isClosedAppeal(journal.current)).toBe(true);
    expect(journal.refused(ANSWER, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
  });

  it('names the organisation’s higher body in a refusal, and refuses to refuse without one', () => {
    for (const favour of ['organisation', 'partly'] as const) {
      const journal = taken();
      const event = journal.do({ type: 'answer', result: 'No', favour }, WORKER);
      expect(event).toMatchObject({ favour, higherBody: HIGHER_BODY });
      expect(journal.current.resolution).toMatchObject({ kind: 'answered', favour, higherBody: HIGHER_BODY });

      const withoutBody = assigned(
        'B',
        { organisationId: ORG_B, staff: 'worker' },
        { topic: { organisationId: ORG_B } },
      );
      expect(withoutBody.refused({ type: 'answer', result: 'No', favour }, WORKER)).toBe(
        'HIGHER_BODY_MISSING',
      );
      expect(withoutBody.refused({ type: 'answer', result: 'No', favour }, SUPERVISOR)).toBe(
        'HIGHER_BODY_MISSING',
      );
      expect(withoutBody.decide({ type: 'answer', result: 'Yes', favour: 'applicant' }, WORKER).ok).toBe(
        true,
      );
    }
  });

  it('takes the higher body of the assigned organisation, not of the topic’s', () => {
    // Topic of B (no higher body), assigned to A (has one): the refusal is allowed.
    const toA = assigned(
      'B',
      { organisationId: ORG_A, staff: 'worker' },
      { topic: { organisationId: ORG_B } },
    );
    expect(toA.do(REFUSE, WORKER)).toMatchObject({ higherBody: HIGHER_BODY });
    // Topic of A, assigned to B: refused.
    const toB = assigned('B', { organisationId: ORG_B, staff: 'worker' });
    expect(toB.refused(REFUSE, WORKER)).toBe('HIGHER_BODY_MISSING');
  });

  it('past the total term is a supervisor’s decision', () => {
    const journal = taken();
    // The total term ends with Monday 23 November.
    expect(journal.at('2026-11-23T23:59').decide(ANSWER, WORKER).ok).toBe(true);
    journal.at('2026-11-24T00:00');
    expect(journal.refused(ANSWER, WORKER)).toBe('NEEDS_SUPERVISOR');
    expect(journal.refused(REFUSE, WORKER)).toBe('NEEDS_SUPERVISOR');
    journal.do(ANSWER, SUPERVISOR);
    expect(journal.current.resolution).toMatchObject({ kind: 'answered', by: 'super' });
  });

  it('is refused to someone else and without a result; a forwarded appeal is answered', () => {
    const journal = taken();
    expect(journal.refused(ANSWER, OTHER)).toBe('NOT_ASSIGNEE');
    expect(journal.refused({ type: 'answer', result: '  ', favour: 'applicant' }, WORKER)).toBe(
      'INVALID_ARGUMENT',
    );
    const forwarded = assigned('C');
    forwarded.do(FORWARD, WORKER);
    forwarded.do(ANSWER, WORKER);
    expect(forwarded.current.status).toBe('answered');
    expect(forwarded.current.forwarded).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------
// dismiss
// ---------------------------------------------------------------------------------------------

describe('dismiss', () => {
  it('closes an appeal without an answer on the merits, from registration on', () => {
    const journal = registered();
    const event = journal
      .at('2026-11-02T10:05')
      .do({ type: 'dismiss', ground: 'abusive', note: ' threats ' });
    expect(event).toMatchObject({ type: 'appeal-dismissed', ground: 'abusive', note: 'threats' });
    expect(journal.current).toMatchObject({
      status: 'dismissed',
      closedAt: kyiv('2026-11-02T10:05'),
      resolution: { kind: 'dismissed', ground: 'abusive', note: 'threats', by: 'clerk' },
    });
    expect(journal.refused(DISMISS, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
  });

  it('drops a blank note', () => {
    const journal = registered();
    expect(journal.do({ type: 'dismiss', ground: 'repeat', note: '' })).not.toHaveProperty('note');
    expect(journal.current.resolution).not.toHaveProperty('note');
  });

  it('is the assignee’s, and past the total term a supervisor’s', () => {
    const journal = taken();
    expect(journal.refused(DISMISS, OTHER)).toBe('NOT_ASSIGNEE');
    journal.at('2026-11-24T08:00');
    expect(journal.refused(DISMISS, WORKER)).toBe('NEEDS_SUPERVISOR');
    journal.do(DISMISS, SUPERVISOR);
    expect(journal.current.status).toBe('dismissed');
  });
});

// ---------------------------------------------------------------------------------------------
// reopen
// ---------------------------------------------------------------------------------------------

describe('reopen', () => {
  it('is only for a closed appeal, and only by a supervisor', () => {
    const journal = taken();
    expect(journal.refused(REOPEN, SUPERVISOR)).toBe('ILLEGAL_TRANSITION');
    journal.at('2026-11-05T10:00').do(ANSWER, WORKER);
    expect(journal.refused(REOPEN, WORKER)).toBe('NEEDS_SUPERVISOR');
    expect(journal.refused({ type: 'reopen', reason: ' ' }, SUPERVISOR)).toBe('INVALID_ARGUMENT');
    journal.at('2026-11-06T10:00').do(REOPEN, SUPERVISOR);
    expect(journal.current).toMatchObject({
      status: 'in-progress',
      reopened: 1,
      updatedAt: kyiv('2026-11-06T10:00'),
    });
    expect(journal.current.resolution).toBeUndefined();
    expect(journal.current.closedAt).toBeUndefined();
    journal.do(DISMISS, WORKER);
    journal.do(REOPEN, SUPERVISOR);
    expect(journal.current.reopened).toBe(2);
  });

  it('returns the appeal to where it was worked', () => {
    const atRegistration = registered();
    atRegistration.do(DISMISS);
    atRegistration.do(REOPEN, SUPERVISOR);
    expect(atRegistration.current.status).toBe('registered');

    const notTaken = assigned('B');
    notTaken.do(ANSWER, WORKER);
    notTaken.do(REOPEN, SUPERVISOR);
    expect(notTaken.current.status).toBe('assigned');

    const forwarded = assigned('C');
    forwarded.do(FORWARD, WORKER);
    forwarded.do(ANSWER, WORKER);
    forwarded.do(REOPEN, SUPERVISOR);
    expect(forwarded.current.status).toBe('forwarded');
  });

  it('keeps the one extension: a reopened appeal is not extended again', () => {
    const journal = taken('B');
    journal.do(EXTEND, WORKER);
    journal.do(ANSWER, WORKER);
    journal.do(REOPEN, SUPERVISOR);
    expect(journal.current.extension).toBeDefined();
    expect(journal.refused(EXTEND, WORKER)).toBe('ALREADY_EXTENDED');
  });
});

// ---------------------------------------------------------------------------------------------
// evolve and replay
// ---------------------------------------------------------------------------------------------

describe('evolveAppeal and replayAppeal', () => {
  it('ignores an event for an appeal it does not have', () => {
    const journal = taken();
    const event = journal.do(ANSWER, WORKER);
    expect(evolveAppeal(undefined, event)).toBeUndefined();
    expect(replayAppeal([])).toBeUndefined();
  });

  it('replays a full history to the same appeal as the step-by-step fold', () => {
    const journal = assigned('C');
    journal.at('2026-11-03T09:00').do({ type: 'take' }, WORKER);
    journal.at('2026-11-04T09:00').do(FORWARD, WORKER);
    journal.at('2026-11-06T09:00').do(EXTEND, WORKER);
    journal.at('2026-11-20T09:00').do(REFUSE, WORKER);
    journal.at('2026-11-21T09:00').do(REOPEN, SUPERVISOR);
    journal.at('2026-11-22T09:00').do(DISMISS, WORKER);
    expect(journal.events.map((event) => event.type)).toEqual([
      'appeal-registered',
      'appeal-classified',
      'appeal-assigned',
      'appeal-taken',
      'appeal-forwarded',
      'appeal-extended',
      'appeal-answered',
      'appeal-reopened',
      'appeal-dismissed',
    ]);
    expect(replayAppeal(journal.events)).toEqual(journal.current);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random command sequences keep the appeal consistent
// ---------------------------------------------------------------------------------------------

const HOLIDAY_CENTRE: AppealCentre = {
  ...CENTRE,
  site: {
    ...CENTRE.site,
    specialDays: ['2026-01-01', '2026-01-07', '2026-03-09', '2026-05-01', '2026-12-25', '2027-01-01'].map(
      (date) => ({ date, hours: [] }),
    ),
  },
};

const KNOWN_CODES: readonly AppealErrorCode[] = [
  'UNKNOWN_APPEAL',
  'ILLEGAL_TRANSITION',
  'NOT_CLASSIFIED',
  'NOT_ASSIGNED',
  'NOT_ASSIGNEE',
  'ALREADY_EXTENDED',
  'NOT_EXTENDABLE',
  'TERM_EXPIRED',
  'NEEDS_SUPERVISOR',
  'NOT_CLASS_C',
  'HIGHER_BODY_MISSING',
  'UNKNOWN_ORGANISATION',
  'UNKNOWN_SERVICE',
  'INVALID_ARGUMENT',
];

const EVENT_OF: Record<AppealCommand['type'], AppealEvent['type']> = {
  register: 'appeal-registered',
  classify: 'appeal-classified',
  assign: 'appeal-assigned',
  take: 'appeal-taken',
  extend: 'appeal-extended',
  forward: 'appeal-forwarded',
  answer: 'appeal-answered',
  dismiss: 'appeal-dismissed',
  reopen: 'appeal-reopened',
};

const STAFF = ['clerk', 'worker', 'other', 'super'] as const;
const actorArb: fc.Arbitrary<AppealActor> = fc.record({
  id: fc.constantFrom(...STAFF),
  oversees: fc.boolean(),
});
const topicArb = fc.constantFrom(
  { organisationId: ORG_A },
  { organisationId: ORG_A, serviceCode: WATER },
  { organisationId: ORG_B },
  { organisationId: ORG_B, serviceCode: GAS },
  { organisationId: ORG_A, serviceCode: GAS },
  { organisationId: NOWHERE },
);
const textArb = fc.constantFrom('Reason given', 'Reason given', 'Reason given', '  ', '');
const noteArb = fc.constantFrom(' a note ', '  ');

const commandArb: fc.Arbitrary<AppealCommand> = fc.oneof(
  {
    weight: 1,
    arbitrary: topicArb.map((topic): AppealCommand => newAppeal({ topic })),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        type: fc.constant('classify' as const),
        appealClass: fc.constantFrom(...APPEAL_CLASSES),
        topic: topicArb,
      },
      { requiredKeys: ['type', 'appealClass'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        type: fc.constant('assign' as const),
        organisationId: fc.constantFrom(ORG_A, ORG_A, ORG_B, NOWHERE),
        staffId: fc.constantFrom(...STAFF).map(staffId),
      },
      { requiredKeys: ['type', 'organisationId'] },
    ),
  },
  { weight: 3, arbitrary: fc.constant<AppealCommand>({ type: 'take' }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('extend' as const), reason: textArb }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { type: fc.constant('forward' as const), body: textArb, note: noteArb },
      { requiredKeys: ['type', 'body'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('answer' as const),
      result: textArb,
      favour: fc.constantFrom(...APPEAL_FAVOURS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      { type: fc.constant('dismiss' as const), ground: fc.constantFrom(...DISMISSAL_GROUNDS), note: noteArb },
      { requiredKeys: ['type', 'ground'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('reopen' as const), reason: textArb }) },
);

const stepArb = fc.record({
  /** Mostly minutes or hours between commands, now and then days, so terms pass sometimes. */
  gap: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 8 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 * 24 * 60 }) },
  ),
  actor: actorArb,
  command: commandArb,
});

const policyArb: fc.Arbitrary<AppealPolicy> = fc
  .record({
    classifyDays: fc.integer({ min: 0, max: 3 }),
    answerDays: fc.integer({ min: 1, max: 15 }),
    extensionDays: fc.integer({ min: 0, max: 12 }),
    extraDays: fc.integer({ min: 0, max: 15 }),
    dayKind: fc.constantFrom('calendar' as const, 'working' as const),
  })
  .map(({ classifyDays, answerDays, extensionDays, extraDays, dayKind }) => ({
    classifyDays: Math.min(classifyDays, answerDays),
    answerDays,
    extensionDays,
    totalDays: answerDays + extraDays,
    dayKind,
    personalDataYears: 3,
  }));

const START = kyiv('2026-01-01T08:00');
const startArb = fc.integer({ min: 0, max: 365 * 24 * 60 }).map((offset) => addMinutes(START, offset));

const expectConsistent = (appeal: Appeal, log: readonly AppealEvent[]): void => {
  expect(APPEAL_STATUSES).toContain(appeal.status);
  const closed = appeal.status === 'answered' || appeal.status === 'dismissed';
  expect(isClosedAppeal(appeal)).toBe(closed);
  expect(closed).toBe(appeal.resolution !== undefined && appeal.closedAt !== undefined);
  expect(closed || (appeal.resolution === undefined && appeal.closedAt === undefined)).toBe(true);
  if (appeal.status === 'answered') expect(appeal.resolution?.kind).toBe('answered');
  if (appeal.status === 'dismissed') expect(appeal.resolution?.kind).toBe('dismissed');
  if (appeal.resolution?.kind === 'answered' && appeal.resolution.favour !== 'applicant') {
    expect(appeal.resolution.higherBody).toBeDefined();
  }
  expect(log.filter((event) => event.type === 'appeal-extended').length).toBeLessThanOrEqual(1);
  expect(appeal.classifyDueDay <= appeal.answerDueDay).toBe(true);
  expect(appeal.answerDueDay <= appeal.finalDueDay).toBe(true);
  if (appeal.extension) expect(appeal.extension.previousDueDay < appeal.answerDueDay).toBe(true);
  else
    expect(appeal.answerDueDay).toBe(log[0]?.type === 'appeal-registered' ? log[0].answerDueDay : undefined);
  if (appeal.status === 'assigned' || appeal.status === 'in-progress') expect(appeal.assignee).toBeDefined();
  if (appeal.status === 'in-progress') {
    expect(appeal.assignee?.staffId).toBeDefined();
    expect(appeal.takenAt).toBeDefined();
  }
  if (appeal.status === 'forwarded') expect(appeal.forwarded).toBeDefined();
  expect(appeal.reopened).toBe(log.filter((event) => event.type === 'appeal-reopened').length);
  expect(appeal.updatedAt).toBe(log.at(-1)?.at);
};

describe('appeal life property', () => {
  it('random command sequences keep every invariant; refusals change nothing; replay equals the fold', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        policyArb,
        startArb,
        fc.array(stepArb, { minLength: 10, maxLength: 60, size: 'max' }),
        (policy, start, steps) => {
          expect(appealPolicyProblem(policy)).toBeUndefined();
          let appeal: Appeal | undefined;
          let now: Instant = start;
          const log: AppealEvent[] = [];
          let evolved = 0;
          const evolve = (current: Appeal | undefined, event: AppealEvent): Appeal | undefined => {
            evolved += 1;
            return evolveAppeal(current, event);
          };
          const all = [{ gap: 0, actor: CLERK, command: newAppeal() }, ...steps];
          for (const { gap, actor, command } of all) {
            now = addMinutes(now, gap);
            const context: AppealContext = { now, centre: HOLIDAY_CENTRE, policy, actor };
            const before = appeal;
            const snapshot = JSON.stringify(before);
            const decision = decideAppeal(before, command, context);
            expect(JSON.stringify(before)).toBe(snapshot);
            if (!decision.ok) {
              expect(decision).not.toHaveProperty('event');
              expect(KNOWN_CODES).toContain(decision.error.code);
              expect(decision.error.message.length).toBeGreaterThan(0);
              seen.add(decision.error.code);
              continue;
            }
            const { event } = decision;
            seen.add(event.type);
            expect(event.type).toBe(EVENT_OF[command.type]);
            expect(event.at).toBe(now);
            expect(event.by).toBe(actor.id);
            if (before) expect(event.appealId).toBe(before.id);
            if (before && (event.type === 'appeal-answered' || event.type === 'appeal-dismissed')) {
              if (isPast(HOLIDAY_CENTRE.site, before.finalDueDay, now)) expect(actor.oversees).toBe(true);
            }
            if (before && event.type === 'appeal-reopened') {
              expect(actor.oversees).toBe(true);
              expect(isClosedAppeal(before)).toBe(true);
            }
            if (before && event.type === 'appeal-extended') {
              expect(before.extension).toBeUndefined();
              expect(before.appealClass).not.toBe('A');
              expect(isPast(HOLIDAY_CENTRE.site, before.answerDueDay, now)).toBe(false);
            }
            if (before && event.type === 'appeal-forwarded') expect(before.appealClass).toBe('C');
            if (before && (event.type === 'appeal-answered' || event.type === 'appeal-extended')) {
              expect(before.status).not.toBe('registered');
            }
            appeal = evolve(before, event);
            log.push(event);
            if (!appeal) throw new Error(`${event.type} left no appeal`);
            expectConsistent(appeal, log);
            expect(replayAppeal(log)).toEqual(appeal);
          }
          expect(evolved).toBe(log.length);
        },
      ),
    );
    // The generator reaches the whole life, not only refusals (at the default number of runs).
    if ((fc.readConfigureGlobal().numRuns ?? 100) >= 100) {
      for (const type of Object.values(EVENT_OF)) expect(seen, type).toContain(type);
      for (const code of [
        'NOT_ASSIGNED',
        'ALREADY_EXTENDED',
        'NEEDS_SUPERVISOR',
        'HIGHER_BODY_MISSING',
      ] as const) {
        expect(seen, code).toContain(code);
      }
    }
  });
});
