/**
 * Every feature area's messages, merged into the three catalogues. Add an area here: import
 * its `defineArea(...)` texts and list it in `AREAS`. Keys carry the area's own prefix.
 */
import type { AreaTexts } from '../area';
import { pairingTexts } from './pairing';
import { adminTexts } from './admin';
import { shellArea } from './shell';
import { bookingArea } from './booking';
import { reportsArea } from './reports';
import { backupArea } from './backup';
import { hubArea } from './hub';
import { cityCatalogueArea } from './city-catalogue';
import { appealsArea } from './appeals';
import { partnersArea } from './partners';
import { appealReportsArea } from './appeal-reports';
import { staffingArea } from './staffing';
import { deskWordingArea } from './desk-wording';
import { windowDisplayArea } from './window-display';

type KeysOf<Area> = Area extends AreaTexts<infer Key> ? Key : never;
type Merged<Areas extends readonly AreaTexts<string>[]> = { readonly [Key in KeysOf<Areas[number]>]: string };

export const mergeAreas = <Areas extends readonly AreaTexts<string>[]>(
  language: 'uk' | 'ru' | 'en',
  areas: Areas,
): Merged<Areas> => {
  const merged: Record<string, string> = {};
  for (const area of areas) {
    for (const [key, text] of Object.entries(area[language])) {
      // Two areas with one key would silently shadow each other's text.
      if (Object.hasOwn(merged, key)) throw new Error(`Message key ${key} is defined by two areas`);
      merged[key] = text;
    }
  }
  return merged as Merged<Areas>;
};

const AREAS = [
  pairingTexts,
  adminTexts,
  shellArea,
  bookingArea,
  reportsArea,
  backupArea,
  hubArea,
  cityCatalogueArea,
  appealsArea,
  partnersArea,
  appealReportsArea,
  staffingArea,
  deskWordingArea,
  windowDisplayArea,
] as const;

/** Every feature area's message keys. */
export type AreaKey = KeysOf<(typeof AREAS)[number]>;

export const areaMessages = {
  uk: mergeAreas('uk', AREAS),
  ru: mergeAreas('ru', AREAS),
  en: mergeAreas('en', AREAS),
};
