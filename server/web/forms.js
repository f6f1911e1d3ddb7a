// Forms that do not lose work and do not submit twice.
//
// Every change is kept as a draft in sessionStorage (this tab only; cleared on sign-out and when
// another user signs in), so a session that expires mid-form returns to the same form with the
// same values after signing in again. A submit disables its button and carries an idempotency key
// that belongs to the draft: a second tap, or a retry after a lost answer, cannot create a second
// record. Errors the server names by field appear next to that field.

import { element, notice } from './dom.js';
import { newKey, Problem, SessionExpired } from './api.js';
import { t } from './i18n.js';

function controls(form) {
  return [...form.elements].filter((c) => c.name && !c.disabled && c.type !== 'submit' && c.type !== 'button');
}

/// The form's values by name; check boxes give lists, radios the checked value.
export function readForm(form) {
  const values = {};
  for (const c of controls(form)) {
    if (c.type === 'checkbox') {
      values[c.name] = values[c.name] || [];
      if (c.checked) values[c.name].push(c.value);
    } else if (c.type === 'radio') {
      if (c.checked) values[c.name] = c.value;
      else if (!(c.name in values)) values[c.name] = '';
    } else {
      values[c.name] = c.value;
    }
  }
  return values;
}

/// Puts saved values back into the controls that exist now (a form that grows, like a test form
/// after its instrument is chosen, calls this again).
export function fillForm(form, values) {
  for (const c of controls(form)) {
    if (!(c.name in values)) continue;
    const v = values[c.name];
    if (c.type === 'checkbox') c.checked = Array.isArray(v) && v.includes(c.value);
    else if (c.type === 'radio') c.checked = v === c.value;
    else c.value = v;
  }
}

export class Draft {
  constructor(key) { this.key = `reable.draft.${key}`; }
  load() {
    try { return JSON.parse(sessionStorage.getItem(this.key)) || null; } catch { return null; }
  }
  save(values) {
    const key = this.load()?.idempotency_key;
    sessionStorage.setItem(this.key, JSON.stringify({ ...values, idempotency_key: key }));
  }
  /// The key of this filling-in of the form: the same on every retry until it is saved.
  idempotencyKey() {
    const current = this.load() || {};
    if (!current.idempotency_key) {
      current.idempotency_key = newKey();
      sessionStorage.setItem(this.key, JSON.stringify(current));
    }
    return current.idempotency_key;
  }
  clear() { sessionStorage.removeItem(this.key); }
}

export function clearErrors(container, general) {
  for (const p of container.querySelectorAll('.field-error')) p.textContent = '';
  for (const c of container.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  general?.replaceChildren();
}

/// A typed number as JSON: a number when it is one, else the text as typed, so the server names
/// what is wrong with it; nothing when empty (the server then says whether the field is required).
export function typedNumber(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/// The API's field name as the form knows it: "gait_4m (trial 2)" is trial 2 of item gait_4m,
/// "/items/x" is x.
function fieldNames(name) {
  const plain = String(name).replace(/^\/(items\/)?/, '');
  const trial = plain.match(/^(.*) \(trial (\d+)\)$/);
  return trial ? [`${trial[1]}.${Number(trial[2]) - 1}`, trial[1]] : [plain];
}

/// Puts each error at the field it names, inside `container`, and marks that field's control.
/// Answers the errors no field took and the first control marked.
export function markFieldErrors(container, errors) {
  const unplaced = [];
  let first = null;
  for (const e of errors) {
    const box = (e.field ? fieldNames(e.field) : [])
      .map((name) => container.querySelector(`[data-error-for="${CSS.escape(name)}"]`)).find(Boolean);
    if (!box) {
      unplaced.push(e.field ? `${e.field}: ${e.message}` : e.message);
      continue;
    }
    box.textContent = box.textContent ? `${box.textContent} ${e.message}` : e.message;
    const control = box.closest('[data-field]')?.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
  }
  return { unplaced, first };
}

/// Shows a problem's errors next to their fields; the rest, and the summary, above the form.
export function showProblem(form, general, error) {
  const problem = error instanceof Problem ? error.problem : { detail: error.message };
  const list = problem.errors && problem.errors.length ? problem.errors
    : [{ field: problem.field, message: problem.detail }];
  const { unplaced, first } = markFieldErrors(form, list);
  general.replaceChildren(notice(summary(unplaced, problem), 'error'));
  if (unplaced.length > 1) general.append(element('ul', {}, unplaced.map((m) => element('li', {}, m))));
  (first || general).focus?.();
}

/// The line above the form: the one error no field took, or a call to check the marked fields.
function summary(unplaced, problem) {
  if (unplaced.length === 1) return unplaced[0];
  return unplaced.length === 0 ? t('fix_fields') : problem.detail || t('failed');
}

/// Wires a form: drafts, one submit at a time, errors by field. `submit(values, key)` sends the
/// request and returns what `done` gets; a thrown Problem is shown by field.
export function bindForm(form, { draft, submit, done, general, button }) {
  const saved = draft ? draft.load() : null;
  if (saved) fillForm(form, saved);
  const keep = () => draft && draft.save(readForm(form));
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;  // a second tap while the first is on its way
    button.disabled = true;
    const label = button.textContent;
    button.textContent = t('saving');
    clearErrors(form, general);
    try {
      keep();
      const result = await submit(readForm(form), draft ? draft.idempotencyKey() : newKey());
      if (draft) draft.clear();
      await done(result);
    } catch (error) {
      if (error instanceof SessionExpired) return;  // the draft stays; sign-in brings the user back
      showProblem(form, general, error);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
  return { restore: () => { const d = draft && draft.load(); if (d) fillForm(form, d); } };
}

