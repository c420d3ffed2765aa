import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centre } from '../centre';
import { serviceDay } from '../ids';
import { centre, desk, service } from '../testing';
import { groupPublicBookings } from './bursts';
import { addressKey, networkKey } from './origin';
import { DEFAULT_BOOKING_POLICY, PUBLIC_LIMIT_BOUNDS, bookingPolicyOf } from './policy';
import {
  PUBLIC_LIMIT_WINDOW_MS,
  type PublicBookingAttempt,
  type PublicBookingRecord,
  checkPublicBooking,
  placesOn,
} from './public-limits';

const NOW = Date.parse('2026-11-24T10:00:00+02:00');
const DAY = '2026-11-26';
const policy = { ...DEFAULT_BOOKING_POLICY, enabled: true };
/** The day: 26 places of one service. */
const attempt = (address: string, extra: Partial<PublicBookingAttempt> = {}): PublicBookingAttempt => ({
  address,
  serviceCode: 'passport',
  serviceDay: DAY,
  places: 26,
  ...extra,
});

let sequence = 0;
const made = (address: string, extra: Partial<PublicBookingRecord> = {}): PublicBookingRecord => {
  sequence += 1;
  return {
    code: `C${sequence}`,
    at: NOW - 60_000,
    address,
    phone: `38067${String(sequence).padStart(7, '0')}`,
    serviceCode: 'passport',
    serviceDay: DAY,
    active: true,
    ...extra,
  };
};

/** Book one after another as `checkPublicBooking` allows; how many were taken. */
const burst = (addresses: readonly string[], places = 26): number => {
  const taken: PublicBookingRecord[] = [];
  for (const address of addresses) {
    if (!checkPublicBooking(policy, attempt(address, { places }), taken, NOW)) taken.push(made(address));
  }
  return taken.length;
};

describe('address keys', () => {
  it('counts an IPv4 address as itself and an IPv6 address as its /64, mapped IPv4 as IPv4', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd%eth0')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('unknown')).toBe('unknown');
    expect(networkKey('203.0.113.7')).toBe('203.0.113.0/24');
    expect(networkKey('2001:db8:1:2::1')).toBe('2001:db8:1::/48');
  });

  it('gives every address of one /64 one key, whatever its last 64 bits', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((value) => value.toString(16));
    fc.assert(
      fc.property(fc.array(group, { minLength: 4, maxLength: 4 }), (tail) => {
        expect(addressKey(`2001:db8:aa:bb:${tail.join(':')}`)).toBe('2001:db8:aa:bb::/64');
      }),
    );
  });
});

describe('checkPublicBooking', () => {
  it('stops one address at its daily cap, invented names and phones or not (the issue’s 10 of 26)', () => {
    expect(burst(Array.from({ length: 10 }, () => '198.51.100.9'))).toBe(3);
    expect(
      checkPublicBooking(
        policy,
        attempt('198.51.100.9'),
        [1, 2, 3].map(() => made('198.51.100.9')),
        NOW,
      ),
    ).toMatchObject({ code: 'ADDRESS_LIMIT' });
  });

  it('counts cancelled bookings against the address, and forgets after 24 hours', () => {
    const cancelled = [1, 2, 3].map(() => made('198.51.100.9', { active: false }));
    expect(checkPublicBooking(policy, attempt('198.51.100.9'), cancelled, NOW)).toMatchObject({
      code: 'ADDRESS_LIMIT',
    });
    const old = [1, 2, 3].map(() => made('198.51.100.9', { at: NOW - PUBLIC_LIMIT_WINDOW_MS }));
    expect(checkPublicBooking(policy, attempt('198.51.100.9'), old, NOW)).toBeUndefined();
  });

  it('does not let a fresh IPv6 address from the same /64 start again', () => {
    const addresses = Array.from({ length: 10 }, (_, index) => `2001:db8:5:6::${(index + 1).toString(16)}`);
    expect(burst(addresses)).toBe(3);
  });

  it('holds one network to its share of a day, one address after another', () => {
    // 26 places at a quarter: six from one /24, however many addresses it has.
    const addresses = Array.from({ length: 40 }, (_, index) => `198.51.100.${index + 1}`);
    expect(burst(addresses)).toBe(6);
    const v6 = Array.from({ length: 40 }, (_, index) => `2001:db8:5:${(index + 1).toString(16)}::1`);
    expect(burst(v6)).toBe(6);
  });

  it('holds the whole public channel to its share of a day, from any number of networks', () => {
    const addresses = Array.from({ length: 60 }, (_, index) => `10.${index}.0.1`);
    expect(burst(addresses)).toBe(19);
    const last = [...Array.from({ length: 19 }, (_, index) => made(`10.${index}.0.1`))];
    expect(checkPublicBooking(policy, attempt('10.99.0.1'), last, NOW)).toMatchObject({
      code: 'PUBLIC_LIMIT',
    });
    // Other days and services are not this day's share, and cancelled bookings hold no place.
    const elsewhere = last.map((record, index) =>
      index % 3 === 0
        ? { ...record, serviceDay: '2026-11-27' }
        : index % 3 === 1
          ? { ...record, serviceCode: 'other' }
          : { ...record, active: false },
    );
    expect(checkPublicBooking(policy, attempt('10.99.0.1'), elsewhere, NOW)).toBeUndefined();
  });

  it('lets a small day take at least one public booking', () => {
    expect(burst(['10.0.0.1', '10.0.0.2'], 1)).toBe(1);
  });

  it('lets a visitor move a booking without counting it as a new one or against its own place', () => {
    const own = [1, 2, 3].map(() => made('198.51.100.9'));
    expect(
      checkPublicBooking(policy, attempt('198.51.100.9', { moving: own[0]?.code ?? '' }), own, NOW),
    ).toBeUndefined();
  });
});

