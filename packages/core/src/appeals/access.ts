/**
 * Who may do what with an appeal, by organisation. An appeal belongs to its responsible
 * organisation (the one it is assigned to, else the one its topic names). Its applicant's
 * personal data is seen by that organisation's staff, by the person named for it, and by
 * supervisors and administrators; everyone else who works appeals sees it without them.
 * Pure, like the desk rules in `staff-access.ts`; the server calls it on every request.
 */
import type { StaffMembership } from '../staff-access';
import type { Appeal } from './appeal';

export interface AppealMember extends StaffMembership {
  readonly staffId: string;
}

export const responsibleOrganisation = (appeal: Pick<Appeal, 'assignee' | 'topic'>): string =>
  appeal.assignee?.organisationId ?? appeal.topic.organisationId;

const has = (member: AppealMember, ...roles: string[]) => roles.some((role) => member.roles.includes(role));

/** Supervisors see and steer the appeals of their organisations (all, when they have none named). */
const overseesOrganisation = (member: AppealMember, organisationId: string): boolean =>
  has(member, 'admin') ||
  (has(member, 'supervisor') &&
    (member.organisationIds.length === 0 || member.organisationIds.includes(organisationId)));

export const mayOversee = (member: AppealMember, appeal: Pick<Appeal, 'assignee' | 'topic'>): boolean =>
  overseesOrganisation(member, responsibleOrganisation(appeal));

const isAssignee = (member: AppealMember, appeal: Pick<Appeal, 'assignee'>): boolean =>
  appeal.assignee?.staffId !== undefined && appeal.assignee.staffId === member.staffId;

const ofOrganisation = (member: AppealMember, appeal: Pick<Appeal, 'assignee' | 'topic'>): boolean =>
  member.organisationIds.includes(responsibleOrganisation(appeal));

export const maySeeApplicant = (member: AppealMember, appeal: Pick<Appeal, 'assignee' | 'topic'>): boolean =>
  mayOversee(member, appeal) || ofOrganisation(member, appeal) || isAssignee(member, appeal);

/**
 * Classify and hand over: the front office (reception, the call centre) who registered it,
 * the responsible organisation's staff, and its supervisors.
 */
export const mayHandOver = (member: AppealMember, appeal: Pick<Appeal, 'assignee' | 'topic'>): boolean =>
  mayOversee(member, appeal) || has(member, 'reception', 'call-centre') || ofOrganisation(member, appeal);

/** Take, extend, forward, answer, dismiss: the responsible organisation's staff, the named person, supervisors. */
export const mayWorkAppeal = (member: AppealMember, appeal: Pick<Appeal, 'assignee' | 'topic'>): boolean =>
  mayOversee(member, appeal) || ofOrganisation(member, appeal) || isAssignee(member, appeal);

/** Who an appeal of the organisation can be assigned to: staff who work for it and work appeals. */
export const mayBeAssigned = (member: StaffMembership, organisationId: string): boolean =>
  member.roles.some((role) => role === 'operator' || role === 'supervisor' || role === 'call-centre') &&
  (member.organisationIds.length === 0 || member.organisationIds.includes(organisationId));
