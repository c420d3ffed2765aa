/** The save's warning names each service no desk serves, in the screen's language, and says where to fix it. */
import { DEMO_CENTRE, type Centre } from '@queue/core';
import { translate } from '@queue/ui';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UnservedWarning } from './UnservedWarning';

/** The markup with the apostrophes of Ukrainian names unescaped, to compare with the names. */
const render = (centre: Centre): string =>
  renderToStaticMarkup(
    createElement(UnservedWarning, { centre, busy: false, onGive: () => undefined }),
  ).replaceAll('&#x27;', "'");

/** The demo centre with two of its services taken away from every desk. */
const withoutDesks = (codes: readonly string[]): Centre => ({
  ...DEMO_CENTRE,
  desks: DEMO_CENTRE.desks.map((desk) => ({
    ...desk,
    services: desk.services.filter((entry) => !codes.includes(entry.code)),
  })),
});

describe('the warning after a Settings save', () => {
  it('says nothing when every service has a desk', () => {
    expect(render(DEMO_CENTRE)).toBe('');
  });

  it('names the services no desk serves and points to the desks section', () => {
    const centre = withoutDesks(['bill-reconcile', 'bill-explain']);
    const names = ['bill-reconcile', 'bill-explain'].map(
      (code) => centre.services.find((service) => service.code === code)!.name,
    );
    const uk = render(centre);
    expect(uk).toContain('role="status"');
    expect(uk).toContain(`«${names[0]!.uk}» і «${names[1]!.uk}»`);
    expect(uk).toContain('«Робочі місця»');
    expect(uk).toContain('data-testid="give-unserved"');
    for (const language of ['ru', 'en'] as const) {
      const text = translate(language, 'admin.unserved', { services: 'X', section: 'Y' });
      expect(text).toContain('X');
      expect(text).toContain('Y');
    }
  });
});
