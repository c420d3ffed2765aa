/**
 * Why a desk pauses. The usual reasons travel as stable codes and are shown in each
 * screen's language; anything else is the operator's own text.
 */
import type { MessageKey } from '@queue/ui';

export const PAUSE_REASONS = ['lunch', 'break', 'technical', 'paperwork'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

const KEYS: Readonly<Record<PauseReason, MessageKey>> = {
  lunch: 'desk.pause.reason.lunch',
  break: 'desk.pause.reason.break',
  technical: 'desk.pause.reason.technical',
  paperwork: 'desk.pause.reason.paperwork',
};

export const isPauseReason = (value: string): value is PauseReason =>
  (PAUSE_REASONS as readonly string[]).includes(value);

/** The catalogue key of a known reason; undefined for free text, shown as it is. */
export const pauseReasonKey = (reason: string): MessageKey | undefined =>
  isPauseReason(reason) ? KEYS[reason] : undefined;
