// DOM helpers. Every piece of pack or user text goes in through textContent, never innerHTML: a pack is hostile,
// and a summary holding <script> must show as text.

/** An element with a class, text and attributes; children are nodes or strings (strings become text nodes). */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:]/g;

/** A source text with its http(s) addresses as links (opened in a new tab, no referrer); the rest as text. */
export function linkify(text) {
  const fragment = document.createDocumentFragment();
  const value = String(text ?? '');
  let last = 0;
  for (const match of value.matchAll(URL_PATTERN)) {
    if (match.index > last) fragment.append(document.createTextNode(value.slice(last, match.index)));
    const a = el('a', { text: match[0], attrs: { href: match[0], rel: 'noopener noreferrer', target: '_blank' } });
    fragment.append(a);
    last = match.index + match[0].length;
  }
  if (last < value.length) fragment.append(document.createTextNode(value.slice(last)));
  return fragment;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (presentation attributes only; styling is by class, under the page's CSP). */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}
