/**
 * Does every control fit the screen? On a phone, a control that is cut off by the viewport's
 * edge, by an ancestor that hides overflow, or whose own text overflows it, is a control the
 * visitor cannot read or reach. `unfitControls` lists them (empty when all fit), and says so
 * when the page itself scrolls sideways. A control below the fold of a panel that scrolls up
 * and down is reachable and fits; one cut off sideways is not.
 */
import type { Page } from 'playwright-core';

/** Runs in the page (a string, so that the test's typings need no DOM). */
const CHECK = `(() => {
  const problems = [];
  const doc = document.documentElement;
  const width = window.innerWidth;
  if (doc.scrollWidth > doc.clientWidth + 1) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
  const describe = (node) => {
    const text = (node.getAttribute('aria-label') || node.textContent || node.getAttribute('name') || '').trim().slice(0, 40);
    return node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (text ? ' "' + text + '"' : '');
  };
  const controls = document.querySelectorAll('a[href], button, input, select, textarea, [role="button"], [tabindex]');
  for (const node of controls) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || node.closest('[hidden]')) continue;
    const box = node.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      problems.push(describe(node) + ' is outside the viewport: ' + Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width);
    }
    if (node.tagName !== 'INPUT' && node.tagName !== 'TEXTAREA' && node.tagName !== 'SELECT' && node.scrollWidth > node.clientWidth + 1 && style.display !== 'inline') {
      problems.push(describe(node) + ' clips its own content: ' + node.scrollWidth + ' > ' + node.clientWidth);
    }
    // A list that scrolls up and down is fine (the next rows are a scroll away); what is cut
    // off sideways, or hidden by an ancestor that does not scroll, is not.
    let top = box.top;
    let bottom = box.bottom;
    for (let parent = node.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent);
      if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
      const outer = parent.getBoundingClientRect();
      const scrollsDown = overflow.overflowY === 'auto' || overflow.overflowY === 'scroll';
      const sideways = box.left < outer.left - 0.5 || box.right > outer.right + 0.5;
      const upright = !scrollsDown && (top < outer.top - 0.5 || bottom > outer.bottom + 0.5);
      if (sideways || upright) problems.push(describe(node) + ' is clipped by ' + describe(parent));
      if (scrollsDown) {
        // Scrolled into view, it shows within this box: check that against the ancestors above.
        top = Math.min(Math.max(top, outer.top), outer.bottom);
        bottom = Math.max(Math.min(bottom, outer.bottom), top);
      }
    }
  }
  return problems;
})()`;

/** Controls that do not fit the screen, as readable lines: none when everything fits. */
export const unfitControls = (page: Page): Promise<string[]> => page.evaluate(CHECK) as Promise<string[]>;
