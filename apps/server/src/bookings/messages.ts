/**
 * Texts of the public booking page (`/book`) in the three languages. The page is rendered
 * by the server and filled in by a small script, which gets these texts with it.
 */
import type { Language } from '@queue/core';
import type { BookPageTexts } from '@queue/protocol';

/** The page's texts: their shape is the page script's contract (`BookPageTexts`). */
export type BookMessages = BookPageTexts;

export const BOOK_MESSAGES: Readonly<Record<Language, BookMessages>> = {
  uk: {
    title: 'Запис на прийом',
    chooseService: 'Оберіть послугу',
    chooseDay: 'Оберіть день',
    chooseTime: 'Оберіть час',
    noSlots: 'На цей день вільного часу немає.',
    yourDetails: 'Ваші дані',
    name: 'Ім’я та прізвище',
    phone: 'Телефон',
    book: 'Записатися',
    back: 'Назад',
    booked: 'Ви записані!',
    yourCode: 'Ваш код',
    codeHint: 'Введіть цей код у терміналі або покажіть QR-код сканеру, коли прийдете.',
    manageLink: 'Скасувати або перенести запис',
    when: 'Коли',
    cancel: 'Скасувати запис',
    cancelConfirm: 'Скасувати цей запис?',
    move: 'Перенести на інший час',
    moved: 'Запис перенесено.',
    status: {
      booked: 'Очікує на вас',
      'checked-in': 'Ви зареєструвалися',
      cancelled: 'Скасовано',
      missed: 'Пропущено',
    },
    notFound: 'Запис із таким кодом не знайдено.',
    disabled: 'Попередній запис зараз не ведеться.',
    tooMany: 'Забагато запитів. Спробуйте за хвилину.',
    errors: {
      SLOT_FULL: 'Цей час щойно зайняли. Оберіть інший.',
      SLOT_UNAVAILABLE: 'Цей час недоступний. Оберіть інший.',
      PERSON_LIMIT: 'На цей день у вас уже є запис.',
      DAY_LIMIT: 'На цей день запис на послугу закінчився.',
      BAD_REQUEST: 'Перевірте ім’я та номер телефону.',
      ILLEGAL_TRANSITION: 'Цей запис уже не можна змінити.',
      ADDRESS_LIMIT:
        'З цього підключення сьогодні вже зроблено забагато записів. Зателефонуйте або зверніться до адміністратора центру.',
      PUBLIC_LIMIT:
        'Онлайн-запис на цей день тимчасово призупинено. Спробуйте пізніше, зателефонуйте або зверніться до адміністратора центру.',
    },
  },
  ru: {
    title: 'Запись на приём',
    chooseService: 'Выберите услугу',
    chooseDay: 'Выберите день',
    chooseTime: 'Выберите время',
    noSlots: 'На этот день свободного времени нет.',
    yourDetails: 'Ваши данные',
    name: 'Имя и фамилия',
    phone: 'Телефон',
    book: 'Записаться',
    back: 'Назад',
    booked: 'Вы записаны!',
    yourCode: 'Ваш код',
    codeHint: 'Введите этот код в терминале или покажите QR-код сканеру, когда придёте.',
    manageLink: 'Отменить или перенести запись',
    when: 'Когда',
    cancel: 'Отменить запись',
    cancelConfirm: 'Отменить эту запись?',
    move: 'Перенести на другое время',
    moved: 'Запись перенесена.',
    status: {
      booked: 'Ожидает вас',
      'checked-in': 'Вы зарегистрировались',
      cancelled: 'Отменена',
      missed: 'Пропущена',
    },
    notFound: 'Запись с таким кодом не найдена.',
    disabled: 'Предварительная запись сейчас не ведётся.',
    tooMany: 'Слишком много запросов. Попробуйте через минуту.',
    errors: {
      SLOT_FULL: 'Это время только что заняли. Выберите другое.',
      SLOT_UNAVAILABLE: 'Это время недоступно. Выберите другое.',
      PERSON_LIMIT: 'На этот день у вас уже есть запись.',
      DAY_LIMIT: 'На этот день запись на услугу закончилась.',
      BAD_REQUEST: 'Проверьте имя и номер телефона.',
      ILLEGAL_TRANSITION: 'Эту запись уже нельзя изменить.',
      ADDRESS_LIMIT:
        'С этого подключения сегодня уже сделано слишком много записей. Позвоните или обратитесь к администратору центра.',
      PUBLIC_LIMIT:
        'Онлайн-запись на этот день временно приостановлена. Попробуйте позже, позвоните или обратитесь к администратору центра.',
    },
  },
  en: {
    title: 'Book a visit',
    chooseService: 'Choose a service',
    chooseDay: 'Choose a day',
    chooseTime: 'Choose a time',
    noSlots: 'No free time on this day.',
    yourDetails: 'Your details',
    name: 'Full name',
    phone: 'Phone',
    book: 'Book',
    back: 'Back',
    booked: 'You are booked!',
    yourCode: 'Your code',
    codeHint: 'Type this code at the kiosk, or show the QR code to its scanner, when you arrive.',
    manageLink: 'Cancel or move the booking',
    when: 'When',
    cancel: 'Cancel the booking',
    cancelConfirm: 'Cancel this booking?',
    move: 'Move to another time',
    moved: 'The booking has been moved.',
    status: {
      booked: 'Waiting for you',
      'checked-in': 'Checked in',
      cancelled: 'Cancelled',
      missed: 'Missed',
    },
    notFound: 'No booking has this code.',
    disabled: 'Bookings are not taken at the moment.',
    tooMany: 'Too many requests. Please try again in a minute.',
    errors: {
      SLOT_FULL: 'This time has just been taken. Please choose another.',
      SLOT_UNAVAILABLE: 'This time is not available. Please choose another.',
      PERSON_LIMIT: 'You already have a booking on this day.',
      DAY_LIMIT: 'This service takes no more bookings that day.',
      BAD_REQUEST: 'Please check your name and phone number.',
      ILLEGAL_TRANSITION: 'This booking can no longer be changed.',
      ADDRESS_LIMIT:
        'Too many bookings have been made from this connection today. Please call or ask at the centre’s reception.',
      PUBLIC_LIMIT:
        'Online booking for this day is paused for now. Please try later, call or ask at the centre’s reception.',
    },
  },
};
