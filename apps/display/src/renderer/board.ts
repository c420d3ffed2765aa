/**
 * What the board shows: the newest call, and before it the latest calls of other numbers
 * (a recalled number is shown once, at its latest call).
 */
import type { CallView } from '@queue/protocol';

export const PREVIOUS_SHOWN = 8;

export interface Board {
  readonly current?: CallView;
  readonly previous: readonly CallView[];
}

export const boardOf = (calls: readonly CallView[], shown = PREVIOUS_SHOWN): Board => {
  const seen = new Set<string>();
  const latest: CallView[] = [];
  for (const call of [...calls].reverse()) {
    if (seen.has(call.number)) continue;
    seen.add(call.number);
    latest.push(call);
  }
  const [current, ...previous] = latest;
  return { ...(current ? { current } : {}), previous: previous.slice(0, shown) };
};
