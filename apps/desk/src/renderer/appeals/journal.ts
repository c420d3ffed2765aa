/**
 * The journal's pure logic: the filters a person sets and the `appeal:list` query they make,
 * how a row is marked (overdue red, due soon amber, always with words too), what the
 * applicant cell shows, which steps an appeal's state allows, and dates as the journal
 * prints them.
 */
import {
  APPEAL_FAVOURS,
  APPEAL_STATUSES,
  type AppealFavour,
  type AppealClass,
  type AppealStatus,
  CLOSED_APPEAL_STATUSES,
  DISMISSAL_GROUNDS,
  type DismissalGround,
  type Language,
} from '@queue/core';
import type { AppealHistoryEntry, AppealListPayload, StaffAppeal } from '@queue/protocol';
import { localeOf } from '@queue/ui';

export const PAGE_SIZE = 25;

export type StatusFilter = '' | 'open' | AppealStatus;
export type ClassFilter = '' | AppealClass | 'unclassified';
export type UrgencyFilter = '' | 'overdue' | 'due-soon';

export interface JournalFilters {
  readonly status: StatusFilter;
  readonly appealClass: ClassFilter;
  readonly organisationId: string;
  readonly assigneeId: string;
  readonly dueBy: string;
  readonly urgency: UrgencyFilter;
  readonly mine: boolean;
  readonly search: string;
}

export const NO_FILTERS: JournalFilters = {
  status: '',
  appealClass: '',
  organisationId: '',
  assigneeId: '',
  dueBy: '',
  urgency: '',
  mine: false,
  search: '',
};

export const OPEN_STATUSES: readonly AppealStatus[] = APPEAL_STATUSES.filter(
  (status) => !CLOSED_APPEAL_STATUSES.includes(status),
);

/** The `appeal:list` query of the filters and the page (0-based); empty filters are left out. */
export const listPayloadOf = (filters: JournalFilters, page = 0, size = PAGE_SIZE): AppealListPayload => {
  const search = filters.search.trim();
  return {
    ...(filters.status === 'open'
      ? { statuses: [...OPEN_STATUSES] }
      : filters.status
        ? { statuses: [filters.status] }
        : {}),
    ...(filters.appealClass ? { appealClass: filters.appealClass } : {}),
    ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
    ...(filters.assigneeId ? { assigneeId: filters.assigneeId } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(filters.dueBy) ? { dueBy: filters.dueBy } : {}),
    ...(filters.urgency ? { urgency: filters.urgency } : {}),
    ...(filters.mine ? { mine: true } : {}),
    ...(search ? { search: search.slice(0, 40) } : {}),
    limit: size,
    offset: Math.max(0, page) * size,
  };
};

export const pageCountOf = (total: number, size = PAGE_SIZE): number => Math.max(1, Math.ceil(total / size));

export type RowTone = 'overdue' | 'due-soon' | undefined;

/** Red for overdue, amber for the last day or the day before; closed and on-time rows are plain. */
export const rowToneOf = (appeal: Pick<StaffAppeal, 'urgency'>): RowTone =>
  appeal.urgency === 'overdue' || appeal.urgency === 'due-soon' ? appeal.urgency : undefined;

export type ApplicantCell =
  | { readonly kind: 'shown'; readonly name: string; readonly address?: string }
  | { readonly kind: 'hidden' }
  | { readonly kind: 'cleared' }
  | { readonly kind: 'none' };

export const applicantCellOf = (
  appeal: Pick<StaffAppeal, 'applicant' | 'applicantHidden' | 'applicantPurged'>,
): ApplicantCell => {
  if (appeal.applicantPurged) return { kind: 'cleared' };
  if (appeal.applicantHidden) return { kind: 'hidden' };
  const name = appeal.applicant?.name;
  if (!name) return { kind: 'none' };
  return appeal.applicant?.address
    ? { kind: 'shown', name, address: appeal.applicant.address }
    : { kind: 'shown', name };
};

/** The day a term ends on: the answer's, or the hand-over's while nobody has it. */
export const dueDayOf = (appeal: Pick<StaffAppeal, 'status' | 'classifyDueDay' | 'answerDueDay'>): string =>
  appeal.status === 'registered' && appeal.classifyDueDay < appeal.answerDueDay
    ? appeal.classifyDueDay
    : appeal.answerDueDay;

export type AppealAction =
  'classify' | 'assign' | 'take' | 'extend' | 'forward' | 'answer' | 'dismiss' | 'reopen' | 'print';

const WORKED: readonly AppealStatus[] = ['assigned', 'in-progress', 'forwarded'];

/**
 * The steps the appeal's state allows (the server still checks who may take them): the same
 * conditions as the core rules, so that the card offers no button that can only be refused.
 */
export const actionsFor = (
  appeal: Pick<StaffAppeal, 'status' | 'appealClass' | 'extension'>,
  roles: readonly string[],
  canPrint: boolean,
): AppealAction[] => {
  const closed = CLOSED_APPEAL_STATUSES.includes(appeal.status);
  const movable = !closed && appeal.status !== 'forwarded';
  const worked = WORKED.includes(appeal.status);
  const oversees = roles.includes('supervisor') || roles.includes('admin');
  const actions: AppealAction[] = [];
  if (movable) actions.push('classify');
  if (movable && appeal.appealClass) actions.push('assign');
  if (appeal.status === 'assigned') actions.push('take');
  if (worked && !appeal.extension && appeal.appealClass !== 'A') actions.push('extend');
  if (movable && appeal.appealClass === 'C') actions.push('forward');
  if (worked) actions.push('answer');
  if (!closed) actions.push('dismiss');
  if (closed && oversees) actions.push('reopen');
  if (canPrint) actions.push('print');
  return actions;
};

/** A service day (`2026-11-24`) in the screen's language: 24.11.2026. */
export const formatDay = (day: string, language: Language): string => {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(at)) return day;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
};

/** An instant with its date and time, in the site's time zone. */
export const formatMoment = (at: number, language: Language, timeZone: string): string =>
  new Intl.DateTimeFormat(localeOf(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);

/** The message key of an appeal refusal, the general refusal text when the journal has none. */
export const appealErrorKeyOf = (code: string): string =>
  `appeals.error.${/^[A-Z_]+$/.test(code) ? code : 'generic'}`;

/** What a history step's detail names, so that codes are shown in words. */
export type HistoryDetail =
  | { readonly kind: 'favour'; readonly favour: AppealFavour }
  | { readonly kind: 'ground'; readonly ground: DismissalGround }
  | { readonly kind: 'assigned'; readonly organisationId: string; readonly person?: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none' };

export const historyDetailOf = (entry: Pick<AppealHistoryEntry, 'type' | 'detail'>): HistoryDetail => {
  const detail = entry.detail;
  if (!detail) return { kind: 'none' };
  if (entry.type === 'appeal-answered' && (APPEAL_FAVOURS as readonly string[]).includes(detail)) {
    return { kind: 'favour', favour: detail as AppealFavour };
  }
  if (entry.type === 'appeal-dismissed' && (DISMISSAL_GROUNDS as readonly string[]).includes(detail)) {
    return { kind: 'ground', ground: detail as DismissalGround };
  }
  if (entry.type === 'appeal-assigned') {
    const [organisationId = '', ...rest] = detail.split(' · ');
    const person = rest.join(' · ');
    return person ? { kind: 'assigned', organisationId, person } : { kind: 'assigned', organisationId };
  }
  return { kind: 'text', text: detail };
};
