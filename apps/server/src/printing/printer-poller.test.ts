import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../../../../test/support/manual-timers';
import { silentLogger } from '../logger';
import { PrinterPoller } from './printer-poller';

const rigFor = (busy: ReadonlySet<string>) => {
  const asked: string[] = [];
  const timers = new ManualTimers();
  const poller = new PrinterPoller({
    printing: {
      serverKioskIds: () => ['kiosk-1', 'kiosk-2'],
      isIdle: (kioskId) => !busy.has(kioskId),
      status: (kioskId) => {
        asked.push(kioskId);
        return Promise.resolve('no-answer');
      },
    },
    timers,
    logger: silentLogger,
  });
  return { asked, timers, poller };
};

describe('PrinterPoller', () => {
  it('asks only the printers that are idle, once per round', () => {
    const { asked, timers, poller } = rigFor(new Set(['kiosk-2']));
    poller.start();
    expect(asked).toEqual([]);
    timers.fire();
    expect(asked).toEqual(['kiosk-1']);
    timers.fire();
    expect(asked).toEqual(['kiosk-1', 'kiosk-1']);
  });

  it('stops: no round is left waiting and none runs', () => {
    const { asked, timers, poller } = rigFor(new Set());
    poller.start();
    poller.stop();
    expect(timers.waiting).toBe(0);
    timers.fire();
    expect(asked).toEqual([]);
  });
});
