/**
 * What a window display above one desk shows: the number called to or served at that desk,
 * or that the desk is free. Pure, shared by the window page (apps/display) and the serial LED
 * driver (hardware/window-led), so both read the public board view the same way.
 *
 * Calls come as events at once; the number at each desk (`summary.deskTickets`) follows a
 * moment later with the summary. So the desk's newest call is shown unless the summary
 * already includes it (`summary.seq`) and says the desk holds another number or none (it let
 * the visitor go).
 */
import type { Centre, Desk, DeskStatus } from '@queue/core';
import type { CallView, PublicSummary } from './views';

export type DeskWindowView =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'free'; readonly desk: Desk; readonly status?: DeskStatus }
  | {
      readonly kind: 'called';
      readonly desk: Desk;
      readonly number: string;
      /** The call that brought the number, when the client has it (it blinks when new). */
      readonly call?: CallView;
      /** The visitor has come to the desk: the number is being served, no longer called. */
      readonly serving?: boolean;
    };

/** The desk a display names: its id (`desk-5`) or its number as visitors know it (`5`). */
export const findWindowDesk = (centre: Centre | undefined, key: string | undefined): Desk | undefined => {
  const wanted = key?.trim();
  if (!centre || !wanted) return undefined;
  const byId = centre.desks.find((desk) => desk.id === wanted);
  if (byId) return byId;
  return /^\d+$/.test(wanted) ? centre.desks.find((desk) => desk.number === Number(wanted)) : undefined;
};

export const deskWindow = (
  centre: Centre | undefined,
  summary: PublicSummary | undefined,
  calls: readonly CallView[],
  key: string | undefined,
): DeskWindowView => {
  const desk = findWindowDesk(centre, key);
  if (!desk) return { kind: 'unknown' };
  // A desk not opened today has no state yet, so the summary does not list it: it is closed.
  const status = summary
    ? (summary.desks.find((entry) => entry.id === desk.id)?.status ?? 'closed')
    : undefined;
  const held = summary?.deskTickets?.[desk.id];
  let newest: CallView | undefined;
  for (const call of calls) {
    if (call.deskId === desk.id && (!newest || call.seq > newest.seq)) newest = call;
  }
  const freeView = { kind: 'free' as const, desk, ...(status ? { status } : {}) };
  // A summary without desk numbers (an older server) cannot say that the desk is free.
  const knowsNumbers = summary?.deskTickets !== undefined && summary.seq !== undefined;
  const serving = held !== undefined && (summary?.servingDesks?.includes(desk.id) ?? false);
  if (newest && (!knowsNumbers || (summary.seq ?? 0) < newest.seq || held === newest.number)) {
    // The summary's serving mark is for the number it holds; a newer call is still a call.
    const servingNewest = serving && held === newest.number && (summary?.seq ?? 0) >= newest.seq;
    return {
      kind: 'called',
      desk,
      number: newest.number,
      call: newest,
      ...(servingNewest ? { serving: true } : {}),
    };
  }
  return held ? { kind: 'called', desk, number: held, ...(serving ? { serving: true } : {}) } : freeView;
};
