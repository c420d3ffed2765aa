/**
 * Headings of exported reports in the three languages. The files are made by the server (and
 * the city hub), so their texts live here rather than in the renderers' message areas.
 */
import type { Language, ReportColumn, ReportGrouping } from '@queue/core';

export interface ExportMessages {
  readonly sheet: string;
  readonly arrivalsSheet: string;
  readonly periodSheet: string;
  readonly group: Readonly<Record<ReportGrouping, string>>;
  /** The city hub's grouping by centre. */
  readonly centre: string;
  readonly columns: Readonly<Record<ReportColumn, string>>;
  readonly total: string;
  readonly none: string;
  readonly weekdays: readonly string[];
  readonly hour: string;
  readonly weekday: string;
  readonly arrivals: string;
  readonly waitUpTo: (minutes: number) => string;
  readonly waitOver: (minutes: number) => string;
  readonly visits: string;
  readonly from: string;
  readonly to: string;
  readonly organisation: string;
  readonly all: string;
}

export const EXPORT_MESSAGES: Readonly<Record<Language, ExportMessages>> = {
  uk: {
    sheet: 'Звіт',
    arrivalsSheet: 'Відвідування',
    periodSheet: 'Період',
    group: {
      total: 'Усього',
      organisation: 'Організація',
      service: 'Послуга',
      desk: 'Вікно',
      operator: 'Оператор',
      hour: 'Година',
      weekday: 'День тижня',
      day: 'День',
    },
    centre: 'Центр',
    columns: {
      issued: 'Видано талонів',
      served: 'Обслуговано',
      noShow: 'Не зʼявилися',
      cancelled: 'Скасовано',
      transferred: 'Переадресовано',
      waitMean: 'Очікування, сер., хв',
      waitMedian: 'Очікування, медіана, хв',
      waitP90: 'Очікування, 90-й перц., хв',
      waitMax: 'Очікування, макс., хв',
      serviceMean: 'Обслуговування, сер., хв',
      serviceMedian: 'Обслуговування, медіана, хв',
      serviceP90: 'Обслуговування, 90-й перц., хв',
      serviceMax: 'Обслуговування, макс., хв',
      withinStandardPercent: 'У межах нормативу, %',
      punctualPercent: 'Запис вчасно (≤5 хв), %',
      priorityIssued: 'Пільгових видано',
      priorityConfirmed: 'Пільгу підтверджено',
      ratingsCount: 'Оцінок',
      ratingsMean: 'Середня оцінка',
    },
    total: 'Разом',
    none: '(немає)',
    weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Нд'],
    hour: 'Година',
    weekday: 'День тижня',
    arrivals: 'Прибуло відвідувачів',
    waitUpTo: (minutes) => `Очікування до ${minutes} хв`,
    waitOver: (minutes) => `Очікування понад ${minutes} хв`,
    visits: 'Відвідувань',
    from: 'З',
    to: 'По',
    organisation: 'Організація',
    all: 'Усі',
  },
  ru: {
    sheet: 'Отчёт',
    arrivalsSheet: 'Посещения',
    periodSheet: 'Период',
    group: {
      total: 'Всего',
      organisation: 'Организация',
      service: 'Услуга',
      desk: 'Окно',
      operator: 'Оператор',
      hour: 'Час',
      weekday: 'День недели',
      day: 'День',
    },
    centre: 'Центр',
    columns: {
      issued: 'Выдано талонов',
      served: 'Обслужено',
      noShow: 'Не явились',
      cancelled: 'Отменено',
      transferred: 'Переадресовано',
      waitMean: 'Ожидание, сред., мин',
      waitMedian: 'Ожидание, медиана, мин',
      waitP90: 'Ожидание, 90-й перц., мин',
      waitMax: 'Ожидание, макс., мин',
      serviceMean: 'Обслуживание, сред., мин',
      serviceMedian: 'Обслуживание, медиана, мин',
      serviceP90: 'Обслуживание, 90-й перц., мин',
      serviceMax: 'Обслуживание, макс., мин',
      withinStandardPercent: 'В пределах норматива, %',
      punctualPercent: 'Запись вовремя (≤5 мин), %',
      priorityIssued: 'Льготных выдано',
      priorityConfirmed: 'Льгота подтверждена',
      ratingsCount: 'Оценок',
      ratingsMean: 'Средняя оценка',
    },
    total: 'Итого',
    none: '(нет)',
    weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    hour: 'Час',
    weekday: 'День недели',
    arrivals: 'Пришло посетителей',
    waitUpTo: (minutes) => `Ожидание до ${minutes} мин`,
    waitOver: (minutes) => `Ожидание более ${minutes} мин`,
    visits: 'Посещений',
    from: 'С',
    to: 'По',
    organisation: 'Организация',
    all: 'Все',
  },
  en: {
    sheet: 'Report',
    arrivalsSheet: 'Arrivals',
    periodSheet: 'Period',
    group: {
      total: 'Total',
      organisation: 'Organisation',
      service: 'Service',
      desk: 'Desk',
      operator: 'Operator',
      hour: 'Hour',
      weekday: 'Weekday',
      day: 'Day',
    },
    centre: 'Centre',
    columns: {
      issued: 'Issued',
      served: 'Served',
      noShow: 'No-show',
      cancelled: 'Cancelled',
      transferred: 'Transferred',
      waitMean: 'Wait, mean, min',
      waitMedian: 'Wait, median, min',
      waitP90: 'Wait, 90th pct, min',
      waitMax: 'Wait, max, min',
      serviceMean: 'Service, mean, min',
      serviceMedian: 'Service, median, min',
      serviceP90: 'Service, 90th pct, min',
      serviceMax: 'Service, max, min',
      withinStandardPercent: 'Within standard, %',
      punctualPercent: 'Bookings on time (≤5 min), %',
      priorityIssued: 'Priority issued',
      priorityConfirmed: 'Priority confirmed',
      ratingsCount: 'Ratings',
      ratingsMean: 'Mean rating',
    },
    total: 'Total',
    none: '(none)',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    hour: 'Hour',
    weekday: 'Weekday',
    arrivals: 'Arrivals',
    waitUpTo: (minutes) => `Wait up to ${minutes} min`,
    waitOver: (minutes) => `Wait over ${minutes} min`,
    visits: 'Visits',
    from: 'From',
    to: 'To',
    organisation: 'Organisation',
    all: 'All',
  },
};
