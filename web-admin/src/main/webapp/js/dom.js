// Building DOM without a framework: el('tag', {attributes}, ...children). Attribute values null,
// undefined or false leave the attribute out; true sets it empty. Strings become text nodes, so no
// server text is ever parsed as HTML.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Children as el() takes them (nested arrays, null for none) as a flat list of nodes. */
export function nodes(...children) {
  const holder = document.createDocumentFragment();
  append(holder, children);
  return [...holder.childNodes];
}

/** A button that is not a form submit; extra attributes as for el(). */
export function button(label, onClick, attributes = {}) {
  return el('button', { type: 'button', class: 'secondary', ...attributes, onclick: onClick }, label);
}

let counter = 0;

/** An id unique in this page, for label/aria references. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Focuses a node that is not focusable by itself (a heading, a region). */
export function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
  node.focus({ preventScroll: false });
}
