// The evaluator's pages: the cohort dashboard and the export downloads. Everything here comes
// from the pseudonymised report export: counts, proportions and means, small cells suppressed.

import { api, getJson } from './api.js';
import { element, notice, table } from './dom.js';
import { t } from './i18n.js';

const percent = (x) => `${Math.round(x * 100)}%`;
const fixed = (x) => (x === null || x === undefined ? '–' : Number(x).toFixed(2));

export async function dashboardPage(params, ctx) {
  // The figures first; the curve follows (each report file is computed over the whole cohort, so
  // asking for both at once would make the first wait for the second).
  const indicators = await getJson('/api/v1/exports/report/indicators.json');
  const km = element('img', { alt: t('km'), width: 720, height: 420 });
  const all = indicators.rows.filter((r) => r.group === 'all');
  const find = (indicator, extra = {}) => all.find((r) => r.indicator === indicator &&
    Object.entries(extra).every(([k, v]) => r[k] === v));
  const card = (name) => {
    const row = find(name);
    return element('div', { class: 'card', 'data-testid': `card-${name}` }, element('div', {}, t(name)),
      element('div', { class: 'big' }, row && !row.suppressed ? String(row.n) : t('suppressed')),
      row && !row.suppressed && name !== 'enrolled' ? element('div', {}, percent(row.value)) : null);
  };
  const points = ['w14', 'm6', 'm12', 'm24'];
  const pointName = { w14: '14 wk', m6: '6 mnd', m12: '12 mnd', m24: '24 mnd' };
  const hhRows = points.map((p) => [pointName[p], ...['none', 'lower', 'granted'].map((s) => {
    const row = find('hh_status', { occasion: p, category: s });
    return row && !row.suppressed ? `${row.n} (${percent(row.value)})` : t('suppressed');
  })]);
  // Mean change from baseline at each occasion with its interval, and the share that changed
  // meaningfully; the last occasion of each instrument first shows the end of training.
  const changes = all.filter((r) => r.indicator === 'change_from_baseline');
  const changeRows = changes.map((r) => {
    const meaningful = find('meaningful_change', { instrument: r.instrument, occasion: r.occasion });
    return [r.instrument, r.occasion, r.suppressed ? t('suppressed') : String(r.n),
      r.suppressed ? '–' : fixed(r.value), r.suppressed ? '–' : `${fixed(r.low)} – ${fixed(r.high)}`,
      meaningful && !meaningful.suppressed ? percent(meaningful.value) : '–'];
  });
  ctx.show(element('h1', {}, t('dashboard')), notice(t('pseudonymised')),
    element('div', { class: 'cards' }, ['enrolled', 'completed', 'dropped_out', 'ongoing'].map(card)),
    element('h2', {}, t('hh')),
    table([t('point'), t('none'), t('lower'), t('granted')], hhRows),
    element('h2', {}, t('km')),
    element('figure', { class: 'plot' }, km),
    element('h2', {}, t('change')),
    table([t('instrument'), t('occasion'), 'n', t('mean_change'), t('interval'), t('meaningful')], changeRows,
          { className: 'numbers' }));
  api('/api/v1/exports/report/km.svg')
    .then((r) => r.blob())
    .then((blob) => {
      km.addEventListener('load', () => URL.revokeObjectURL(km.src), { once: true });
      km.src = URL.createObjectURL(blob);
    })
    .catch(() => { km.replaceWith(notice(t('failed'), 'error')); });
}

async function download(href, name) {
  const blob = await (await api(href)).blob();
  const url = URL.createObjectURL(blob);
  const anchor = element('a', { href: url, download: name });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function exportsPage(params, ctx) {
  const kinds = ['outcomes', 'codebook', 'fhir', 'report'];
  const lists = await Promise.all(kinds.map((kind) => getJson(`/api/v1/exports/${kind}`)));
  ctx.show(element('h1', {}, t('exports')), notice(t('pseudonymised')),
    kinds.map((kind, i) => [element('h2', {}, kind),
      element('ul', { class: 'downloads' }, lists[i].files.map((f) => element('li', {},
        element('button', { type: 'button', class: 'link', onclick: () => download(f.href, f.name) },
                `${t('download')} ${f.name}`))))]));
}
