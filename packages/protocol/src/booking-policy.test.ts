import { DEMO_CENTRE } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { checkCentreDocument } from './administration';

const withBooking = (booking: Record<string, unknown>) =>
  checkCentreDocument({ ...JSON.parse(JSON.stringify(DEMO_CENTRE)), booking: { enabled: true, ...booking } });

describe('the public-booking limits in the configuration', () => {
  it('accepts limits within their bounds', () => {
    expect(
      withBooking({ publicPerAddressPerDay: 5, publicNetworkShare: 0.3, publicShare: 1, burstThreshold: 4 }),
    ).toMatchObject({ ok: true });
  });

  it('refuses limits outside their bounds, naming the field', () => {
    for (const [field, value] of [
      ['publicPerAddressPerDay', 0],
      ['publicPerAddressPerDay', 2.5],
      ['publicPerAddressPerDay', 1000],
      ['publicNetworkShare', 0],
      ['publicShare', 1.5],
      ['burstThreshold', 1],
    ] as const) {
      const checked = withBooking({ [field]: value });
      expect(checked.ok, `${field} ${value}`).toBe(false);
      if (!checked.ok) expect(checked.problems[0]?.path).toBe(`booking.${field}`);
    }
  });
});
