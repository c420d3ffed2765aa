/**
 * How long until a postponed visitor is back, as the desk says it: whole minutes, rounded up
 * so that "1 min left" lasts until the visitor is due (never "0 min" while still away).
 */
import { MS_PER_MINUTE } from '@queue/core';

export const minutesLeft = (remainingMs: number): number =>
  remainingMs <= 0 ? 0 : Math.max(1, Math.ceil(remainingMs / MS_PER_MINUTE));
