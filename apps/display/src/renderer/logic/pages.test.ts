/** Waiting rows in pages: each page holds whole rows only, in order, and every row has a page. */
import { describe, expect, it } from 'vitest';
import { pagesOf } from './pages';

describe('pagesOf', () => {
  it('keeps rows that fit on one page', () => {
    expect(pagesOf([80, 80, 80], 0, 240)).toEqual([0, 0, 0]);
  });

  it('starts a new page with the row that would be cut', () => {
    expect(pagesOf([80, 80, 80, 80, 80, 80, 80], 0, 250)).toEqual([0, 0, 0, 1, 1, 1, 2]);
  });

  it('counts the gaps between rows', () => {
    expect(pagesOf([80, 80, 80], 10, 250)).toEqual([0, 0, 1]);
  });

  it('lets a row wrapped to two lines take its own room', () => {
    expect(pagesOf([80, 160, 80, 80], 0, 250)).toEqual([0, 0, 1, 1]);
  });

  it('gives a row taller than the box a page to itself', () => {
    expect(pagesOf([300, 80], 0, 250)).toEqual([0, 1]);
  });

  it('has no pages without rows', () => {
    expect(pagesOf([], 0, 250)).toEqual([]);
  });
});
