// The reablement team's pages: the agenda, trajectories, a trajectory with its progress charts,
// logging a session, entering a test with live scoring, COPM goals and the signal list.

import { api, getJson, send } from './api.js';
import { choices, element, field, link, listOffset, notice, pager, pageSize, table } from './dom.js';
import { code, day, language, local, t, unit } from './i18n.js';
import { bindForm, clearErrors, Draft, markFieldErrors, readForm, typedNumber } from './forms.js';
import { flash, takeFlash } from './flash.js';

let instrumentList = null;

/// The instruments and templates, fetched once: reference data that does not change while the
/// server runs.
async function catalogue() {
  instrumentList = instrumentList || await getJson('/api/v1/instruments');
  return instrumentList;
}

const instrumentName = (list, id) => local(list.instruments.find((i) => i.id === id)?.name) || id;

function status(value) {
  return element('span', { class: `status status-${value}` }, code(value));
}

// ----- agenda -----

const isoDay = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${
  String(date.getDate()).padStart(2, '0')}`;

/// What an agenda line is about, in the user's language.
function agendaWhat(line) {
  if (line.session_kind) return `${code(line.session_kind)}, ${line.minutes} min`;
  return `${t('measurement')} ${line.occasion}: ${line.instruments.join(', ')} (${day(line.earliest)} – ${day(line.latest)})`;
}

/// Overdue first (measurements past their window, sessions not logged, from the last four weeks),
/// then today's visits (with measurements whose window is open), then the rest of the week.
export async function agendaPage(params, ctx) {
  const now = new Date();
  const today = isoDay(now);
  const from = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 28));
  const agenda = await getJson(`/api/v1/agenda?from=${from}`
    + `&to=${isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 6))}`);
  const row = (i) => [day(i.date), link(`#/trajectory/${i.trajectory_id}`, i.client_name), agendaWhat(i), status(i.status)];
  const overdue = agenda.items.filter((i) => i.status === 'overdue' || (i.date < today && i.status === 'not_logged'));
  const todays = agenda.items.filter((i) => i.date === today || (i.date < today && i.status === 'due'));
  const later = agenda.items.filter((i) => i.date > today);
  const headings = [t('date'), t('who'), t('what'), t('status')];
  ctx.show(element('h1', {}, t('agenda')),
    overdue.length ? [element('h2', { class: 'danger' }, `${t('overdue_items')} (${overdue.length})`),
                      table(headings, overdue.map(row), { className: 'agenda-overdue' })] : null,
    element('h2', {}, t('today')), table(headings, todays.map(row), { className: 'agenda-today' }),
    element('h2', {}, t('this_week')), table(headings, later.map(row), { className: 'agenda-week' }));
}

// ----- trajectories -----

export async function trajectoriesPage(params, ctx) {
  const [list, cat] = await Promise.all([
    getJson(`/api/v1/trajectories?status=active&limit=${pageSize}&offset=${listOffset()}`), catalogue()]);
  const template = (id) => local(cat.trajectories.find((x) => x.id === id)?.name) || id;
  ctx.show(element('h1', {}, t('trajectories')), pager(list, 'trajectories'),
    table([t('who'), t('template'), t('start'), t('state')], list.items.map((i) => [
      link(`#/trajectory/${i.id}`, i.client_name || `#${i.id}`), template(i.template_id), day(i.start_date),
      status(i.state)])));
}

// ----- one trajectory -----

function weekText(v) {
  if (v.week === undefined) return '';
  if (v.week < 1) return t('before_start');
  if (v.week > v.training_weeks) return t('after_training', v.training_weeks);
  return t('week_of', v.week, v.training_weeks);
}

async function plot(trajectory, instrument, name) {
  try {
    const response = await api(`/api/v1/trajectories/${trajectory}/plots/${encodeURIComponent(instrument)}?lang=${language}`);
    const url = URL.createObjectURL(await response.blob());
    return element('figure', { class: 'plot' }, element('img', { src: url, alt: name, onload: () => URL.revokeObjectURL(url) }),
                   element('figcaption', {}, name));
  } catch (error) {
    if (error.status === 404) return null;  // no numeric result of this test yet
    throw error;
  }
}

