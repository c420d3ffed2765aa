/**
 * What each configuration section edits: its list in the document, how an entry is named
 * and identified, its fields and a blank new entry. Deleting a service or a desk also drops
 * the references to it (desks' services, boards' desks), so that the rest stays valid.
 */
import type { Centre, LocalizedText } from '@queue/core';
import { DEFAULT_WAITING_STANDARD_MINUTES } from '@queue/core';
import type { Draft, Field, Option } from './fields';

export type ListSection = 'services' | 'desks' | 'organisations' | 'categories' | 'boards' | 'kiosks';

export interface ListSpec {
  readonly idKey: string;
  readonly fields: readonly Field[];
  readonly blank: () => Draft;
  readonly title: (item: Draft) => string;
  /** An entry as its form edits it, and back, where the document nests what the form keeps flat. */
  readonly toDraft?: (item: Draft) => Draft;
  readonly fromDraft?: (draft: Draft) => Draft;
}

const EMPTY_TEXT: LocalizedText = { uk: '', ru: '', en: '' };

const named =
  (localize: (text: LocalizedText) => string, idKey: string) =>
  (item: Draft): string => {
    const name = item.name;
    const text = typeof name === 'string' ? name : name ? localize(name as LocalizedText) : '';
    return text || String(item[idKey] ?? '');
  };

