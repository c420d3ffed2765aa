import { DEMO_CENTRE } from '@queue/core';
import { translate } from '@queue/ui';
import { describe, expect, it } from 'vitest';
import { problemPlace, problemText } from './problem-text';

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);
const uk = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('uk', key, params);

describe('problemText', () => {
  it('names the entity by its id and says what is wrong, translated', () => {
    const code = DEMO_CENTRE.services[2]!.code;
    expect(
      problemText({ path: 'services.2.prefix', key: 'badPrefix', params: { value: 'A1' } }, en, DEMO_CENTRE),
    ).toBe(`services › ${code} › prefix: a prefix is one to three letters, not “A1”`);
    expect(
      problemText(
        { path: 'desks.0.services.0.code', key: 'unknownReference', params: { id: 'x', kind: 'service' } },
        uk,
        DEMO_CENTRE,
      ),
    ).toBe('desks › desk-1 › services › 0 › code: немає такого запису (послуга): «x»');
  });

  it('keeps paths it cannot resolve as they are', () => {
    expect(problemPlace('site.timeZone', DEMO_CENTRE)).toBe('site › timeZone');
    expect(problemPlace('services.999.prefix', DEMO_CENTRE)).toBe('services › 999 › prefix');
    expect(problemPlace('', undefined)).toBe('');
  });
});
