// End-to-end tests of the web interface: Debian's Chromium, driven by playwright-core, against
// the real reable-server on 127.0.0.1 with a seeded SQLite database (tests/web/run.sh).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { base, call, launch, screenshot, signIn, token } from './browser.mjs';
import { auditPage } from './checks.mjs';

let fysio, fysio2, wij;
let trajectory;       // a team-1 trajectory in training, with an SPPB still to record
let sppbOccasion;     // its occasion with the SPPB missing

before(async () => {
  [fysio, fysio2, wij] = await Promise.all([token('fysio'), token('fysio2'), token('wij')]);
  const list = await call(fysio, 'GET', '/api/v1/trajectories?status=training&limit=100');
  // One whose SPPB is due now (its window is open), else one recorded late.
  for (const wanted of [['due', 'overdue'], ['missed']]) {
    for (const t of list.json.items) {
      const view = (await call(fysio, 'GET', `/api/v1/trajectories/${t.id}`)).json;
      const occasion = view.occasions.find((o) => o.missing.includes('sppb') && wanted.includes(o.status));
      if (occasion) { trajectory = view; sppbOccasion = occasion.occasion; break; }
    }
    if (trajectory) break;
  }
  assert.ok(trajectory, 'the seeded database has a team-1 trajectory in training with an SPPB to record');
});

/// Runs a test in a fresh browser; `expected` lists console errors the test itself causes.
async function withBrowser(options, body, expected = []) {
  const { context, page, problems } = await launch(options);
  try {
    await body(page);
    assert.deepEqual(problems.filter((p) => !expected.some((e) => e.test(p))), [], 'no script errors in the page');
  } finally {
    await context.close();
  }
}

const sessionsOf = async (id) => (await call(fysio, 'GET', `/api/v1/trajectories/${id}/sessions`)).json.items;

test('each role signs in to its own start page and menu, and other roles\' pages are not offered', async () => {
  await withBrowser({}, async (page) => {
    const expected = {
      fysio: ['Agenda', ['Agenda', 'Trajecten', 'Signalen']],
      wij: ['Meldingen', ['Meldingen', 'Cliënten', 'Trajecten']],
      onderzoeker: ['Dashboard', ['Dashboard', 'Exports']],
      beheer: ['Gebruikers', ['Gebruikers']],
    };
    for (const [user, [heading, menu]] of Object.entries(expected)) {
      if (await page.isVisible('#logout')) await page.click('#logout');
      await signIn(page, user);
      await page.waitForSelector('main h1');
      await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, heading);
      assert.deepEqual(await page.$$eval('#nav a', (links) => links.map((a) => a.textContent)), menu, user);
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      await auditPage(page, `${user} start page`);
      await screenshot(page, `start-${user}`);
    }
    // A team member who types the evaluator's address lands on their own agenda.
    await page.click('#logout');
    await page.waitForSelector('#username');
    await signIn(page, 'fysio');
    await page.goto(`${base}/#/dashboard`);
    await page.waitForFunction(() => location.hash === '#/agenda' && document.querySelector('main h1')?.textContent === 'Agenda');
    // English on request, and it stays chosen.
    await page.click('#language');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Agenda' &&
                                     document.documentElement.lang === 'en');
    assert.equal(await page.textContent('#logout'), 'Sign out');
    await page.click('#language');
  });
});

test('a wrong password is reported next to the password field and signs nobody in', async () => {
  await withBrowser({}, async (page) => {
    await page.goto(`${base}/#/login`);
    await page.fill('#username', 'fysio');
    await page.fill('#password', 'not-the-password');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#password[aria-invalid="true"], .notice.error');
    const message = await page.textContent('#password-error') || await page.textContent('.notice.error');
    assert.ok(message.length > 5, `a message is shown: ${message}`);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('reable.token')), null);
    await screenshot(page, 'login-error');
    // By keyboard alone: the focus is on the field in error; type and press Enter.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('reable-demo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#logout:not([hidden])');
  });
});

