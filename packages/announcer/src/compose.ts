/**
 * Composes the spoken announcement of a call, pure: "Талон А сто двадцять три, вікно номер
 * п'ять" as the clip ids to play and as text for a speech engine. A recall ends with
 * "повторно" / "повторно" / "again". Grammar decisions are in docs/announcements.md.
 */
import { type Token, letterToken, wordToken } from './clips';
import { digitTokens } from './numbers';
import type { AnnouncementCall, Language, Phrase } from './types';
import { GRAMMAR } from './vocabulary';

export interface TicketNumber {
  /** The prefix letters, possibly none ('А' for 'А-123'). */
  readonly prefix: string;
  /** The digits as written ('007'). */
  readonly digits: string;
}

const TICKET_NUMBER = /^\s*(\p{L}*)\s*[-\u2010-\u2015]?\s*(\d+)\s*$/u;

/** Splits 'А-123' (or 'А123', '123') into its prefix and digits; throws on anything else. */
export const parseTicketNumber = (number: string): TicketNumber => {
  const match = TICKET_NUMBER.exec(number);
  if (!match) throw new Error(`Not a ticket number: '${number}'`);
  return { prefix: match[1] ?? '', digits: match[2] ?? '' };
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The announcement of `call` in `language`. Throws on a malformed ticket or desk number. */
export const composeAnnouncement = (call: AnnouncementCall, language: Language): Phrase => {
  const grammar = GRAMMAR[language];
  if (grammar === undefined) throw new Error(`Unknown language '${String(language)}'`);
  if (!Number.isSafeInteger(call.deskNumber) || call.deskNumber < 0) {
    throw new RangeError(`Not a desk number: ${call.deskNumber}`);
  }
  const { prefix, digits } = parseTicketNumber(call.number);
  const words = (keys: readonly string[]): Token[] => keys.map((key) => wordToken(language, key));

  const groups: Token[][] = [
    [
      ...words(grammar.ticket),
      ...[...prefix].map((letter) => letterToken(language, letter)),
      ...digitTokens(digits, language),
    ],
    [
      ...words(call.deskKind === 'room' ? grammar.room : grammar.desk),
      ...digitTokens(String(call.deskNumber), language),
    ],
  ];
  if (call.kind === 'recall') groups.push(words(grammar.recall));

  return {
    language,
    parts: groups.flat().flatMap((token) => token.parts),
    text: capitalise(groups.map((group) => group.map((token) => token.text).join(' ')).join(', ')),
  };
};
