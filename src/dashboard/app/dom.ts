/** Small DOM helpers: elements are built with textContent, never innerHTML, so data cannot inject markup. */

type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes (`class`, `data-*`, `title` ...) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false) continue;
    element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}

/** A dashboard panel: its body, and its state (`loading`, `ready`, `empty`, `error`) for tests and CSS. */
export interface Panel {
  root: HTMLElement;
  body: HTMLElement;
  /** Replaces the body and marks the panel ready (or empty when `nodes` is empty). */
  show(...nodes: Child[]): void;
  /** Replaces the body with the reason the query failed. */
  fail(message: string): void;
  loading(): void;
}

/** Finds the panel `<section id>` on the page and wraps it. */
export function panel(id: string): Panel {
  const root = document.getElementById(id);
  if (!root) throw new Error(`The page has no panel #${id}`);
  const body = root.querySelector<HTMLElement>('.panel-body') ?? root.appendChild(h('div', { class: 'panel-body' }));
  const set = (state: string, ...nodes: Child[]) => {
    root.dataset.state = state;
    body.replaceChildren(
      ...nodes.filter((n): n is Node | string => n !== null && n !== undefined && n !== false).map((n) => (typeof n === 'number' ? String(n) : n)),
    );
  };
  return {
    root,
    body,
    show: (...nodes) => set(nodes.length ? 'ready' : 'empty', ...(nodes.length ? nodes : [h('p', { class: 'panel-empty' }, 'Nothing to show.')])),
    fail: (message) => set('error', h('p', { class: 'panel-error', role: 'alert' }, `This panel's query failed: ${message}`)),
    loading: () => set('loading', h('p', { class: 'panel-loading' }, 'Loading…')),
  };
}

/** A table with a header row and body rows. */
export function table(headers: string[], rows: Child[][], attrs: Record<string, string> = {}): HTMLTableElement {
  return h(
    'table',
    attrs,
    h('thead', {}, h('tr', {}, ...headers.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
  );
}
