// Reable's web interface: plain ES modules, no build step. Every number, rule and check comes from
// the API; the page only shows what the server answers. Text is set with textContent only.

const text = {
  nl: {
    language: 'English', logout: 'Afmelden', login: 'Aanmelden', username: 'Gebruikersnaam',
    password: 'Wachtwoord', welcome: 'Welkom', agenda: 'Agenda', trajectories: 'Trajecten',
    clients: 'Cliënten', exports: 'Exports', dashboard: 'Dashboard', users: 'Gebruikers',
    date: 'Datum', what: 'Wat', who: 'Cliënt', status: 'Status', loading: 'Laden…',
    expired: 'Uw sessie is verlopen. Meld u opnieuw aan.', failed: 'Er ging iets mis',
    start: 'Start', state: 'Fase', template: 'Sjabloon', name: 'Naam', birth: 'Geboortedatum',
    role: 'Rol', active: 'Actief', download: 'Downloaden', enrolled: 'Ingestroomd',
    completed: 'Afgerond', dropped_out: 'Uitgevallen', ongoing: 'Lopend', hh: 'Huishoudelijke hulp',
    point: 'Moment', none: 'geen (voorkomen)', lower: 'minder dan gevraagd', granted: 'toegekend',
    km: 'Tijd tot huishoudelijke hulp (Kaplan–Meier)', suppressed: 'onderdrukt (< 5)',
    pseudonymised: 'Gepseudonimiseerd: geen BSN, naam, adres, geboortedatum of vrije tekst.',
    empty: 'Niets te tonen.', yes: 'ja', no: 'nee', of: 'van',
  },
  en: {
    language: 'Nederlands', logout: 'Sign out', login: 'Sign in', username: 'Username',
    password: 'Password', welcome: 'Welcome', agenda: 'Agenda', trajectories: 'Trajectories',
    clients: 'Clients', exports: 'Exports', dashboard: 'Dashboard', users: 'Users',
    date: 'Date', what: 'What', who: 'Client', status: 'Status', loading: 'Loading…',
    expired: 'Your session has expired. Please sign in again.', failed: 'Something went wrong',
    start: 'Start', state: 'Phase', template: 'Template', name: 'Name', birth: 'Birth date',
    role: 'Role', active: 'Active', download: 'Download', enrolled: 'Enrolled',
    completed: 'Completed', dropped_out: 'Dropped out', ongoing: 'Ongoing', hh: 'Household help',
    point: 'Point', none: 'none (avoided)', lower: 'fewer than asked', granted: 'granted',
    km: 'Time to household help (Kaplan–Meier)', suppressed: 'suppressed (< 5)',
    pseudonymised: 'Pseudonymised: no BSN, name, address, birth date or free text.',
    empty: 'Nothing to show.', yes: 'yes', no: 'no', of: 'of',
  },
};

let language = localStorage.getItem('reable.language') || 'nl';
const t = (key) => text[language][key] ?? key;

/// Which pages each role has, in menu order; the first is its home.
const pages = {
  team_member: ['agenda', 'trajectories'],
  access_assessor: ['clients', 'trajectories'],
  evaluator: ['dashboard', 'exports'],
  administrator: ['users'],
};

let me = null;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function show(...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined));
  main.focus();
}

class SessionExpired extends Error {}

/// Calls the API with the session's token. A 401 ends the session and returns to the sign-in page,
/// which brings the user back to the page they were on.
async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  const token = sessionStorage.getItem('reable.token');
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 && token) {
    sessionStorage.removeItem('reable.token');
    sessionStorage.setItem('reable.notice', 'expired');
    sessionStorage.setItem('reable.return', location.hash);
    location.hash = '#/login';
    throw new SessionExpired();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail || `${response.status}`);
    error.problem = problem;
    throw error;
  }
  return response;
}
const json = async (path) => (await api(path)).json();

