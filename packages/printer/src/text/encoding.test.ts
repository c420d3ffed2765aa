/** Ukrainian text in windows-1251, look-alikes for narrower tables, no control bytes. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeText, printableText } from './encoding';

describe('encodeText', () => {
  it('encodes every Ukrainian letter, the apostrophe and № in windows-1251', () => {
    const text = 'ІіЇїЄєҐґ ’ № «»–—';
    const bytes = encodeText(text, 'windows-1251');
    expect([...bytes]).toEqual([
      0xb2, 0xb3, 0xaf, 0xbf, 0xaa, 0xba, 0xa5, 0xb4, 0x20, 0x92, 0x20, 0xb9, 0x20, 0xab, 0xbb, 0x96, 0x97,
    ]);
    expect(iconv.decode(Buffer.from(bytes), 'windows-1251')).toBe(text);
  });

  it('substitutes look-alikes where cp866 lacks a letter', () => {
    expect(printableText('Ґанок, і, ї, є, ’', 'cp866')).toBe("Ганок, i, ї, є, '");
    expect(iconv.decode(Buffer.from(encodeText('№ 5', 'cp866')), 'cp866')).toBe('№ 5');
  });

  it('prints ? for what has no look-alike', () => {
    expect(printableText('Київ ✓', 'cp437')).toBe('??i? ?');
  });

  it('never lets a control byte through', () => {
    const bytes = encodeText('a\u001b@b\u001d!c\nd\u0010\u0004', 'windows-1251');
    expect([...bytes].every((byte) => byte >= 0x20)).toBe(true);
    expect(iconv.decode(Buffer.from(bytes), 'windows-1251')).toBe('a @b !c d  ');
  });
});