export async function trajectoryPage({ id }, ctx) {
  const [v, cat] = await Promise.all([getJson(`/api/v1/trajectories/${id}`), catalogue()]);
  const isTeam = ctx.me.role === 'team_member';
  const next = v.occasions.filter((o) => ['overdue', 'due', 'upcoming'].includes(o.status)).slice(0, 3);
  // Instruments with a numeric result ("8 points", not "unable") have a chart.
  const tested = [...new Set(v.test_results.filter((r) => /^-?\d/.test(r.total || '')).map((r) => r.instrument_id))];
  const plots = (await Promise.all(tested.map((i) => plot(id, i, instrumentName(cat, i))))).filter(Boolean);
  const open = v.state !== 'closed' && v.state !== 'dropped_out';
  ctx.show(
    element('h1', {}, v.client_name || `${t('trajectory')} ${v.id}`),
    takeFlash(),
    element('dl', { class: 'facts' },
      element('dt', {}, t('template')), element('dd', {}, local(v.template_name) || v.template_id),
      element('dt', {}, t('state')), element('dd', {}, status(v.state), ' ', weekText(v)),
      element('dt', {}, t('start')), element('dd', {}, day(v.start_date)),
      element('dt', {}, t('sessions_logged')), element('dd', {}, `${v.sessions_logged} (${v.minutes_logged} min)`)),
    isTeam && open ? element('p', { class: 'actions' },
      link(`#/trajectory/${id}/session`, t('log_session'), { class: 'button' }),
      link(`#/trajectory/${id}/test`, t('enter_test'), { class: 'button secondary' })) : null,
    element('h2', {}, t('next_occasions')),
    table([t('occasion'), t('window'), t('status'), t('to_record')], next.map((o) => [
      o.occasion, `${day(o.earliest)} – ${day(o.latest)}`, status(o.status),
      o.missing.map((i) => instrumentName(cat, i)).join(', ')])),
    element('h2', {}, t('adherence')),
    table([t('discipline'), t('attended'), t('planned'), '%'], v.adherence.map((a) => [
      code(a.discipline), String(a.attended), String(a.planned),
      a.planned ? `${Math.round((100 * a.attended) / a.planned)}%` : '–'])),
    element('h2', {}, t('progress')),
    plots.length ? element('div', { class: 'plots' }, plots) : element('p', {}, t('no_chart')),
    element('h2', {}, t('results')),
    table([t('date'), t('occasion'), t('instrument'), t('score')], v.test_results.map((r) => [
      day(r.tested_on), r.occasion, instrumentName(cat, r.instrument_id), code(r.total) || '–'])),
    goalsSection(v, isTeam && open),
    element('h2', {}, t('signals')),
    table([t('raised_on'), t('signal'), t('note')], v.signals.map((s) => [day(s.raised_on), code(s.kind), s.note])));
}

function goalsSection(v, canAdd) {
  const section = element('section', { 'aria-labelledby': 'goals-heading' },
    element('h2', { id: 'goals-heading' }, t('goals')),
    table([t('problem'), t('importance'), t('set_on'), `${t('performance')} / ${t('satisfaction')}`],
      v.goals.map((g) => [g.problem, String(g.importance), day(g.set_on),
        g.ratings.map((r) => `${r.occasion}: ${r.performance} / ${r.satisfaction}`).join('; ') || '–'])));
  if (!canAdd) return section;
  const general = element('div', { tabindex: '-1' });
  const button = element('button', { type: 'submit' }, t('add_goal'));
  const form = element('form', { class: 'inline-form', novalidate: true },
    field(t('problem'), element('input', { name: 'problem', maxlength: 500 })),
    field(t('importance'), element('input', { name: 'importance', type: 'number', inputmode: 'numeric', min: 1, max: 10 })),
    field(t('set_on'), element('input', { name: 'set_on', type: 'date', value: v.today })),
    general, element('p', {}, button));
  bindForm(form, {
    draft: new Draft(`goal.${v.id}`), general, button,
    submit: (values, key) => send('POST', `/api/v1/trajectories/${v.id}/goals`, {
      problem: values.problem, importance: typedNumber(values.importance), set_on: values.set_on,
    }, { idempotencyKey: key }),
    done: () => { flash(t('goal_added')); window.dispatchEvent(new HashChangeEvent('hashchange')); },
  });
  section.append(form);
  return section;
}

