/**
 * A Vite plugin for a front end's build: it replaces messages.ts (every area, every language)
 * with a module that holds only the front end's own areas, and Ukrainian only. Russian and
 * English become a chunk each, loaded the first time the screen switches to them.
 *
 * An area file keeps its three languages side by side (area.ts); the plugin makes one module
 * per language of it (`areas/<name>.ts?lang=ru`), with the other two languages' texts cut out
 * of the `defineArea({ uk, ru, en })` call, so that a chunk carries one language only.
 *
 * Node-side code for vite.config.ts, kept free of Vite's and Node's types (this folder is
 * type-checked for the browser): the plugin hooks are typed as much as they are used.
 */

export const LANGUAGES_OF_BUILD = ['uk', 'ru', 'en'] as const;
type Language = (typeof LANGUAGES_OF_BUILD)[number];

interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [field: string]: unknown;
}

interface PluginContext {
  parse(code: string, options: { readonly lang: 'ts' }): Node;
}

export interface MessagesPlugin {
  readonly name: string;
  readonly enforce: 'pre';
  resolveId(source: string, importer: string | undefined): string | undefined;
  load(id: string): string | undefined;
  transform(this: PluginContext, code: string, id: string): string | undefined;
}

/** The feature areas (areas/<name>.ts) whose messages each front end shows, besides the shared ones. */
export const FRONT_END_AREAS = {
  // The PIN screen of the Electron shell, appointments' check-in, pairing the device.
  kiosk: ['shell', 'booking', 'pairing'],
  // The window display above a desk, pairing the device.
  display: ['window-display', 'pairing'],
} as const satisfies Record<string, readonly string[]>;

const I18N_DIR = decodeURIComponent(new URL('.', import.meta.url).pathname);
const VIRTUAL = '\0queue-messages:';
const LANGUAGE_QUERY = /\?lang=(uk|ru|en)$/;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Every node below `node`, depth first. */
function* walk(node: Node): Generator<Node> {
  yield node;
  for (const [field, value] of Object.entries(node)) {
    if (field === 'type' || field === 'start' || field === 'end') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield* walk(item);
    } else if (isNode(value)) {
      yield* walk(value);
    }
  }
}

const keyName = (property: Node): string | undefined => {
  const key = property.key as Node | undefined;
  if (!key) return undefined;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
};

/** The area module's code with the texts of every language but `keep` replaced by `{}`. */
export const keepOneLanguage = (code: string, program: Node, keep: Language, id: string): string => {
  const calls = [...walk(program)].filter(
    (node) =>
      node.type === 'CallExpression' &&
      (node.callee as Node).type === 'Identifier' &&
      (node.callee as Node).name === 'defineArea',
  );
  if (calls.length !== 1) throw new Error(`${id}: expected one defineArea({ uk, ru, en }) call`);
  const texts = (calls[0]?.arguments as Node[] | undefined)?.[0];
  if (texts?.type !== 'ObjectExpression') throw new Error(`${id}: defineArea needs an object literal`);
  const properties = (texts.properties as Node[]).filter((property) => property.type === 'Property');
  const cuts = properties
    .filter((property) => {
      const name = keyName(property);
      return name !== undefined && name !== keep && (LANGUAGES_OF_BUILD as readonly string[]).includes(name);
    })
    .map((property) => property.value as Node)
    .sort((a, b) => b.start - a.start);
  if (cuts.length !== LANGUAGES_OF_BUILD.length - 1) throw new Error(`${id}: expected uk, ru and en texts`);
  let result = code;
  for (const value of cuts) result = `${result.slice(0, value.start)}{}${result.slice(value.end)}`;
  return result;
};

const areaModules = (areas: readonly string[], language: Language): string[] =>
  areas.map(
    (area, index) =>
      `import * as area${index} from ${JSON.stringify(`${I18N_DIR}areas/${area}.ts?lang=${language}`)};`,
  );

/** The messages of one language: the shared ones and the areas', merged into one object. */
const merged = (areas: readonly string[], language: Language): string =>
  [
    `Object.assign({}, core`,
    ...areas.map(
      (_area, index) => `  ...Object.values(area${index}).map((texts) => texts[${JSON.stringify(language)}])`,
    ),
    `)`,
  ].join(',\n');

const languageModule = (areas: readonly string[], language: Language): string =>
  [
    `import { ${language} as core } from ${JSON.stringify(`${I18N_DIR}${language}.ts`)};`,
    ...areaModules(areas, language),
    `export default ${merged(areas, language)};`,
  ].join('\n');

const initialModule = (areas: readonly string[]): string =>
  [
    `import { registerMessages } from ${JSON.stringify(`${I18N_DIR}registry.ts`)};`,
    `import { uk as core } from ${JSON.stringify(`${I18N_DIR}uk.ts`)};`,
    ...areaModules(areas, 'uk'),
    `registerMessages('uk', ${merged(areas, 'uk')});`,
    `const loaders = {`,
    `  ru: () => import(${JSON.stringify(`${VIRTUAL}ru`)}),`,
    `  en: () => import(${JSON.stringify(`${VIRTUAL}en`)}),`,
    `};`,
    `export const loadMessages = async (language) => {`,
    `  const load = loaders[language];`,
    `  if (!load) return;`,
    `  registerMessages(language, (await load()).default);`,
    `};`,
  ].join('\n');

/**
 * For a chunk group (`codeSplitting.groups`): the i18n modules the first screen needs, the
 * Ukrainian messages with them, and none of the other languages (they must stay in their own
 * chunks).
 */
export const isFirstLanguageMessages = (id: string): boolean => {
  if (id === `${VIRTUAL}uk`) return true;
  if (!id.startsWith(I18N_DIR) || id.endsWith('build-plugin.ts')) return false;
  return !/(?:^|\/)(?:ru|en)\.ts$|\?lang=(?:ru|en)$/.test(id.slice(I18N_DIR.length));
};

/**
 * `areas`: the file names (without `.ts`) under areas/ whose messages the front end shows;
 * the shared catalogue (uk.ts, ru.ts, en.ts) is always in.
 */
export const frontEndMessages = (areas: readonly string[]): MessagesPlugin => ({
  name: 'queue-front-end-messages',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source.startsWith(VIRTUAL)) return source;
    const inI18n = importer?.startsWith(I18N_DIR) && !importer.slice(I18N_DIR.length).includes('/');
    if (inI18n && (source === './messages' || source === './messages.ts')) return `${VIRTUAL}uk`;
    return undefined;
  },
  load(id) {
    if (!id.startsWith(VIRTUAL)) return undefined;
    const language = id.slice(VIRTUAL.length);
    if (language === 'uk') return initialModule(areas);
    if (language === 'ru' || language === 'en') return languageModule(areas, language);
    return undefined;
  },
  transform(code, id) {
    const language = LANGUAGE_QUERY.exec(id)?.[1] as Language | undefined;
    if (!language || !id.startsWith(`${I18N_DIR}areas/`)) return undefined;
    return keepOneLanguage(code, this.parse(code, { lang: 'ts' }), language, id);
  },
});
