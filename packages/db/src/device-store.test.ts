import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeskId, type StaffId } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { DeviceStore } from './device-store';
import { migrate } from './migrations';
import { PeopleStore } from './people-store';

const open = () => {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'devices-')), 'queue.db'));
  migrate(db);
  return { db, devices: new DeviceStore(db), people: new PeopleStore(db) };
};

const request = (id: string, code: string, expiresAt = 10_000) => ({
  id,
  code,
  secretHash: `hash-${id}`,
  kind: 'kiosk' as const,
  hint: 'agent',
  address: '10.0.0.5',
  createdAt: 1_000,
  expiresAt,
});

describe('DeviceStore', () => {
  it('finds pending requests by code only while they are pending and unexpired', () => {
    const { devices } = open();
    devices.addRequest(request('r1', '111111'));
    devices.addRequest(request('r2', '222222', 5_000));
    expect(devices.pendingWithCode('111111', 4_000)?.id).toBe('r1');
    expect(devices.pendingRequests(6_000).map((entry) => entry.id)).toEqual(['r1']);
    expect(devices.pendingWithCode('222222', 6_000)).toBeUndefined();
    devices.answerRequest('r1', 'rejected');
    expect(devices.pendingWithCode('111111', 4_000)).toBeUndefined();
    // An answered request is not answered again.
    devices.answerRequest('r1', 'approved', 'kiosk-9');
    expect(devices.requestById('r1')).toMatchObject({ status: 'rejected' });
    expect(devices.requestBySecretHash('hash-r2')).toMatchObject({ id: 'r2', kind: 'kiosk', hint: 'agent' });
  });

  it('lists devices with their desk and last contact, and renames them', () => {
    const { devices, people } = open();
    people.addDevice({ id: 'desk-t1', name: 'Terminal', role: 'desk' }, 'token-hash-1', 100);
    devices.setDesk('desk-t1', 'desk-4' as DeskId);
    devices.touch('desk-t1', 500);
    expect(devices.rename('desk-t1', 'Window 4')).toBe(true);
    expect(devices.rename('nobody', 'x')).toBe(false);
    expect(devices.listDevices()).toEqual([
      { id: 'desk-t1', name: 'Window 4', role: 'desk', deskId: 'desk-4', createdAt: 100, lastSeenAt: 500 },
    ]);
    expect(devices.deviceByTokenHash('token-hash-1')?.id).toBe('desk-t1');
    expect(devices.tokenHashOf('desk-t1')).toBe('token-hash-1');
  });

  it('ends the sessions opened on a terminal, and forgets terminals of ended sessions', () => {
    const { db, devices, people } = open();
    people.addStaff({
      id: 'op' as StaffId,
      login: 'op',
      name: 'Op',
      roles: ['operator'],
      secretHash: 'x',
      active: true,
    });
    people.addSession('s1', { staffId: 'op' as StaffId, expiresAt: 9_000 }, 0);
    people.addSession('s2', { staffId: 'op' as StaffId, expiresAt: 9_000 }, 0);
    people.addSession('s3', { staffId: 'op' as StaffId, expiresAt: 9_000 }, 0);
    devices.bindSession('s1', 't1');
    devices.bindSession('s2', 't1');
    devices.bindSession('s3', 't2');
    expect(devices.terminalOfSession('s1')).toBe('t1');
    expect(devices.endSessionsOn('t1').sort()).toEqual(['s1', 's2']);
    expect(people.sessionByTokenHash('s1')).toBeUndefined();
    expect(people.sessionByTokenHash('s3')).toBeDefined();
    people.deleteSession('s3');
    devices.addRequest(request('old', '333333', 50));
    devices.purgeEnded(100);
    expect(devices.requestById('old')).toBeUndefined();
    const left = db.prepare('SELECT COUNT(*) AS n FROM session_terminals').get() as { n: number };
    expect(left.n).toBe(0);
  });
});
