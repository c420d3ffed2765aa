/**
 * The kiosk ticket's wait line: minutes while some are expected, "called shortly" only while a
 * desk serving the service is open, and otherwise that none is open now (nobody will call yet).
 */
import type { WaitEstimate } from '@queue/core';
import type { MessageKey } from '@queue/ui';

export const waitLineOf = (
  estimate: Pick<WaitEstimate, 'lowMinutes' | 'highMinutes' | 'capacity'>,
): [MessageKey, Record<string, number>?] => {
  if (estimate.highMinutes > 0) {
    return ['kiosk.ticket.wait', { low: estimate.lowMinutes, high: estimate.highMinutes }];
  }
  return [estimate.capacity === 0 ? 'kiosk.ticket.noDeskOpen' : 'kiosk.ticket.noWait'];
};
