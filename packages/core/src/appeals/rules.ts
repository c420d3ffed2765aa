/**
 * The rules of an appeal's life: `decideAppeal` turns a command into the event it causes or
 * a typed refusal, and `evolveAppeal` folds events into the appeal. Pure: the clock, the
 * centre and who is acting are passed in. Who may act for which organisation is the
 * server's to check; what may happen to an appeal, and when, is decided here.
 */
import type { Centre } from '../centre';
import { serviceDayOf } from '../calendar';
import type { Instant, OrganisationId, StaffId, TicketId } from '../ids';
import type { Language } from '../centre';
import {
  type Appeal,
  type AppealChannel,
  type AppealClass,
  type AppealEvent,
  type AppealFavour,
  type AppealTopic,
  type DismissalGround,
  isClosedAppeal,
} from './appeal';
import type { AppealPolicy } from './policy';
import { isPast, termEnd } from './terms';

export type AppealErrorCode =
  | 'UNKNOWN_APPEAL'
  | 'ILLEGAL_TRANSITION'
  | 'NOT_CLASSIFIED'
  | 'NOT_ASSIGNED'
  | 'NOT_ASSIGNEE'
  | 'ALREADY_EXTENDED'
  | 'NOT_EXTENDABLE'
  | 'TERM_EXPIRED'
  | 'NEEDS_SUPERVISOR'
  | 'NOT_CLASS_C'
  | 'HIGHER_BODY_MISSING'
  | 'UNKNOWN_ORGANISATION'
  | 'UNKNOWN_SERVICE'
  | 'INVALID_ARGUMENT';

export interface AppealError {
  readonly code: AppealErrorCode;
  readonly message: string;
}

export type AppealDecision =
  { readonly ok: true; readonly event: AppealEvent } | { readonly ok: false; readonly error: AppealError };

const refuse = (code: AppealErrorCode, message: string): AppealDecision => ({
  ok: false,
  error: { code, message },
});

export interface NewAppeal {
  readonly appealId: string;
  readonly number: string;
  readonly trackingCode: string;
  readonly channel: AppealChannel;
  readonly language: Language;
  readonly topic: AppealTopic;
  readonly summary: string;
  readonly text: string;
  readonly ticketId?: TicketId;
  readonly partnerId?: string;
}

export type AppealCommand =
  | ({ readonly type: 'register' } & NewAppeal)
  | { readonly type: 'classify'; readonly appealClass: AppealClass; readonly topic?: AppealTopic }
  | { readonly type: 'assign'; readonly organisationId: OrganisationId; readonly staffId?: StaffId }
  | { readonly type: 'take' }
  | { readonly type: 'extend'; readonly reason: string }
  | { readonly type: 'forward'; readonly body: string; readonly note?: string }
  | { readonly type: 'answer'; readonly result: string; readonly favour: AppealFavour }
  | { readonly type: 'dismiss'; readonly ground: DismissalGround; readonly note?: string }
  | { readonly type: 'reopen'; readonly reason: string };

export type AppealCommandType = AppealCommand['type'];

export interface AppealActor {
  /** A staff id, `visitor`, or `partner:<id>`. */
  readonly id: string;
  /** Supervisors and administrators: may reopen, and close past the total term. */
  readonly oversees: boolean;
}

export interface AppealContext {
  readonly now: Instant;
  readonly centre: Pick<Centre, 'site' | 'organisations' | 'services'>;
  readonly policy: AppealPolicy;
  readonly actor: AppealActor;
}

const topicProblem = (centre: AppealContext['centre'], topic: AppealTopic): AppealDecision | undefined => {
  if (!centre.organisations.some((organisation) => organisation.id === topic.organisationId)) {
    return refuse('UNKNOWN_ORGANISATION', `There is no organisation ${topic.organisationId}.`);
  }
  if (topic.serviceCode !== undefined) {
    const service = centre.services.find((entry) => entry.code === topic.serviceCode);
    if (!service) return refuse('UNKNOWN_SERVICE', `There is no service ${topic.serviceCode}.`);
    if (service.organisationId !== topic.organisationId) {
      return refuse('UNKNOWN_SERVICE', `Service ${topic.serviceCode} is not one of ${topic.organisationId}.`);
    }
  }
  return undefined;
};

