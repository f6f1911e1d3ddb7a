// Shared by the browser tests: Debian's Chromium through playwright-core, sign-in, the API.

import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const base = process.env.REABLE_URL;
export const artifacts = process.env.REABLE_ARTIFACTS;
export const password = 'reable-demo';

/// A fresh browser profile for each test, so no session, draft or cache carries over.
export async function launch({ width = 768, height = 1024 } = {}) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'reable-profile-')), {
    executablePath: process.env.REABLE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    viewport: { width, height },
    acceptDownloads: true,
    locale: 'nl-NL',
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error}`));
  // Chromium logs every answer with an error status; the 4xx ones are the tests' own doing (a
  // wrong password, a refused value) and are asserted where they happen. A 5xx never is.
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

export async function signIn(page, username, { expectHome = true } = {}) {
  await page.goto(`${base}/#/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('form button[type=submit]');
  if (expectHome) await page.waitForSelector('#logout:not([hidden])');
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/// The API as a test sets things up and checks what the interface did.
export async function token(username) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return (await response.json()).token;
}

export async function call(bearer, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, json, text };
}
