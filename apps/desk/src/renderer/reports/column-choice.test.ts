import { REPORT_COLUMNS } from '@queue/core';
import { describe, expect, it } from 'vitest';
import {
  COLUMNS_KEY,
  DEFAULT_COLUMNS,
  loadColumns,
  parseColumns,
  saveColumns,
  withColumn,
} from './column-choice';

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
};

describe('the report table’s chosen columns', () => {
  it('start with a short default set, in the table’s order', () => {
    expect(loadColumns(memory())).toEqual(DEFAULT_COLUMNS);
    expect(DEFAULT_COLUMNS.length).toBeLessThan(REPORT_COLUMNS.length);
    expect(REPORT_COLUMNS.filter((column) => DEFAULT_COLUMNS.includes(column))).toEqual(DEFAULT_COLUMNS);
  });

  it('are remembered between sessions', () => {
    const storage = memory();
    const chosen = withColumn(withColumn(DEFAULT_COLUMNS, 'waitP90', true), 'noShow', false);
    saveColumns(storage, chosen);
    expect(storage.items.get(COLUMNS_KEY)).toBe(JSON.stringify(chosen));
    expect(loadColumns(storage)).toEqual(chosen);
    expect(chosen).toContain('waitP90');
    expect(chosen).not.toContain('noShow');
  });

  it('keep the table’s order whatever order they were ticked in', () => {
    expect(withColumn(['ratingsMean'], 'issued', true)).toEqual(['issued', 'ratingsMean']);
    expect(withColumn(['issued'], 'issued', true)).toEqual(['issued']);
  });

  it('may be none; unknown names are dropped; a damaged entry is the default', () => {
    expect(parseColumns('[]')).toEqual([]);
    expect(parseColumns('["served","bogus","issued"]')).toEqual(['issued', 'served']);
    expect(parseColumns('{')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('"issued"')).toEqual(DEFAULT_COLUMNS);
  });

  it('survive a storage that refuses', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadColumns(broken)).toEqual(DEFAULT_COLUMNS);
    expect(() => saveColumns(broken, ['issued'])).not.toThrow();
  });
});