test('the agenda lists visits with overdue ones first and links to the trajectory page with its charts', async () => {
  await withBrowser({}, async (page) => {
    await signIn(page, 'fysio');
    await page.waitForSelector('main table');
    const first = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent));
    assert.ok(first.includes('Vandaag') && first.includes('Deze week'), first.join(' | '));
    await screenshot(page, 'agenda');
    await page.goto(`${base}/#/trajectory/${trajectory.id}`);
    await page.waitForSelector('main dl.facts');
    assert.equal(await page.textContent('main h1'), trajectory.client_name);
    const facts = await page.textContent('main dl.facts');
    assert.match(facts, new RegExp(`week ${trajectory.week} van ${trajectory.training_weeks}`));
    // One chart per instrument with a numeric result; each is an SVG image from the server.
    await page.waitForSelector('.plots img');
    const images = await page.$$eval('.plots img', (imgs) => imgs.map((i) => ({ ok: i.complete && i.naturalWidth > 0, alt: i.alt })));
    assert.ok(images.length >= 1 && images.every((i) => i.ok && i.alt), JSON.stringify(images));
    await auditPage(page, 'trajectory page');
    await screenshot(page, 'trajectory');

    // A COPM goal, set from the same page.
    const goals = trajectory.goals.length;
    await page.fill('input[name=problem]', 'Zelf de bedden verschonen');
    await page.fill('input[name=importance]', '8');
    await page.click('section[aria-labelledby=goals-heading] button[type=submit]');
    await page.waitForSelector('.notice.success');
    assert.equal(await page.textContent('.notice.success'), 'Doel toegevoegd.');
    const after = (await call(fysio, 'GET', `/api/v1/trajectories/${trajectory.id}`)).json.goals;
    assert.equal(after.length, goals + 1);
    assert.ok(after.some((g) => g.problem === 'Zelf de bedden verschonen' && g.importance === 8));
    assert.ok((await page.textContent('section[aria-labelledby=goals-heading] table')).includes('Zelf de bedden verschonen'));
  });
});