describe('the public limits in the policy', () => {
  const site = (booking: Centre['booking']): Centre => ({ ...centre({ services: [], desks: [] }), booking });

  it('has defaults and holds configured values to their bounds', () => {
    expect(bookingPolicyOf(site({ enabled: true }))).toMatchObject({
      publicPerAddressPerDay: 3,
      publicNetworkShare: 0.25,
      publicShare: 0.75,
      burstThreshold: 3,
    });
    const wild = bookingPolicyOf(
      site({
        publicPerAddressPerDay: 0,
        publicNetworkShare: 7,
        publicShare: Number.NaN,
        burstThreshold: 1e9,
      }),
    );
    expect(wild).toMatchObject({
      publicPerAddressPerDay: PUBLIC_LIMIT_BOUNDS.publicPerAddressPerDay.min,
      publicNetworkShare: 1,
      publicShare: DEFAULT_BOOKING_POLICY.publicShare,
      burstThreshold: PUBLIC_LIMIT_BOUNDS.burstThreshold.max,
    });
  });

  it('counts a day’s places over its slots', () => {
    const passport = service('passport', { expectedMinutes: 15 });
    const twoDesks: Centre = {
      ...centre({
        services: [passport],
        desks: [desk('d1', ['passport']), desk('d2', ['passport'])],
        site: { hours: { 3: [{ from: '09:00', to: '12:00' }] } },
      }),
      booking: { enabled: true, walkInShare: 0.5 },
    };
    // Three hours of 15-minute slots, two desks at half: one place a slot.
    expect(placesOn(twoDesks, passport, serviceDay('2026-11-25'))).toBe(12);
  });
});

describe('groupPublicBookings', () => {
  it('groups invented phones by their address and one phone across addresses, bursts first', () => {
    const fromOne = Array.from({ length: 4 }, (_, index) =>
      made(`2001:db8:7:7::${index + 1}`, { at: NOW - index * 1000 }),
    );
    const onePhone = ['10.0.0.1', '10.0.0.2'].map((address) => made(address, { phone: '380501112233' }));
    const alone = made('10.9.9.9');
    const groups = groupPublicBookings([...fromOne, ...onePhone, alone], 3);
    expect(groups.map((group) => [group.kind, group.key, group.bookings.length, group.burst])).toEqual([
      ['address', '2001:db8:7:7::/64', 4, true],
      ['phone', '380501112233', 2, false],
    ]);
    expect(groups[0]?.bookings.map((booking) => booking.at)).toEqual(fromOne.map((booking) => booking.at));
    expect(groups[0]).toMatchObject({ firstAt: NOW - 3000, lastAt: NOW, active: 4 });
  });
});
