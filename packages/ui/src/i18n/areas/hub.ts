/** The desk app's settings: the centre's sync with the city hub, read-only (administrators). */
import { defineArea } from '../area';

export const hubArea = defineArea({
  uk: {
    'admin.section.hub': 'Міський хаб',
    'admin.hub.hint':
      'Сервер надсилає журнал подій центру до міського хабу у фоновому режимі, без нотаток і коментарів. Черга ніколи не чекає на хаб.',
    'admin.hub.notConfigured':
      'Центр не приєднано до міського хабу (QUEUE_HUB_URL і QUEUE_HUB_KEY; див. README, «Joining a city hub»).',
    'admin.hub.url': 'Хаб',
    'admin.hub.lastSent': 'Востаннє надіслано',
    'admin.hub.never': 'ще ні',
    'admin.hub.acknowledged': 'Підтверджено хабом до події',
    'admin.hub.behind': 'Не надіслано подій',
    'admin.hub.error': 'Помилка ({time}): {message}',
    'admin.hub.refresh': 'Оновити',
  },
  ru: {
    'admin.section.hub': 'Городской хаб',
    'admin.hub.hint':
      'Сервер отправляет журнал событий центра в городской хаб в фоновом режиме, без заметок и комментариев. Очередь никогда не ждёт хаб.',
    'admin.hub.notConfigured':
      'Центр не подключён к городскому хабу (QUEUE_HUB_URL и QUEUE_HUB_KEY; см. README, «Joining a city hub»).',
    'admin.hub.url': 'Хаб',
    'admin.hub.lastSent': 'Последняя отправка',
    'admin.hub.never': 'ещё нет',
    'admin.hub.acknowledged': 'Подтверждено хабом до события',
    'admin.hub.behind': 'Не отправлено событий',
    'admin.hub.error': 'Ошибка ({time}): {message}',
    'admin.hub.refresh': 'Обновить',
  },
  en: {
    'admin.section.hub': 'City hub',
    'admin.hub.hint':
      "The server sends the centre's event log to the city hub in the background, without notes or comments. The queue never waits for the hub.",
    'admin.hub.notConfigured':
      'This centre has not joined a city hub (QUEUE_HUB_URL and QUEUE_HUB_KEY; see README, "Joining a city hub").',
    'admin.hub.url': 'Hub',
    'admin.hub.lastSent': 'Last sent',
    'admin.hub.never': 'not yet',
    'admin.hub.acknowledged': 'Acknowledged by the hub up to event',
    'admin.hub.behind': 'Events not sent yet',
    'admin.hub.error': 'Error ({time}): {message}',
    'admin.hub.refresh': 'Refresh',
  },
});