// ----- logging a session -----

const sessionKinds = ['training', 'home_visit', 'assessment', 'phone', 'team_meeting'];
const attendances = ['attended', 'cancelled', 'no_show'];
const signalKinds = ['caregiver_overload', 'loneliness', 'cognitive_decline', 'fall', 'financial_trouble', 'unsafe_home'];

export async function sessionPage({ id }, ctx) {
  const v = await getJson(`/api/v1/trajectories/${id}`);
  const minutes = element('input', { name: 'minutes', type: 'text', inputmode: 'numeric', value: '45',
                                     autocomplete: 'off', class: 'short' });
  const quick = element('div', { class: 'chips' }, [30, 45, 60, 90].map((m) => element('button', {
    type: 'button', class: 'chip-button',
    onclick: () => { minutes.value = String(m); minutes.dispatchEvent(new Event('input', { bubbles: true })); },
  }, `${m}`)));
  const general = element('div', { tabindex: '-1' });
  const button = element('button', { type: 'submit' }, t('save'));
  const form = element('form', { novalidate: true, 'aria-label': t('log_session') },
    field(t('date'), element('input', { name: 'date', type: 'date', value: v.today, max: v.today })),
    element('div', { class: 'field', 'data-field': 'minutes' },
      element('label', { for: 'minutes' }, t('minutes')), quick,
      Object.assign(minutes, { id: 'minutes' }), element('p', { class: 'field-error', 'data-error-for': 'minutes' })),
    choices(t('attendance'), 'attendance', attendances.map((a) => [a, code(a)]), { checked: ['attended'] }),
    field(t('absence_reason'), element('input', { name: 'absence_reason', maxlength: 500 })),
    field(t('kind'), element('select', { name: 'kind' }, sessionKinds.map((k) => element('option', { value: k }, code(k))))),
    field(t('activities'), element('textarea', { name: 'activities', rows: 3 }), { hint: t('activities_hint') }),
    v.goals.length ? choices(t('goals_worked_on'), 'goal_ids', v.goals.map((g) => [String(g.id), g.problem]),
                             { type: 'checkbox' }) : null,
    choices(t('signals_raised'), 'signals', signalKinds.map((s) => [s, code(s)]), { type: 'checkbox' }),
    field(t('notes'), element('textarea', { name: 'notes', rows: 3 })),
    general,
    element('p', { class: 'actions' }, button, link(`#/trajectory/${id}`, t('cancel'), { class: 'button secondary' })));
  bindForm(form, {
    draft: new Draft(`session.${id}`), general, button,
    submit: (values, key) => send('POST', `/api/v1/trajectories/${id}/sessions`, {
      date: values.date,
      minutes: typedNumber(values.minutes),
      attendance: values.attendance || 'attended',
      absence_reason: values.absence_reason,
      kind: values.kind,
      activities: values.activities.split('\n').map((a) => a.trim()).filter(Boolean),
      goal_ids: (values.goal_ids || []).map(Number),
      signals: values.signals || [],
      notes: values.notes,
    }, { idempotencyKey: key }),
    done: () => { flash(t('session_saved')); location.hash = `#/trajectory/${id}`; },
  });
  ctx.show(element('h1', {}, `${t('log_session')}: ${v.client_name || ''}`), form);
}

// ----- entering a test, scored live by the server -----

/// The items as the scoring API reads them: trials in order (a number, or a state such as
/// "unable" or "not_attempted:unsafe"), a choice's code; items left empty are left out.
function scoringItems(definition, values) {
  const items = {};
  for (const item of definition.items) {
    if (item.type === 'choice') {
      if (values[item.id]) items[item.id] = values[item.id];
      continue;
    }
    const trials = [];
    for (let n = 0; n < item.trials; ++n) {
      const state = values[`${item.id}.${n}.state`];
      const value = typedNumber(values[`${item.id}.${n}`]);
      if (state) trials.push(state);
      else if (value !== undefined) trials.push(value);
    }
    if (trials.length) items[item.id] = trials;
  }
  return items;
}

