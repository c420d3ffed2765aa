/** The few DOM helpers the booking page needs: it is plain TypeScript, a few kilobytes. */

type Child = Node | string;
type Attributes = Readonly<Record<string, string>>;

export interface Handlers {
  readonly onclick?: (event: Event) => void;
  readonly onsubmit?: (event: Event) => void;
}

/** An element with attributes, handlers and children. */
export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly Child[] = [],
  handlers: Handlers = {},
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (handlers.onclick) node.addEventListener('click', handlers.onclick);
  if (handlers.onsubmit) node.addEventListener('submit', handlers.onsubmit);
  node.append(...children);
  return node;
};

/** Replace the page's content, and start at its top. */
export const show = (app: HTMLElement, nodes: readonly Node[]): void => {
  app.replaceChildren(...nodes);
  window.scrollTo(0, 0);
};