const blank = (text: string): boolean => text.trim().length === 0;

/** The appeal's open states from which its responsible person works it. */
const WORKED: readonly Appeal['status'][] = ['assigned', 'in-progress', 'forwarded'];

const staffIdOf = (actor: AppealActor): StaffId => actor.id as StaffId;

/** Closing an appeal past its total term is a supervisor's decision, on the record. */
const pastTotalTerm = (appeal: Appeal, context: AppealContext): boolean =>
  isPast(context.centre.site, appeal.finalDueDay, context.now);

const mayWork = (appeal: Appeal, actor: AppealActor): boolean =>
  actor.oversees || appeal.assignee?.staffId === undefined || appeal.assignee.staffId === actor.id;

const register = (command: Extract<AppealCommand, { type: 'register' }>, context: AppealContext) => {
  const problem = topicProblem(context.centre, command.topic);
  if (problem) return problem;
  if (blank(command.summary) || blank(command.text)) {
    return refuse('INVALID_ARGUMENT', 'An appeal needs a summary and its text.');
  }
  const { site } = context.centre;
  const { policy } = context;
  const receivedDay = serviceDayOf(context.now, site.timeZone);
  const { type: _command, appealId, ...rest } = command;
  return {
    ok: true,
    event: {
      type: 'appeal-registered',
      appealId,
      at: context.now,
      by: context.actor.id,
      ...rest,
      receivedDay,
      classifyDueDay: termEnd(site, receivedDay, policy.classifyDays, policy.dayKind),
      answerDueDay: termEnd(site, receivedDay, policy.answerDays, policy.dayKind),
      finalDueDay: termEnd(site, receivedDay, policy.totalDays, policy.dayKind),
    },
  } as const;
};

