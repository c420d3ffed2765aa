import { describe, expect, it } from 'vitest';
import { normalizeTicketNumber } from './ticket-number';

describe('ticket number typed at reception', () => {
  it('makes the printed form from what was typed', () => {
    expect(normalizeTicketNumber('А-023')).toBe('А-023');
    expect(normalizeTicketNumber(' а23 ')).toBe('А-023');
    expect(normalizeTicketNumber('д 0007')).toBe('Д-007');
    expect(normalizeTicketNumber('П-1234')).toBe('П-1234');
  });

  it('reads Latin look-alike letters as the Cyrillic prefixes', () => {
    expect(normalizeTicketNumber('a-5')).toBe('А-005');
    expect(normalizeTicketNumber('P12')).toBe('Р-012');
    expect(normalizeTicketNumber('x1')).toBe('Х-001');
  });

  it('leaves anything else as typed, in capitals', () => {
    expect(normalizeTicketNumber('абв')).toBe('АБВ');
    expect(normalizeTicketNumber('123')).toBe('123');
  });
});
