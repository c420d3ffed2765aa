/**
 * Open311 GeoReport v2 documents in its two formats (http://wiki.open311.org/GeoReport_v2):
 * JSON, and XML with the specification's element names. A document is plain data; lists are
 * wrapped in the element the specification names (`<services><service>…`), and the nested
 * lists it defines (`endpoints`, `formats`, `attributes`, `values`) hold their singular
 * elements. Text is escaped, and characters XML 1.0 cannot carry at all are dropped.
 */
import type { ServerResponse } from 'node:http';

export type Open311Format = 'json' | 'xml';

export type Open311Value =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly Open311Value[]
  | { readonly [field: string]: Open311Value };

export type Open311Record = { readonly [field: string]: Open311Value };

/** The element of each item of a nested list, by the list's name. */
const ITEM_OF: Readonly<Record<string, string>> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  services: 'service',
  errors: 'error',
};

/** What XML 1.0 allows in text: tab, line breaks and everything from space up, but no lone surrogates. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeXml = (text: string): string =>
  text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });

/** Element names are the specification's or ours: lower-case words joined by underscores. */
const ELEMENT = /^[a-z][a-z0-9_]*$/;

const element = (name: string, value: Open311Value): string => {
  if (!ELEMENT.test(name)) throw new Error(`not an element name: ${name}`);
  if (value === undefined) return '';
  if (value === null) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'item';
    return `<${name}>${(value as readonly Open311Value[]).map((entry) => element(item, entry)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Open311Record)
      .map(([field, inner]) => element(field, inner))
      .join('');
    return `<${name}>${fields}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
};

/** An XML document whose root is `root` holding `value` (a list's items, or an object's fields). */
export const toXml = (root: string, value: Open311Value): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}`;

/** JSON without the fields that are not there (undefined), keeping the empty ones (null). */
export const toJson = (value: Open311Value): string => JSON.stringify(value);

export const CONTENT_TYPE: Readonly<Record<Open311Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** Send a document: in JSON the value itself, in XML under `root`. */
export const sendOpen311 = (
  response: ServerResponse,
  status: number,
  format: Open311Format,
  root: string,
  value: Open311Value,
): void => {
  response.writeHead(status, { 'content-type': CONTENT_TYPE[format], 'cache-control': 'no-store' });
  response.end(format === 'json' ? toJson(value) : toXml(root, value));
};

export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

/** The specification's errors: `[{code, description}]`, `<errors><error><code>…`; the code is the HTTP status. */
export const sendOpen311Errors = (
  response: ServerResponse,
  status: number,
  format: Open311Format,
  description: string | readonly string[],
): void => {
  const errors: Open311Error[] = (typeof description === 'string' ? [description] : description).map(
    (text) => ({
      code: status,
      description: text,
    }),
  );
  sendOpen311(
    response,
    status,
    format,
    'errors',
    errors.map((entry) => ({ ...entry })),
  );
};

const two = (value: number) => String(value).padStart(2, '0');

/** ISO 8601 with the offset of `timeZone` at that instant: `2026-12-04T23:59:59+02:00`. */
export const isoInZone = (at: number, timeZone: string): string => {
  const parts: Record<string, string> = {};
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const part of formatter.formatToParts(new Date(at))) parts[part.type] = part.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  const offset = `${sign}${two(Math.floor(magnitude / 60))}:${two(magnitude % 60)}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
};
