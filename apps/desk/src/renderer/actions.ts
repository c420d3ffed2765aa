/**
 * The operator's commands: their labels and keys, when each makes sense, and the request
 * each sends. Every press is a new request id; the server refuses what the rules forbid.
 */
import { type QueueConnection, newRequestId } from '@queue/client';
import type { Ack } from '@queue/protocol';
import type { MessageKey } from '@queue/ui';
import type { DeskView } from './desk-view';

export type ActionId =
  'open' | 'callNext' | 'recall' | 'start' | 'complete' | 'noShow' | 'pause' | 'resume' | 'close';

export interface ActionSpec {
  readonly id: ActionId;
  readonly label: MessageKey;
  /** `KeyboardEvent.code` values that run the action. */
  readonly keys: readonly string[];
}

export const ACTIONS: Readonly<Record<ActionId, ActionSpec>> = {
  open: { id: 'open', label: 'desk.action.open', keys: [] },
  callNext: { id: 'callNext', label: 'desk.action.callNext', keys: ['F1', 'Space'] },
  recall: { id: 'recall', label: 'desk.action.recall', keys: ['F2'] },
  start: { id: 'start', label: 'desk.action.start', keys: ['F3'] },
  complete: { id: 'complete', label: 'desk.action.complete', keys: ['F4'] },
  noShow: { id: 'noShow', label: 'desk.action.noShow', keys: ['F6'] },
  pause: { id: 'pause', label: 'desk.action.pause', keys: ['F8'] },
  resume: { id: 'resume', label: 'desk.action.resume', keys: ['F8'] },
  close: { id: 'close', label: 'desk.action.close', keys: [] },
};

export const isAvailable = (id: ActionId, view: DeskView): boolean => {
  const called = view.current?.status === 'called';
  switch (id) {
    case 'open':
      return view.status === 'closed';
    case 'callNext':
      return view.status === 'open' && !view.current;
    case 'recall':
    case 'start':
    case 'noShow':
      return called;
    case 'complete':
      return view.current?.status === 'serving';
    case 'pause':
      return view.status === 'open';
    case 'resume':
      return view.status === 'paused';
    case 'close':
      return view.status !== 'closed' && !view.current;
  }
};

const noVisitor: Ack<never> = {
  ok: false,
  error: { code: 'ILLEGAL_TRANSITION', message: 'No visitor at the desk.' },
};

export const perform = async (
  connection: QueueConnection,
  id: ActionId,
  view: DeskView,
  pauseReason: string,
): Promise<Ack<unknown>> => {
  const requestId = newRequestId();
  const ticketId = view.current?.id;
  switch (id) {
    case 'open':
      return connection.request('desk:open', { requestId });
    case 'callNext':
      return connection.request('visit:call-next', { requestId });
    case 'pause':
      return connection.request('desk:pause', { requestId, reason: pauseReason });
    case 'resume':
      return connection.request('desk:resume', { requestId });
    case 'close':
      return connection.request('desk:close', { requestId });
    case 'recall':
      return ticketId ? connection.request('visit:recall', { requestId, ticketId }) : noVisitor;
    case 'start':
      return ticketId ? connection.request('visit:start', { requestId, ticketId }) : noVisitor;
    case 'complete':
      return ticketId ? connection.request('visit:complete', { requestId, ticketId }) : noVisitor;
    case 'noShow':
      return ticketId ? connection.request('visit:no-show', { requestId, ticketId }) : noVisitor;
  }
};