function itemFields(definition) {
  const nodes = [];
  const alternative = new Set(definition.alternatives.flat());
  for (const group of definition.alternatives)
    nodes.push(element('p', { class: 'hint' }, `${t('alternatives')} ${group.map((id) =>
      local(definition.items.find((i) => i.id === id)?.label) || id).join(' / ')}`));
  for (const item of definition.items) {
    const label = local(item.label);
    if (item.type === 'choice') {
      nodes.push(choices(label, item.id, item.options.map((o) => [o.code,
        o.points === null || o.points === undefined ? local(o.label) : `${local(o.label)} (${o.points})`])));
      continue;
    }
    const trials = [];
    for (let n = 0; n < item.trials; ++n) {
      const name = `${item.id}.${n}`;
      const input = element('input', { name, type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'short',
                                       'aria-label': item.trials > 1 ? `${label}, ${t('trial')} ${n + 1}` : label });
      const states = item.states.length ? element('select', { name: `${name}.state`, 'aria-label': `${label}: ${t('status')}` },
        element('option', { value: '' }, t('state_number')),
        item.states.flatMap((s) => (s.reasons.length ? s.reasons.map((r) => [`${s.state}:${r}`, `${code(s.state)}: ${r}`])
                                                       : [[s.state, code(s.state)]]))
          .map(([value, text]) => element('option', { value }, text))) : null;
      trials.push(element('div', { class: 'trial', 'data-field': name },
        item.trials > 1 ? element('span', { class: 'trial-label' }, `${t('trial')} ${n + 1}`) : null,
        input, element('span', { class: 'unit' }, item.unit), states,
        element('p', { class: 'field-error', 'data-error-for': name })));
    }
    nodes.push(element('fieldset', { class: `item${alternative.has(item.id) ? ' alternative' : ''}`, 'data-field': item.id },
      element('legend', {}, label),
      item.note ? element('p', { class: 'hint' }, item.note) : null,
      element('p', { class: 'hint' }, `${item.min}–${item.max} ${item.unit}`),
      trials, element('p', { class: 'field-error', 'data-error-for': item.id })));
  }
  return nodes;
}

/// A score as the report gives it, with the unit in the user's language ("11 punten").
function scoreText(score) {
  if (score.status !== 'number') return score.status === 'missing' ? '–' : code(score.status);
  return `${score.text.split(' ')[0]} ${unit(score.unit)}`;
}

function scorePanel(report) {
  const rule = (r) => (r && r.validated === false ? element('span', { class: 'badge unverified' }, t('not_validated')) : null);
  const total = report.total;
  return [
    total ? element('p', { class: 'total' }, element('span', {}, local(total.label)), ' ',
                    element('strong', { 'data-testid': 'live-total' },
                            total.status === 'missing' ? t('score_missing') : scoreText(total))) : null,
    element('dl', { class: 'scores' }, report.scores.filter((s) => !s.primary).flatMap((s) => [
      element('dt', {}, local(s.label)), element('dd', {}, scoreText(s), ' ', rule(s.rule))])),
    report.interpretations.filter((i) => i.status === 'applied').length
      ? element('ul', { class: 'interpretations' }, report.interpretations.filter((i) => i.status === 'applied').map((i) =>
        element('li', {}, `${local(i.label)}: ${local(i.result) || i.code} `, rule(i.rule)))) : null,
    report.norms && report.norms.length ? element('ul', {}, report.norms.map((n) =>
      element('li', {}, `${local(n.label) || n.id}: ${local(n.result) || n.status || ''}`))) : null,
    report.flags.filter((f) => f.code !== 'incomplete').length
      ? [element('h3', {}, t('flags')), element('ul', {}, report.flags.filter((f) => f.code !== 'incomplete')
        .map((f) => element('li', {}, `${f.target}: ${f.message}`)))] : null,
  ];
}

