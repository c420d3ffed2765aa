/**
 * Every word printed on a ticket that does not come from the centre's configuration, in the
 * three visitor languages. The kiosk passes the visitor's language; nothing here reads the
 * front ends' catalogues, so the printer package stays free of UI code.
 */
import type { Language, PriorityCategory } from '@queue/core';

export interface TicketMessages {
  readonly heading: string;
  readonly issued: string;
  readonly appointment: string;
  readonly ahead: string;
  readonly wait: string;
  readonly waitAbout: string;
  readonly noWait: string;
  /** Instead of `noWait` when no desk serving the service is open: nobody will call soon. */
  readonly noDeskOpen: string;
  readonly priority: string;
  readonly priorityConfirm: string;
  readonly qrHint: string;
  readonly watchBoard: string;
  readonly hours: string;
  readonly closed: string;
  /** ISO weekday order: Monday first. */
  readonly weekdays: readonly [string, string, string, string, string, string, string];
  readonly categories: Readonly<Record<PriorityCategory, string>>;
}

export const MESSAGES: Readonly<Record<Language, TicketMessages>> = {
  uk: {
    heading: 'Ваш талон',
    issued: 'Видано: {date} {time}',
    appointment: 'Запис на {time}',
    ahead: 'Перед вами: {count}',
    wait: 'Очікування: {low}–{high} хв',
    waitAbout: 'Очікування: близько {high} хв',
    noWait: 'Вас запросять найближчим часом',
    noDeskOpen: 'Зараз не працює жодне вікно з цієї послуги',
    priority: 'Пільгова черга: {category}',
    priorityConfirm: 'Пільгу треба підтвердити у вікні обслуговування',
    qrHint: 'Стежте за чергою в телефоні:',
    watchBoard: 'Стежте за викликом на табло',
    hours: 'Графік роботи:',
    closed: 'вихідний',
    weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Нд'],
    categories: {
      disability: 'особа з інвалідністю',
      veteran: 'ветеран війни',
      'military-family': 'сім’я військовослужбовця',
      pregnancy: 'вагітна жінка',
      infant: 'з дитиною до 3 років',
      elderly: 'особа похилого віку',
      other: 'інша пільгова категорія',
    },
  },
  ru: {
    heading: 'Ваш талон',
    issued: 'Выдан: {date} {time}',
    appointment: 'Запись на {time}',
    ahead: 'Перед вами: {count}',
    wait: 'Ожидание: {low}–{high} мин',
    waitAbout: 'Ожидание: около {high} мин',
    noWait: 'Вас пригласят в ближайшее время',
    noDeskOpen: 'Сейчас не работает ни одно окно по этой услуге',
    priority: 'Льготная очередь: {category}',
    priorityConfirm: 'Льготу нужно подтвердить в окне обслуживания',
    qrHint: 'Следите за очередью в телефоне:',
    watchBoard: 'Следите за вызовом на табло',
    hours: 'График работы:',
    closed: 'выходной',
    weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    categories: {
      disability: 'лицо с инвалидностью',
      veteran: 'ветеран войны',
      'military-family': 'семья военнослужащего',
      pregnancy: 'беременная женщина',
      infant: 'с ребёнком до 3 лет',
      elderly: 'пожилой человек',
      other: 'другая льготная категория',
    },
  },
  en: {
    heading: 'Your ticket',
    issued: 'Issued: {date} {time}',
    appointment: 'Appointment at {time}',
    ahead: 'People ahead of you: {count}',
    wait: 'Expected wait: {low}–{high} min',
    waitAbout: 'Expected wait: about {high} min',
    noWait: 'You will be called shortly',
    noDeskOpen: 'No desk for this service is open right now',
    priority: 'Priority: {category}',
    priorityConfirm: 'Must be confirmed at the desk',
    qrHint: 'Follow the queue on your phone:',
    watchBoard: 'Watch the board for your number',
    hours: 'Opening hours:',
    closed: 'closed',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    categories: {
      disability: 'person with a disability',
      veteran: 'war veteran',
      'military-family': 'military family',
      pregnancy: 'pregnant woman',
      infant: 'with a child under 3',
      elderly: 'elderly person',
      other: 'other eligible group',
    },
  },
};

type TextKey = {
  [K in keyof TicketMessages]: TicketMessages[K] extends string ? K : never;
}[keyof TicketMessages];

/** A message with its `{placeholders}` filled in. */
export const message = (
  language: Language,
  key: TextKey,
  params: Readonly<Record<string, string | number>> = {},
): string =>
  MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
