// Building the page: elements from data (text only, never HTML), tables, form fields with a place
// for their error, and the main area.

import { t } from './i18n.js';

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'value') node.value = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/// Replaces the main area and moves the focus there, so screen readers announce the new page.
export function show(...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes.flat(Infinity).filter((node) => node !== null && node !== undefined && node !== false));
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/// A table; `rows` are arrays of cells (text or nodes). Wide tables scroll inside their box on a phone.
export function table(headings, rows, { caption, className } = {}) {
  if (rows.length === 0) return element('p', { class: 'empty' }, t('empty'));
  return element('div', { class: 'table-box' }, element('table', { class: className },
    caption ? element('caption', {}, caption) : null,
    element('thead', {}, element('tr', {}, headings.map((h) => element('th', { scope: 'col' }, h)))),
    element('tbody', {}, rows.map((cells) => element('tr', {}, cells.map((c) => element('td', {}, c)))))));
}

let fieldCount = 0;

/// A labelled control with a hint and a place for the server's error about it. `name` is the API's
/// field name, so an error naming that field lands here.
export function field(labelText, control, { hint, name } = {}) {
  const id = control.id || `f${++fieldCount}`;
  control.id = id;
  const error = element('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name || control.name });
  const hintNode = hint ? element('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintNode ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return element('div', { class: 'field', 'data-field': name || control.name },
    element('label', { for: id }, labelText), hintNode, control, error);
}

/// A group of radio buttons or check boxes as large tappable chips, in a fieldset with a legend.
export function choices(legend, name, options, { type = 'radio', checked = [] } = {}) {
  const error = element('p', { class: 'field-error', 'data-error-for': name });
  return element('fieldset', { class: 'choices', 'data-field': name },
    element('legend', {}, legend),
    element('div', { class: 'chips' }, options.map(([value, label]) => element('label', { class: 'chip' },
      element('input', { type, name, value, checked: checked.includes(value) }), element('span', {}, label)))),
    error);
}

export const link = (href, label, attributes = {}) => element('a', { href, ...attributes }, label);

export function notice(message, kind = 'info') {
  return element('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
}

export const pageSize = 50;

/// The offset a list page was asked for ("#/clients?offset=50").
export function listOffset() {
  return Number(new URLSearchParams(location.hash.split('?')[1] || '').get('offset')) || 0;
}

/// "51–100 of 200" with links to the previous and next page of a list answered by the API.
export function pager(page, path) {
  const offset = page.offset || 0;
  return element('p', { class: 'pager' },
    `${page.items.length ? offset + 1 : 0}–${offset + page.items.length} ${t('of')} ${page.total} `,
    offset > 0 ? link(`#/${path}?offset=${Math.max(0, offset - pageSize)}`, '←', { 'aria-label': t('page_previous') }) : null,
    ' ',
    offset + pageSize < page.total ? link(`#/${path}?offset=${offset + pageSize}`, '→', { 'aria-label': t('page_next') }) : null);
}