function table(headings, rows) {
  if (rows.length === 0) return element('p', {}, t('empty'));
  return element('table', {},
    element('thead', {}, element('tr', {}, headings.map((h) => element('th', { scope: 'col' }, h)))),
    element('tbody', {}, rows.map((cells) => element('tr', {}, cells.map((c) => element('td', {}, c))))));
}

function loginPage() {
  const notice = sessionStorage.getItem('reable.notice');
  sessionStorage.removeItem('reable.notice');
  const errors = { username: element('p', { class: 'field-error', id: 'username-error' }),
                   password: element('p', { class: 'field-error', id: 'password-error' }) };
  const general = element('div', { role: 'alert' });
  const username = element('input', { id: 'username', name: 'username', autocomplete: 'username', required: true,
                                      'aria-describedby': 'username-error' });
  const password = element('input', { id: 'password', name: 'password', type: 'password', required: true,
                                      autocomplete: 'current-password', 'aria-describedby': 'password-error' });
  const submit = element('button', { type: 'submit' }, t('login'));
  const form = element('form', {
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (submit.disabled) return;  // no double submit
      submit.disabled = true;
      for (const [field, p] of Object.entries(errors)) {
        p.textContent = '';
        (field === 'username' ? username : password).removeAttribute('aria-invalid');
      }
      general.replaceChildren();
      try {
        const response = await fetch('/api/v1/auth/login', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: username.value, password: password.value }),
        });
        const body = await response.json();
        if (!response.ok) {
          const field = body.field && errors[body.field] ? body.field : null;
          if (field) {
            errors[field].textContent = body.detail;
            (field === 'username' ? username : password).setAttribute('aria-invalid', 'true');
          } else {
            general.replaceChildren(element('p', { class: 'notice error' }, body.detail || t('failed')));
          }
          return;
        }
        sessionStorage.setItem('reable.token', body.token);
        const back = sessionStorage.getItem('reable.return');
        sessionStorage.removeItem('reable.return');
        location.hash = back && back !== '#/login' ? back : '#/';
      } finally {
        submit.disabled = false;
      }
    },
  },
  element('label', { for: 'username' }, t('username')), username, errors.username,
  element('label', { for: 'password' }, t('password')), password, errors.password,
  element('p', {}, submit));
  show(element('h1', {}, t('login')),
       notice ? element('p', { class: 'notice', role: 'status' }, t(notice)) : null, general, form);
  username.focus();
}

async function agendaPage() {
  const agenda = await json('/api/v1/agenda');
  // Overdue first, then by date.
  const items = [...agenda.items].sort((a, b) =>
    (b.status === 'overdue') - (a.status === 'overdue') || a.date.localeCompare(b.date));
  show(element('h1', {}, t('agenda')),
       table([t('date'), t('who'), t('what'), t('status')],
             items.map((i) => [i.date, i.client_name, i.what, element('span', { class: `status-${i.status}` }, i.status)])));
}

async function trajectoriesPage() {
  const list = await json('/api/v1/trajectories?status=active&limit=100');
  show(element('h1', {}, t('trajectories')),
       element('p', {}, `${list.items.length} ${t('of')} ${list.total}`),
       table(['#', t('template'), t('start'), t('state')],
             list.items.map((i) => [String(i.id), i.template_id, i.start_date, i.state])));
}

async function clientsPage() {
  const list = await json('/api/v1/clients?limit=100');
  show(element('h1', {}, t('clients')),
       element('p', {}, `${list.items.length} ${t('of')} ${list.total}`),
       table(['#', t('name'), t('birth')], list.items.map((c) => [String(c.id), c.name, c.birth_date])));
}

async function usersPage() {
  const list = await json('/api/v1/users');
  show(element('h1', {}, t('users')),
       table([t('username'), t('name'), t('role'), t('active')],
             list.items.map((u) => [u.username, u.display_name, u.role, u.active ? t('yes') : t('no')])));
}

