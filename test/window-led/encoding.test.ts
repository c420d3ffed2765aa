/**
 * The LED driver's own pieces without a server: its code-page tables agree byte for byte with
 * iconv-lite's wherever iconv has the character, stand-ins replace what a table lacks, no
 * control byte ever comes out of text, ASCII is transliterated, and a configuration with an
 * unknown placeholder or odd framing bytes is refused with the field named.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { WindowLedConfig } from '../../hardware/window-led/src/config';
import { encodeLed } from '../../hardware/window-led/src/encoding';
import { fillTemplate, frameLine } from '../../hardware/window-led/src/line';

const CYRILLIC = [
  ...Array.from({ length: 64 }, (_, index) => String.fromCodePoint(0x0410 + index)),
  ...'ЁёЄєІіЇїҐґ№«»–—’‘“”…°·',
];

const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('LED encodings', () => {
  it.each(['cp866', 'cp1251'] as const)('%s: every character iconv-lite has is the same byte', (encoding) => {
    const checked: string[] = [];
    for (const char of CYRILLIC) {
      const theirs = iconv.encode(char, encoding);
      if (iconv.decode(theirs, encoding) !== char) continue;
      checked.push(char);
      expect(hexOf(encodeLed(char, encoding)), char).toBe(theirs.toString('hex'));
    }
    expect(checked.length).toBeGreaterThan(64);
  });

  it('stands in for what a table lacks, and never sends a control byte', () => {
    expect(iconv.decode(Buffer.from(encodeLed('Ґанок і №5 → «так»', 'cp866')), 'cp866')).toBe(
      'Ганок i №5 -> "так"',
    );
    expect(hexOf(encodeLed('a\u0002b\u001bc\nd\u0085', 'cp1251'))).toBe('6120622063206420');
    expect(hexOf(encodeLed('☎', 'ascii'))).toBe('3f');
  });

  it('transliterates Ukrainian and Russian for a Latin-only module', () => {
    expect(
      Buffer.from(encodeLed('Щастя, Їжак, Ґанок, Єва, Вікно 5; Объём', 'ascii')).toString('latin1'),
    ).toBe('Shchastia, Izhak, Ganok, Ieva, Vikno 5; Obiom');
  });

  it('fills the template, fits the width and frames the line', () => {
    expect(
      fillTemplate('{ticket} → {desk} ({deskName})', { ticket: 'А-1', desk: '5', deskName: 'Вікно 5' }),
    ).toBe('А-1 → 5 (Вікно 5)');
    const display = WindowLedConfig.parse({
      server: 'http://127.0.0.1:8080',
      deviceToken: 't',
      displays: [
        { desk: 5, device: '/dev/null', encoding: 'ascii', prefix: '1b 40', suffix: '0D0A', width: 4 },
      ],
    }).displays[0];
    if (!display) throw new Error('no display');
    expect(hexOf(frameLine(display, 'ab'))).toBe('1b40616220200d0a');
    expect(hexOf(frameLine(display, 'abcdef'))).toBe('1b40616263640d0a');
  });

  it('refuses an unknown placeholder, odd framing bytes and a missing token, naming the field', () => {
    const parse = (display: object, extra: object = { deviceToken: 't' }) =>
      WindowLedConfig.safeParse({ server: 'http://127.0.0.1:8080', ...extra, displays: [display] });
    const template = parse({ desk: 5, device: '/dev/ttyUSB0', template: '{number}' });
    expect(template.success).toBe(false);
    expect(template.error?.issues[0]?.path).toEqual(['displays', 0, 'template']);
    const framing = parse({ desk: 5, device: '/dev/ttyUSB0', prefix: '0' });
    expect(framing.error?.issues[0]?.path).toEqual(['displays', 0, 'prefix']);
    expect(parse({ desk: 5, device: '/dev/ttyUSB0' }, {}).success).toBe(false);
    expect(parse({ desk: 5, device: '/dev/ttyUSB0' }).success).toBe(true);
  });
});
