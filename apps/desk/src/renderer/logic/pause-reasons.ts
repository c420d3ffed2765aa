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

/** Lengths a pause may be announced with, in minutes. */
export const PAUSE_LENGTHS = [5, 10, 15, 20, 30, 45, 60] as const;

/** The length offered first for a reason: the usual short break and lunch; others unknown. */
const USUAL_LENGTH: Readonly<Partial<Record<PauseReason, number>>> = { break: 15, lunch: 45 };

export const usualPauseLength = (reason: string): number | undefined =>
  isPauseReason(reason) ? USUAL_LENGTH[reason] : undefined;

export const isPauseReason = (value: string): value is PauseReason =>
  (PAUSE_REASONS as readonly string[]).includes(value);

/** The catalogue key of a known reason; undefined for free text, shown as it is. */
export const pauseReasonKey = (reason: string): MessageKey | undefined =>
  isPauseReason(reason) ? KEYS[reason] : undefined;
