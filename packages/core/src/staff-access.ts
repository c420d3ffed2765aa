/**
 * Which desks a member of staff may work at. A centre hosts several organisations under one
 * roof; someone who works for some of them works only at their desks. Nobody named to an
 * organisation (a small centre that does not bother) works anywhere, and so does an
 * administrator, who has to be able to stand in anywhere.
 */
import type { Desk } from './centre';

export interface StaffMembership {
  readonly roles: readonly string[];
  readonly organisationIds: readonly string[];
}

export const mayWorkAtDesk = (member: StaffMembership, desk: Pick<Desk, 'organisationId'>): boolean =>
  member.roles.includes('admin') ||
  member.organisationIds.length === 0 ||
  member.organisationIds.includes(desk.organisationId);
