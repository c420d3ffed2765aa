/** The simulator's agenda keeps time order and, for ties, push order (reproducible runs). */
import { describe, expect, it } from 'vitest';
import { Agenda } from './heap';
import { Random } from './prng';

describe('Agenda', () => {
  it('pops in time order, ties in push order', () => {
    const agenda = new Agenda<string>();
    agenda.push(5, 'e');
    agenda.push(1, 'a');
    agenda.push(3, 'c1');
    agenda.push(3, 'c2');
    agenda.push(2, 'b');
    const out: string[] = [];
    for (let item = agenda.pop(); item; item = agenda.pop()) out.push(item.value);
    expect(out).toEqual(['a', 'b', 'c1', 'c2', 'e']);
  });

  it('sorts random times', () => {
    const random = new Random(7);
    const agenda = new Agenda<number>();
    const times = Array.from({ length: 500 }, () => random.int(100));
    for (const time of times) agenda.push(time, time);
    const out: number[] = [];
    for (let item = agenda.pop(); item; item = agenda.pop()) out.push(item.at);
    expect(out).toEqual([...times].sort((a, b) => a - b));
    expect(agenda.size).toBe(0);
  });
});
