/** The Electron shell's administrator screens: leaving the kiosk's kiosk mode with the PIN. */
import { defineArea } from '../area';

export const shellArea = defineArea({
  uk: {
    'shell.adminExit.title': 'Вихід з режиму кіоску',
    'shell.adminExit.prompt': 'PIN адміністратора',
    'shell.adminExit.confirm': 'Вийти',
    'shell.adminExit.cancel': 'Скасувати',
    'shell.adminExit.erase': 'Стерти',
    'shell.adminExit.refused': 'PIN не підійшов. Після кількох помилок треба зачекати.',
    'shell.adminExit.left': 'Режим кіоску вимкнено. Вікно можна закрити.',
  },
  ru: {
    'shell.adminExit.title': 'Выход из режима киоска',
    'shell.adminExit.prompt': 'PIN администратора',
    'shell.adminExit.confirm': 'Выйти',
    'shell.adminExit.cancel': 'Отмена',
    'shell.adminExit.erase': 'Стереть',
    'shell.adminExit.refused': 'PIN не подошёл. После нескольких ошибок нужно подождать.',
    'shell.adminExit.left': 'Режим киоска выключен. Окно можно закрыть.',
  },
  en: {
    'shell.adminExit.title': 'Leave kiosk mode',
    'shell.adminExit.prompt': 'Administrator PIN',
    'shell.adminExit.confirm': 'Leave',
    'shell.adminExit.cancel': 'Cancel',
    'shell.adminExit.erase': 'Erase',
    'shell.adminExit.refused': 'Wrong PIN. After a few mistakes there is a wait.',
    'shell.adminExit.left': 'Kiosk mode is off. The window can be closed.',
  },
});
