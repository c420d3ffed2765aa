/**
 * The demo centre: a municipal housing-and-utility service centre with 40 services in 12
 * categories, the organisations under its roof and a hall of 13 desks. Loaded into an empty
 * database on first start, and used by tests as a realistic configuration.
 */
import type { Category, Centre, Desk, DeskService, LocalizedText, Organisation, Service, WeeklyHours } from './centre';
import { DEFAULT_POLICY } from './centre';
import { categoryId, deskId, organisationId, serviceCode } from './ids';

const text = (uk: string, ru: string, en: string): LocalizedText => ({ uk, ru, en });

const WEEKDAY = [{ from: '08:00', to: '21:00' }];
const WEEKEND = [{ from: '09:00', to: '17:00' }];

export const DEMO_SITE_HOURS: WeeklyHours = {
  1: WEEKDAY,
  2: WEEKDAY,
  3: WEEKDAY,
  4: WEEKDAY,
  5: WEEKDAY,
  6: WEEKEND,
  7: WEEKEND,
};

const ORGANISATIONS: readonly [string, LocalizedText][] = [
  ['centre', text('Центр надання послуг', 'Центр предоставления услуг', 'Service centre')],
  ['passport', text('Паспортний стіл', 'Паспортный стол', 'Passport office')],
  ['social', text('Соціальний захист', 'Социальная защита', 'Social protection')],
  ['heat', text('Теплопостачання', 'Теплоснабжение', 'Heat utility')],
  ['water', text('Водоканал', 'Водоканал', 'Water utility')],
  ['gas', text('Газопостачання', 'Газоснабжение', 'Gas utility')],
  ['electricity', text('Електромережі', 'Электросети', 'Electricity networks')],
  ['housing-office', text('ЖЕК', 'ЖЭК', 'Housing office')],
  ['housing-dept', text('Управління житлового господарства', 'Управление жилищного хозяйства', 'Housing department')],
  ['elders', text('Асоціація старших по будинку', 'Ассоциация старших по дому', 'Association of building elders')],
  ['police', text('Національна поліція', 'Полиция', 'District police')],
];

const CATEGORIES: readonly [string, LocalizedText][] = [
  ['billing', text('Рахунки та оплата', 'Счета и оплата', 'Bills and payments')],
  ['documents', text('Довідки та документи', 'Справки и документы', 'Certificates and documents')],
  ['benefits', text('Субсидії та пільги', 'Субсидии и льготы', 'Subsidies and benefits')],
  ['heating', text('Опалення та гаряча вода', 'Отопление и горячая вода', 'Heating and hot water')],
  ['water', text('Вода та водовідведення', 'Вода и канализация', 'Water and sewerage')],
  ['gas', text('Газ', 'Газ', 'Gas')],
  ['electricity', text('Електроенергія', 'Электроэнергия', 'Electricity')],
  ['building', text('Будинок і територія', 'Дом и территория', 'Building and yard')],
  ['legal', text('Юридична допомога', 'Юридическая помощь', 'Legal help')],
  ['appeals', text('Звернення та скарги', 'Обращения и жалобы', 'Appeals and complaints')],
  ['other', text('Інше', 'Другое', 'Other')],
  ['priority', text('Пільгові категорії', 'Льготные категории', 'Eligible groups')],
];

/** code, category, organisation, uk, ru, en, prefix, minutes, on kiosk */
type ServiceRow = [string, string, string, string, string, string, string, number, boolean];

