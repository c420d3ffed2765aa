/**
 * Which desks a member of staff may work at. A centre hosts several organisations under one
 * roof; someone who works for some of them works only at their desks. Nobody named to an
 * organisation (a small centre that does not bother) works anywhere, and so does an
 * administrator, who has to be able to stand in anywhere.
 */
import type { Desk } from './centre';
import type { DeskState } from './state';

export interface StaffMembership {
  readonly roles: readonly string[];
  readonly organisationIds: readonly string[];
}

const unrestricted = (member: StaffMembership): boolean =>
  member.roles.includes('admin') || member.organisationIds.length === 0;

export const mayWorkAtDesk = (member: StaffMembership, desk: Pick<Desk, 'organisationId'>): boolean =>
  unrestricted(member) || member.organisationIds.includes(desk.organisationId);

/**
 * The organisation a report covers for a member of staff: the one asked for, if it is theirs;
 * their only one when none is asked for; refused when they have several and ask for none, or
 * ask for another. The unrestricted get what they ask for (all organisations when none).
 */
export const reportOrganisation = (
  member: StaffMembership,
  requested: string | undefined,
): { readonly organisationId: string | undefined } | { readonly refused: true } => {
  if (unrestricted(member)) return { organisationId: requested };
  if (requested !== undefined) {
    return member.organisationIds.includes(requested) ? { organisationId: requested } : { refused: true };
  }
  const [only, ...others] = member.organisationIds;
  return others.length === 0 ? { organisationId: only } : { refused: true };
};

/** A report query narrowed to the organisation it may cover; undefined when refused. */
export const scopeReportQuery = <Q extends { readonly organisationId?: string | undefined }>(
  member: StaffMembership,
  query: Q,
): (Omit<Q, 'organisationId'> & { organisationId?: string }) | undefined => {
  const scope = reportOrganisation(member, query.organisationId);
  if ('refused' in scope) return undefined;
  const { organisationId: _asked, ...rest } = query;
  return { ...rest, ...(scope.organisationId ? { organisationId: scope.organisationId } : {}) };
};

/** Supervisors and administrators may step in at a desk someone else is working. */
export const mayStepInAtDesks = (roles: readonly string[]): boolean =>
  roles.includes('supervisor') || roles.includes('admin');

/**
 * The colleague working a desk that `staffId` would act at, when that bars them: an open or
 * paused desk is its operator's until it is closed, so another operator's session there
 * cannot call, serve or close that operator's visitors. Supervisors and administrators are
 * never barred (they act on the record). `undefined` when nothing stands in the way.
 */
export const deskHeldByColleague = (
  desk: Pick<DeskState, 'status' | 'operatorId'> | undefined,
  member: { readonly staffId: string; readonly roles: readonly string[] },
): string | undefined => {
  if (!desk || desk.status === 'closed' || desk.operatorId === undefined) return undefined;
  if (desk.operatorId === member.staffId || mayStepInAtDesks(member.roles)) return undefined;
  return desk.operatorId;
};
