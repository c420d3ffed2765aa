import { describe, expect, it } from 'vitest';
import { offsetInForce } from './use-server-now';

describe('the server clock’s offset in force', () => {
  it('is the snapshot’s from the first frame, until a summary corrects it', () => {
    // No summary seen yet: the snapshot's offset, not zero (the browser's clock).
    expect(offsetInForce(-9 * 86_400_000, undefined)).toBe(-9 * 86_400_000);
    expect(offsetInForce(5_000, { base: 5_000, offset: 7_000 })).toBe(7_000);
    // A new snapshot replaces a correction measured against the old one.
    expect(offsetInForce(1_000, { base: 5_000, offset: 7_000 })).toBe(1_000);
  });
});
