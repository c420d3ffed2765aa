import { describe, expect, it } from 'vitest';
import { editList } from './list-edit';

describe('editing an ordered list', () => {
  const list = ['a', 'b', 'c'] as const;

  it('adds at the end, removes and replaces one entry', () => {
    expect(editList(list, { kind: 'add', item: 'd' })).toEqual(['a', 'b', 'c', 'd']);
    expect(editList(list, { kind: 'remove', index: 1 })).toEqual(['a', 'c']);
    expect(editList(list, { kind: 'replace', index: 2, item: 'z' })).toEqual(['a', 'b', 'z']);
  });

  it('moves an entry up or down by one, and not past either end', () => {
    expect(editList(list, { kind: 'move', index: 1, by: -1 })).toEqual(['b', 'a', 'c']);
    expect(editList(list, { kind: 'move', index: 1, by: 1 })).toEqual(['a', 'c', 'b']);
    expect(editList(list, { kind: 'move', index: 0, by: -1 })).toBe(list);
    expect(editList(list, { kind: 'move', index: 2, by: 1 })).toBe(list);
    expect(editList(list, { kind: 'remove', index: 5 })).toBe(list);
  });
});
