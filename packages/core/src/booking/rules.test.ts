import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centre } from '../centre';
import { type Instant, serviceDay } from '../ids';
import { centre, desk, kyiv, service } from '../testing';
import { DEFAULT_BOOKING_POLICY, bookingPolicyOf } from './policy';
import {
  BOOKING_CODE_ALPHABET,
  BOOKING_CODE_LENGTH,
  bookingCodeFrom,
  checkBooking,
  checkInVerdict,
} from './rules';
import type { HeldBooking } from './desk-room';
import { daySlots } from './slots';

const passport = service('passport', { expectedMinutes: 15 });
const site: Centre = {
  ...centre({
    services: [passport],
    desks: [desk('d1', ['passport']), desk('d2', ['passport'])],
    site: { hours: { 3: [{ from: '09:00', to: '12:00' }] } },
  }),
  booking: { enabled: true, walkInShare: 0.5, perPersonPerDay: 1, perServicePerDay: 5 },
};
const NOW = kyiv('2026-11-24T10:00');
const SLOT = kyiv('2026-11-25T09:00');
const none = { inSlot: 0, personOnDay: 0, serviceOnDay: 0, onDay: [] };

describe('checkBooking', () => {
  it('books a free slot and refuses a full one, a second booking of one person, and the day limit', () => {
    expect(checkBooking(site, passport, SLOT, NOW, none)).toMatchObject({ ok: true });
    expect(checkBooking(site, passport, SLOT, NOW, { ...none, inSlot: 1 })).toMatchObject({
      code: 'SLOT_FULL',
    });
    expect(checkBooking(site, passport, SLOT, NOW, { ...none, personOnDay: 1 })).toMatchObject({
      code: 'PERSON_LIMIT',
    });
    expect(checkBooking(site, passport, SLOT, NOW, { ...none, serviceOnDay: 5 })).toMatchObject({
      code: 'DAY_LIMIT',
    });
  });

  it('refuses a time that is not a slot, a past slot, and a service without bookings', () => {
    expect(checkBooking(site, passport, kyiv('2026-11-25T09:05'), NOW, none)).toMatchObject({
      code: 'SLOT_UNAVAILABLE',
    });
    expect(checkBooking(site, passport, SLOT, kyiv('2026-11-25T09:10'), none)).toMatchObject({
      code: 'SLOT_UNAVAILABLE',
    });
    const off = { ...site, booking: { enabled: false } };
    expect(checkBooking(off, passport, SLOT, NOW, none)).toMatchObject({ code: 'BOOKING_DISABLED' });
  });

  it('never lets bookings exceed any slot’s capacity, whatever order people book in', () => {
    const slots = daySlots(site, passport, serviceDay('2026-11-25'));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: slots.length - 1 }), { maxLength: 60 }), (picks) => {
        const held = new Map<number, number>();
        const onDay: HeldBooking[] = [];
        for (const pick of picks) {
          const slot = slots[pick];
          if (!slot) continue;
          const total = [...held.values()].reduce((sum, count) => sum + count, 0);
          const check = checkBooking(site, passport, slot.start, NOW, {
            inSlot: held.get(slot.start) ?? 0,
            personOnDay: 0,
            serviceOnDay: total,
            onDay,
          });
          if (!check.ok) continue;
          held.set(slot.start, (held.get(slot.start) ?? 0) + 1);
          onDay.push({ serviceCode: passport.code, slotAt: slot.start });
        }
        for (const slot of slots) expect(held.get(slot.start) ?? 0).toBeLessThanOrEqual(slot.capacity);
        expect([...held.values()].reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('checkInVerdict', () => {
  const policy = { ...DEFAULT_BOOKING_POLICY, graceMinutes: 10, earlyCheckInMinutes: 60 };
  const day = serviceDay('2026-11-25');
  const at = (local: string): Instant => kyiv(`2026-11-25T${local}`);
  const verdict = (now: Instant) => checkInVerdict(policy, SLOT, day, now, 'Europe/Kyiv');

  it('keeps the slot from an hour before to the end of the grace period', () => {
    expect(verdict(at('08:00'))).toEqual({ kind: 'on-time', appointmentAt: SLOT });
    expect(verdict(at('09:10'))).toEqual({ kind: 'on-time', appointmentAt: SLOT });
  });

  it('sends a later arrival to the ordinary queue, the same day only', () => {
    expect(verdict(at('09:11'))).toEqual({ kind: 'late' });
    expect(verdict(at('23:59'))).toEqual({ kind: 'late' });
    expect(verdict(kyiv('2026-11-26T09:00'))).toEqual({ kind: 'expired' });
  });

  it('asks an early visitor to come back when check-in opens', () => {
    expect(verdict(at('07:59'))).toEqual({ kind: 'too-early', opensAt: at('08:00') });
  });
});

describe('booking codes and the policy', () => {
  it('makes 8-character codes of the look-alike-free alphabet, evenly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        const valid = bytes.filter((byte) => byte < 248).length >= BOOKING_CODE_LENGTH;
        if (!valid) return;
        const code = bookingCodeFrom(bytes);
        expect(code).toHaveLength(BOOKING_CODE_LENGTH);
        expect([...code].every((char) => BOOKING_CODE_ALPHABET.includes(char))).toBe(true);
      }),
    );
    expect(BOOKING_CODE_ALPHABET).toHaveLength(31);
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[01IOL]/);
  });

  it('fills missing policy fields with the defaults', () => {
    expect(bookingPolicyOf(site)).toMatchObject({ horizonDays: 30, graceMinutes: 10, walkInShare: 0.5 });
  });
});
