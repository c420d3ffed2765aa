/**
 * A call as the announcer needs it: the ticket number, the number on the desk and whether
 * the desk is a window ("вікно номер п'ять") or a room ("кабінет номер тринадцять").
 */
import type { AnnouncementCall, DeskKind } from '@queue/announcer';
import type { Desk } from '@queue/core';
import type { CallView } from '@queue/protocol';

/** A room is a desk whose Ukrainian name starts with "Кабінет" ("Кабінет 13"). */
export const deskKind = (desk: Pick<Desk, 'name'>): DeskKind =>
  desk.name.uk.trim().toLocaleLowerCase('uk').startsWith('кабінет') ? 'room' : 'desk';

/** The trailing number of a desk id ('desk-9' is 9), for a desk the configuration lacks. */
const numberFromId = (id: string): number => {
  const match = /(\d+)$/.exec(id);
  return match ? Number(match[1]) : -1;
};

/**
 * What to announce for a call. A desk unknown to the configuration is still announced by
 * the number in its id; if it has none the announcer logs the call as failed, never drops it.
 */
export const toAnnouncementCall = (call: CallView, desk: Desk | undefined): AnnouncementCall => ({
  number: call.number,
  deskNumber: desk ? desk.number : numberFromId(call.deskId),
  deskKind: desk ? deskKind(desk) : 'desk',
  kind: call.kind,
});
