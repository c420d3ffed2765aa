/** Desk kinds and the call handed to the announcer ("вікно номер …" or "кабінет номер …"). */
import { composeAnnouncement } from '@queue/announcer';
import { DEMO_CENTRE, deskId, instant, serviceCode } from '@queue/core';
import type { CallView } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { deskKind, toAnnouncementCall } from './announce-call';

const desk = (number: number) => DEMO_CENTRE.desks.find((entry) => entry.number === number);

const call = (desk: string, kind: CallView['kind'] = 'call'): CallView => ({
  seq: 7,
  kind,
  number: 'А-023',
  serviceCode: serviceCode('bill-reconcile'),
  deskId: deskId(desk),
  at: instant(0),
});

describe('deskKind', () => {
  it('calls a desk named "Кабінет …" a room and any other a desk', () => {
    expect(deskKind({ name: { uk: 'Кабінет 13', ru: 'Кабинет 13', en: 'Room 13' } })).toBe('room');
    expect(deskKind({ name: { uk: ' кабінет юриста', ru: '', en: '' } })).toBe('room');
    expect(deskKind({ name: { uk: 'Вікно 5', ru: 'Окно 5', en: 'Desk 5' } })).toBe('desk');
  });

  it('finds the one room of the demo centre', () => {
    expect(
      DEMO_CENTRE.desks.filter((entry) => deskKind(entry) === 'room').map((entry) => entry.number),
    ).toEqual([13]);
  });
});

describe('toAnnouncementCall', () => {
  it('gives the number, the desk number and kind, and the kind of call', () => {
    expect(toAnnouncementCall(call('desk-5'), desk(5))).toEqual({
      number: 'А-023',
      deskNumber: 5,
      deskKind: 'desk',
      kind: 'call',
    });
    const room = toAnnouncementCall(call('desk-13', 'recall'), desk(13));
    expect(composeAnnouncement(room, 'uk').text).toBe(
      'Талон А двадцять три, кабінет номер тринадцять, повторно',
    );
  });

  it('announces a desk missing from the configuration by the number in its id', () => {
    expect(toAnnouncementCall(call('desk-21'), undefined)).toMatchObject({
      deskNumber: 21,
      deskKind: 'desk',
    });
    expect(toAnnouncementCall(call('reception'), undefined).deskNumber).toBe(-1);
  });
});