const SERVICES: readonly ServiceRow[] = [
  ['bill-reconcile', 'billing', 'centre', 'Звірка нарахувань', 'Сверка начислений', 'Reconciliation of charges', 'А', 8, true],
  ['bill-explain', 'billing', 'centre', "Роз'яснення щодо нарахувань", 'Разъяснение начислений', 'Explanation of charges', 'А', 10, true],
  ['bill-duplicate', 'billing', 'centre', 'Дублікат рахунку', 'Дубликат счёта', 'Duplicate bill', 'А', 3, true],
  ['bill-howto', 'billing', 'centre', 'Як правильно заповнити квитанцію', 'Как заполнить квитанцию', 'How to fill in a payment slip', 'А', 4, true],
  ['bill-payment', 'billing', 'centre', 'Оплата послуг', 'Оплата услуг', 'Paying for services', 'А', 5, true],
  ['bill-recalc', 'billing', 'centre', 'Перерахунок за ненадані послуги', 'Перерасчёт за непредоставленные услуги', 'Recalculation for services not provided', 'А', 12, true],
  ['bill-restructure', 'billing', 'centre', 'Реструктуризація заборгованості', 'Реструктуризация задолженности', 'Debt restructuring', 'Р', 20, true],
  ['bill-eaccount', 'billing', 'centre', 'Особистий кабінет та електронна квитанція', 'Личный кабинет и электронная квитанция', 'Online account and e-bill', 'А', 7, true],
  ['doc-household', 'documents', 'centre', "Довідка про склад сім'ї (зареєстрованих)", 'Справка о составе семьи', 'Certificate of registered household', 'Д', 6, true],
  ['doc-nodebt', 'documents', 'centre', 'Довідка про відсутність заборгованості', 'Справка об отсутствии задолженности', 'Certificate of no debt', 'Д', 6, true],
  ['doc-copy', 'documents', 'centre', 'Копії та витяги з особового рахунку', 'Копии и выписки из лицевого счёта', 'Copies and extracts of the personal account', 'Д', 5, true],
  ['doc-residence', 'documents', 'passport', 'Реєстрація місця проживання', 'Регистрация по месту жительства', 'Registration of residence', 'П', 15, true],
  ['doc-deregister', 'documents', 'passport', 'Зняття з реєстрації місця проживання', 'Снятие с регистрации', 'De-registration of residence', 'П', 12, true],
  ['ben-subsidy', 'benefits', 'social', 'Житлова субсидія', 'Жилищная субсидия', 'Housing subsidy', 'С', 15, true],
  ['ben-privilege', 'benefits', 'social', 'Пільги на житлово-комунальні послуги', 'Льготы на ЖКУ', 'Utility benefits for eligible groups', 'С', 12, true],
  ['heat-consult', 'heating', 'heat', 'Консультація щодо опалення та гарячої води', 'Консультация по отоплению и ГВС', 'Heating and hot water questions', 'Т', 8, true],
  ['heat-meter', 'heating', 'heat', 'Показання та облік тепла', 'Показания и учёт тепла', 'Heat meter readings', 'Т', 4, true],
  ['heat-contract', 'heating', 'heat', 'Договір на теплопостачання', 'Договор теплоснабжения', 'Heat supply contract', 'Т', 15, true],
  ['heat-quality', 'heating', 'heat', 'Неякісне опалення, відключення', 'Некачественное отопление, отключения', 'Poor heating, outages', 'Т', 10, true],
  ['water-consult', 'water', 'water', 'Консультація водоканалу', 'Консультация водоканала', 'Water and sewerage questions', 'В', 8, true],
  ['water-meter', 'water', 'water', 'Повірка та заміна лічильника води', 'Поверка и замена счётчика воды', 'Water meter check or replacement', 'В', 10, true],
  ['water-readings', 'water', 'water', 'Передача показань лічильників води', 'Передача показаний счётчиков воды', 'Water meter readings', 'В', 3, true],
  ['water-contract', 'water', 'water', 'Договір з водоканалом', 'Договор с водоканалом', 'Water supply contract', 'В', 15, true],
  ['gas-consult', 'gas', 'gas', 'Консультація з газопостачання', 'Консультация по газоснабжению', 'Gas supply questions', 'Г', 8, true],
  ['gas-meter', 'gas', 'gas', 'Лічильник газу, показання', 'Счётчик газа, показания', 'Gas meter and readings', 'Г', 5, true],
  ['el-consult', 'electricity', 'electricity', 'Консультація з електропостачання', 'Консультация по электроснабжению', 'Electricity supply questions', 'Е', 8, true],
  ['el-meter', 'electricity', 'electricity', 'Лічильник електроенергії, показання', 'Счётчик электроэнергии, показания', 'Electricity meter and readings', 'Е', 5, true],
  ['el-connect', 'electricity', 'electricity', 'Приєднання та переоформлення договору', 'Присоединение и переоформление договора', 'Connection or contract transfer', 'Е', 15, true],
  ['house-repair', 'building', 'housing-office', 'Заявка на ремонт (сантехніка, електрика, покрівля)', 'Заявка на ремонт', 'Repair request (plumbing, wiring, roof)', 'Ж', 7, true],
  ['house-yard', 'building', 'housing-office', 'Прибирання та благоустрій прибудинкової території', 'Уборка и благоустройство придомовой территории', 'Yard cleaning and upkeep', 'Ж', 6, true],
  ['house-capital', 'building', 'housing-dept', 'Капітальний ремонт будинку', 'Капитальный ремонт дома', 'Capital repair of the building', 'Ж', 12, true],
  ['house-govern', 'building', 'housing-dept', 'Вибір форми управління будинком (ОСББ)', 'Выбор способа управления домом', "Choosing how the building is managed (owners' association)", 'Ж', 15, true],
  ['house-elders', 'building', 'elders', 'Асоціація старших по будинку', 'Ассоциация старших по дому', 'Association of building elders', 'Ж', 10, true],
  ['legal-consult', 'legal', 'centre', 'Консультація юриста', 'Консультация юриста', "Lawyer's consultation", 'Ю', 20, true],
  ['legal-dispute', 'legal', 'centre', 'Спірні питання з надавачами послуг', 'Спорные вопросы с поставщиками услуг', 'Disputes with utility providers', 'Ю', 20, true],
  ['appeal-complaint', 'appeals', 'centre', 'Скарга або письмове звернення', 'Жалоба или письменное обращение', 'Complaint or written appeal', 'З', 10, true],
  ['appeal-feedback', 'appeals', 'centre', 'Пропозиції та відгуки', 'Предложения и отзывы', 'Suggestions and feedback', 'З', 5, true],
  ['police-officer', 'other', 'police', 'Дільничний офіцер поліції', 'Участковый инспектор', 'District police officer', 'М', 15, true],
  ['admin-help', 'other', 'centre', 'Допомога адміністратора', 'Помощь администратора', 'Help from the administrator', 'Х', 3, true],
  ['priority-any', 'priority', 'centre', 'Позачергове обслуговування (пільгові категорії)', 'Внеочередное обслуживание (льготные категории)', 'Priority service (eligible groups)', 'Х', 8, false],
];

