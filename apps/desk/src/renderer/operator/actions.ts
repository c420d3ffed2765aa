/**
 * The operator's commands: their labels and keys, and when each makes sense. Some send at
 * once; others open a dialog first. The server refuses whatever the rules forbid anyway.
 */
import type { MessageKey } from '@queue/ui';
import type { MutationEvent } from '../common/use-commands';
import type { NoShowGate } from '../logic/timers';
import type { DeskView } from './desk-view';

export type ActionId =
  | 'open'
  | 'callNext'
  | 'recall'
  | 'start'
  | 'complete'
  | 'noShow'
  | 'transfer'
  | 'postpone'
  | 'pause'
  | 'resume'
  | 'pickTicket';

export interface ActionSpec {
  readonly id: ActionId;
  readonly label: MessageKey;
  /** `KeyboardEvent.code` values that run the action. */
  readonly keys: readonly string[];
  /** The command it sends at once; none when it opens a dialog or moves the focus. */
  readonly event?: MutationEvent;
}

export const ACTIONS: Readonly<Record<ActionId, ActionSpec>> = {
  open: { id: 'open', label: 'desk.action.open', keys: ['F1'], event: 'desk:open' },
  callNext: {
    id: 'callNext',
    label: 'desk.action.callNext',
    keys: ['F1', 'Space'],
    event: 'visit:call-next',
  },
  recall: { id: 'recall', label: 'desk.action.recall', keys: ['F2'], event: 'visit:recall' },
  start: { id: 'start', label: 'desk.action.start', keys: ['F3'], event: 'visit:start' },
  complete: { id: 'complete', label: 'desk.action.complete', keys: ['F4'] },
  noShow: { id: 'noShow', label: 'desk.action.noShow', keys: ['F6'], event: 'visit:no-show' },
  transfer: { id: 'transfer', label: 'desk.action.transfer', keys: ['F7'] },
  pause: { id: 'pause', label: 'desk.action.pause', keys: ['F8'] },
  resume: { id: 'resume', label: 'desk.action.resume', keys: ['F8'], event: 'desk:resume' },
  postpone: { id: 'postpone', label: 'desk.action.postpone', keys: ['F9'] },
  pickTicket: { id: 'pickTicket', label: 'desk.action.pickTicket', keys: ['F10'] },
};

/** The buttons, in order; the first slot opens the desk while it is closed. */
export const slotsOf = (view: DeskView): readonly ActionId[] => [
  view.status === 'closed' ? 'open' : 'callNext',
  'recall',
  'start',
  'complete',
  'noShow',
  'transfer',
  'postpone',
  view.status === 'paused' ? 'resume' : 'pause',
  'pickTicket',
];

export const isAvailable = (id: ActionId, view: DeskView, noShow: NoShowGate | undefined): boolean => {
  const status = view.current?.status;
  const inHand = status === 'called' || status === 'serving';
  switch (id) {
    case 'open':
      return view.status === 'closed';
    case 'callNext':
    case 'pickTicket':
      return view.status === 'open' && !view.current;
    case 'recall':
    case 'start':
      return status === 'called';
    case 'noShow':
      return status === 'called' && noShow?.allowed === true;
    case 'complete':
      return status === 'serving';
    case 'transfer':
    case 'postpone':
      return inHand;
    case 'pause':
      return view.status === 'open';
    case 'resume':
      return view.status === 'paused';
  }
};
