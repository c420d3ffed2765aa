/**
 * The shapes shared by the announcer: a call to announce, the languages it speaks, and the
 * phrase it composes (clip ids for a recorded clip pack plus the same words as text).
 */

/** Languages the hall is addressed in. */
export type Language = 'uk' | 'ru' | 'en';

export const LANGUAGES: readonly Language[] = ['uk', 'ru', 'en'];

/** A numbered window at a counter, or a separate room (office). */
export type DeskKind = 'desk' | 'room';

/** A first call, or a call repeated because the visitor has not come up. */
export type CallKind = 'call' | 'recall';

/** One call to announce, as the board knows it. */
export interface AnnouncementCall {
  /** The visible ticket number: a prefix letter, a hyphen, digits ('А-123', 'Ж-007'). */
  readonly number: string;
  /** The number on the window or room door. */
  readonly deskNumber: number;
  readonly deskKind: DeskKind;
  readonly kind: CallKind;
}

/** What a clip is: a fixed word, a letter name, or a number component. */
export type ClipGroup = 'word' | 'letter' | 'num';

/**
 * The id of one recorded clip, e.g. 'uk/word/talon', 'uk/letter/А', 'uk/num/100'.
 * A clip pack stores it as the file `<pack>/<id>.<ext>` (see docs/announcements.md).
 */
export type PhrasePart = `${Language}/${ClipGroup}/${string}`;

/** A composed announcement: the clips to play in order, and the same words as text. */
export interface Phrase {
  readonly language: Language;
  readonly parts: readonly PhrasePart[];
  /** The phrase for a speech engine, e.g. "Талон А сто двадцять три, вікно номер п'ять". */
  readonly text: string;
}
