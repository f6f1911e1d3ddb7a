// The access team's pages: meldingen with their legal deadlines, clients, and the decision screen
// (onderzoek findings, the engine's outcome, an override with its motivation, the beschikking).

import { api, getJson, send } from './api.js';
import { choices, element, field, link, listOffset, notice, pager, pageSize, table } from './dom.js';
import { code, day, language, local, t } from './i18n.js';
import { bindForm, Draft, readForm, showProblem, typedNumber } from './forms.js';

function deadlineText(d) {
  if (d.met_on) return `${code(d.kind)}: ${t('met')} ${day(d.met_on)}${d.days_late ? ` (${t('days_late', d.days_late)})` : ''}`;
  return `${code(d.kind)}: ${day(d.due)}${d.days_late ? ` — ${t('days_late', d.days_late)}` : ''}`;
}

export async function meldingenPage(params, ctx) {
  const page = await getJson(`/api/v1/meldingen?open=true&limit=${pageSize}&offset=${listOffset()}`);
  const rows = page.items.map((m) => [
    link(`#/decide/${m.client_id}`, m.client_name), day(m.received_on),
    m.hh_minutes_requested === null ? '–' : String(m.hh_minutes_requested),
    element('span', { class: m.overdue ? 'status status-overdue' : '' }, m.next_due ? day(m.next_due) : '–'),
    element('ul', { class: 'plain' }, m.deadlines.map((d) =>
      element('li', { class: !d.met_on && d.overdue ? 'status-overdue' : '' }, deadlineText(d))))]);
  ctx.show(element('h1', {}, t('meldingen')), pager(page, 'meldingen'),
    table([t('who'), t('received_on'), t('requested'), t('next_due'), t('deadlines')], rows, { className: 'meldingen' }));
}

export async function clientsPage(params, ctx) {
  const page = await getJson(`/api/v1/clients?limit=${pageSize}&offset=${listOffset()}`);
  ctx.show(element('h1', {}, t('clients')), pager(page, 'clients'),
    table([t('name'), t('birth'), ''], page.items.map((c) => [c.name, day(c.birth_date),
      link(`#/decide/${c.id}`, t('decide'))])));
}

// ----- the decision screen -----

const flags = ['household_goal', 'decline_recoverable', 'acute_need', 'does_light_tasks', 'does_medium_tasks',
               'small_dwelling', 'network_covers_all', 'terminal', 'bedbound', 'serious_psychiatric',
               'needs_institutional_care', 'cannot_communicate', 'dropout_medical', 'not_household_help'];
const flagNames = {
  nl: { household_goal: 'Noemt een huishoudelijk doel', decline_recoverable: 'Achteruitgang is herstelbaar',
        acute_need: 'Acuut risico, geen netwerk', does_light_tasks: 'Doet lichte taken zelf',
        does_medium_tasks: 'Doet middelzware taken zelf', small_dwelling: 'Kleine woning of zorgstudio',
        network_covers_all: 'Netwerk of algemene voorziening dekt alles', terminal: 'Terminaal', bedbound: 'Bedlegerig',
        serious_psychiatric: 'Ernstige psychiatrische problematiek', needs_institutional_care: 'Heeft intramurale zorg nodig',
        cannot_communicate: 'Kan niet communiceren (geen tolk)', dropout_medical: 'Uitval uit traject om medische reden',
        not_household_help: 'De vraag gaat niet over huishoudelijke hulp' },
  en: { household_goal: 'Names a household goal', decline_recoverable: 'The decline is recoverable',
        acute_need: 'Acute risk, no network', does_light_tasks: 'Does light tasks',
        does_medium_tasks: 'Does medium tasks', small_dwelling: 'Small home or care studio',
        network_covers_all: 'Network or a general provision covers everything', terminal: 'Terminal', bedbound: 'Bedbound',
        serious_psychiatric: 'Serious psychiatric problems', needs_institutional_care: 'Needs institutional care',
        cannot_communicate: 'Cannot communicate (no interpreter)', dropout_medical: 'Dropped out for a medical reason',
        not_household_help: 'The request is not for household help' },
};
const words = {
  nl: { cognitive_screen: 'Cognitieve screening (0–30)', dementia: 'Dementie', decline_since: 'Achteruitgang sinds',
        reablement_wait_days: 'Dagen tot herstelgerichte hulp kan beginnen', limitation: 'Beperking bij huishoudelijke taken',
        findings_date: 'Datum van het onderzoek' },
  en: { cognitive_screen: 'Cognitive screen (0–30)', dementia: 'Dementia', decline_since: 'Decline since',
        reablement_wait_days: 'Days until reablement can start', limitation: 'Limitation in household tasks',
        findings_date: 'Date of the onderzoek' },
};
const word = (key) => words[language][key];
const flagName = (key) => flagNames[language][key];
const outcomes = ['reablement_first', 'reablement_offered', 'hh_granted', 'temporary_hh', 'no_hh_needed', 'not_applicable'];

