/**
 * The ticket read back from the bytes with the test decoder: every block in its place, the
 * Ukrainian words exact, the profile's code page, FS . and cutter honoured, and the
 * template's choices followed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ticketToEscPos } from './encode';
import { type PrinterProfile, parsePrinterProfile } from './profile';
import { SAMPLE_TEMPLATE, SAMPLE_TICKET, decodeEscPos, readableLines } from './testing';
import type { TicketView } from './ticket-view';

const profile = (id: string): PrinterProfile =>
  parsePrinterProfile(
    JSON.parse(readFileSync(new URL(`../../../hardware/printers/${id}.json`, import.meta.url), 'utf8')),
  );
const EPSON = profile('epson-80');
const XPRINTER = profile('xprinter-80');
const NARROW: PrinterProfile = { ...profile('xprinter-58'), render: 'text' };

describe('ticketToEscPos (text mode)', () => {
  it('reads back the whole ticket in Ukrainian, word for word', () => {
    expect(readableLines(ticketToEscPos(SAMPLE_TICKET, EPSON, SAMPLE_TEMPLATE))).toEqual([
      'Ґанок № 5 — вхід з пандусом',
      'Центр надання житлово-комунальних послуг',
      '-'.repeat(48),
      'Ваш талон',
      'П-005',
      'Реєстрація місця проживання',
      'Паспортний стіл',
      '-'.repeat(48),
      'Видано: 23.11.2026 14:05',
      'Перед вами: 3',
      'Очікування: 20–45 хв',
      'Пільгова черга: сім’я військовослужбовця',
      '(Пільгу треба підтвердити у вікні',
      'обслуговування)',
      'Стежте за чергою в телефоні:',
      'Стежте за викликом на табло',
      '-'.repeat(48),
      'Графік роботи:',
      'Пн–Пт 08:00–21:00',
      'Сб–Нд 09:00–17:00',
      'Дитячий куточок «Веселий їжак»',
      'Роз’яснення за телефоном 15-80',
    ]);
  });

  it('starts with ESC @, selects the profile code page, prints the QR and cuts', () => {
    const bytes = ticketToEscPos(SAMPLE_TICKET, EPSON);
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 46]);
    const decoded = decodeEscPos(bytes);
    expect(decoded.qrCodes).toEqual([SAMPLE_TICKET.statusUrl]);
    expect(decoded.listing).toContain('GS ( k fn 65 50 0'); // model 2
    expect(decoded.listing).toContain('GS ( k fn 67 6'); // module size from the profile
    expect(decoded.cuts).toBe(1);
    expect(decoded.listing.slice(-2)).toEqual(['ESC d 4', 'GS V 1']);
  });

  it('prints the number three times its width and height (about 9 mm), in bold', () => {
    const { listing } = decodeEscPos(ticketToEscPos(SAMPLE_TICKET, EPSON));
    const number = listing.indexOf('TEXT "П-005"');
    expect(listing.slice(number - 2, number)).toEqual(['ESC E 1', 'GS ! 34']);
    expect(listing.slice(number + 1, number + 4)).toEqual(['LF', 'GS ! 0', 'ESC E 0']);
  });

  it('leaves the Chinese mode with FS . and uses ESC t 73 (WPC1251) on an Xprinter-type clone', () => {
    const bytes = ticketToEscPos(SAMPLE_TICKET, XPRINTER);
    expect([...bytes.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x74, 73]);
    expect(readableLines(bytes)).toContain('Реєстрація місця проживання');
  });

  it('wraps to 32 characters on 58 mm paper and leaves out the cut without a cutter', () => {
    const bytes = ticketToEscPos(SAMPLE_TICKET, NARROW, SAMPLE_TEMPLATE);
    const lines = decodeEscPos(bytes).lines;
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(32);
    expect(lines).toContain('-'.repeat(32));
    expect(lines).toEqual(
      expect.arrayContaining(['Центр надання', 'житлово-комунальних послуг', 'Реєстрація місця проживання']),
    );
    expect(decodeEscPos(bytes).cuts).toBe(0);
  });

  it('speaks Russian and English when asked', () => {
    const ru = readableLines(ticketToEscPos({ ...SAMPLE_TICKET, language: 'ru' }, EPSON));
    expect(ru).toEqual(expect.arrayContaining(['Перед вами: 3', 'Ожидание: 20–45 мин', 'Пн–Пт 08:00–21:00']));
    expect(ru).toContain('Сб–Вс 09:00–17:00');
    const en = readableLines(ticketToEscPos({ ...SAMPLE_TICKET, language: 'en' }, EPSON));
    expect(en).toEqual(
      expect.arrayContaining(['Your ticket', 'People ahead of you: 3', '(Must be confirmed at the desk)']),
    );
  });

  it('prints the priority without the note once confirmed, and nothing without a claim', () => {
    const confirmed: TicketView = { ...SAMPLE_TICKET, priority: { category: 'veteran', confirmed: true } };
    const lines = readableLines(ticketToEscPos(confirmed, EPSON));
    expect(lines).toContain('Пільгова черга: ветеран війни');
    expect(lines.join('\n')).not.toContain('підтвердити');
    const { priority: _priority, ...plain } = SAMPLE_TICKET;
    expect(readableLines(ticketToEscPos(plain, EPSON)).join('\n')).not.toContain('Пільгова');
  });

  it('words the wait for no wait and for a single figure', () => {
    expect(
      readableLines(ticketToEscPos({ ...SAMPLE_TICKET, lowMinutes: 0, highMinutes: 0 }, EPSON)),
    ).toContain('Вас запросять найближчим часом');
    expect(
      readableLines(ticketToEscPos({ ...SAMPLE_TICKET, lowMinutes: 5, highMinutes: 5 }, EPSON)),
    ).toContain('Очікування: близько 5 хв');
  });

  it('prints an appointment time in the site zone', () => {
    const booked = { ...SAMPLE_TICKET, appointmentAt: SAMPLE_TICKET.issuedAt + 25 * 60_000 } as TicketView;
    expect(readableLines(ticketToEscPos(booked, EPSON))).toContain('Запис на 14:30');
  });

  it('follows the template: only the chosen blocks, in its order, with localised lines', () => {
    const bytes = ticketToEscPos(SAMPLE_TICKET, EPSON, {
      blocks: ['number', 'service', 'footer'],
      footerLines: [{ uk: 'Дякуємо', ru: 'Спасибо', en: 'Thank you' }],
      numberScale: 3,
    });
    expect(readableLines(bytes)).toEqual(['П-005', 'Реєстрація місця проживання', 'Дякуємо']);
    expect(decodeEscPos(bytes).listing).toContain('GS ! 34');
    expect(decodeEscPos(bytes).qrCodes).toEqual([]);
  });

  it('prints the status URL as text on a printer without QR support, and no QR without a URL', () => {
    const lines = readableLines(ticketToEscPos(SAMPLE_TICKET, { ...EPSON, qrCode: false }));
    // A URL longer than a line is split across lines; a person still reads it whole.
    expect(lines.join('')).toContain(SAMPLE_TICKET.statusUrl);
    const { statusUrl: _url, ...offline } = SAMPLE_TICKET;
    const decoded = decodeEscPos(ticketToEscPos(offline, EPSON));
    expect(decoded.qrCodes).toEqual([]);
    expect(decoded.lines).not.toContain('Стежте за чергою в телефоні:');
  });

  it('falls back to look-alikes on a cp866 printer', () => {
    const cp866: PrinterProfile = { ...EPSON, codePage: 17, encoding: 'cp866' };
    const lines = readableLines(ticketToEscPos(SAMPLE_TICKET, cp866, SAMPLE_TEMPLATE));
    expect(lines).toContain('Ганок № 5 - вхiд з пандусом');
    expect(lines).toContain('Реєстрацiя мiсця проживання');
  });
});
