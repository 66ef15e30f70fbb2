// Validation errors at their fields. The server's problem+json lists errors[] with the API's field
// names; a form's inputs carry the same names (name="comfortTempMin"), so each message goes under
// its input, with the input's label instead of the API name, and the input is marked invalid. A
// summary at the top lists them with links. Every submit clears the previous errors first, and
// typing into a field clears its own: no stale error stays on screen.

import { el, focusOn, uid } from '../dom.js';

export function formErrors(form) {
  const summary = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true, 'data-testid': 'form-errors' });
  form.prepend(summary);
  form.addEventListener('input', (event) => clearField(event.target));

  function labelOf(name) {
    const input = form.elements.namedItem(name);
    if (!input || !input.id) return null;
    const label = form.querySelector(`label[for="${input.id}"]`);
    return label ? label.textContent.replace(/\s*\(required\)\s*$/, '').trim() : null;
  }

  /** "comfortTempMin must not be above comfortTempMax" becomes "Must not be above Comfort max °C". */
  function humanise(field, message) {
    let text = message;
    if (field && text.startsWith(`${field} `)) text = text.slice(field.length + 1);
    for (const input of form.elements) {
      const label = input.name ? labelOf(input.name) : null;
      if (label) text = text.replace(new RegExp(`\\b${input.name}\\b`, 'g'), label);
    }
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function clearField(input) {
    if (!input || !input.getAttribute || input.getAttribute('aria-invalid') !== 'true') return;
    input.removeAttribute('aria-invalid');
    const errorId = input.dataset.errorId;
    document.getElementById(errorId)?.remove();
    const described = (input.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== errorId);
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
  }

  function clear() {
    summary.hidden = true;
    summary.replaceChildren();
    for (const input of form.elements) clearField(input);
  }

  /** Shows an ApiError (or any Error) at the fields; returns whether any field was found. */
  function show(error) {
    clear();
    const errors = error.fieldErrors && error.fieldErrors.length
      ? error.fieldErrors
      : [{ field: null, message: error.message }];
    const items = [];
    let first = null;
    for (const { field, message } of errors) {
      const input = field ? form.elements.namedItem(field) : null;
      const text = humanise(field, message);
      if (input && input.id) {
        const errorId = input.dataset.errorId || uid(`${input.id}-error`);
        input.dataset.errorId = errorId;
        input.setAttribute('aria-invalid', 'true');
        const described = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
        described.add(errorId);
        input.setAttribute('aria-describedby', [...described].join(' '));
        const where = input.closest('.field') || input.parentElement;
        where.append(el('p', { id: errorId, class: 'field-error', 'data-testid': 'field-error', 'data-field': field }, text));
        items.push(el('li', {}, el('a', { href: `#${input.id}`, onclick: (e) => { e.preventDefault(); input.focus(); } }, `${labelOf(field) ?? field}: ${text}`)));
        first = first ?? input;
      } else {
        items.push(el('li', {}, text));
      }
    }
    summary.replaceChildren(
      el('p', {}, errors.length === 1 ? 'This could not be saved:' : `This could not be saved (${errors.length} problems):`),
      el('ul', {}, items));
    summary.hidden = false;
    if (first) first.focus();
    else focusOn(summary);
    return first !== null;
  }

  return { show, clear };
}

/**
 * A labelled input in a .field wrapper. options: type, required, hint, attributes for the input,
 * and for type 'select' the options [{ value, label }] and for 'checkbox' a checked value.
 */
export function field(name, label, options = {}) {
  const { type = 'text', required = false, hint = null, choices = null, attributes = {} } = options;
  const id = attributes.id || uid(`f-${name}`);
  const hintId = hint ? `${id}-hint` : null;
  let input;
  if (type === 'select') {
    input = el('select', { id, name, 'aria-describedby': hintId, ...attributes },
      ...(choices || []).map((c) => el('option', { value: c.value }, c.label)));
  } else if (type === 'textarea') {
    input = el('textarea', { id, name, 'aria-describedby': hintId, rows: 3, ...attributes });
  } else {
    input = el('input', { id, name, type, 'aria-describedby': hintId, ...attributes });
  }
  if (required) input.setAttribute('aria-required', 'true');
  const labelNode = el('label', { for: id }, label, required ? el('span', { class: 'required' }, ' (required)') : null);
  if (type === 'checkbox') {
    return el('div', { class: 'field check' }, input, labelNode, hint ? el('p', { id: hintId, class: 'hint' }, hint) : null);
  }
  return el('div', { class: 'field' }, labelNode, input, hint ? el('p', { id: hintId, class: 'hint' }, hint) : null);
}
