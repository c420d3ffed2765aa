import { translate } from '@queue/ui';
import { describe, expect, it } from 'vitest';
import { waitLineOf } from './wait-line';

describe('the kiosk ticket wait line', () => {
  it('says no desk is open, not a call soon, when none serving the service is open', () => {
    const line = (capacity: number, language: 'uk' | 'ru' | 'en'): string =>
      translate(language, ...waitLineOf({ lowMinutes: 0, highMinutes: 0, capacity }));
    expect(line(0, 'en')).toBe('No desk for this service is open right now');
    expect(line(0, 'uk')).toBe('Зараз не працює жодне вікно з цієї послуги');
    expect(line(0, 'ru')).toBe('Сейчас не работает ни одно окно по этой услуге');
    expect(line(2, 'en')).toBe('You will be called shortly');
  });

  it('gives minutes while some are expected', () => {
    expect(waitLineOf({ lowMinutes: 5, highMinutes: 15, capacity: 0 })).toEqual([
      'kiosk.ticket.wait',
      { low: 5, high: 15 },
    ]);
  });
});
