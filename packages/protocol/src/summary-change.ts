/**
 * The waiting summary travels as changes: after the whole summary a client takes with its
 * snapshot or catch-up, the server sends only the services whose figures moved, and the
 * desks only when one of them opened, paused or closed. A summary of 40 services and 100
 * desks is about 9.5 KB, sent to every screen a few times a second at a busy hour; a call
 * usually changes a few services and no desk. The number at each desk (for window displays)
 * travels the same way: only the desks whose number changed, `null` when one fell free.
 */
import type { DeskId, DeskState, ServiceCode } from '@queue/core';
import type { PublicSummary, ServiceLoad } from './views';

export interface SummaryChange {
  readonly at: PublicSummary['at'];
  /** The services whose waiting count, longest wait or estimate changed. */
  readonly services: Readonly<Record<ServiceCode, ServiceLoad>>;
  /** Every desk's status, present only when one of them changed. */
  readonly desks?: readonly Pick<DeskState, 'id' | 'status'>[];
  /** Only the desks whose called or served number changed; `null` for a desk now free. */
  readonly deskTickets?: Readonly<Record<DeskId, string | null>>;
  /** Every desk whose visitor is being served, present only when that set changed. */
  readonly servingDesks?: readonly DeskId[];
  /** The log position of the new figures, when it moved. */
  readonly seq?: number;
}

const sameLoad = (a: ServiceLoad | undefined, b: ServiceLoad): boolean =>
  a !== undefined &&
  a.waiting === b.waiting &&
  a.longestWaitMinutes === b.longestWaitMinutes &&
  JSON.stringify(a.estimate) === JSON.stringify(b.estimate) &&
  JSON.stringify(a.priorityEstimate) === JSON.stringify(b.priorityEstimate);

const sameDesks = (a: PublicSummary['desks'], b: PublicSummary['desks']): boolean =>
  a.length === b.length &&
  a.every((desk, index) => desk.id === b[index]?.id && desk.status === b[index]?.status);

/** The desks whose number changed, with their new number or `null`; undefined when none did. */
const deskTicketsChange = (
  before: PublicSummary['deskTickets'] = {},
  after: PublicSummary['deskTickets'] = {},
): Record<DeskId, string | null> | undefined => {
  const changed: Record<string, string | null> = {};
  let any = false;
  for (const [desk, number] of Object.entries(after)) {
    if (before[desk as DeskId] === number) continue;
    changed[desk] = number;
    any = true;
  }
  for (const desk of Object.keys(before)) {
    if (desk in after) continue;
    changed[desk] = null;
    any = true;
  }
  return any ? changed : undefined;
};

const applyDeskTickets = (
  held: PublicSummary['deskTickets'] = {},
  change: Readonly<Record<DeskId, string | null>>,
): Record<DeskId, string> => {
  const next: Record<string, string> = { ...held };
  for (const [desk, number] of Object.entries(change)) {
    if (number === null) delete next[desk];
    else next[desk] = number;
  }
  return next;
};

const sameDeskList = (a: readonly DeskId[] = [], b: readonly DeskId[] = []): boolean =>
  a.length === b.length && a.every((desk, index) => desk === b[index]);

/** What changed from one summary to the next; undefined when nothing did. */
export const summaryChange = (before: PublicSummary, after: PublicSummary): SummaryChange | undefined => {
  const services: Record<string, ServiceLoad> = {};
  let changed = false;
  for (const [code, load] of Object.entries(after.services)) {
    if (sameLoad(before.services[code as ServiceCode], load)) continue;
    services[code] = load;
    changed = true;
  }
  // A service that left the configuration is simply no longer mentioned; clients then take it
  // out through the new configuration, not through the summary.
  const desksChanged = !sameDesks(before.desks, after.desks);
  const deskTickets = deskTicketsChange(before.deskTickets, after.deskTickets);
  const servingChanged = !sameDeskList(before.servingDesks, after.servingDesks);
  // The position matters to window displays only: a call after it is newer than the numbers.
  const seqMoved = after.seq !== undefined && after.seq !== before.seq;
  if (!changed && !desksChanged && !deskTickets && !servingChanged && !seqMoved) return undefined;
  return {
    at: after.at,
    services,
    ...(desksChanged ? { desks: after.desks } : {}),
    ...(deskTickets ? { deskTickets } : {}),
    ...(servingChanged ? { servingDesks: after.servingDesks ?? [] } : {}),
    ...(seqMoved ? { seq: after.seq } : {}),
  };
};

/**
 * The summary a change leads to. Changes are applied in the order they arrive, which is the
 * order the server made them in (one socket keeps its order), not by their clock times.
 */
export const applySummaryChange = (summary: PublicSummary, change: SummaryChange): PublicSummary => ({
  at: change.at,
  services: { ...summary.services, ...change.services },
  desks: change.desks ?? summary.desks,
  ...(change.deskTickets
    ? { deskTickets: applyDeskTickets(summary.deskTickets, change.deskTickets) }
    : summary.deskTickets
      ? { deskTickets: summary.deskTickets }
      : {}),
  ...(change.servingDesks
    ? { servingDesks: change.servingDesks }
    : summary.servingDesks
      ? { servingDesks: summary.servingDesks }
      : {}),
  ...(change.seq !== undefined ? { seq: change.seq } : summary.seq !== undefined ? { seq: summary.seq } : {}),
});
