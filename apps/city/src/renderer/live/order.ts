/** The live view's order: centres past their waiting standard first, then the longest wait. */
import type { CityCentreLive } from '@queue/protocol';

export const orderLive = (centres: readonly CityCentreLive[]): readonly CityCentreLive[] =>
  [...centres].sort(
    (a, b) =>
      Number(b.pastStandard) - Number(a.pastStandard) ||
      (b.longestWaitMinutes ?? -1) - (a.longestWaitMinutes ?? -1) ||
      b.waiting - a.waiting ||
      Number(a.revoked) - Number(b.revoked) ||
      a.centreId.localeCompare(b.centreId),
  );
