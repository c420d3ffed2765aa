/**
 * The seam for sound and voice: called exactly once for every call that is new to this
 * board (never for calls already on screen when it connects). A chime and a spoken
 * "Талон А-023, вікно 5" come in a later issue; for now it does nothing.
 */
import type { CallView } from '@queue/protocol';

export const announce = (_call: CallView): void => {};
