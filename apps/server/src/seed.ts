/**
 * First start on an empty database: the demo centre's configuration, staff accounts and
 * paired devices, so that the system can be tried at once. Demo secrets are documented in
 * the README and must be changed before a real centre goes live.
 */
import type Database from 'better-sqlite3';
import { DEMO_CENTRE, type DeskId, type Instant, type StaffId } from '@queue/core';
import type { ConfigStore, PeopleStore, StaffRecord } from '@queue/db';
import { hashSecret, hashToken } from './secrets';

interface DemoStaff {
  readonly login: string;
  readonly name: string;
  readonly secret: string;
  readonly roles: StaffRecord['roles'];
  readonly deskId?: string;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    login: 'admin',
    name: 'Адміністратор системи',
    secret: 'admin',
    roles: ['admin', 'supervisor', 'reception'],
  },
  { login: 'supervisor', name: 'Керівник зміни', secret: '2222', roles: ['supervisor'] },
  {
    login: 'reception',
    name: 'Адміністратор залу',
    secret: '0000',
    roles: ['reception', 'operator'],
    deskId: 'desk-12',
  },
  ...Array.from({ length: 13 }, (_, index) => ({
    login: `operator${index + 1}`,
    name: `Оператор ${index + 1}`,
    secret: '1111',
    roles: ['operator'] as StaffRecord['roles'],
    deskId: `desk-${index + 1}`,
  })).filter((staff) => staff.deskId !== 'desk-12'),
];

/** Demo device tokens: fixed so the printed URLs stay the same between restarts. */
export const DEMO_DEVICES = [
  { id: 'kiosk-1', name: 'Кіоск біля входу', role: 'kiosk', token: 'demo-kiosk-1-token-change-me' },
  { id: 'display-1', name: 'Табло в залі', role: 'display', token: 'demo-display-1-token-change-me' },
] as const;

/** Seed what is missing; returns the demo device tokens by device id. */
export const seedDemo = async (
  db: Database.Database,
  config: ConfigStore,
  people: PeopleStore,
  now: Instant,
): Promise<Record<string, string>> => {
  if (!config.load()) config.save(DEMO_CENTRE, now);
  if (people.countStaff() === 0) {
    const hashed = await Promise.all(
      DEMO_STAFF.map(async (staff) => ({ staff, hash: await hashSecret(staff.secret) })),
    );
    db.transaction(() => {
      for (const { staff, hash } of hashed) {
        people.addStaff({
          id: staff.login as StaffId,
          login: staff.login,
          name: staff.name,
          roles: staff.roles,
          ...(staff.deskId ? { deskId: staff.deskId as DeskId } : {}),
          secretHash: hash,
          active: true,
        });
      }
      for (const device of DEMO_DEVICES) {
        if (!people.deviceByTokenHash(hashToken(device.token))) {
          people.addDevice(
            { id: device.id, name: device.name, role: device.role },
            hashToken(device.token),
            now,
          );
        }
      }
    })();
  }
  return Object.fromEntries(DEMO_DEVICES.map((device) => [device.id, device.token]));
};