export async function testPage({ id }, ctx) {
  const [v, cat] = await Promise.all([getJson(`/api/v1/trajectories/${id}`), catalogue()]);
  const client = await getJson(`/api/v1/clients/${v.client_id}`);
  const draft = new Draft(`test.${id}`);
  const saved = draft.load() || {};
  const first = v.occasions.find((o) => o.status === 'overdue' || o.status === 'due') || v.occasions[0];
  const occasion = element('select', { name: 'occasion' }, v.occasions.map((o) =>
    element('option', { value: o.occasion, selected: o === first }, `${o.occasion} (${code(o.status)})`)));
  const instrument = element('select', { name: 'instrument' });
  const date = element('input', { name: 'date', type: 'date', value: v.today, max: v.today });
  const items = element('div', { class: 'items' });
  const live = element('section', { class: 'live', 'aria-live': 'polite', 'aria-labelledby': 'live-heading' },
    element('h2', { id: 'live-heading' }, t('live_score')));
  const liveBody = element('div');
  live.append(liveBody);
  const general = element('div', { tabindex: '-1' });
  const button = element('button', { type: 'submit' }, t('save'));
  const form = element('form', { novalidate: true, class: 'test-form', 'aria-label': t('enter_test') },
    field(t('occasion'), occasion), field(t('instrument'), instrument), field(t('date'), date),
    items, general,
    element('p', { class: 'actions' }, button, link(`#/trajectory/${id}`, t('cancel'), { class: 'button secondary' })));
  let definition = null;

  // The instruments of the chosen occasion (those still to record first), else all.
  const fillInstruments = () => {
    const o = v.occasions.find((x) => x.occasion === occasion.value);
    const ids = o ? [...o.missing, ...o.recorded] : [];
    const all = ids.length ? ids : cat.instruments.map((i) => i.id);
    const keep = instrument.value || saved.instrument;
    instrument.replaceChildren(...all.map((i) => element('option', { value: i }, instrumentName(cat, i))));
    if (keep && all.includes(keep)) instrument.value = keep;
  };

  let scoring = 0;
  const rescore = async () => {
    if (!definition) return;
    const ticket = ++scoring;
    clearErrors(items);
    try {
      const report = await send('POST', `/api/v1/instruments/${encodeURIComponent(definition.id)}/score`, {
        items: scoringItems(definition, readForm(form)), test_date: date.value || undefined,
        birth_date: client.birth_date, sex: client.sex,
      });
      if (ticket === scoring) liveBody.replaceChildren(...scorePanel(report).flat(Infinity).filter(Boolean));
    } catch (error) {
      if (ticket !== scoring || !error.problem) return;
      // Values the scorer refuses are marked at their field while typing; the panel says why.
      markFieldErrors(items, error.problem.errors || []);
      liveBody.replaceChildren(notice(error.message, 'error'));
    }
  };
  let timer = null;
  const soon = () => { clearTimeout(timer); timer = setTimeout(rescore, 250); };

  const loadInstrument = async () => {
    definition = await getJson(`/api/v1/instruments/${encodeURIComponent(instrument.value)}`);
    items.replaceChildren(
      definition.unverified_rules ? notice(`${local(definition.name)}: ${t('has_unverified')}`, 'warning') : null,
      ...itemFields(definition));
    binding.restore();
    await rescore();
  };

  if (saved.occasion && v.occasions.some((o) => o.occasion === saved.occasion)) occasion.value = saved.occasion;
  fillInstruments();
  const binding = bindForm(form, {
    draft, general, button,
    submit: (values, key) => send('POST', `/api/v1/trajectories/${id}/tests`, {
      occasion: values.occasion, instrument: values.instrument, date: values.date,
      items: scoringItems(definition, values),
    }, { idempotencyKey: key }),
    done: () => { flash(t('test_saved')); location.hash = `#/trajectory/${id}`; },
  });
  occasion.addEventListener('change', () => { fillInstruments(); loadInstrument(); });
  instrument.addEventListener('change', loadInstrument);
  items.addEventListener('input', soon);
  items.addEventListener('change', soon);
  date.addEventListener('change', soon);
  ctx.show(element('h1', {}, `${t('enter_test')}: ${v.client_name || ''}`),
    element('div', { class: 'test-layout' }, form, live));
  await loadInstrument();
}

// ----- signals -----

export async function signalsPage(params, ctx) {
  const list = await getJson('/api/v1/signals');
  ctx.show(element('h1', {}, t('signals')),
    table([t('raised_on'), t('signal'), t('who'), t('note')], list.items.map((s) => [
      day(s.raised_on), status(s.kind),
      link(`#/trajectory/${s.trajectory_id}`, s.client_name || `${t('trajectory')} ${s.trajectory_id}`), s.note])));
}