export const listSpecs = (
  centre: Centre,
  localize: (text: LocalizedText) => string,
): Record<ListSection, ListSpec> => {
  const organisations: Option[] = centre.organisations.map((entry) => ({
    value: entry.id,
    label: localize(entry.name),
  }));
  const categories: Option[] = centre.categories.map((entry) => ({
    value: entry.id,
    label: localize(entry.name),
  }));
  const desks: Option[] = centre.desks.map((entry) => ({ value: entry.id, label: localize(entry.name) }));
  const languages: Option[] = ['uk', 'ru', 'en'].map((value) => ({ value, label: value }));
  const voices: Option[] = ['speech', 'clips', 'chime'].map((value) => ({ value, label: value }));
  /** Organisations and categories: nothing but an id and a name in three languages. */
  const idAndName: ListSpec = {
    idKey: 'id',
    title: named(localize, 'id'),
    fields: [
      { key: 'id', label: 'admin.field.id', kind: 'text', fixedOnceSaved: true },
      { key: 'name', label: 'admin.field.name', kind: 'localized', wide: true },
    ],
    blank: () => ({ id: '', name: EMPTY_TEXT }),
  };
  return {
    services: {
      idKey: 'code',
      title: named(localize, 'code'),
      fields: [
        { key: 'code', label: 'admin.field.code', kind: 'text', fixedOnceSaved: true },
        { key: 'prefix', label: 'admin.field.prefix', kind: 'text' },
        { key: 'name', label: 'admin.field.name', kind: 'localized', wide: true },
        { key: 'categoryId', label: 'admin.field.categoryId', kind: 'select', options: categories },
        {
          key: 'organisationId',
          label: 'admin.field.organisationId',
          kind: 'select',
          options: organisations,
        },
        { key: 'expectedMinutes', label: 'admin.field.expectedMinutes', kind: 'number' },
        { key: 'waitingStandardMinutes', label: 'admin.field.waitingStandardMinutes', kind: 'number' },
        { key: 'dailyLimit', label: 'admin.field.dailyLimit', kind: 'number', optional: true },
        { key: 'onKiosk', label: 'admin.field.onKiosk', kind: 'boolean' },
        { key: 'outcomeRequired', label: 'admin.field.outcomeRequired', kind: 'boolean' },
        { key: 'hours', label: 'admin.field.hours', kind: 'week', optional: true },
        { key: 'outcomes', label: 'admin.field.outcomes', kind: 'outcomes' },
      ],
      blank: () => ({
        code: '',
        prefix: '',
        name: EMPTY_TEXT,
        categoryId: centre.categories[0]?.id ?? '',
        organisationId: centre.organisations[0]?.id ?? '',
        expectedMinutes: 10,
        waitingStandardMinutes: DEFAULT_WAITING_STANDARD_MINUTES,
        onKiosk: true,
        outcomeRequired: false,
        outcomes: [],
      }),
    },
    desks: {
      idKey: 'id',
      title: named(localize, 'id'),
      fields: [
        { key: 'id', label: 'admin.field.id', kind: 'text', fixedOnceSaved: true },
        { key: 'number', label: 'admin.field.number', kind: 'number' },
        { key: 'name', label: 'admin.field.name', kind: 'localized', wide: true },
        {
          key: 'organisationId',
          label: 'admin.field.organisationId',
          kind: 'select',
          options: organisations,
        },
        { key: 'zone', label: 'admin.field.zone', kind: 'text', optional: true },
        { key: 'services', label: 'admin.field.services', kind: 'weights', services: centre.services },
      ],
      blank: () => ({
        id: '',
        number: Math.max(0, ...centre.desks.map((desk) => desk.number)) + 1,
        name: EMPTY_TEXT,
        organisationId: centre.organisations[0]?.id ?? '',
        services: [],
      }),
    },
    organisations: {
      ...idAndName,
      // The body a refused applicant may turn to: named in every refusal of an appeal.
      fields: [
        ...idAndName.fields,
        { key: 'higherBodyName', label: 'admin.field.higherBodyName', kind: 'localized', wide: true },
        {
          key: 'higherBodyContact',
          label: 'admin.field.higherBodyContact',
          kind: 'text',
          optional: true,
          wide: true,
        },
      ],
      blank: () => ({ id: '', name: EMPTY_TEXT, higherBodyName: EMPTY_TEXT }),
      toDraft: ({ higherBody, ...rest }) => {
        const body = higherBody as { name: LocalizedText; contact: string } | undefined;
        return {
          ...rest,
          higherBodyName: body?.name ?? EMPTY_TEXT,
          ...(body?.contact ? { higherBodyContact: body.contact } : {}),
        };
      },
      fromDraft: ({ higherBodyName, higherBodyContact, ...rest }) => {
        const name = (higherBodyName ?? EMPTY_TEXT) as LocalizedText;
        const contact = typeof higherBodyContact === 'string' ? higherBodyContact.trim() : '';
        const named = name.uk.trim() !== '' || name.ru.trim() !== '' || name.en.trim() !== '';
        return named || contact !== '' ? { ...rest, higherBody: { name, contact } } : rest;
      },
    },
    categories: idAndName,
    boards: {
      idKey: 'id',
      title: named(localize, 'id'),
      fields: [
        { key: 'id', label: 'admin.field.id', kind: 'text', fixedOnceSaved: true },
        { key: 'name', label: 'admin.field.name', kind: 'text' },
        { key: 'language', label: 'admin.field.language', kind: 'select', options: languages },
        { key: 'voice', label: 'admin.field.voice', kind: 'select', options: voices },
        { key: 'muted', label: 'admin.field.muted', kind: 'boolean' },
        { key: 'showWaiting', label: 'admin.field.showWaiting', kind: 'boolean' },
        { key: 'zone', label: 'admin.field.zone', kind: 'text', optional: true },
        { key: 'deskIds', label: 'admin.field.deskIds', kind: 'multi', options: desks },
        { key: 'ticker', label: 'admin.field.ticker', kind: 'localized', multiline: true },
        { key: 'info', label: 'admin.field.info', kind: 'localized', multiline: true },
      ],
      blank: () => ({
        id: '',
        name: '',
        deskIds: [],
        language: 'uk',
        voice: 'speech',
        muted: false,
        showWaiting: true,
        ticker: EMPTY_TEXT,
        info: EMPTY_TEXT,
      }),
    },
    kiosks: {
      idKey: 'deviceId',
      title: named(localize, 'deviceId'),
      fields: [
        { key: 'deviceId', label: 'admin.field.deviceId', kind: 'text', fixedOnceSaved: true },
        { key: 'name', label: 'admin.field.name', kind: 'text' },
        {
          key: 'publicBaseUrl',
          label: 'admin.field.publicBaseUrl',
          kind: 'text',
          optional: true,
          wide: true,
        },
        { key: 'printer', label: 'admin.field.printer', kind: 'printer' },
      ],
      blank: () => ({ deviceId: '', name: '' }),
    },
  };
};

/** The document with one entry of a list saved (added, or put in the place of `originalId`). */
export const withEntry = (
  centre: Centre,
  section: ListSection,
  idKey: string,
  item: Draft,
  originalId: string | undefined,
): Centre => {
  const list = centre[section] as unknown as readonly Draft[];
  const next =
    originalId === undefined
      ? [...list, item]
      : list.map((entry) => (String(entry[idKey]) === originalId ? item : entry));
  return { ...centre, [section]: next };
};

/** The document without one entry, and without the references to it that would dangle. */
export const withoutEntry = (centre: Centre, section: ListSection, idKey: string, id: string): Centre => {
  const list = (centre[section] as unknown as readonly Draft[]).filter(
    (entry) => String(entry[idKey]) !== id,
  );
  const next = { ...centre, [section]: list } as Centre;
  if (section === 'services') {
    return {
      ...next,
      desks: next.desks.map((desk) => ({
        ...desk,
        services: desk.services.filter((entry) => entry.code !== id),
      })),
    };
  }
  if (section === 'desks') {
    return {
      ...next,
      boards: next.boards.map((board) => ({
        ...board,
        deskIds: board.deskIds.filter((deskId) => deskId !== id),
      })),
    };
  }
  return next;
};
