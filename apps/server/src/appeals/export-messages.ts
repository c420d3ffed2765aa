/**
 * Headings of the appeals journal and report as files, in the three languages. The files
 * are made by the server, so their texts live here, beside the visit reports' own.
 */
import type {
  AppealChannel,
  AppealFavour,
  AppealReportDimension,
  AppealStatus,
  DismissalGround,
  Language,
} from '@queue/core';
import type { APPEAL_REPORT_COLUMNS } from '@queue/core';

type ReportColumn = (typeof APPEAL_REPORT_COLUMNS)[number];

export interface AppealExportMessages {
  readonly journalSheet: string;
  readonly reportSheet: string;
  /** The paper journal's columns, in its order, then the ones a screen adds. */
  readonly journal: {
    readonly number: string;
    readonly received: string;
    readonly classification: string;
    readonly applicant: string;
    readonly summary: string;
    readonly result: string;
    readonly favour: string;
    readonly status: string;
    readonly due: string;
  };
  readonly dimension: Readonly<Record<AppealReportDimension, string>>;
  readonly columns: Readonly<Record<ReportColumn, string>>;
  readonly total: string;
  readonly unassigned: string;
  readonly unclassified: string;
  readonly cleared: string;
  readonly statuses: Readonly<Record<AppealStatus, string>>;
  readonly favours: Readonly<Record<AppealFavour, string>>;
  readonly grounds: Readonly<Record<DismissalGround, string>>;
  readonly channels: Readonly<Record<AppealChannel, string>>;
}

export const APPEAL_EXPORT_MESSAGES: Readonly<Record<Language, AppealExportMessages>> = {
  uk: {
    journalSheet: 'Журнал звернень',
    reportSheet: 'Звіт про звернення',
    journal: {
      number: 'Номер',
      received: 'Дата надходження',
      classification: 'Класифікація звернення',
      applicant: 'ПІБ та адреса заявника',
      summary: 'Короткий зміст',
      result: 'Результат',
      favour: 'На чию користь вирішено',
      status: 'Стан',
      due: 'Відповідь до',
    },
    dimension: {
      total: 'Усього',
      organisation: 'Організація',
      topic: 'Тема',
      class: 'Клас',
      channel: 'Канал',
      person: 'Виконавець',
    },
    columns: {
      received: 'Надійшло',
      answered: 'Відповіли',
      dismissed: 'Закрито без розгляду',
      onTimePercent: 'Вчасно, %',
      meanDaysToClose: 'Днів до відповіді, середнє',
      p90DaysToClose: 'Днів до відповіді, 90-й процентиль',
      extended: 'Продовжено',
      forwarded: 'Передано вищому органу',
      overdueNow: 'Прострочено зараз',
      applicantFavourPercent: 'На користь заявника, %',
    },
    total: 'Усього',
    unassigned: 'Не призначено',
    unclassified: 'Не класифіковано',
    cleared: 'Персональні дані видалено',
    statuses: {
      registered: 'Зареєстровано',
      assigned: 'Передано виконавцю',
      'in-progress': 'У роботі',
      forwarded: 'Передано вищому органу',
      answered: 'Надано відповідь',
      dismissed: 'Закрито без розгляду по суті',
    },
    favours: { applicant: 'Заявника', partly: 'Частково', organisation: 'Організації' },
    grounds: {
      'no-contact': 'Немає контактних даних',
      abusive: 'Образливий зміст без суті',
      unreadable: 'Текст неможливо прочитати',
      repeat: 'Повторне без нових доводів',
    },
    channels: {
      'in-person': 'Особисто',
      phone: 'Телефон',
      online: 'Онлайн',
      email: 'Е-пошта',
      partner: 'Система партнера',
    },
  },
  ru: {
    journalSheet: 'Журнал обращений',
    reportSheet: 'Отчёт об обращениях',
    journal: {
      number: 'Номер',
      received: 'Дата поступления',
      classification: 'Классификация обращения',
      applicant: 'ФИО и адрес заявителя',
      summary: 'Краткое содержание',
      result: 'Результат',
      favour: 'В чью пользу решён вопрос',
      status: 'Состояние',
      due: 'Ответ до',
    },
    dimension: {
      total: 'Всего',
      organisation: 'Организация',
      topic: 'Тема',
      class: 'Класс',
      channel: 'Канал',
      person: 'Исполнитель',
    },
    columns: {
      received: 'Поступило',
      answered: 'Отвечено',
      dismissed: 'Закрыто без рассмотрения',
      onTimePercent: 'В срок, %',
      meanDaysToClose: 'Дней до ответа, среднее',
      p90DaysToClose: 'Дней до ответа, 90-й процентиль',
      extended: 'Продлено',
      forwarded: 'Передано вышестоящему органу',
      overdueNow: 'Просрочено сейчас',
      applicantFavourPercent: 'В пользу заявителя, %',
    },
    total: 'Всего',
    unassigned: 'Не назначено',
    unclassified: 'Не классифицировано',
    cleared: 'Персональные данные удалены',
    statuses: {
      registered: 'Зарегистрировано',
      assigned: 'Передано исполнителю',
      'in-progress': 'В работе',
      forwarded: 'Передано вышестоящему органу',
      answered: 'Дан ответ',
      dismissed: 'Закрыто без рассмотрения по существу',
    },
    favours: { applicant: 'Заявителя', partly: 'Частично', organisation: 'Организации' },
    grounds: {
      'no-contact': 'Нет контактных данных',
      abusive: 'Оскорбительное содержание без сути',
      unreadable: 'Текст невозможно прочитать',
      repeat: 'Повторное без новых доводов',
    },
    channels: {
      'in-person': 'Лично',
      phone: 'Телефон',
      online: 'Онлайн',
      email: 'Эл. почта',
      partner: 'Система партнёра',
    },
  },
  en: {
    journalSheet: 'Appeals journal',
    reportSheet: 'Appeals report',
    journal: {
      number: 'Number',
      received: 'Date received',
      classification: 'Classification',
      applicant: "Applicant's name and address",
      summary: 'Summary',
      result: 'Result',
      favour: 'Decided in favour of',
      status: 'Status',
      due: 'Answer due',
    },
    dimension: {
      total: 'Total',
      organisation: 'Organisation',
      topic: 'Topic',
      class: 'Class',
      channel: 'Channel',
      person: 'Responsible',
    },
    columns: {
      received: 'Received',
      answered: 'Answered',
      dismissed: 'Closed without an answer on the merits',
      onTimePercent: 'On time, %',
      meanDaysToClose: 'Days to answer, mean',
      p90DaysToClose: 'Days to answer, 90th percentile',
      extended: 'Extended',
      forwarded: 'Forwarded to a higher body',
      overdueNow: 'Overdue now',
      applicantFavourPercent: "In the applicant's favour, %",
    },
    total: 'Total',
    unassigned: 'Not assigned',
    unclassified: 'Not classified',
    cleared: 'Personal data cleared',
    statuses: {
      registered: 'Registered',
      assigned: 'Assigned',
      'in-progress': 'In progress',
      forwarded: 'Forwarded to a higher body',
      answered: 'Answered',
      dismissed: 'Closed without an answer on the merits',
    },
    favours: { applicant: 'The applicant', partly: 'Partly', organisation: 'The organisation' },
    grounds: {
      'no-contact': 'No contact details',
      abusive: 'Abusive, without substance',
      unreadable: 'Cannot be read',
      repeat: 'A repeat with no new arguments',
    },
    channels: {
      'in-person': 'In person',
      phone: 'Phone',
      online: 'Online',
      email: 'E-mail',
      partner: 'Partner system',
    },
  },
};
