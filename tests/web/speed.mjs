// How soon each main page shows its first meaningful content on the 10,000-client demo database:
// from the start of navigation (a full page load, the user already signed in) until the page's
// content replaced the loading line. Reported, not asserted: timings depend on the machine.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, base, call, launch, signIn, token } from './browser.mjs';

const runs = 5;
const results = [];

async function measure(user, pages) {
  const { context, page } = await launch();
  await signIn(page, user);
  for (const [name, hash, selector] of pages) {
    const times = [];
    for (let i = 0; i < runs; ++i) {
      await page.goto('about:blank');
      await page.goto(`${base}/${hash}`);
      await page.waitForSelector(selector, { timeout: 60000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('reable:content').at(-1)?.startTime ??
                                           performance.now()));
    }
    const first = times[0];
    times.sort((a, b) => a - b);
    results.push({ user, page: name, first_ms: Math.round(first), median_ms: Math.round(times[Math.floor(runs / 2)]),
                   max_ms: Math.round(times.at(-1)) });
  }
  await context.close();
}

const fysio = await token('fysio');
const trajectory = (await call(fysio, 'GET', '/api/v1/trajectories?status=training&limit=1')).json.items[0].id;
await measure('fysio', [
  ['agenda', '#/agenda', 'main table, main .empty'],
  ['trajectories', '#/trajectories', 'main table'],
  ['trajectory', `#/trajectory/${trajectory}`, 'main dl.facts'],
  ['session form', `#/trajectory/${trajectory}/session`, 'form textarea[name=notes]'],
  ['test form', `#/trajectory/${trajectory}/test`, 'form.test-form .items fieldset'],
  ['signals', '#/signals', 'main table, main .empty'],
]);
const wij = await token('wij');
const client = (await call(wij, 'GET', '/api/v1/clients?limit=1')).json.items[0].id;
await measure('wij', [
  ['meldingen', '#/meldingen', 'table.meldingen, main .empty'],
  ['clients', '#/clients', 'main table'],
  ['decision', `#/decide/${client}`, 'form[aria-labelledby=decide-heading]'],
]);
await measure('onderzoeker', [['dashboard', '#/dashboard', '[data-testid=card-enrolled]'], ['exports', '#/exports', 'ul.downloads']]);

writeFileSync(join(artifacts, 'speed.json'), `${JSON.stringify({ clients: 10000, runs, results }, null, 2)}\n`);
console.log(`first meaningful content, 10,000 clients: the first of ${runs} full page loads, their median and slowest`);
for (const r of results) {
  console.log(`  ${r.user.padEnd(12)} ${r.page.padEnd(14)} first ${String(r.first_ms).padStart(5)} ms  ` +
              `median ${String(r.median_ms).padStart(5)} ms  max ${String(r.max_ms).padStart(5)} ms`);
}
