// Tiny DOM builder. Text only ever goes in through text nodes (textContent), never innerHTML: sheet text
// (criterion titles, sector names, server messages) is user input and must render as text.

export type Child = Node | string | number | null | undefined | false | Child[];

export type AttrValue = string | number | boolean | null | undefined;

export interface Attrs {
  [name: string]: AttrValue | EventListener | ((event: never) => void);
}

/**
 * el('button', { class: 'action', onclick: fn, disabled: true }, 'Lưu').
 * Attributes: `on<event>` with a function → listener; true → empty attribute; false/null/undefined → left out;
 * `value` and `checked` are set as properties (their attributes are only defaults).
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (typeof value === 'function') {
        node.addEventListener(name.slice(2), value as EventListener);
      } else if (name === 'value') {
        (node as unknown as HTMLInputElement).value = value == null ? '' : String(value);
      } else if (name === 'checked') {
        (node as unknown as HTMLInputElement).checked = Boolean(value);
      } else if (value === true) {
        node.setAttribute(name, '');
      } else if (value !== false && value != null) {
        node.setAttribute(name, String(value));
      }
    }
  }
  append(node, children);
  return node;
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === 'string' || typeof child === 'number')
      parent.appendChild(document.createTextNode(String(child)));
    else parent.appendChild(child);
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from sidebar.html`);
  return node as T;
}

/** A 24×24 single-path icon (Material icon geometry), decorative: hidden from screen readers. */
export function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS(ns, 'path');
  shape.setAttribute('d', path);
  shape.setAttribute('fill', 'currentColor');
  svg.appendChild(shape);
  return svg;
}
