/**
 * Paging for a list that may hold more rows than its box: `usePagedRows` measures the rows
 * (each may wrap to its own height) and splits them into pages that fit the box whole, again
 * whenever the rows or the box's size change; `usePageTurn` shows each page in turn.
 */
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';
import { pagesOf } from '../logic/pages';

/**
 * The page of each child of `list`, the box that holds them; `key` changes when the rows do.
 * While measuring (before the browser paints), every row is shown.
 */
export const usePagedRows = (list: RefObject<HTMLElement | null>, key: string): readonly number[] => {
  const [measured, setMeasured] = useState<{ readonly key: string; readonly pages: readonly number[] }>();
  const [size, setSize] = useState(0);

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setSize((count) => count + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, [list]);

  const current = `${key}|${size}`;
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || measured?.key === current) return;
    const heights = Array.from(element.children, (row) => row.getBoundingClientRect().height);
    const gap = parseFloat(getComputedStyle(element).rowGap) || 0;
    setMeasured({ key: current, pages: pagesOf(heights, gap, element.clientHeight) });
  }, [list, current, measured]);

  return measured?.key === current ? measured.pages : [];
};

/** The page shown now, of `pages`, each for `ms`. */
export const usePageTurn = (pages: number, ms: number): number => {
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = window.setInterval(() => setTurn((count) => count + 1), ms);
    return () => window.clearInterval(timer);
  }, [pages, ms]);
  return pages <= 1 ? 0 : turn % pages;
};
