import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, login } from '../server/src/testing/harness.ts';
import { loginAs, newPage, shot, startEnv, until, type Env } from './support.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

/** Mexico City calendar date of now, as the date inputs take it. */
const todayInMexico = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('bitácora', () => {
  it('muestra las consultas que hizo medico y un intento denegado, con fecha y hora del centro de México', async () => {
    // medico browses the unit catalogue (a SEARCH on "unit") and tries an address it may not use.
    const medico = await newPage(env);
    try {
      await loginAs(medico.page, 'medico');
      await medico.page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Unidades médicas' }).click();
      await medico.page.getByRole('cell', { name: 'DFIMS000616' }).waitFor();
      const status = await medico.page.evaluate(async () => (await fetch('/api/users', { credentials: 'same-origin' })).status);
      expect(status).toBe(403);
    } finally {
      await medico.context.close();
    }

    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Bitácora' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bitácora' }).waitFor();
      await page.locator('tbody tr').first().waitFor();

      await page.getByRole('textbox', { name: 'Usuario', exact: true }).fill('medico');
      await page.getByRole('textbox', { name: 'Desde', exact: true }).fill(todayInMexico());
      await page.getByRole('textbox', { name: 'Hasta (inclusive)', exact: true }).fill(todayInMexico());
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.waitForURL(/username=medico/);

      const rows = page.locator('tbody tr');
      await until(async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((r) => r.includes('medico'));
      }, 'solo registros de medico');
      const texts = await rows.allTextContents();
      const search = texts.find((r) => r.includes('SEARCH') && r.includes('unit'));
      expect(search, 'una búsqueda (SEARCH) sobre «unit»').toBeDefined();
      expect(search).toContain('Búsqueda');
      expect(search).toContain('Unidad médica');
      expect(search).toContain('Médico(a)');
      expect(search).toContain('Éxito');
      expect(texts.some((r) => r.includes('LOGIN') && r.includes('session'))).toBe(true);

      // Date and time in es-MX, America/Mexico_City.
      const first = page.locator('tbody tr time').first();
      const iso = await first.getAttribute('datetime');
      const expected = new Intl.DateTimeFormat('es-MX', {
        timeZone: 'America/Mexico_City',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23', // 00:00, never 24:00 (hour12:false resolves to h24 in some ICU builds)
      }).format(new Date(iso!));
      expect((await first.textContent())?.trim()).toBe(expected);
      // Newest first.
      const times = await page.locator('tbody tr time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      expect([...times].sort().reverse()).toEqual(times);
      await shot(page, 'bitacora');

      // Only the denied attempts.
      await page.getByLabel('Resultado').selectOption({ label: 'Denegado' });
      await page.waitForURL(/outcome=DENIED/);
      await until(async () => {
        const t = await rows.allTextContents();
        return t.length > 0 && t.every((r) => r.includes('Denegado'));
      }, 'solo intentos denegados');
      expect((await rows.allTextContents()).some((r) => r.includes('/api/users'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('«Cargar más» trae la página siguiente (paginación por cursor)', async () => {
    // 60 catalogue searches by coordinacion make more than one page of the bitácora.
    const coord = await login(env.t.app, 'coordinacion');
    for (let i = 0; i < 60; i++) {
      const res = await env.t.app.inject({ method: 'GET', url: '/api/units?limit=1', headers: authHeaders(coord) });
      expect(res.statusCode).toBe(200);
    }
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.goto('/bitacora?username=coordinacion&action=SEARCH');
      const rows = page.locator('tbody tr');
      await until(async () => (await rows.count()) === 50, 'la primera página de 50');
      await page.getByText('Se muestran 50 registros. Hay más resultados.').waitFor();
      await page.getByRole('button', { name: 'Cargar más' }).click();
      await until(async () => (await rows.count()) === 60, 'las 60 búsquedas');
      await page.getByText('Se muestran 60 registros. No hay más resultados.').waitFor();
      expect(await page.getByRole('button', { name: 'Cargar más' }).count()).toBe(0);
      const ids = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-audit-id'))));
      expect(new Set(ids).size).toBe(60);
    } finally {
      await context.close();
    }
  });

  it('un rango de fechas invertido muestra el error del servidor junto al campo', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.goto('/bitacora?from=2026-03-10&to=2026-03-01');
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Hasta (inclusive)');
      expect(await page.getByRole('table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
