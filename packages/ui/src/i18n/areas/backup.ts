/** The desk app's settings: a backup of the database on demand (administrators). */
import { defineArea } from '../area';

export const backupArea = defineArea({
  uk: {
    'admin.section.backup': 'Резервна копія',
    'admin.backup.hint':
      'Сервер копіює базу даних у свою теку резервних копій, черга при цьому працює. Копії також робляться під час запуску сервера та за розкладом. Відновлення — на сервері, коли його зупинено (npm run restore).',
    'admin.backup.now': 'Зробити резервну копію зараз',
    'admin.backup.running': 'Копіювання…',
    'admin.backup.done': 'Копію збережено о {time}: {file}',
  },
  ru: {
    'admin.section.backup': 'Резервная копия',
    'admin.backup.hint':
      'Сервер копирует базу данных в свою папку резервных копий, очередь при этом работает. Копии также делаются при запуске сервера и по расписанию. Восстановление — на сервере, когда он остановлен (npm run restore).',
    'admin.backup.now': 'Сделать резервную копию сейчас',
    'admin.backup.running': 'Копирование…',
    'admin.backup.done': 'Копия сохранена в {time}: {file}',
  },
  en: {
    'admin.section.backup': 'Backup',
    'admin.backup.hint':
      'The server copies its database into its backup folder while the queue keeps running. Backups are also taken when the server starts and on a schedule. Restoring is done on the server with it stopped (npm run restore).',
    'admin.backup.now': 'Back up now',
    'admin.backup.running': 'Backing up…',
    'admin.backup.done': 'Backup saved at {time}: {file}',
  },
});