/** The police officer receives on Tuesdays and Thursdays only. */
const POLICE_HOURS: WeeklyHours = { 2: WEEKDAY, 4: WEEKDAY };

const OUTCOMES = [
  { code: 'resolved', name: text('Питання вирішено', 'Вопрос решён', 'Resolved') },
  { code: 'consulted', name: text('Надано консультацію', 'Дана консультация', 'Advice given') },
  { code: 'documents-accepted', name: text('Документи прийнято', 'Документы приняты', 'Documents accepted') },
  { code: 'refused', name: text('Відмовлено', 'Отказано', 'Refused') },
];

const byCategory = (...categories: string[]): string[] =>
  SERVICES.filter((row) => categories.includes(row[1])).map((row) => row[0]);

const weights = (codes: readonly string[], weight = 1): DeskService[] =>
  codes.map((code) => ({ code: serviceCode(code), weight }));

/** desk number, organisation, services with weights */
const HALL: readonly [number, string, DeskService[]][] = [
  [1, 'centre', [...weights(byCategory('billing'), 3), ...weights(['doc-household', 'doc-nodebt', 'doc-copy'])]],
  [2, 'centre', [...weights(byCategory('billing'), 3), ...weights(['doc-household', 'doc-nodebt', 'doc-copy'])]],
  [3, 'centre', [...weights(['doc-household', 'doc-nodebt', 'doc-copy'], 3), ...weights(byCategory('billing'))]],
  [4, 'centre', [...weights(['doc-household', 'doc-nodebt', 'doc-copy'], 3), ...weights(byCategory('billing'))]],
  [5, 'passport', weights(['doc-residence', 'doc-deregister'])],
  [6, 'social', weights(byCategory('benefits'))],
  [7, 'heat', weights(byCategory('heating'))],
  [8, 'water', [...weights(byCategory('water'), 2), ...weights(byCategory('gas'))]],
  [9, 'electricity', weights(byCategory('electricity'))],
  [10, 'housing-office', weights(byCategory('building'))],
  [11, 'centre', [...weights(byCategory('legal'), 2), ...weights(byCategory('appeals'))]],
  [12, 'centre', weights(['admin-help', 'priority-any', 'appeal-feedback'])],
  [13, 'police', weights(['police-officer'])],
];

const deskName = (number: number): LocalizedText =>
  number === 13
    ? text('Кабінет 13', 'Кабинет 13', 'Room 13')
    : text(`Вікно ${number}`, `Окно ${number}`, `Desk ${number}`);

const organisations: Organisation[] = ORGANISATIONS.map(([id, name]) => ({
  id: organisationId(id),
  name,
}));

const categories: Category[] = CATEGORIES.map(([id, name]) => ({ id: categoryId(id), name }));

const services: Service[] = SERVICES.map(
  ([code, category, organisation, uk, ru, en, prefix, expected, onKiosk]) => ({
    code: serviceCode(code),
    categoryId: categoryId(category),
    organisationId: organisationId(organisation),
    name: text(uk, ru, en),
    prefix,
    expectedMinutes: expected,
    waitingStandardMinutes: 15,
    onKiosk,
    outcomes: OUTCOMES,
    outcomeRequired: false,
    ...(code === 'police-officer' ? { hours: POLICE_HOURS } : {}),
  }),
);

const desks: Desk[] = HALL.map(([number, organisation, deskServices]) => ({
  id: deskId(`desk-${number}`),
  number,
  name: deskName(number),
  organisationId: organisationId(organisation),
  services: deskServices,
}));

export const DEMO_CENTRE: Centre = {
  site: {
    name: text('Центр надання житлово-комунальних послуг', 'Центр жилищно-коммунальных услуг', 'Housing and Utility Service Centre'),
    timeZone: 'Europe/Kyiv',
    hours: DEMO_SITE_HOURS,
    specialDays: [],
  },
  organisations,
  categories,
  services,
  desks,
  policy: DEFAULT_POLICY,
};