/** What the command would cause, or why it may not happen. */
export const decideAppeal = (
  appeal: Appeal | undefined,
  command: AppealCommand,
  context: AppealContext,
): AppealDecision => {
  if (command.type === 'register') {
    return appeal
      ? refuse('ILLEGAL_TRANSITION', 'This appeal is registered already.')
      : register(command, context);
  }
  if (!appeal) return refuse('UNKNOWN_APPEAL', 'There is no such appeal.');
  const base = { appealId: appeal.id, at: context.now, by: context.actor.id };
  const { actor } = context;
  const closed = isClosedAppeal(appeal);

  switch (command.type) {
    case 'classify': {
      if (closed || appeal.status === 'forwarded') {
        return refuse('ILLEGAL_TRANSITION', `An appeal that is ${appeal.status} cannot be classified.`);
      }
      const topic = command.topic ?? appeal.topic;
      const problem = topicProblem(context.centre, topic);
      if (problem) return problem;
      return {
        ok: true,
        event: { ...base, type: 'appeal-classified', appealClass: command.appealClass, topic },
      };
    }
    case 'assign': {
      if (closed || appeal.status === 'forwarded') {
        return refuse('ILLEGAL_TRANSITION', `An appeal that is ${appeal.status} cannot be assigned.`);
      }
      if (!appeal.appealClass) return refuse('NOT_CLASSIFIED', 'Classify the appeal before assigning it.');
      const problem = topicProblem(context.centre, { organisationId: command.organisationId });
      if (problem) return problem;
      return {
        ok: true,
        event: {
          ...base,
          type: 'appeal-assigned',
          organisationId: command.organisationId,
          ...(command.staffId !== undefined ? { staffId: command.staffId } : {}),
        },
      };
    }
    case 'take': {
      if (appeal.status === 'registered') return refuse('NOT_ASSIGNED', 'The appeal is not assigned yet.');
      if (appeal.status !== 'assigned') {
        return refuse('ILLEGAL_TRANSITION', `An appeal that is ${appeal.status} cannot be taken.`);
      }
      if (!mayWork(appeal, actor)) return refuse('NOT_ASSIGNEE', 'The appeal is assigned to someone else.');
      return { ok: true, event: { ...base, type: 'appeal-taken', staffId: staffIdOf(actor) } };
    }
    case 'extend': {
      if (appeal.status === 'registered') return refuse('NOT_ASSIGNED', 'The appeal is not assigned yet.');
      if (!WORKED.includes(appeal.status)) {
        return refuse('ILLEGAL_TRANSITION', `An appeal that is ${appeal.status} cannot be extended.`);
      }
      if (appeal.extension) return refuse('ALREADY_EXTENDED', 'The appeal has been extended once already.');
      if (appeal.appealClass === 'A') {
        return refuse('NOT_EXTENDABLE', 'A typical (class A) appeal is answered in its term, not extended.');
      }
      if (!mayWork(appeal, actor)) return refuse('NOT_ASSIGNEE', 'The appeal is assigned to someone else.');
      if (blank(command.reason)) return refuse('INVALID_ARGUMENT', 'An extension needs its reason.');
      if (isPast(context.centre.site, appeal.answerDueDay, context.now)) {
        return refuse('TERM_EXPIRED', 'The answer term has passed; an extension must come before it ends.');
      }
      const { site } = context.centre;
      const { policy } = context;
      const extended = termEnd(site, appeal.answerDueDay, policy.extensionDays, policy.dayKind);
      const answerDueDay = extended > appeal.finalDueDay ? appeal.finalDueDay : extended;
      if (answerDueDay <= appeal.answerDueDay) {
        return refuse('NOT_EXTENDABLE', 'The answer term already reaches the total term.');
      }
      return {
        ok: true,
        event: { ...base, type: 'appeal-extended', reason: command.reason.trim(), answerDueDay },
      };
    }
    case 'forward': {
      // Somebody must be responsible for following a forwarded appeal to its answer.
      if (appeal.status === 'registered') return refuse('NOT_ASSIGNED', 'The appeal is not assigned yet.');
      if (closed || appeal.status === 'forwarded') {
        return refuse('ILLEGAL_TRANSITION', `An appeal that is ${appeal.status} cannot be forwarded.`);
      }
      if (appeal.appealClass !== 'C') {
        return refuse('NOT_CLASS_C', 'Only an appeal that needs a higher body (class C) is forwarded.');
      }
      if (!mayWork(appeal, actor)) return refuse('NOT_ASSIGNEE', 'The appeal is assigned to someone else.');
      if (blank(command.body)) return refuse('INVALID_ARGUMENT', 'Name the body the appeal goes to.');
      return {
        ok: true,
        event: {
          ...base,
          type: 'appeal-forwarded',
          body: command.body.trim(),
          ...(command.note !== undefined && !blank(command.note) ? { note: command.note.trim() } : {}),
        },
      };
    }
    case 'answer': {
      if (appeal.status === 'registered') return refuse('NOT_ASSIGNED', 'The appeal is not assigned yet.');
      if (!WORKED.includes(appeal.status)) {
        return refuse('ILLEGAL_TRANSITION', `An appeal that is ${appeal.status} cannot be answered.`);
      }
      if (!mayWork(appeal, actor)) return refuse('NOT_ASSIGNEE', 'The appeal is assigned to someone else.');
      if (blank(command.result)) return refuse('INVALID_ARGUMENT', 'An answer needs its result.');
      if (pastTotalTerm(appeal, context) && !actor.oversees) {
        return refuse('NEEDS_SUPERVISOR', 'The total term has passed: a supervisor closes this appeal.');
      }
      let higherBody;
      if (command.favour !== 'applicant') {
        const organisationId = appeal.assignee?.organisationId ?? appeal.topic.organisationId;
        higherBody = context.centre.organisations.find((entry) => entry.id === organisationId)?.higherBody;
        if (!higherBody) {
          return refuse(
            'HIGHER_BODY_MISSING',
            'A refusal names the higher body the applicant may turn to: set it for the organisation in Settings.',
          );
        }
      }
      return {
        ok: true,
        event: {
          ...base,
          type: 'appeal-answered',
          result: command.result.trim(),
          favour: command.favour,
          ...(higherBody ? { higherBody } : {}),
        },
      };
    }
    case 'dismiss': {
      if (closed) return refuse('ILLEGAL_TRANSITION', 'The appeal is closed already.');
      if (!mayWork(appeal, actor)) return refuse('NOT_ASSIGNEE', 'The appeal is assigned to someone else.');
      if (pastTotalTerm(appeal, context) && !actor.oversees) {
        return refuse('NEEDS_SUPERVISOR', 'The total term has passed: a supervisor closes this appeal.');
      }
      return {
        ok: true,
        event: {
          ...base,
          type: 'appeal-dismissed',
          ground: command.ground,
          ...(command.note !== undefined && !blank(command.note) ? { note: command.note.trim() } : {}),
        },
      };
    }
    case 'reopen': {
      if (!closed) return refuse('ILLEGAL_TRANSITION', 'Only a closed appeal is reopened.');
      if (!actor.oversees) return refuse('NEEDS_SUPERVISOR', 'A supervisor reopens an appeal.');
      if (blank(command.reason)) return refuse('INVALID_ARGUMENT', 'Reopening needs its reason.');
      return { ok: true, event: { ...base, type: 'appeal-reopened', reason: command.reason.trim() } };
    }
  }
};

