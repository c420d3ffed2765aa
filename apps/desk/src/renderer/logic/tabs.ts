/**
 * Which panels a member of staff gets: the operator's panel when the session is bound to a
 * desk, the reception panel for reception, supervisors and administrators. Reception at
 * its own desk gets both. Supervisors and administrators get the live monitor and reports,
 * administrators the configuration and the devices (pairing, revocation). Everyone who works
 * written appeals (operators, reception, the call centre, supervisors, administrators) gets
 * the appeals journal; the call centre gets only that.
 */
import type { Principal, Role } from '@queue/protocol';

export type Tab = 'operator' | 'reception' | 'journal' | 'monitor' | 'reports' | 'admin' | 'devices';

const has = (principal: Principal, ...roles: Role[]): boolean =>
  principal.kind === 'staff' && principal.roles.some((role) => roles.includes(role));

export const tabsFor = (principal: Principal): Tab[] => {
  const tabs: Tab[] = [];
  if (principal.kind === 'staff' && principal.deskId && has(principal, 'operator', 'supervisor', 'admin')) {
    tabs.push('operator');
  }
  if (has(principal, 'reception', 'supervisor', 'admin')) tabs.push('reception');
  if (has(principal, 'operator', 'reception', 'call-centre', 'supervisor', 'admin')) tabs.push('journal');
  if (has(principal, 'supervisor', 'admin')) tabs.push('monitor', 'reports');
  if (has(principal, 'admin')) tabs.push('admin', 'devices');
  return tabs;
};
