/**
 * Every text of the first-run setup page, in the three languages. The page is rendered by
 * the server; its script gets the same table (problems by key) to show the answer's errors.
 */
import type { Language } from '@queue/core';
import type { SetupProblemKey } from '../first-run';

/** Problems only the page's request can have, besides the setup's own. */
export type PageProblemKey =
  | SetupProblemKey
  | 'passwordMismatch'
  | 'hoursFormat'
  | 'hoursOrder'
  | 'fileMissing'
  | 'fileNotJson'
  | 'codeMissing'
  | 'codeWrong'
  | 'codeSpent'
  | 'tooMany'
  | 'alreadySetUp'
  | 'network';

export interface SetupMessages {
  readonly title: string;
  readonly intro: string;
  readonly languages: string;
  readonly noScript: string;
  readonly centre: string;
  readonly centreName: string;
  readonly timeZone: string;
  readonly hours: string;
  readonly weekdays: string;
  readonly weekend: string;
  readonly opens: string;
  readonly closes: string;
  readonly timeFormat: string;
  readonly weekendClosed: string;
  readonly admin: string;
  readonly login: string;
  readonly loginHint: string;
  readonly adminName: string;
  readonly password: string;
  readonly passwordHint: string;
  readonly passwordAgain: string;
  readonly catalogue: string;
  readonly catalogueReference: string;
  readonly catalogueReferenceHint: string;
  readonly catalogueFile: string;
  readonly catalogueFileHint: string;
  readonly catalogueFileInput: string;
  readonly catalogueEmpty: string;
  readonly catalogueEmptyHint: string;
  readonly code: string;
  readonly codeHint: string;
  readonly submit: string;
  readonly working: string;
  readonly errorsTitle: string;
  readonly doneTitle: string;
  readonly doneStarting: string;
  readonly doneReady: string;
  readonly openDesk: string;
  readonly doneSettings: string;
  /** The desk terminal paired with a setup from another computer, as the Devices tab lists it. */
  readonly terminalName: (login: string) => string;
  readonly problems: Readonly<Record<PageProblemKey, string>>;
}