/** The appeal after the event. Events come from `decideAppeal`; a stray one is ignored. */
export const evolveAppeal = (appeal: Appeal | undefined, event: AppealEvent): Appeal | undefined => {
  if (event.type === 'appeal-registered') {
    return {
      id: event.appealId,
      number: event.number,
      trackingCode: event.trackingCode,
      channel: event.channel,
      language: event.language,
      receivedAt: event.at,
      receivedDay: event.receivedDay,
      registeredBy: event.by,
      topic: event.topic,
      summary: event.summary,
      text: event.text,
      ...(event.ticketId !== undefined ? { ticketId: event.ticketId } : {}),
      ...(event.partnerId !== undefined ? { partnerId: event.partnerId } : {}),
      status: 'registered',
      classifyDueDay: event.classifyDueDay,
      answerDueDay: event.answerDueDay,
      finalDueDay: event.finalDueDay,
      reopened: 0,
      updatedAt: event.at,
    };
  }
  if (!appeal) return appeal;
  const next = { ...appeal, updatedAt: event.at };
  switch (event.type) {
    case 'appeal-classified':
      return { ...next, appealClass: event.appealClass, topic: event.topic };
    case 'appeal-assigned': {
      const { takenAt: _taken, ...rest } = next;
      return {
        ...rest,
        status: 'assigned',
        assignee: {
          organisationId: event.organisationId,
          ...(event.staffId !== undefined ? { staffId: event.staffId } : {}),
        },
      };
    }
    case 'appeal-taken':
      return {
        ...next,
        status: 'in-progress',
        takenAt: event.at,
        assignee: {
          organisationId: appeal.assignee?.organisationId ?? appeal.topic.organisationId,
          staffId: event.staffId,
        },
      };
    case 'appeal-extended':
      return {
        ...next,
        answerDueDay: event.answerDueDay,
        extension: {
          at: event.at,
          by: event.by as StaffId,
          reason: event.reason,
          previousDueDay: appeal.answerDueDay,
        },
      };
    case 'appeal-forwarded':
      return {
        ...next,
        status: 'forwarded',
        forwarded: {
          at: event.at,
          by: event.by as StaffId,
          body: event.body,
          ...(event.note ? { note: event.note } : {}),
        },
      };
    case 'appeal-answered':
      return {
        ...next,
        status: 'answered',
        closedAt: event.at,
        resolution: {
          kind: 'answered',
          at: event.at,
          by: event.by as StaffId,
          result: event.result,
          favour: event.favour,
          ...(event.higherBody ? { higherBody: event.higherBody } : {}),
        },
      };
    case 'appeal-dismissed':
      return {
        ...next,
        status: 'dismissed',
        closedAt: event.at,
        resolution: {
          kind: 'dismissed',
          at: event.at,
          by: event.by as StaffId,
          ground: event.ground,
          ...(event.note ? { note: event.note } : {}),
        },
      };
    case 'appeal-reopened': {
      const { resolution: _resolution, closedAt: _closed, ...rest } = next;
      return {
        ...rest,
        status: appeal.forwarded
          ? 'forwarded'
          : appeal.assignee
            ? appeal.takenAt
              ? 'in-progress'
              : 'assigned'
            : 'registered',
        reopened: appeal.reopened + 1,
      };
    }
  }
};

/** An appeal from its history, oldest event first. */
export const replayAppeal = (events: readonly AppealEvent[]): Appeal | undefined =>
  events.reduce<Appeal | undefined>(evolveAppeal, undefined);

/** `2026/17`: the journal number of the year's `sequence`-th appeal. */
export const appealNumber = (year: number, sequence: number): string => `${year}/${sequence}`;
