/**
 * The few sentences the Open311 endpoint writes itself (service names of the general topics,
 * notices, status notes), in the centre's languages. Everything else it answers with comes
 * from the centre's settings or from staff.
 */
import type { AppealFavour, DismissalGround, Language } from '@queue/core';

type Texts<T> = Readonly<Record<Language, T>>;

export const open311Messages = {
  generalTopic: {
    uk: (organisation: string) => `${organisation}: інше питання`,
    ru: (organisation: string) => `${organisation}: другой вопрос`,
    en: (organisation: string) => `${organisation}: another question`,
  },
  generalDescription: {
    uk: (organisation: string) => `Звернення до «${organisation}», що не стосується окремої послуги.`,
    ru: (organisation: string) => `Обращение в «${organisation}», не касающееся отдельной услуги.`,
    en: (organisation: string) => `An appeal to ${organisation} not about one of its services.`,
  },
  serviceDescription: {
    uk: (service: string) => `Звернення щодо послуги «${service}».`,
    ru: (service: string) => `Обращение по услуге «${service}».`,
    en: (service: string) => `An appeal about the service "${service}".`,
  },
  referenceDescription: {
    uk: 'Ваш власний номер звернення: повторний запит з тим самим номером не створює нового звернення.',
    ru: 'Ваш собственный номер обращения: повторный запрос с тем же номером не создаёт нового обращения.',
    en: 'Your own reference for the appeal: a retried request with the same reference files no second appeal.',
  },
  referenceDatatype: {
    uk: 'До 100 друкованих символів ASCII без пробілів.',
    ru: 'До 100 печатных символов ASCII без пробелов.',
    en: 'Up to 100 printable ASCII characters, no spaces.',
  },
  notice: {
    uk: (number: string, due: string) => `Зареєстровано за № ${number}. Відповідь буде надано до ${due}.`,
    ru: (number: string, due: string) => `Зарегистрировано под № ${number}. Ответ будет дан до ${due}.`,
    en: (number: string, due: string) => `Registered as No. ${number}. The answer is due by ${due}.`,
  },
  forwarded: {
    uk: (body: string) => `Передано за належністю: ${body}.`,
    ru: (body: string) => `Передано по принадлежности: ${body}.`,
    en: (body: string) => `Forwarded to ${body}.`,
  },
  higherBody: {
    uk: (name: string, contact: string) => `Ви можете оскаржити рішення: ${name}, ${contact}.`,
    ru: (name: string, contact: string) => `Вы можете обжаловать решение: ${name}, ${contact}.`,
    en: (name: string, contact: string) => `You may appeal the decision to ${name}, ${contact}.`,
  },
  favour: {
    uk: {
      applicant: 'Вирішено на користь заявника.',
      partly: 'Вирішено частково на користь заявника.',
      organisation: 'Вирішено не на користь заявника.',
    },
    ru: {
      applicant: 'Решено в пользу заявителя.',
      partly: 'Решено частично в пользу заявителя.',
      organisation: 'Решено не в пользу заявителя.',
    },
    en: {
      applicant: 'Decided in the applicant’s favour.',
      partly: 'Decided partly in the applicant’s favour.',
      organisation: 'Decided against the applicant.',
    },
  } satisfies Texts<Record<AppealFavour, string>>,
  dismissed: {
    uk: {
      'no-contact': 'Залишено без розгляду: немає даних, щоб надіслати відповідь.',
      abusive: 'Залишено без розгляду: звернення містить образи.',
      unreadable: 'Залишено без розгляду: текст неможливо прочитати.',
      repeat: 'Залишено без розгляду: повторне звернення з того самого питання.',
    },
    ru: {
      'no-contact': 'Оставлено без рассмотрения: нет данных, чтобы отправить ответ.',
      abusive: 'Оставлено без рассмотрения: обращение содержит оскорбления.',
      unreadable: 'Оставлено без рассмотрения: текст невозможно прочитать.',
      repeat: 'Оставлено без рассмотрения: повторное обращение по тому же вопросу.',
    },
    en: {
      'no-contact': 'Not considered: there is no contact to send the answer to.',
      abusive: 'Not considered: the appeal is abusive.',
      unreadable: 'Not considered: the text cannot be read.',
      repeat: 'Not considered: a repeat of an appeal on the same question.',
    },
  } satisfies Texts<Record<DismissalGround, string>>,
} as const;
