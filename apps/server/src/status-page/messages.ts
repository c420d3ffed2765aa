/**
 * Texts of the visitor's status page in the three languages. The page is rendered by the
 * server (it must open instantly on any phone that scans the ticket's QR code).
 */
import type { Language, TicketStatus } from '@queue/core';

export interface StatusMessages {
  readonly title: string;
  readonly ticket: string;
  readonly ahead: (count: number) => string;
  readonly wait: (low: number, high: number) => string;
  readonly waitSoon: string;
  /** Instead of `waitSoon` when no desk serving the service is open. */
  readonly noDeskOpen: string;
  /** Instead of any wait once the service has closed for the day: the ticket lapses at midnight. */
  readonly closedForToday: string;
  /** Beside the wait when it may run past closing time. */
  readonly mayRunPastClosing: (time: string) => string;
  readonly calledTo: (desk: string) => string;
  readonly status: Readonly<Record<TicketStatus, string>>;
  readonly refreshes: string;
  readonly notFound: string;
  readonly bookedFor: (time: string) => string;
  readonly rateQuestion: string;
  readonly rateScale: string;
  /** The accessible name of one star: "4 з 5". */
  readonly rateStar: (score: number) => string;
  readonly rateComment: string;
  readonly rateSubmit: string;
  readonly rateThanks: string;
  readonly rateAlready: string;
  readonly rateNotYet: string;
  /** This language's own name, on the links to it. */
  readonly languageName: string;
  /** What the language links are, for a screen reader. */
  readonly languages: string;
  /** The way from a notice back to the ticket. */
  readonly backToTicket: string;
}

export const STATUS_MESSAGES: Readonly<Record<Language, StatusMessages>> = {
  uk: {
    title: 'Стан вашого талона',
    ticket: 'Талон',
    ahead: (count) => `Перед вами: ${count}`,
    wait: (low, high) => `Очікування: ${low}–${high} хв`,
    waitSoon: 'Вас запросять найближчим часом',
    noDeskOpen: 'Зараз не працює жодне вікно з цієї послуги',
    closedForToday:
      'Послуга на сьогодні завершила роботу: вас можуть уже не запросити. Талон дійсний до кінця дня; наступного робочого дня візьміть новий.',
    mayRunPastClosing: (time) => `Очікування може тривати довше, ніж до закриття о ${time}`,
    calledTo: (desk) => `Вас запрошують: ${desk}`,
    status: {
      waiting: 'Очікує',
      called: 'Вас запрошують',
      serving: 'Обслуговується',
      postponed: 'Відкладено',
      completed: 'Обслуговування завершено',
      'no-show': 'Ви не підійшли на виклик',
      cancelled: 'Талон скасовано',
    },
    refreshes: 'Сторінка оновлюється сама.',
    notFound: 'Талон не знайдено.',
    bookedFor: (time) => `Ви записані на ${time}`,
    rateQuestion: 'Як вас обслужили?',
    rateScale: 'Оцінка від 1 (погано) до 5 (чудово)',
    rateStar: (score) => `${score} з 5`,
    rateComment: 'Коментар (необов’язково)',
    rateSubmit: 'Надіслати оцінку',
    rateThanks: 'Дякуємо за вашу оцінку!',
    rateAlready: 'Цей візит уже оцінено.',
    rateNotYet: 'Оцінити можна після завершення обслуговування.',
    languageName: 'Українська',
    languages: 'Мова сторінки',
    backToTicket: 'Повернутися до талона',
  },
  ru: {
    title: 'Состояние вашего талона',
    ticket: 'Талон',
    ahead: (count) => `Перед вами: ${count}`,
    wait: (low, high) => `Ожидание: ${low}–${high} мин`,
    waitSoon: 'Вас пригласят в ближайшее время',
    noDeskOpen: 'Сейчас не работает ни одно окно по этой услуге',
    closedForToday:
      'Услуга на сегодня закончила работу: вас могут уже не пригласить. Талон действует до конца дня; в следующий рабочий день возьмите новый.',
    mayRunPastClosing: (time) => `Ожидание может продлиться дольше, чем до закрытия в ${time}`,
    calledTo: (desk) => `Вас приглашают: ${desk}`,
    status: {
      waiting: 'Ожидает',
      called: 'Вас приглашают',
      serving: 'Обслуживается',
      postponed: 'Отложено',
      completed: 'Обслуживание завершено',
      'no-show': 'Вы не подошли по вызову',
      cancelled: 'Талон отменён',
    },
    refreshes: 'Страница обновляется сама.',
    notFound: 'Талон не найден.',
    bookedFor: (time) => `Вы записаны на ${time}`,
    rateQuestion: 'Как вас обслужили?',
    rateScale: 'Оценка от 1 (плохо) до 5 (отлично)',
    rateStar: (score) => `${score} из 5`,
    rateComment: 'Комментарий (необязательно)',
    rateSubmit: 'Отправить оценку',
    rateThanks: 'Спасибо за вашу оценку!',
    rateAlready: 'Этот визит уже оценён.',
    rateNotYet: 'Оценить можно после завершения обслуживания.',
    languageName: 'Русский',
    languages: 'Язык страницы',
    backToTicket: 'Вернуться к талону',
  },
  en: {
    title: 'Your ticket',
    ticket: 'Ticket',
    ahead: (count) => `People ahead: ${count}`,
    wait: (low, high) => `Wait: ${low}–${high} min`,
    waitSoon: 'You will be called shortly',
    noDeskOpen: 'No desk for this service is open right now',
    closedForToday:
      'This service has closed for today: you may no longer be called. The ticket lapses at the end of the day; take a new one on the next working day.',
    mayRunPastClosing: (time) => `The wait may run past closing time (${time})`,
    calledTo: (desk) => `Please go to ${desk}`,
    status: {
      waiting: 'Waiting',
      called: 'You are being called',
      serving: 'Being served',
      postponed: 'Postponed',
      completed: 'Visit completed',
      'no-show': 'You did not come when called',
      cancelled: 'Ticket cancelled',
    },
    refreshes: 'This page updates itself.',
    notFound: 'Ticket not found.',
    bookedFor: (time) => `Your booked time: ${time}`,
    rateQuestion: 'How were you served?',
    rateScale: 'Rating from 1 (poor) to 5 (excellent)',
    rateStar: (score) => `${score} of 5`,
    rateComment: 'Comment (optional)',
    rateSubmit: 'Send rating',
    rateThanks: 'Thank you for your rating!',
    rateAlready: 'This visit has been rated already.',
    rateNotYet: 'You can rate the visit once it is over.',
    languageName: 'English',
    languages: 'Page language',
    backToTicket: 'Back to the ticket',
  },
};
