/**
 * What the board lists: the newest call large, and before it the latest calls of other
 * numbers, newest first. A recalled number is shown once, at its latest call, so a recall
 * moves it to the top again.
 */
import type { CallView } from '@queue/protocol';

/** Calls listed besides the newest one. */
export const PREVIOUS_SHOWN = 8;

export interface CallsShown {
  readonly current?: CallView;
  readonly previous: readonly CallView[];
}

/** `calls` oldest first (as the client keeps them). */
export const callsShown = (calls: readonly CallView[], shown = PREVIOUS_SHOWN): CallsShown => {
  const seen = new Set<string>();
  const latest: CallView[] = [];
  for (const call of [...calls].sort((a, b) => b.seq - a.seq)) {
    if (seen.has(call.number)) continue;
    seen.add(call.number);
    latest.push(call);
  }
  const [current, ...previous] = latest;
  return { ...(current ? { current } : {}), previous: previous.slice(0, shown) };
};
