import { instant, serviceCode } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { T0, centre, queueOf, ticketOf } from './fixtures';
import { positionOf } from './position';

describe('position in the queue', () => {
  const service = serviceCode('doc-residence');
  const first = ticketOf({ serviceCode: service, queuedAt: instant(T0) });
  const second = ticketOf({ serviceCode: service, queuedAt: instant(T0 + 60_000) });
  const third = ticketOf({ serviceCode: service, queuedAt: instant(T0 + 120_000) });
  const priority = ticketOf({
    serviceCode: service,
    queuedAt: instant(T0 + 180_000),
    priority: { category: 'veteran', confirmed: true },
  });

  it('counts the people ahead by arrival, priority first, and gives a wait range', () => {
    const queue = queueOf([first, second, third, priority]);
    expect(positionOf(centre, queue, first, T0)?.ahead).toBe(1);
    expect(positionOf(centre, queue, priority, T0)?.ahead).toBe(0);
    const last = positionOf(centre, queue, third, T0);
    expect(last?.ahead).toBe(3);
    expect(last?.lowMinutes).toBeLessThanOrEqual(last?.highMinutes ?? 0);
    expect(last?.highMinutes).toBeGreaterThan(0);
  });

  it('has no position once called, served or finished', () => {
    const queue = queueOf([first, { ...second, status: 'called' }]);
    expect(positionOf(centre, queue, { ...second, status: 'called' }, T0)).toBeUndefined();
    expect(positionOf(centre, queue, { ...first, status: 'completed' }, T0)).toBeUndefined();
  });

  it('keeps a place for a visitor who stepped away', () => {
    const away = { ...second, status: 'postponed' as const, postponedUntil: instant(T0 + 600_000) };
    const queue = queueOf([first, away, third]);
    expect(positionOf(centre, queue, away, T0)?.ahead).toBe(1);
    expect(positionOf(centre, queue, third, T0)?.ahead).toBe(2);
  });
});
