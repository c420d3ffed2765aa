/** Word wrap by characters and by measured width. */
import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap';

describe('wrapText', () => {
  it('breaks between words', () => {
    expect(wrapText('Пільгу треба підтвердити у вікні обслуговування', 20)).toEqual([
      'Пільгу треба',
      'підтвердити у вікні',
      'обслуговування',
    ]);
  });

  it('splits a word longer than a line', () => {
    expect(wrapText('житлово-комунальних', 8)).toEqual(['житлово-', 'комуналь', 'них']);
  });

  it('keeps explicit newlines and collapses spaces', () => {
    expect(wrapText('a  b\n\nc', 10)).toEqual(['a b', '', 'c']);
  });

  it('measures with the given function', () => {
    const wide = (text: string): number => [...text].length * 10;
    expect(wrapText('aa bb cc', 50, wide)).toEqual(['aa bb', 'cc']);
  });

  it('refuses a line narrower than one unit', () => {
    expect(() => wrapText('a', 0)).toThrow(RangeError);
  });
});