function findingsForm(client) {
  const general = element('div', { tabindex: '-1' });
  const button = element('button', { type: 'submit', class: 'secondary' }, t('save_findings'));
  const form = element('form', { novalidate: true, 'aria-labelledby': 'findings-heading' },
    element('h2', { id: 'findings-heading' }, t('findings')),
    choices(t('findings'), 'flags', flags.map((f) => [f, flagName(f)]), { type: 'checkbox' }),
    element('div', { class: 'grid' },
      field(word('findings_date'), element('input', { name: 'date', type: 'date' }), { name: 'date' }),
      field(word('cognitive_screen'), element('input', { name: 'cognitive_screen', inputmode: 'numeric', class: 'short' })),
      field(word('dementia'), element('select', { name: 'dementia' },
        ['none', 'mild', 'moderate', 'severe'].map((d) => element('option', { value: d }, code(d))))),
      field(word('decline_since'), element('input', { name: 'decline_since', type: 'date' })),
      field(word('reablement_wait_days'), element('input', { name: 'reablement_wait_days', inputmode: 'numeric', class: 'short' })),
      field(word('limitation'), element('select', { name: 'limitation' },
        ['none', 'some', 'much'].map((d) => element('option', { value: d }, code(d)))))),
    general, element('p', {}, button));
  bindForm(form, {
    draft: new Draft(`findings.${client.id}`), general, button,
    submit: (values, key) => {
      const body = Object.fromEntries(flags.map((f) => [f, values.flags.includes(f)]));
      Object.assign(body, {
        date: values.date || undefined, cognitive_screen: typedNumber(values.cognitive_screen),
        dementia: values.dementia, decline_since: values.decline_since || undefined,
        reablement_wait_days: typedNumber(values.reablement_wait_days), limitation: values.limitation,
      });
      return send('POST', `/api/v1/clients/${client.id}/onderzoek`, body, { idempotencyKey: key });
    },
    done: () => { general.replaceChildren(notice(t('findings_saved'), 'success')); },
  });
  return form;
}

