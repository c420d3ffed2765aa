import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../../../../test/support/manual-timers';
import { silentLogger } from '../logger';
import { PrinterPoller } from './printer-poller';

const rigFor = (busy: ReadonlySet<string>, kioskIds = ['kiosk-1', 'kiosk-2']) => {
  const asked: string[] = [];
  const timers = new ManualTimers();
  const poller = new PrinterPoller({
    printing: {
      serverKioskIds: () => kioskIds,
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

  it('waits for nothing while no printer is driven by the server, until the configuration changes', () => {
    const kioskIds: string[] = [];
    const { asked, timers, poller } = rigFor(new Set(), kioskIds);
    poller.start();
    expect(timers.waiting).toBe(0);
    kioskIds.push('kiosk-1');
    poller.wake();
    poller.wake();
    expect(timers.waiting).toBe(1);
    timers.fire();
    expect(asked).toEqual(['kiosk-1']);
    expect(timers.waiting).toBe(1);
  });
});
