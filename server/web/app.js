// Reable's web interface: plain ES modules, no build step, served by reable-server itself. Every
// number, rule and check comes from the API; the page shows what the server answers, and sets
// text with textContent only.

import { api, clearDrafts, getJson, Problem, session, SessionExpired } from './api.js';
import { element, notice, show } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import * as team from './team.js';
import * as assessor from './assessor.js';
import * as evaluator from './evaluator.js';
import * as admin from './admin.js';

/// The menu of each role, in order; the first page is its home.
const menus = {
  team_member: ['agenda', 'trajectories', 'signals'],
  access_assessor: ['meldingen', 'clients', 'trajectories'],
  evaluator: ['dashboard', 'exports'],
  administrator: ['users'],
};

/// Every page: its path pattern, the roles that have it and what draws it. A role never gets a
/// page of another role, even by typing its address (the API refuses its data anyway).
const routes = [
  { path: 'agenda', roles: ['team_member'], draw: team.agendaPage },
  { path: 'signals', roles: ['team_member'], draw: team.signalsPage },
  { path: 'trajectories', roles: ['team_member', 'access_assessor'], draw: team.trajectoriesPage },
  { path: 'trajectory/:id', roles: ['team_member', 'access_assessor'], draw: team.trajectoryPage, menu: 'trajectories' },
  { path: 'trajectory/:id/session', roles: ['team_member'], draw: team.sessionPage, menu: 'trajectories' },
  { path: 'trajectory/:id/test', roles: ['team_member'], draw: team.testPage, menu: 'trajectories' },
  { path: 'meldingen', roles: ['access_assessor'], draw: assessor.meldingenPage },
  { path: 'clients', roles: ['access_assessor'], draw: assessor.clientsPage },
  { path: 'decide/:id', roles: ['access_assessor'], draw: assessor.decisionPage, menu: 'meldingen' },
  { path: 'dashboard', roles: ['evaluator'], draw: evaluator.dashboardPage },
  { path: 'exports', roles: ['evaluator'], draw: evaluator.exportsPage },
  { path: 'users', roles: ['administrator'], draw: admin.usersPage },
];

function match(path) {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params = {};
    if (pattern.every((p, i) => (p.startsWith(':') ? (params[p.slice(1)] = decodeURIComponent(parts[i])) : p === parts[i])))
      return { route, params };
  }
  return null;
}

let me = null;

function loginPage() {
  const reason = sessionStorage.getItem('reable.notice');
  sessionStorage.removeItem('reable.notice');
  const errors = { username: element('p', { class: 'field-error', id: 'username-error' }),
                   password: element('p', { class: 'field-error', id: 'password-error' }) };
  const general = element('div', { tabindex: '-1' });
  const username = element('input', { id: 'username', name: 'username', autocomplete: 'username', required: true,
                                      autocapitalize: 'none', 'aria-describedby': 'username-error',
                                      value: session.user() || '' });
  const password = element('input', { id: 'password', name: 'password', type: 'password', required: true,
                                      autocomplete: 'current-password', 'aria-describedby': 'password-error' });
  const inputs = { username, password };
  const submit = element('button', { type: 'submit' }, t('login'));
  const form = element('form', {
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (submit.disabled) return;
      submit.disabled = true;
      for (const [name, p] of Object.entries(errors)) { p.textContent = ''; inputs[name].removeAttribute('aria-invalid'); }
      general.replaceChildren();
      try {
        const response = await fetch('/api/v1/auth/login', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: username.value, password: password.value }),
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
          if (body.field && errors[body.field]) {
            errors[body.field].textContent = body.detail;
            inputs[body.field].setAttribute('aria-invalid', 'true');
            inputs[body.field].focus();
          } else {
            // "Wrong username or password" names no field: the password is the one to type again.
            general.replaceChildren(notice(body.detail || t('failed'), 'error'));
            password.select();
            password.focus();
          }
          return;
        }
        session.begin(body.token, username.value);
        me = null;
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
  show(element('h1', {}, t('login')), reason ? notice(t(reason)) : null, general, form);
  (username.value ? password : username).focus();
}

function renderChrome(current) {
  document.documentElement.lang = language;
  document.getElementById('language').textContent = t('language');
  document.getElementById('language').lang = language === 'nl' ? 'en' : 'nl';
  const logout = document.getElementById('logout');
  logout.textContent = t('logout');
  logout.hidden = !me;
  document.getElementById('who').textContent = me ? me.display_name || me.username : '';
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', language === 'nl' ? 'Hoofdmenu' : 'Main menu');
  nav.replaceChildren(...(me ? menus[me.role] || [] : []).map((page) =>
    element('a', { href: `#/${page}`, 'aria-current': page === current ? 'page' : null }, t(page))));
}

let rendering = 0;

async function route() {
  // The page's path without its query ("trajectories?offset=50" is the trajectories page).
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
  if (!session.token()) {
    me = null;
    renderChrome('login');
    if (path !== 'login' && path !== '') sessionStorage.setItem('reable.return', location.hash);
    return loginPage();
  }
  const ticket = ++rendering;
  try {
    if (!me) me = await getJson('/api/v1/me');
    const found = match(path);
    if (!found || !found.route.roles.includes(me.role)) {
      const home = (menus[me.role] || [])[0];
      if (!home) { renderChrome(''); return show(element('p', {}, t('welcome'))); }
      if (path !== home) { location.replace(`#/${home}`); return; }
    }
    const { route: page, params } = found;
    renderChrome(page.menu || page.path);
    show(element('p', { role: 'status', class: 'loading' }, t('loading')));
    document.title = `${t(page.menu || page.path)} · Reable`;
    // A page that is left before its data arrives must not draw over the next one.
    await page.draw(params, { me, show: (...nodes) => { if (ticket === rendering) show(...nodes); } });
    // The moment the page's content replaced the loading line (read by the speed test).
    if (ticket === rendering) performance.mark('reable:content');
  } catch (error) {
    if (error instanceof SessionExpired) return;
    if (ticket !== rendering) return;
    const detail = error instanceof Problem ? error.message : `${t('failed')}: ${error.message}`;
    show(element('h1', {}, t('failed')), notice(detail, 'error'));
  }
}

document.getElementById('language').addEventListener('click', () => {
  setLanguage(language === 'nl' ? 'en' : 'nl');
  route();
});
document.getElementById('logout').addEventListener('click', async () => {
  await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => {});
  session.end();
  clearDrafts();
  me = null;
  location.hash = '#/login';
});
window.addEventListener('hashchange', route);
route();
