/**
 * Ticket views for tests and previews: fixed data (not the demo centre, which others edit),
 * chosen to carry every letter that trips up code pages: і ї є ґ, the apostrophe ’ and №.
 */
import { type WeeklyHours, instant } from '@queue/core';
import type { TicketView } from '../ticket-view';

const WEEKDAY = [{ from: '08:00', to: '21:00' }];
const WEEKEND = [{ from: '09:00', to: '17:00' }];
const HOURS: WeeklyHours = {
  1: WEEKDAY,
  2: WEEKDAY,
  3: WEEKDAY,
  4: WEEKDAY,
  5: WEEKDAY,
  6: WEEKEND,
  7: WEEKEND,
};

/** 23 November 2026, 14:05 in Kyiv (UTC+2). */
export const SAMPLE_ISSUED_AT = instant(Date.UTC(2026, 10, 23, 12, 5));

export const SAMPLE_TICKET: TicketView = {
  language: 'uk',
  centreName: 'Центр надання житлово-комунальних послуг',
  number: 'П-005',
  serviceName: 'Реєстрація місця проживання',
  organisationName: 'Паспортний стіл',
  issuedAt: SAMPLE_ISSUED_AT,
  timeZone: 'Europe/Kyiv',
  ahead: 3,
  lowMinutes: 20,
  highMinutes: 45,
  priority: { category: 'military-family', confirmed: false },
  statusUrl: 'https://queue.example.ua/t/01JDX3K6R8T5V2N9Q4W7Y0ZABC',
  openingHours: HOURS,
};

export const SAMPLE_TEMPLATE = {
  headerLines: ['Ґанок № 5 — вхід з пандусом'],
  footerLines: ['Дитячий куточок «Веселий їжак»', 'Роз’яснення за телефоном 15-80'],
};
