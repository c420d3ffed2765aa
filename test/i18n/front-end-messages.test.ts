/**
 * The kiosk's and the board's builds carry only their own messages, and only Ukrainian up
 * front: Russian and English are chunks of their own (packages/ui/src/i18n/build-plugin.ts).
 * Each build is made in memory with its real Vite config and its chunks are read; the keys
 * the front ends' sources name must all be in the areas their builds carry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Rolldown, build, parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { areaMessages } from '../../packages/ui/src/i18n/areas';
import { FRONT_END_AREAS, keepOneLanguage } from '../../packages/ui/src/i18n/build-plugin';
import { en } from '../../packages/ui/src/i18n/en';
import { ru } from '../../packages/ui/src/i18n/ru';
import { uk } from '../../packages/ui/src/i18n/uk';
import { REPO_ROOT } from '../server/harness';

type Language = 'uk' | 'ru' | 'en';
type FrontEnd = keyof typeof FRONT_END_AREAS;
const LANGUAGES: readonly Language[] = ['uk', 'ru', 'en'];
const I18N = join(REPO_ROOT, 'packages/ui/src/i18n');

/** An area's texts by language, read through its module (areas/<name>.ts). */
const areaTexts = async (area: string): Promise<Record<Language, Record<string, string>>> => {
  const module = (await import(join(I18N, 'areas', `${area}.ts`))) as Record<
    string,
    Record<Language, Record<string, string>>
  >;
  const texts = Object.values(module)[0];
  if (!texts) throw new Error(`no texts in ${area}`);
  return texts;
};

const CORE: Record<Language, Record<string, string>> = { uk, ru, en };
const ALL_AREAS = readdirSync(join(I18N, 'areas'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -3));

/** Texts that a minifier leaves as they are and that no other language or area has. */
const distinctive = (texts: Record<string, string>, others: readonly Record<string, string>[]): string[] => {
  const elsewhere = new Set(others.flatMap((other) => Object.values(other)));
  return Object.values(texts).filter(
    (text) => text.length >= 12 && !/[\\`$'"\n{]/.test(text) && !elsewhere.has(text),
  );
};

/** Whether `code` holds `text` as a whole string literal (not as part of a longer text). */
const holdsLiteral = (code: string, text: string): boolean =>
  ['`', '"', "'"].some((quote) => code.includes(`${quote}${text}${quote}`));

interface Built {
  readonly initial: string;
  readonly chunks: readonly Rolldown.OutputChunk[];
}

/** The front end built in memory; `initial` is the code its pages load before any import(). */
const buildFrontEnd = async (name: FrontEnd): Promise<Built> => {
  const output = (await build({
    configFile: join(REPO_ROOT, 'apps', name, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  })) as Rolldown.RolldownOutput;
  const chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (fileName: string): void => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return { initial: [...seen].map((fileName) => byName.get(fileName)?.code ?? '').join('\n'), chunks };
};

describe('one language of an area module', () => {
  it('cuts the other languages out of the defineArea call, and refuses any other shape', () => {
    const code = [
      "import { defineArea } from '../area';",
      'export const a = defineArea({',
      "  uk: { 'a.one': 'один' },",
      "  ru: { 'a.one': 'одын' },",
      "  en: { 'a.one': 'one' },",
      '});',
    ].join('\n');
    const ru = keepOneLanguage(code, parseAst(code, { lang: 'ts' }) as never, 'ru', 'a.ts');
    expect(ru).toContain("ru: { 'a.one': 'одын' }");
    expect(ru).toContain('uk: {}');
    expect(ru).toContain('en: {}');
    expect(ru).not.toContain('один');
    const plain = 'export const a = { uk: {}, ru: {}, en: {} };';
    expect(() => keepOneLanguage(plain, parseAst(plain) as never, 'uk', 'b.ts')).toThrow(/defineArea/);
  });
});

describe.each(['kiosk', 'display'] as const)('the %s build’s messages', (name) => {
  it('holds its own areas in Ukrainian up front, and each other language in a chunk of its own', async () => {
    const areas = await Promise.all(FRONT_END_AREAS[name].map(areaTexts));
    const own = Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        Object.assign({}, CORE[language], ...areas.map((area) => area[language])) as Record<string, string>,
      ]),
    ) as Record<Language, Record<string, string>>;
    const texts = (language: Language): string[] =>
      distinctive(
        own[language],
        LANGUAGES.filter((other) => other !== language).map((other) => own[other]),
      );
    const built = await buildFrontEnd(name);

    for (const text of texts('uk')) expect(built.initial, text).toContain(text);
    for (const language of ['ru', 'en'] as const) {
      for (const text of texts(language)) expect(holdsLiteral(built.initial, text), text).toBe(false);
      const sample = texts(language)[0] ?? '';
      const holding = built.chunks.filter((chunk) => chunk.code.includes(sample));
      expect(holding.map((chunk) => chunk.fileName)).toHaveLength(1);
      const chunk = holding[0];
      expect(chunk?.isDynamicEntry).toBe(true);
      for (const text of texts(language)) expect(chunk?.code, text).toContain(text);
      for (const other of LANGUAGES.filter((l) => l !== language)) {
        for (const text of texts(other)) expect(holdsLiteral(chunk?.code ?? '', text), text).toBe(false);
      }
    }
    // No other area's messages anywhere in the build (the desk's administration, say).
    const everything = built.chunks.map((chunk) => chunk.code).join('\n');
    const others = ALL_AREAS.filter((area) => !(FRONT_END_AREAS[name] as readonly string[]).includes(area));
    const foreign = (await Promise.all(others.map(areaTexts))).flatMap((area) =>
      distinctive(area.uk, [own.uk, own.ru, own.en]),
    );
    expect(foreign.length).toBeGreaterThan(100);
    expect(foreign.filter((text) => holdsLiteral(everything, text))).toEqual([]);
  });

  it('carries every message key its sources name', async () => {
    const areas = await Promise.all(FRONT_END_AREAS[name].map(areaTexts));
    const carried = new Set([...Object.keys(uk), ...areas.flatMap((area) => Object.keys(area.uk))]);
    // Keys named in full ('kiosk.ticket.ahead') and key prefixes of templates (`pairing.kind.${kind}`).
    const allKeys = Object.keys({ ...uk, ...areaMessages.uk });
    const sources = [
      join(REPO_ROOT, 'apps', name, 'src/renderer'),
      join(REPO_ROOT, 'packages/ui/src/components'),
      join(REPO_ROOT, 'packages/ui/src/pairing'),
    ].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
        .map((file) => readFileSync(join(dir, file), 'utf8')),
    );
    const named = new Set<string>();
    for (const source of sources) {
      for (const match of source.matchAll(/['`]([a-zA-Z]+\.[a-zA-Z0-9_.]+)(['`]|\.\$\{)/g)) {
        const text = match[1] ?? '';
        if (match[2] === "'" || match[2] === '`') {
          if (allKeys.includes(text)) named.add(text);
        } else {
          for (const key of allKeys) if (key.startsWith(`${text}.`)) named.add(key);
        }
      }
    }
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((key) => !carried.has(key))).toEqual([]);
  });
});
