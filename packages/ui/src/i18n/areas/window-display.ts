/** The window display above a desk (`/window/?desk=5`, apps/display/src/renderer/window). */
import { defineArea } from '../area';

export const windowDisplayArea = defineArea({
  uk: {
    'window.title': 'Табло вікна',
    'window.nowCalling': 'Запрошуємо',
    'window.recall': 'Повторний виклик',
    'window.serving': 'Обслуговується',
    'window.free': 'Вікно вільне',
    'window.paused': 'Перерва',
    'window.closed': 'Вікно не працює',
    'window.unknownDesk':
      'Вікна «{desk}» немає в налаштуваннях центру. Вкажіть в адресі номер вікна: /window/?desk=5',
    'window.noDesk': 'Вкажіть в адресі сторінки номер вікна: /window/?desk=5',
  },
  ru: {
    'window.title': 'Табло окна',
    'window.nowCalling': 'Приглашаем',
    'window.recall': 'Повторный вызов',
    'window.serving': 'Обслуживается',
    'window.free': 'Окно свободно',
    'window.paused': 'Перерыв',
    'window.closed': 'Окно не работает',
    'window.unknownDesk':
      'Окна «{desk}» нет в настройках центра. Укажите в адресе номер окна: /window/?desk=5',
    'window.noDesk': 'Укажите в адресе страницы номер окна: /window/?desk=5',
  },
  en: {
    'window.title': 'Window display',
    'window.nowCalling': 'Now calling',
    'window.recall': 'Called again',
    'window.serving': 'Now serving',
    'window.free': 'This window is free',
    'window.paused': 'On a break',
    'window.closed': 'This window is closed',
    'window.unknownDesk':
      'The centre has no window “{desk}”. Put the window’s number in the address: /window/?desk=5',
    'window.noDesk': 'Put the window’s number in the page’s address: /window/?desk=5',
  },
});