/// The engine's outcome as the assessor reads it before deciding.
function outcomePanel(decision) {
  const result = decision.result || {};
  const hh = result.hh;
  const rows = [
    [t('outcome'), element('strong', { 'data-testid': 'outcome' }, code(decision.computed_outcome || result.outcome))],
    [t('minutes_per_week'), element('strong', { 'data-testid': 'minutes' },
      decision.computed_minutes_per_week === null || decision.computed_minutes_per_week === undefined
        ? '–' : String(decision.computed_minutes_per_week))],
    hh ? [t('band'), `${local(hh.band_label) || hh.band} (${hh.band_min}–${hh.band_max})`] : null,
    hh && hh.items.length ? [t('extra_items'), element('ul', { class: 'plain' }, hh.items.map((i) =>
      element('li', {}, `${local(i.label)} × ${i.count}${i.minutes === null ? '' : `: ${i.minutes} min`}`)))] : null,
    [t('policy_applied'), `${decision.policy.id} ${decision.policy.version}`],
    // A recorded override: what was decided instead, and why.
    decision.motivation ? [t('override_outcome'), element('strong', { 'data-testid': 'decided' },
      `${code(decision.outcome)}${decision.minutes_per_week === null ? '' : `, ${decision.minutes_per_week} min`}`)] : null,
    decision.motivation ? [t('motivation'), decision.motivation] : null,
  ].filter(Boolean);
  return element('section', { class: 'outcome', 'aria-labelledby': 'outcome-heading' },
    element('h2', { id: 'outcome-heading' }, t('outcome')),
    element('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [element('dt', {}, k), element('dd', {}, v)])),
    element('h3', {}, t('reasons')),
    element('ol', { class: 'reasons' }, (result.reasons || []).map((r) => element('li', {},
      element('code', {}, r.code), ' ', r.sentence, r.basis ? element('span', { class: 'basis' }, ` (${r.basis})`) : null))));
}

function beschikkingView(text) {
  return element('section', { class: 'beschikking-box', 'aria-labelledby': 'beschikking-heading' },
    element('h2', { id: 'beschikking-heading' }, t('beschikking')),
    element('p', { class: 'no-print' }, element('button', { type: 'button', onclick: () => window.print() }, t('print'))),
    element('pre', { class: 'beschikking', 'data-testid': 'beschikking' }, text));
}

function decisionForm(client, policies, last) {
  const general = element('div', { tabindex: '-1' });
  const result = element('div', { class: 'decision-result' });
  const compute = element('button', { type: 'button', class: 'secondary' }, t('compute'));
  const button = element('button', { type: 'submit' }, t('record_decision'));
  const policy = element('select', { name: 'policy' }, policies.map((p) =>
    element('option', { value: p.id, selected: last && last.policy.id === p.id }, `${local(p.name) || p.id} (${p.version})`)));
  const form = element('form', { novalidate: true, 'aria-labelledby': 'decide-heading' },
    element('h2', { id: 'decide-heading' }, t('decide')),
    field(t('policy'), policy),
    choices(t('choice'), 'choice', ['not_asked', 'accept', 'decline'].map((c) => [c, code(c)]), { checked: ['not_asked'] }),
    element('p', {}, compute),
    result,
    element('fieldset', { class: 'override' }, element('legend', {}, t('override')),
      field(t('override_outcome'), element('select', { name: 'outcome' }, element('option', { value: '' }, `— ${t('computed')} —`),
        outcomes.map((o) => element('option', { value: o }, code(o))))),
      field(t('override_minutes'), element('input', { name: 'minutes', inputmode: 'numeric', class: 'short' })),
      field(t('motivation'), element('textarea', { name: 'motivation', rows: 4 }))),
    general, element('p', {}, button));
  const body = (values) => ({
    policy: values.policy, choice: values.choice || 'not_asked', outcome: values.outcome || undefined,
    minutes: typedNumber(values.minutes), motivation: values.motivation || undefined,
  });
  const binding = bindForm(form, {
    draft: new Draft(`decision.${client.id}`), general, button,
    submit: (values, key) => send('POST', `/api/v1/clients/${client.id}/decisions`, body(values), { idempotencyKey: key }),
    done: async (decision) => {
      // Recorded: the form has done its work and gives way to the decision and its draft.
      const text = await (await api(`/api/v1/decisions/${decision.id}/beschikking`)).text();
      form.replaceChildren(element('h2', { id: 'decide-heading' }, t('decision')),
        notice(t('decision_saved'), 'success'), outcomePanel(decision), beschikkingView(text));
      form.scrollIntoView();
    },
  });
  compute.addEventListener('click', async () => {
    if (compute.disabled) return;
    compute.disabled = true;
    general.replaceChildren();
    try {
      const answer = await send('POST', `/api/v1/clients/${client.id}/decisions`, { ...body(readForm(form)), dry_run: true });
      result.replaceChildren(notice(t('dry_run_note')), outcomePanel(answer.decision), beschikkingView(answer.beschikking));
    } catch (error) {
      result.replaceChildren();
      showProblem(form, general, error);
    } finally {
      compute.disabled = false;
    }
  });
  binding.restore();
  return form;
}

export async function decisionPage({ id }, ctx) {
  const [client, meldingen, decisions, policies] = await Promise.all([
    getJson(`/api/v1/clients/${id}`), getJson(`/api/v1/clients/${id}/meldingen`),
    getJson(`/api/v1/clients/${id}/decisions`), getJson('/api/v1/policies')]);
  const last = decisions.items[decisions.items.length - 1];
  ctx.show(element('h1', {}, `${t('decision')}: ${client.name}`),
    element('dl', { class: 'facts' },
      element('dt', {}, t('bsn')), element('dd', {}, client.bsn || '–'),
      element('dt', {}, t('birth')), element('dd', {}, day(client.birth_date)),
      element('dt', {}, t('requested')), element('dd', {},
        meldingen.items.map((m) => (m.hh_minutes_requested === null ? '–' : String(m.hh_minutes_requested))).join(', ') || '–')),
    element('h2', {}, t('meldingen')),
    table([t('received_on'), t('requested'), t('decision')], meldingen.items.map((m) => [day(m.received_on),
      m.hh_minutes_requested === null ? '–' : String(m.hh_minutes_requested), m.decided_on ? day(m.decided_on) : '–'])),
    element('h2', {}, t('previous')),
    table([t('date'), t('outcome'), t('minutes_per_week'), t('policy')], decisions.items.map((d) => [day(d.decided_on),
      code(d.outcome), d.minutes_per_week === null ? '–' : String(d.minutes_per_week), `${d.policy.id} ${d.policy.version}`])),
    findingsForm(client),
    decisionForm(client, policies.items, last));
}