async function download(href, name) {
  const blob = await (await api(href)).blob();
  const url = URL.createObjectURL(blob);
  const link = element('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function exportsPage() {
  const sections = [];
  for (const kind of ['outcomes', 'codebook', 'fhir', 'report']) {
    const list = await json(`/api/v1/exports/${kind}`);
    sections.push(element('h2', {}, kind),
      element('ul', {}, list.files.map((f) => element('li', {},
        element('button', { type: 'button', class: 'link', onclick: () => download(f.href, f.name) },
                `${t('download')} ${f.name}`)))));
  }
  show(element('h1', {}, t('exports')), element('p', { class: 'notice' }, t('pseudonymised')), ...sections);
}

async function dashboardPage() {
  const indicators = await json('/api/v1/exports/report/indicators.json');
  const all = indicators.rows.filter((r) => r.group === 'all');
  const value = (name) => all.find((r) => r.indicator === name);
  const card = (name) => {
    const row = value(name);
    return element('div', { class: 'card' }, element('div', {}, t(name)),
                   element('div', { class: 'big' }, row && !row.suppressed ? String(row.n) : t('suppressed')));
  };
  const points = ['w14', 'm6', 'm12', 'm24'];
  const hhRows = points.map((p) => [p, ...['none', 'lower', 'granted'].map((s) => {
    const row = all.find((r) => r.indicator === 'hh_status' && r.occasion === p && r.category === s);
    return row && !row.suppressed ? `${row.n} (${Math.round(row.value * 100)}%)` : t('suppressed');
  })]);
  const km = await (await api('/api/v1/exports/report/km.svg')).blob();
  show(element('h1', {}, t('dashboard')), element('p', { class: 'notice' }, t('pseudonymised')),
       element('div', { class: 'cards' }, ['enrolled', 'completed', 'dropped_out', 'ongoing'].map(card)),
       element('h2', {}, t('hh')),
       table([t('point'), t('none'), t('lower'), t('granted')], hhRows),
       element('h2', {}, t('km')),
       element('figure', { class: 'plot' }, element('img', { src: URL.createObjectURL(km), alt: t('km') })));
}

const renderers = { agenda: agendaPage, trajectories: trajectoriesPage, clients: clientsPage, users: usersPage,
                    exports: exportsPage, dashboard: dashboardPage };

function renderChrome(current) {
  document.documentElement.lang = language;
  document.getElementById('language').textContent = t('language');
  const logout = document.getElementById('logout');
  logout.textContent = t('logout');
  logout.hidden = !me;
  const nav = document.getElementById('nav');
  nav.replaceChildren(...(me ? pages[me.role] : []).map((page) =>
    element('a', { href: `#/${page}`, 'aria-current': page === current ? 'page' : null }, t(page))));
}

async function route() {
  const page = location.hash.replace(/^#\/?/, '');
  if (!sessionStorage.getItem('reable.token')) {
    me = null;
    renderChrome('login');
    if (page !== 'login' && page !== '') sessionStorage.setItem('reable.return', location.hash);
    return loginPage();
  }
  try {
    if (!me) me = await json('/api/v1/me');
    const allowed = pages[me.role] || [];
    const current = allowed.includes(page) ? page : allowed[0];
    renderChrome(current);
    if (!current) return show(element('p', {}, t('welcome')));
    show(element('p', { role: 'status' }, t('loading')));
    await renderers[current]();
  } catch (error) {
    if (error instanceof SessionExpired) return;
    show(element('p', { class: 'notice error', role: 'alert' }, `${t('failed')}: ${error.message}`));
  }
}

document.getElementById('language').addEventListener('click', () => {
  language = language === 'nl' ? 'en' : 'nl';
  localStorage.setItem('reable.language', language);
  route();
});
document.getElementById('logout').addEventListener('click', async () => {
  await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => {});
  sessionStorage.removeItem('reable.token');
  me = null;
  location.hash = '#/login';
});
window.addEventListener('hashchange', () => { if (location.hash === '#/login') me = null; route(); });
route();
