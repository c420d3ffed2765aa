/**
 * Which events a board or kiosk may see. Calls and recalls carry a number and a desk and
 * nothing else; notes, comments and operators stay with staff.
 */
import type { QueueEvent } from '@queue/core';
import type { CallView, SequencedEvent } from './views';

/** The hall's view of an event, or undefined for events the hall does not see. */
export const toCallView = ({ seq, event }: SequencedEvent): CallView | undefined => {
  if (event.type !== 'ticket:called' && event.type !== 'ticket:recalled') return undefined;
  return {
    seq,
    kind: event.type === 'ticket:called' ? 'call' : 'recall',
    number: event.number,
    serviceCode: event.serviceCode,
    deskId: event.deskId,
    at: event.at,
  };
};

/** The same event stripped to what the hall may see, kept in its place in the log. */
export const toPublicEvent = (sequenced: SequencedEvent): SequencedEvent | undefined => {
  const { event } = sequenced;
  if (event.type === 'ticket:called') {
    const publicEvent: QueueEvent = {
      type: event.type,
      at: event.at,
      actor: { kind: 'system' },
      ticketId: '' as typeof event.ticketId,
      number: event.number,
      serviceCode: event.serviceCode,
      deskId: event.deskId,
      privileged: false,
    };
    return { seq: sequenced.seq, event: publicEvent };
  }
  if (event.type === 'ticket:recalled') {
    return {
      seq: sequenced.seq,
      event: { ...event, actor: { kind: 'system' }, ticketId: '' as typeof event.ticketId },
    };
  }
  return undefined;
};
