import { describe, expect, it } from 'vitest';
import { escapeXml, isoInZone, toJson, toXml } from './format';

describe('Open311 documents', () => {
  it('escapes the five XML specials and drops what XML 1.0 cannot carry', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
    expect(escapeXml('bell\u0007 nul\u0000 esc\u001b tab\t nl\n cr\r')).toBe('bell nul esc tab\t nl\n cr\r');
    expect(escapeXml('lone \uD800 surrogate \uDC00 pair 😀')).toBe('lone  surrogate  pair 😀');
    expect(escapeXml('\uFFFE\uFFFF')).toBe('');
  });

  it('writes lists in the specification’s elements, empty values as empty elements', () => {
    expect(
      toXml('service_requests', [
        {
          service_request_id: 'ABCD2345',
          status_notes: '<script>&',
          address: null,
          skipped: undefined,
          lat: 50.45,
        },
      ]),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<service_requests><request><service_request_id>ABCD2345</service_request_id>' +
        '<status_notes>&lt;script&gt;&amp;</status_notes><address></address><lat>50.45</lat></request></service_requests>',
    );
    expect(toXml('errors', [{ code: 403, description: 'bad "key"' }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<errors><error><code>403</code><description>bad &quot;key&quot;</description></error></errors>',
    );
    expect(
      toXml('discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }], changeset: 'x' }),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<discovery><endpoints><endpoint><formats><format>text/xml</format>' +
        '<format>application/json</format></formats></endpoint></endpoints><changeset>x</changeset></discovery>',
    );
    expect(
      toXml('service_definition', { attributes: [{ values: [{ key: 'a', name: 'A' }], required: false }] }),
    ).toContain(
      '<attributes><attribute><values><value><key>a</key><name>A</name></value></values><required>false</required></attribute></attributes>',
    );
  });

  it('refuses element names that are not plain words, so no markup comes in through a field name', () => {
    expect(() => toXml('services', [{ 'bad name><x': 1 }])).toThrow(/element name/);
  });

  it('writes JSON without absent fields and with empty ones', () => {
    expect(toJson([{ a: 'x', b: null, c: undefined }])).toBe('[{"a":"x","b":null}]');
  });

  it('writes instants in ISO 8601 with the zone’s offset at that instant', () => {
    expect(isoInZone(Date.parse('2026-11-24T08:00:00Z'), 'Europe/Kyiv')).toBe('2026-11-24T10:00:00+02:00');
    expect(isoInZone(Date.parse('2026-07-01T08:00:00Z'), 'Europe/Kyiv')).toBe('2026-07-01T11:00:00+03:00');
    expect(isoInZone(Date.parse('2026-07-01T08:00:00Z'), 'UTC')).toBe('2026-07-01T08:00:00+00:00');
    expect(isoInZone(Date.parse('2026-01-01T12:00:00Z'), 'America/St_Johns')).toBe(
      '2026-01-01T08:30:00-03:30',
    );
  });
});
