/**
 * The page a shell shows while it has no server to load: searching the LAN, the server not
 * answering, or another server answering in its place (one that cannot prove it is the server
 * this device is paired with). It is bundled in the shell (a `data:` URL, no file, no network) and says
 * everything in Ukrainian, Russian and English at once, since no one has chosen a language.
 */
export type OfflineState =
  | { readonly kind: 'searching' }
  | { readonly kind: 'unreachable'; readonly serverUrl: string }
  /** `pairedWith`: the id of this device's own server; `serverUrl`: who answered instead. */
  | { readonly kind: 'mismatch'; readonly pairedWith: string; readonly serverUrl: string };

type Language = 'uk' | 'ru' | 'en';

interface OfflineMessages {
  readonly title: string;
  readonly searching: string;
  readonly unreachable: string;
  readonly mismatchTitle: string;
  /** `{server}` is replaced by the id of the server the device is paired with. */
  readonly mismatch: string;
  readonly repair: string;
}

export const OFFLINE_MESSAGES: Record<Language, OfflineMessages> = {
  uk: {
    title: 'Сервер черги не знайдено',
    searching: 'Шукаємо сервер у мережі…',
    unreachable: 'Сервер не відповідає. Пробуємо ще раз…',
    mismatchTitle: 'Відповів інший сервер черги',
    mismatch:
      'Цей пристрій спарено із сервером «{server}», але відповів інший сервер. До нього пристрій не підключиться.',
    repair:
      'Адміністратор має спарити пристрій заново (видалити server-identity.json у теці даних програми).',
  },
  ru: {
    title: 'Сервер очереди не найден',
    searching: 'Ищем сервер в сети…',
    unreachable: 'Сервер не отвечает. Пробуем ещё раз…',
    mismatchTitle: 'Ответил другой сервер очереди',
    mismatch:
      'Это устройство сопряжено с сервером «{server}», но ответил другой сервер. К нему устройство не подключится.',
    repair:
      'Администратор должен заново сопрячь устройство (удалить server-identity.json в папке данных программы).',
  },
  en: {
    title: 'Queue server not found',
    searching: 'Searching the network for the server…',
    unreachable: 'The server does not answer. Trying again…',
    mismatchTitle: 'A different queue server answered',
    mismatch:
      'This device is paired with server “{server}”, but a different server answered. The device will not connect to it.',
    repair:
      'An administrator must pair the device again (delete server-identity.json in the app’s data folder).',
  },
};

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? '',
  );

export const offlinePageHtml = (state: OfflineState): string => {
  const blocks = (Object.keys(OFFLINE_MESSAGES) as Language[]).map((language) => {
    const messages = OFFLINE_MESSAGES[language];
    if (state.kind === 'mismatch') {
      const detail = escapeHtml(messages.mismatch).replace('{server}', escapeHtml(state.pairedWith));
      return `<section lang="${language}"><h1>${messages.mismatchTitle}</h1><p>${detail}</p><p>${messages.repair}</p></section>`;
    }
    const detail = state.kind === 'searching' ? messages.searching : messages.unreachable;
    return `<section lang="${language}"><h1>${messages.title}</h1><p>${detail}</p></section>`;
  });
  const where = state.kind === 'searching' ? '' : `<p class="url">${escapeHtml(state.serverUrl)}</p>`;
  return [
    '<!doctype html><html lang="uk"><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<title>Queue</title><style>',
    'body{margin:0;min-height:100vh;display:flex;flex-direction:column;justify-content:center;',
    'align-items:center;gap:2rem;background:#101820;color:#f4f6f8;font-family:sans-serif;text-align:center}',
    'h1{font-size:2.2rem;margin:0 0 .5rem}p{font-size:1.4rem;margin:0;opacity:.85}.url{opacity:.6}',
    `</style></head><body>${blocks.join('')}${where}</body></html>`,
  ].join('');
};

export const offlinePageUrl = (state: OfflineState): string =>
  `data:text/html;charset=utf-8,${encodeURIComponent(offlinePageHtml(state))}`;
