/**
 * Rows in pages that fit a box whole: each row goes on the current page if it fits below the
 * rows already there, else it starts the next page. A row taller than the box has a page to
 * itself.
 */

/** The page of each row, given the rows' heights, the gap between rows and the box's height. */
export const pagesOf = (heights: readonly number[], gap: number, room: number): number[] => {
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  for (const height of heights) {
    if (used > 0 && used + height > room + 0.5) {
      page += 1;
      used = 0;
    }
    pages.push(page);
    used += height + gap;
  }
  return pages;
};
