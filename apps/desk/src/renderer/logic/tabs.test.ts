import { deskId, staffId } from '@queue/core';
import type { Principal } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { tabsFor } from './tabs';

const staff = (roles: Extract<Principal, { kind: 'staff' }>['roles'], desk?: string): Principal => ({
  kind: 'staff',
  staffId: staffId('someone'),
  name: 'Someone',
  roles,
  ...(desk ? { deskId: deskId(desk) } : {}),
});

describe('panels by role', () => {
  it('gives an operator at a desk the operator panel and the appeals journal', () => {
    expect(tabsFor(staff(['operator'], 'desk-1'))).toEqual(['operator', 'journal']);
  });

  it('gives the call centre the appeals journal only', () => {
    expect(tabsFor(staff(['call-centre']))).toEqual(['journal']);
    expect(tabsFor(staff(['call-centre'], 'desk-2'))).toEqual(['journal']);
  });

  it('gives reception at its desk both panels, and without a desk reception only', () => {
    expect(tabsFor(staff(['reception', 'operator'], 'desk-12'))).toEqual([
      'operator',
      'reception',
      'journal',
    ]);
    expect(tabsFor(staff(['reception', 'operator']))).toEqual(['reception', 'journal']);
  });

  it('gives supervisors the monitor and reports, administrators the configuration and devices too', () => {
    expect(tabsFor(staff(['supervisor']))).toEqual(['reception', 'journal', 'monitor', 'reports']);
    expect(tabsFor(staff(['admin', 'supervisor', 'reception']))).toEqual([
      'reception',
      'journal',
      'monitor',
      'reports',
      'admin',
      'devices',
    ]);
    expect(tabsFor(staff(['admin'], 'desk-3'))).toEqual([
      'operator',
      'reception',
      'journal',
      'monitor',
      'reports',
      'admin',
      'devices',
    ]);
    expect(tabsFor(staff(['reception', 'operator'], 'desk-12'))).not.toContain('reports');
  });

  it('gives an operator without a desk only the journal, and a device nothing', () => {
    expect(tabsFor(staff(['operator']))).toEqual(['journal']);
    expect(tabsFor({ kind: 'device', deviceId: 'kiosk-1', role: 'kiosk', name: 'Kiosk' })).toEqual([]);
  });
});