test('a session is logged in a few taps, and a retry after a lost answer does not create a second one', async () => {
  const before = (await sessionsOf(trajectory.id)).length;
  await withBrowser({}, async (page) => {
    await signIn(page, 'fysio');
    await page.goto(`${base}/#/trajectory/${trajectory.id}/session`);
    await page.waitForSelector('form[aria-label="Sessie vastleggen"]');
    await page.click('button.chip-button:text-is("60")');
    await page.selectOption('select[name=kind]', 'home_visit');
    await page.fill('textarea[name=activities]', 'boodschappenlijst samen gemaakt\ntrap lopen');
    await page.click('label.chip:has(input[value=loneliness])');
    await auditPage(page, 'session form');
    await screenshot(page, 'session-form');
    // The first answer is lost on the way back (the request did reach the server).
    let lost = false;
    await page.route('**/api/v1/trajectories/*/sessions', async (route) => {
      if (lost || route.request().method() !== 'POST') return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.click('form button[type=submit]');
    await page.waitForSelector('.notice.error');
    // The user taps save again: the same request, answered from the first one.
    await page.click('form button[type=submit]');
    await page.waitForSelector('.notice.success');
    assert.equal(await page.textContent('.notice.success'), 'Sessie vastgelegd.');
  }, [/ERR_CONNECTION_RESET/]);
  const after = await sessionsOf(trajectory.id);
  assert.equal(after.length, before + 1, 'exactly one session was created');
  const logged = after.find((s) => s.kind === 'home_visit' && s.minutes === 60);
  assert.deepEqual(logged.activities, ['boodschappenlijst samen gemaakt', 'trap lopen']);
});

test('a double tap on save sends one request', async () => {
  await withBrowser({}, async (page) => {
    await signIn(page, 'fysio');
    await page.goto(`${base}/#/trajectory/${trajectory.id}/session`);
    await page.waitForSelector('form[aria-label="Sessie vastleggen"]');
    await page.selectOption('select[name=kind]', 'assessment');
    // The chips are check boxes underneath: reachable by Tab and checked with Space.
    await page.focus('input[name=signals][value=fall]');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('input[name=signals][value=fall]'), true);
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/sessions')) posts += 1; });
    await page.$eval('form button[type=submit]', (b) => { b.click(); b.click(); });
    await page.waitForSelector('.notice.success');
    assert.equal(posts, 1);
  });
});

test('a value the server refuses is shown next to its field and nothing is written', async () => {
  const before = (await sessionsOf(trajectory.id)).length;
  await withBrowser({}, async (page) => {
    await signIn(page, 'fysio');
    await page.goto(`${base}/#/trajectory/${trajectory.id}/session`);
    await page.waitForSelector('input[name=minutes]');
    await page.fill('input[name=minutes]', '2000');
    await page.click('label.chip:has(input[value=cancelled])');
    await page.click('form button[type=submit]');
    await page.waitForSelector('input[name=minutes][aria-invalid="true"]');
    const minutesError = await page.textContent('[data-error-for=minutes]');
    assert.match(minutesError, /1440/, 'the minutes error names what is allowed');
    const reasonError = await page.textContent('[data-error-for=absence_reason]');
    assert.ok(reasonError.length > 0, 'a cancelled session without a reason is marked at the reason');
    await screenshot(page, 'session-errors');
  });
  assert.equal((await sessionsOf(trajectory.id)).length, before);
});

test('an expired session returns to sign-in and back to the form with what was typed', async () => {
  const before = (await sessionsOf(trajectory.id)).length;
  await withBrowser({}, async (page) => {
    await signIn(page, 'fysio');
    await page.goto(`${base}/#/trajectory/${trajectory.id}/session`);
    await page.waitForSelector('textarea[name=notes]');
    await page.selectOption('select[name=kind]', 'phone');
    await page.fill('input[name=minutes]', '25');
    await page.fill('textarea[name=notes]', 'Dochter belt terug over de boodschappen.');
    // The token ends (as it does after its lifetime) while the form is open.
    await page.evaluate(() => fetch('/api/v1/auth/logout', {
      method: 'POST', headers: { Authorization: `Bearer ${sessionStorage.getItem('reable.token')}` } }));
    await page.click('form button[type=submit]');
    await page.waitForSelector('#password');
    assert.match(await page.textContent('main .notice'), /verlopen/);
    await page.fill('#password', 'reable-demo');
    await page.click('form button[type=submit]');
    await page.waitForSelector('textarea[name=notes]');
    assert.equal(await page.inputValue('textarea[name=notes]'), 'Dochter belt terug over de boodschappen.');
    assert.equal(await page.inputValue('input[name=minutes]'), '25');
    assert.equal(await page.inputValue('select[name=kind]'), 'phone');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.notice.success');
  });
  const after = await sessionsOf(trajectory.id);
  assert.equal(after.length, before + 1);
  assert.ok(after.some((s) => s.notes === 'Dochter belt terug over de boodschappen.' && s.minutes === 25));
});

test('an SPPB is scored live by the server as values are typed and saved with its score', async () => {
  await withBrowser({ width: 1280, height: 1000 }, async (page) => {
    await signIn(page, 'fysio');
    await page.goto(`${base}/#/trajectory/${trajectory.id}/test`);
    await page.waitForSelector('select[name=occasion]');
    await page.selectOption('select[name=occasion]', sppbOccasion);
    await page.selectOption('select[name=instrument]', 'sppb');
    await page.waitForSelector('input[name="balance_side_by_side.0"]');
    await page.fill('input[name="balance_side_by_side.0"]', '10');
    await page.fill('input[name="balance_semi_tandem.0"]', '10');
    await page.fill('input[name="balance_tandem.0"]', '10');
    await page.fill('input[name="gait_4m.0"]', '4.10');
    // Not complete yet: the server says so, nothing is guessed.
    await page.waitForFunction(() => /berekenen/.test(document.querySelector('[data-testid=live-total]')?.textContent || ''));
    // A chair-stand time out of range is marked at its field while typing.
    await page.fill('input[name="chair_stand_5x.0"]', '999');
    await page.waitForSelector('input[name="chair_stand_5x.0"][aria-invalid="true"]');
    // Balance 4 + gait 4 (4.10 s < 4.82 s) + chair stands 3 (11.20–13.69 s) = 11 (NIA SPPB score sheet).
    await page.fill('input[name="chair_stand_5x.0"]', '12.30');
    await page.waitForFunction(() => /^11\b/.test(document.querySelector('[data-testid=live-total]')?.textContent || ''));
    await auditPage(page, 'test form');
    await screenshot(page, 'test-sppb-live-score');
    await page.click('form.test-form button[type=submit]');
    await page.waitForSelector('.notice.success');
  });
  const view = (await call(fysio, 'GET', `/api/v1/trajectories/${trajectory.id}`)).json;
  const saved = view.test_results.find((r) => r.instrument_id === 'sppb' && r.occasion === sppbOccasion);
  assert.ok(saved, 'the SPPB is stored at the chosen occasion');
  assert.equal(saved.scores.scores.total, 11);
});

test('the signal list shows what home visits raised, for the team\'s clients only', async () => {
  await withBrowser({}, async (page) => {
    await signIn(page, 'maatschappelijk');
    await page.goto(`${base}/#/signals`);
    await page.waitForSelector('main table');
    const rows = await page.$$eval('main tbody tr', (trs) => trs.length);
    const api = (await call(await token('maatschappelijk'), 'GET', '/api/v1/signals')).json.items.length;
    assert.equal(rows, api);
    await screenshot(page, 'signals');
  });
});

test('the access assessor sees deadlines and decides: outcome, minutes, band, reasons, override with motivation, beschikking', async () => {
  // A client with a finished trajectory asks again: an open melding and a fresh onderzoek.
  const done = (await call(wij, 'GET', '/api/v1/trajectories?status=follow_up&limit=1')).json.items[0];
  const client = done.client_id;
  const melding = await call(wij, 'POST', `/api/v1/clients/${client}/meldingen`,
                             { received_on: trajectory.today, hh_minutes_requested: 150 });
  assert.equal(melding.status, 201);
  // Another asked 60 days ago and has had no onderzoek: 18 days past the 6-week deadline.
  const other = (await call(wij, 'GET', '/api/v1/trajectories?status=follow_up&limit=2')).json.items[1].client_id;
  const received = new Date(`${trajectory.today}T12:00:00Z`);
  received.setUTCDate(received.getUTCDate() - 60);
  const late = await call(wij, 'POST', `/api/v1/clients/${other}/meldingen`,
                          { received_on: received.toISOString().slice(0, 10), hh_minutes_requested: 90 });
  assert.equal(late.status, 201);
  const decisionsBefore = (await call(wij, 'GET', `/api/v1/clients/${client}/decisions`)).json.items.length;
  await withBrowser({}, async (page) => {
    await signIn(page, 'wij');
    await page.waitForSelector('table.meldingen');
    await auditPage(page, 'meldingen');
    await screenshot(page, 'meldingen');
    // The overdue melding comes first and is marked, with how late it is.
    const firstRow = await page.$eval('table.meldingen tbody tr', (tr) => ({
      text: tr.textContent, marked: tr.querySelectorAll('.status-overdue').length }));
    assert.match(firstRow.text, /18 dagen te laat/);
    assert.ok(firstRow.marked >= 1);
    const secondRow = await page.$eval('table.meldingen tbody tr:nth-child(2)', (tr) => tr.querySelectorAll('.status-overdue').length);
    assert.equal(secondRow, 0, 'a melding within its deadline is not marked');

    await page.goto(`${base}/#/decide/${client}`);
    await page.waitForSelector('form[aria-labelledby=findings-heading]');
    await page.click('label.chip:has(input[value=household_goal])');
    await page.click('label.chip:has(input[value=decline_recoverable])');
    await page.fill('input[name=cognitive_screen]', '27');
    await page.click('form[aria-labelledby=findings-heading] button[type=submit]');
    await page.waitForSelector('form[aria-labelledby=findings-heading] .notice.success');

    await page.click('button:text("Uitkomst berekenen")');
    await page.waitForSelector('[data-testid=outcome]');
    const outcome = await page.textContent('[data-testid=outcome]');
    const minutes = await page.textContent('[data-testid=minutes]');
    assert.ok(outcome.length > 0 && minutes.length > 0);
    assert.ok(await page.$$eval('.reasons li', (li) => li.length) >= 1, 'the reasons are listed');
    assert.match(await page.textContent('[data-testid=beschikking]'), /CONCEPT-BESCHIKKING/);
    assert.equal((await call(wij, 'GET', `/api/v1/clients/${client}/decisions`)).json.items.length, decisionsBefore,
                 'computing stores nothing');

    // Departing from the computed outcome needs a motivation; the error is at that field.
    await page.selectOption('select[name=outcome]', 'hh_granted');
    await page.fill('input[name=minutes]', '120');
    await page.click('form[aria-labelledby=decide-heading] button[type=submit]');
    await page.waitForSelector('textarea[name=motivation][aria-invalid="true"]');
    assert.ok((await page.textContent('[data-error-for=motivation]')).length > 0);
    await page.fill('textarea[name=motivation]', 'Mantelzorger valt weg; zie gespreksverslag van het onderzoek.');
    await page.click('form[aria-labelledby=decide-heading] button[type=submit]');
    await page.waitForSelector('[data-testid=decided]');
    assert.match(await page.textContent('[data-testid=decided]'), /120 min/);
    assert.match(await page.textContent('[data-testid=beschikking]'), /120 minuten per week/);
    assert.ok(await page.$('button:text("Afdrukken")'));
    await screenshot(page, 'decision-beschikking');
    // Printed, the page is the beschikking alone.
    await page.emulateMedia({ media: 'print' });
    const shown = (selector) => page.$eval(selector, (el) => getComputedStyle(el).visibility === 'visible');
    assert.equal(await shown('[data-testid=beschikking]'), true);
    assert.equal(await shown('main h1'), false);
    assert.equal(await shown('#nav'), false);
    await page.emulateMedia({ media: 'screen' });
  });
  const decisions = (await call(wij, 'GET', `/api/v1/clients/${client}/decisions`)).json.items;
  assert.equal(decisions.length, decisionsBefore + 1);
  assert.equal(decisions.at(-1).minutes_per_week, 120);
  assert.equal(decisions.at(-1).outcome, 'hh_granted');
});

test('the evaluator sees the cohort dashboard and downloads an export, with nothing identifying', async () => {
  await withBrowser({}, async (page) => {
    await signIn(page, 'onderzoeker');
    await page.waitForSelector('[data-testid=card-enrolled]');
    assert.match(await page.textContent('[data-testid=card-enrolled]'), /200/);
    await page.waitForFunction(() => document.querySelector('.plot img')?.naturalWidth > 0);
    const names = (await call(wij, 'GET', '/api/v1/clients?limit=5')).json.items.map((c) => c.name);
    const text = await page.textContent('main');
    for (const name of names) assert.ok(!text.includes(name), `no client name on the dashboard (${name})`);
    await auditPage(page, 'dashboard');
    await screenshot(page, 'dashboard');

    await page.click('#nav a:text("Exports")');
    await page.waitForSelector('button:text("Downloaden codebook.csv")');
    await screenshot(page, 'exports');
    const [download] = await Promise.all([page.waitForEvent('download'),
                                          page.click('button:text("Downloaden codebook.csv")')]);
    assert.equal(download.suggestedFilename(), 'codebook.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv.split('\r\n')[0], /^file,variable,label_nl,label_en,/);
  });
});

test('long lists page through 50 at a time', async () => {
  await withBrowser({}, async (page) => {
    await signIn(page, 'wij');
    await page.goto(`${base}/#/clients`);
    await page.waitForSelector('.pager');
    assert.match(await page.textContent('.pager'), /^1–50 van \d+/);
    await page.click('.pager a[aria-label=Volgende]');
    await page.waitForFunction(() => /^51–/.test(document.querySelector('.pager')?.textContent || ''));
    assert.equal(await page.textContent('main h1'), 'Cliënten');
    assert.equal(await page.$$eval('main tbody tr', (rows) => rows.length), 50);
  });
});

test('a team member cannot open a client of another team', async () => {
  const refused = await call(fysio2, 'GET', `/api/v1/trajectories/${trajectory.id}`);
  assert.equal(refused.status, 403);
  await withBrowser({}, async (page) => {
    await signIn(page, 'fysio2');
    await page.goto(`${base}/#/trajectory/${trajectory.id}`);
    await page.waitForSelector('main .notice.error');
    const text = await page.textContent('main');
    assert.ok(!text.includes(trajectory.client_name), 'the other team\'s client name is not shown');
    await screenshot(page, 'other-team-refused');
  });
});

test('the pages fit a phone: no sideways scrolling, and the administrator sees users without secrets', async () => {
  await withBrowser({ width: 390, height: 844 }, async (page) => {
    await signIn(page, 'fysio');
    for (const hash of ['#/agenda', `#/trajectory/${trajectory.id}`, `#/trajectory/${trajectory.id}/session`]) {
      await page.goto(`${base}/${hash}`);
      await page.waitForSelector('main h1:not(:empty)');
      await page.waitForSelector('main .loading', { state: 'detached' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${hash} is ${overflow}px wider than the phone`);
    }
    await screenshot(page, 'phone-session-form');
    await page.click('#logout');
    await signIn(page, 'beheer');
    await page.waitForSelector('main table');
    assert.ok(!/hash|\$argon|\$2[aby]\$/i.test(await page.textContent('main')));
  });
});
