import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BookingStore, type NewBooking, isRefusal } from './booking-store';
import { migrate } from './migrations';

const open = (): { file: string; store: BookingStore } => {
  const file = join(mkdtempSync(join(tmpdir(), 'bookings-')), 'queue.db');
  const db = new Database(file);
  migrate(db);
  return { file, store: new BookingStore(db) };
};

const SLOT = Date.parse('2026-11-25T09:00:00+02:00');
let counter = 0;
const booking = (overrides: Partial<NewBooking> = {}): NewBooking => {
  counter += 1;
  return {
    code: `CODE${String(counter).padStart(4, '2')}`,
    serviceCode: 'passport',
    serviceDay: '2026-11-25',
    slotAt: SLOT,
    name: 'Олена Петренко',
    phone: `38067000${String(counter).padStart(4, '0')}`,
    language: 'uk',
    createdAt: SLOT - 86_400_000,
    createdBy: 'visitor',
    ...overrides,
  };
};

const oneASlot = (held: { inSlot: number }) => (held.inSlot >= 1 ? 'SLOT_FULL' : undefined);

describe('BookingStore', () => {
  it('counts what a slot, a person and a service hold inside the booking transaction', () => {
    const { store } = open();
    const first = store.create(booking({ phone: '380671112233' }), oneASlot);
    expect(isRefusal(first)).toBe(false);
    expect(store.create(booking(), oneASlot)).toEqual({ refused: 'SLOT_FULL' });
    const seen: unknown[] = [];
    store.create(booking({ slotAt: SLOT + 900_000, phone: '380671112233' }), (held) => {
      seen.push(held);
      return undefined;
    });
    expect(seen).toEqual([
      { inSlot: 0, personOnDay: 1, serviceOnDay: 1, onDay: [{ serviceCode: 'passport', slotAt: SLOT }] },
    ]);
    expect(store.heldBetween('passport', SLOT, SLOT + 3_600_000)).toEqual(
      new Map([
        [SLOT, 1],
        [SLOT + 900_000, 1],
      ]),
    );
  });

  it('two connections to one file cannot both take the last place', () => {
    const { file, store } = open();
    const other = new BookingStore(new Database(file));
    const a = store.create(booking(), oneASlot);
    const b = other.create(booking(), oneASlot);
    expect([a, b].filter((answer) => !isRefusal(answer))).toHaveLength(1);
  });

  it('refuses a duplicate code instead of overwriting a booking', () => {
    const { store } = open();
    const made = booking();
    store.create(made, () => undefined);
    expect(() => store.create({ ...made, name: 'Інша людина' }, () => undefined)).toThrow();
    expect(store.get(made.code)?.name).toBe('Олена Петренко');
  });

  it('cancels, moves, checks in and marks missed only from the right states', () => {
    const { store } = open();
    const made = booking();
    store.create(made, () => undefined);
    const moved = store.move(
      made.code,
      { slotAt: SLOT + 900_000, serviceDay: '2026-11-25' },
      SLOT,
      () => undefined,
    );
    expect(moved && !isRefusal(moved) ? moved.slotAt : undefined).toBe(SLOT + 900_000);
    expect(store.cancel(made.code, SLOT)?.status).toBe('cancelled');
    expect(store.cancel(made.code, SLOT)).toBeUndefined();
    expect(
      store.move(made.code, { slotAt: SLOT, serviceDay: '2026-11-25' }, SLOT, () => undefined),
    ).toBeUndefined();
    expect(store.checkIn(made.code, SLOT, false, 't-1')).toBeUndefined();

    const late = booking();
    store.create(late, () => undefined);
    expect(store.markMissedBefore(SLOT + 600_000, SLOT + 600_000)).toEqual([late.code]);
    expect(store.checkIn(late.code, SLOT + 3_600_000, true, 't-2')).toMatchObject({
      status: 'checked-in',
      late: true,
      ticketId: 't-2',
    });
  });

  it('counts bookings per service by outcome for reports', () => {
    const { store } = open();
    const codes = Array.from({ length: 5 }, () => booking());
    for (const made of codes) store.create(made, () => undefined);
    store.create(
      booking({ serviceCode: 'other', serviceDay: '2026-11-26', slotAt: SLOT + 86_400_000 }),
      () => undefined,
    );
    store.create(booking({ serviceDay: '2026-12-01' }), () => undefined);
    store.checkIn(codes[0]?.code ?? '', SLOT, false, 't-1');
    store.checkIn(codes[1]?.code ?? '', SLOT, true, 't-2');
    store.cancel(codes[2]?.code ?? '', SLOT);
    store.markMissedBefore(SLOT + 1, SLOT);
    expect(store.countsBetween('2026-11-25', '2026-11-26')).toEqual([
      { serviceCode: 'other', total: 1, booked: 1, onTime: 0, late: 0, missed: 0, cancelled: 0 },
      { serviceCode: 'passport', total: 5, booked: 0, onTime: 1, late: 1, missed: 2, cancelled: 1 },
    ]);
  });

  it('purges names and phones of past bookings, keeping what reports need', () => {
    const { store } = open();
    const past = booking();
    const future = booking({ slotAt: SLOT + 86_400_000, serviceDay: '2026-11-26' });
    store.create(past, () => undefined);
    store.create(future, () => undefined);
    expect(store.purgePersonalDataBefore(SLOT + 1)).toBe(1);
    expect(store.get(past.code)).not.toHaveProperty('name');
    expect(store.get(past.code)).not.toHaveProperty('phone');
    expect(store.get(past.code)?.serviceCode).toBe('passport');
    expect(store.get(future.code)?.name).toBe('Олена Петренко');
    expect(store.purgePersonalDataBefore(SLOT + 1)).toBe(0);
  });

  it('keeps where a public booking came from, lists the public ones newest first, and forgets the address with the phone', () => {
    const { store } = open();
    const older = booking({ sourceAddress: '203.0.113.7', createdAt: SLOT - 7_200_000 });
    const newer = booking({ sourceAddress: '2001:db8::1', createdAt: SLOT - 3_600_000 });
    const staff = booking({ createdBy: 'reception', createdAt: SLOT - 3_600_000 });
    for (const entry of [older, newer, staff]) store.create(entry, () => undefined);
    expect(
      store.madeSince('visitor', SLOT - 10_800_000).map((entry) => [entry.code, entry.sourceAddress]),
    ).toEqual([
      [newer.code, '2001:db8::1'],
      [older.code, '203.0.113.7'],
    ]);
    expect(store.madeSince('visitor', SLOT - 5_400_000).map((entry) => entry.code)).toEqual([newer.code]);
    store.purgePersonalDataBefore(SLOT + 1);
    expect(store.get(newer.code)?.sourceAddress).toBeUndefined();
    expect(store.get(newer.code)?.phone).toBeUndefined();
  });

  it('gives bookings made before the address column theirs from the audit log', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bookings-')), 'queue.db');
    const db = new Database(file);
    // A database of the schema before: migrations up to the bookings table, then one public booking.
    migrate(db, 9);
    db.prepare(
      `INSERT INTO bookings (code, service_code, service_day, slot_at, language, status, created_at, created_by, updated_at)
       VALUES ('OLDCODE1', 'passport', '2026-11-25', ?, 'uk', 'booked', 1, 'visitor', 1)`,
    ).run(SLOT);
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, target, address) VALUES (1, 'visitor', 'booking:create', 'booking:OLDCODE1', '198.51.100.4')`,
    ).run();
    migrate(db);
    expect(new BookingStore(db).get('OLDCODE1')?.sourceAddress).toBe('198.51.100.4');
  });
});