export const SETUP_MESSAGES: Readonly<Record<Language, SetupMessages>> = {
  uk: {
    title: 'Налаштування центру',
    intro:
      'Сервер черги запущено вперше. Заповніть дані центру та першого адміністратора — далі все змінюється на вкладці «Налаштування» робочого місця.',
    languages: 'Мова сторінки',
    noScript: 'Для налаштування потрібен JavaScript у браузері. Або виконайте на сервері: npm run setup',
    centre: 'Центр',
    centreName: 'Назва центру',
    timeZone: 'Часовий пояс',
    hours: 'Години роботи',
    weekdays: 'Понеділок–пʼятниця',
    weekend: 'Субота й неділя',
    opens: 'Відкриття',
    closes: 'Закриття',
    timeFormat: 'ГГ:ХХ',
    weekendClosed: 'У вихідні не працює',
    admin: 'Перший адміністратор',
    login: 'Логін',
    loginHint: 'Латинські літери, цифри, крапка, дефіс або підкреслення.',
    adminName: 'Імʼя та прізвище',
    password: 'Пароль',
    passwordHint: 'Щонайменше 10 символів; не логін і не поширений пароль. Кілька слів — добрий пароль.',
    passwordAgain: 'Пароль ще раз',
    catalogue: 'Початковий перелік послуг',
    catalogueReference: 'Типовий перелік',
    catalogueReferenceHint:
      '40 послуг пʼяти організацій, 12 вікон і табло в залі; без працівників і пристроїв.',
    catalogueFile: 'Файл конфігурації',
    catalogueFileHint: 'Файл, експортований на вкладці «Налаштування» іншого центру.',
    catalogueFileInput: 'Файл конфігурації (.json)',
    catalogueEmpty: 'Порожній',
    catalogueEmptyHint: 'Без послуг і вікон: усе додасте в «Налаштуваннях».',
    code: 'Код налаштування',
    codeHint: 'Ви відкрили сторінку не на самому сервері: введіть код із журналу сервера.',
    submit: 'Налаштувати центр',
    working: 'Зберігаємо…',
    errorsTitle: 'Виправте, будь ласка:',
    doneTitle: 'Центр налаштовано',
    doneStarting: 'Сервер запускає центр…',
    doneReady: 'Увійдіть у робоче місце як адміністратор:',
    openDesk: 'Відкрити робоче місце (/desk/)',
    doneSettings:
      'Години, послуги, вікна, табло, кіоски й працівників далі змінюють на вкладці «Налаштування»; пристрої підключають на вкладці «Пристрої».',
    terminalName: (login) => `Термінал ${login} (налаштування центру)`,
    problems: {
      centreNameMissing: 'Вкажіть назву центру.',
      badTimeZone: 'Оберіть часовий пояс зі списку.',
      loginFormat: 'Логін: від 1 до 64 латинських літер, цифр, крапок, дефісів або підкреслень.',
      adminNameMissing: 'Вкажіть імʼя адміністратора.',
      'password.tooShort': 'Пароль має містити щонайменше 10 символів (кілька слів — добрий пароль).',
      'password.sameAsLogin': 'Пароль не може збігатися з логіном.',
      'password.oneCharacter': 'Пароль не може складатися з одного повтореного символу.',
      'password.common': 'Цей пароль серед тих, які вгадують першими; оберіть інший.',
      configInvalid: 'Файл конфігурації містить помилки:',
      passwordMismatch: 'Паролі не збігаються.',
      hoursFormat: 'Вкажіть час у форматі ГГ:ХХ.',
      hoursOrder: 'Час закриття має бути пізніше за час відкриття.',
      fileMissing: 'Оберіть файл конфігурації.',
      fileNotJson: 'Це не файл конфігурації (очікується JSON, експортований із «Налаштувань»).',
      codeMissing: 'Введіть код налаштування з журналу сервера.',
      codeWrong: 'Код налаштування невірний.',
      codeSpent:
        'Забагато невірних кодів: код більше не діє. Перезапустіть сервер (буде новий код) або налаштуйте на самому сервері.',
      tooMany: 'Забагато спроб. Зачекайте хвилину й спробуйте знову.',
      alreadySetUp: 'Центр уже налаштовано. Увійдіть у робоче місце (/desk/).',
      network: 'Сервер не відповів. Перевірте зʼєднання й спробуйте знову.',
    },
  },
  ru: {
    title: 'Настройка центра',
    intro:
      'Сервер очереди запущен впервые. Заполните данные центра и первого администратора — дальше всё меняется на вкладке «Настройки» рабочего места.',
    languages: 'Язык страницы',
    noScript: 'Для настройки нужен JavaScript в браузере. Или выполните на сервере: npm run setup',
    centre: 'Центр',
    centreName: 'Название центра',
    timeZone: 'Часовой пояс',
    hours: 'Часы работы',
    weekdays: 'Понедельник–пятница',
    weekend: 'Суббота и воскресенье',
    opens: 'Открытие',
    closes: 'Закрытие',
    timeFormat: 'ЧЧ:ММ',
    weekendClosed: 'В выходные не работает',
    admin: 'Первый администратор',
    login: 'Логин',
    loginHint: 'Латинские буквы, цифры, точка, дефис или подчёркивание.',
    adminName: 'Имя и фамилия',
    password: 'Пароль',
    passwordHint:
      'Не менее 10 символов; не логин и не распространённый пароль. Несколько слов — хороший пароль.',
    passwordAgain: 'Пароль ещё раз',
    catalogue: 'Начальный перечень услуг',
    catalogueReference: 'Типовой перечень',
    catalogueReferenceHint: '40 услуг пяти организаций, 12 окон и табло в зале; без сотрудников и устройств.',
    catalogueFile: 'Файл конфигурации',
    catalogueFileHint: 'Файл, экспортированный на вкладке «Настройки» другого центра.',
    catalogueFileInput: 'Файл конфигурации (.json)',
    catalogueEmpty: 'Пустой',
    catalogueEmptyHint: 'Без услуг и окон: всё добавите в «Настройках».',
    code: 'Код настройки',
    codeHint: 'Вы открыли страницу не на самом сервере: введите код из журнала сервера.',
    submit: 'Настроить центр',
    working: 'Сохраняем…',
    errorsTitle: 'Исправьте, пожалуйста:',
    doneTitle: 'Центр настроен',
    doneStarting: 'Сервер запускает центр…',
    doneReady: 'Войдите в рабочее место как администратор:',
    openDesk: 'Открыть рабочее место (/desk/)',
    doneSettings:
      'Часы, услуги, окна, табло, киоски и сотрудников дальше меняют на вкладке «Настройки»; устройства подключают на вкладке «Устройства».',
    terminalName: (login) => `Терминал ${login} (настройка центра)`,
    problems: {
      centreNameMissing: 'Укажите название центра.',
      badTimeZone: 'Выберите часовой пояс из списка.',
      loginFormat: 'Логин: от 1 до 64 латинских букв, цифр, точек, дефисов или подчёркиваний.',
      adminNameMissing: 'Укажите имя администратора.',
      'password.tooShort': 'Пароль должен содержать не менее 10 символов (несколько слов — хороший пароль).',
      'password.sameAsLogin': 'Пароль не может совпадать с логином.',
      'password.oneCharacter': 'Пароль не может состоять из одного повторённого символа.',
      'password.common': 'Этот пароль среди тех, что угадывают первыми; выберите другой.',
      configInvalid: 'Файл конфигурации содержит ошибки:',
      passwordMismatch: 'Пароли не совпадают.',
      hoursFormat: 'Укажите время в формате ЧЧ:ММ.',
      hoursOrder: 'Время закрытия должно быть позже времени открытия.',
      fileMissing: 'Выберите файл конфигурации.',
      fileNotJson: 'Это не файл конфигурации (ожидается JSON, экспортированный из «Настроек»).',
      codeMissing: 'Введите код настройки из журнала сервера.',
      codeWrong: 'Код настройки неверный.',
      codeSpent:
        'Слишком много неверных кодов: код больше не действует. Перезапустите сервер (будет новый код) или настройте на самом сервере.',
      tooMany: 'Слишком много попыток. Подождите минуту и попробуйте снова.',
      alreadySetUp: 'Центр уже настроен. Войдите в рабочее место (/desk/).',
      network: 'Сервер не ответил. Проверьте соединение и попробуйте снова.',
    },
  },
  en: {
    title: 'Centre setup',
    intro:
      'The queue server is running for the first time. Fill in the centre and its first administrator; from then on everything is changed in the desk app’s Settings tab.',
    languages: 'Page language',
    noScript: 'Setting up needs JavaScript in the browser. Or run on the server: npm run setup',
    centre: 'Centre',
    centreName: 'Centre name',
    timeZone: 'Time zone',
    hours: 'Opening hours',
    weekdays: 'Monday to Friday',
    weekend: 'Saturday and Sunday',
    opens: 'Opens',
    closes: 'Closes',
    timeFormat: 'HH:MM',
    weekendClosed: 'Closed at weekends',
    admin: 'First administrator',
    login: 'Login',
    loginHint: 'Latin letters, digits, dots, dashes or underscores.',
    adminName: 'Full name',
    password: 'Password',
    passwordHint:
      'At least 10 characters; not the login, not a common password. A few words make a good one.',
    passwordAgain: 'Password again',
    catalogue: 'Starting catalogue',
    catalogueReference: 'Reference catalogue',
    catalogueReferenceHint:
      '40 services of five organisations, 12 desks and a hall board; no staff or devices.',
    catalogueFile: 'Configuration file',
    catalogueFileHint: 'A file exported from another centre’s Settings tab.',
    catalogueFileInput: 'Configuration file (.json)',
    catalogueEmpty: 'Empty',
    catalogueEmptyHint: 'No services or desks: add them all in Settings.',
    code: 'Setup code',
    codeHint: 'This page is not open on the server itself: enter the code from the server’s log.',
    submit: 'Set up the centre',
    working: 'Saving…',
    errorsTitle: 'Please correct:',
    doneTitle: 'The centre is set up',
    doneStarting: 'The server is starting the centre…',
    doneReady: 'Log in to the desk app as the administrator:',
    openDesk: 'Open the desk app (/desk/)',
    doneSettings:
      'Hours, services, desks, boards, kiosks and staff are changed in the Settings tab from now on; devices are paired in the Devices tab.',
    terminalName: (login) => `Terminal of ${login} (centre setup)`,
    problems: {
      centreNameMissing: 'Give the centre a name.',
      badTimeZone: 'Choose a time zone from the list.',
      loginFormat: 'The login is 1 to 64 Latin letters, digits, dots, dashes or underscores.',
      adminNameMissing: 'Give the administrator a name.',
      'password.tooShort': 'The password needs at least 10 characters (a few words make a good one).',
      'password.sameAsLogin': 'The password must not be the login.',
      'password.oneCharacter': 'The password must not be one character repeated.',
      'password.common': 'That password is among the first ones guessed; choose another.',
      configInvalid: 'The configuration file has errors:',
      passwordMismatch: 'The passwords differ.',
      hoursFormat: 'Give the time as HH:MM.',
      hoursOrder: 'The closing time must be after the opening time.',
      fileMissing: 'Choose a configuration file.',
      fileNotJson: 'This is not a configuration file (a JSON file exported from Settings is expected).',
      codeMissing: 'Enter the setup code from the server’s log.',
      codeWrong: 'The setup code is wrong.',
      codeSpent:
        'Too many wrong codes: the code no longer works. Restart the server (for a new code) or set up on the server itself.',
      tooMany: 'Too many attempts. Wait a minute and try again.',
      alreadySetUp: 'The centre is already set up. Log in to the desk app (/desk/).',
      network: 'The server did not answer. Check the connection and try again.',
    },
  },
};
