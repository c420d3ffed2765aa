import { describe, expect, it } from 'vitest';
import { OFFLINE_MESSAGES, offlinePageHtml, offlinePageUrl } from './offline-page';

describe('offline page', () => {
  it('says it is searching in Ukrainian, Russian and English', () => {
    const html = offlinePageHtml({ kind: 'searching' });
    for (const messages of Object.values(OFFLINE_MESSAGES)) {
      expect(html).toContain(messages.title);
      expect(html).toContain(messages.searching);
    }
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
  });

  it('names the server that does not answer, escaped', () => {
    const html = offlinePageHtml({ kind: 'unreachable', serverUrl: 'http://10.0.0.5:8080/?a=<b>' });
    expect(html).toContain(OFFLINE_MESSAGES.uk.unreachable);
    expect(html).toContain('http://10.0.0.5:8080/?a=&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('says a different server answered, in all three languages, and how to re-pair', () => {
    const html = offlinePageHtml({
      kind: 'mismatch',
      pairedWith: 'centre <a>',
      serverUrl: 'http://10.0.0.66:8080',
    });
    for (const messages of Object.values(OFFLINE_MESSAGES)) {
      expect(html).toContain(messages.mismatchTitle);
      expect(html).toContain(messages.repair);
      expect(html).not.toContain(messages.title);
    }
    expect(html).toContain('centre &lt;a&gt;');
    expect(html).not.toContain('{server}');
    expect(html).toContain('http://10.0.0.66:8080');
  });

  it('is a data URL that needs no file and no network', () => {
    const url = offlinePageUrl({ kind: 'searching' });
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(offlinePageHtml({ kind: 'searching' }));
  });
});
