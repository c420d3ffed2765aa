/**
 * Does every control fit the screen? On a phone, a control that is cut off by the viewport's
 * edge, by an ancestor that hides overflow, or whose own text overflows it, is a control the
 * visitor cannot read or reach. `unfitControls` lists them (empty when all fit), and says so
 * when the page itself scrolls sideways. A control below the fold of a panel that scrolls up
 * and down is reachable and fits; one cut off sideways is not, unless it is inside a box made
 * to scroll sideways (overflow-x auto or scroll, and focusable, so that a keyboard scrolls it
 * too: a wide table's `tabindex="0"` region), where it is a scroll away like a row below.
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
  // A box that scrolls sideways on purpose: it scrolls, and the keyboard can focus (and scroll) it.
  const scrollsSideways = (node, style) =>
    (style.overflowX === 'auto' || style.overflowX === 'scroll') && node.hasAttribute('tabindex') && node.tabIndex >= 0;
  const controls = document.querySelectorAll('a[href], button, input, select, textarea, [role="button"], [tabindex]');
  for (const node of controls) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || node.closest('[hidden]')) continue;
    const box = node.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (node.tagName !== 'INPUT' && node.tagName !== 'TEXTAREA' && node.tagName !== 'SELECT' && node.scrollWidth > node.clientWidth + 1 && style.display !== 'inline' && !scrollsSideways(node, style)) {
      problems.push(describe(node) + ' clips its own content: ' + node.scrollWidth + ' > ' + node.clientWidth);
    }
    // A list that scrolls up and down is fine (the next rows are a scroll away); what is cut
    // off sideways (outside a box that scrolls sideways on purpose), or hidden by an ancestor
    // that does not scroll, is not.
    let top = box.top;
    let bottom = box.bottom;
    let left = box.left;
    let right = box.right;
    for (let parent = node.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent);
      if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
      const outer = parent.getBoundingClientRect();
      const scrollsDown = overflow.overflowY === 'auto' || overflow.overflowY === 'scroll';
      const scrollsAcross = scrollsSideways(parent, overflow);
      const sideways = !scrollsAcross && (left < outer.left - 0.5 || right > outer.right + 0.5);
      const upright = !scrollsDown && (top < outer.top - 0.5 || bottom > outer.bottom + 0.5);
      if (sideways || upright) problems.push(describe(node) + ' is clipped by ' + describe(parent));
      if (scrollsDown) {
        // Scrolled into view, it shows within this box: check that against the ancestors above.
        top = Math.min(Math.max(top, outer.top), outer.bottom);
        bottom = Math.max(Math.min(bottom, outer.bottom), top);
      }
      if (scrollsAcross) {
        left = Math.min(Math.max(left, outer.left), outer.right);
        right = Math.max(Math.min(right, outer.right), left);
      }
    }
    // Where it shows once scrolled into view within any box that scrolls sideways on purpose.
    if (left < -0.5 || right > width + 0.5) {
      problems.push(describe(node) + ' is outside the viewport: ' + Math.round(left) + '..' + Math.round(right) + ' of ' + width);
    }
  }
  return problems;
})()`;

/** Controls that do not fit the screen, as readable lines: none when everything fits. */
export const unfitControls = (page: Page): Promise<string[]> => page.evaluate(CHECK) as Promise<string[]>;
