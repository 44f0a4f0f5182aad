/**
 * Helpers for the browser tests: an in-process server with demo data serving the built client,
 * Debian's Chromium through playwright-core, and small waits that read what a person sees.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DIST_DIR } from '../scripts/build-web-if-needed.ts';
import { createTestApp, type TestApp } from '../server/src/testing/harness.ts';

export const PASSWORD = 'admin-demo';

export interface Env {
  t: TestApp;
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function startEnv(): Promise<Env> {
  const [t, browser] = await Promise.all([createTestApp({ serveWeb: true, env: { WEB_DIST_DIR: DIST_DIR, WHATSAPP_WORKER: 'true' } }), launchBrowser()]);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

export async function newPage(env: Env, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ viewport, locale: 'es-MX', timezoneId: 'America/Mexico_City', baseURL: env.base });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw new Error(`Error de JavaScript en la página: ${err.message}`);
  });
  return { context, page };
}

/** A text box by its accessible name (its <label>). */
export const field = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** Fills the login form and submits it (does not wait for the outcome). */
export async function submitLogin(page: Page, username: string, password = PASSWORD): Promise<void> {
  if (!page.url().includes('/ingresar')) await page.goto('/ingresar');
  await field(page, 'Usuario').fill(username);
  await field(page, 'Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

/** Logs in and waits for the app shell (the user menu). */
export async function loginAs(page: Page, username: string, password = PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await page.getByRole('button', { name: /Menú de usuario/ }).waitFor();
}

/** The link texts of the main navigation, in order. */
export async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  if ((await nav.count()) === 0) return [];
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

/** The error shown next to a form control (the element its aria-describedby names first). */
export async function errorNextTo(control: Locator): Promise<string> {
  await control.and(control.page().locator('[aria-invalid="true"]')).waitFor();
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const errorId = ids.find((id) => id.endsWith('-error'));
  if (!errorId) return '';
  return (await control.page().locator(`[id="${errorId}"]`).textContent())?.trim() ?? '';
}

/** Waits until `fn` returns true (a condition on what the page shows). */
export async function until(fn: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > end) throw new Error(`Tiempo agotado esperando: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Screenshots for looking at the design during development: set E2E_SCREENSHOTS=1 (or a folder). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  const folder = dir === '1' ? '/tmp/screens' : dir;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}
