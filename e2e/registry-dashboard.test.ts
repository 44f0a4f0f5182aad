import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, newPage, shot, startEnv, until, type Env } from './support.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

const CUTOFF = /^Corte: (lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de [a-z]+ de \d{4}, \d{2}:\d{2}$/;
const FIGURES = ['case-mix', 'age-sex', 'time-to-treatment', 'abandonment', 'survival'];

describe('avance de registro y tablero', () => {
  it('coordinacion ve el avance nacional con la gráfica de unidades, la serie semanal y las tablas por entidad y unidad', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'coordinacion');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Avance de registro' }).click();
      await page.getByRole('heading', { level: 1, name: 'Avance de registro' }).waitFor();
      const progress = page.getByTestId('stat-progress');
      await progress.waitFor();
      expect(await progress.textContent()).toMatch(/\d[\d,]* registrados de \d[\d,]* esperados/);
      expect(await page.getByTestId('stat-week').textContent()).toMatch(/^\+\d+Nuevos desde el corte del juevesLa semana previa: \+\d+$/);

      for (const id of ['ranking', 'weekly']) {
        const figure = page.locator(`[data-figure="${id}"]`);
        await until(async () => (await figure.locator('svg').count()) > 0, `la gráfica «${id}»`);
        expect(await figure.getByTestId('figure-cutoff').textContent()).toMatch(/^Corte: jueves, \d{1,2} de [a-z]+ de \d{4}, 18:00$/);
        expect(await figure.getByTestId('figure-count').textContent()).toMatch(/^n = \d/);
      }
      expect(await page.locator('[data-figure="ranking"]').getByTestId('figure-scope').textContent()).toBe('Nacional, por unidad');
      expect(await page.locator('[data-figure="weekly"]').getByTestId('figure-scope').textContent()).toBe('Nacional');
      // Tables: every state with units, and the 47 units, furthest from 100 % first.
      const units = page.locator('section[aria-labelledby="by-unit"] tbody tr');
      await until(async () => (await units.count()) === 47, 'las 47 unidades');
      const percents = (await units.locator('.pct-text').allTextContents()).map((s) => (s === '—' ? -1 : Number(s.replace(/[^\d.]/g, ''))));
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      await shot(page, 'avance-nacional');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await until(async () => (await page.locator('[data-figure="ranking"] svg').count()) > 0, 'la gráfica en el teléfono');
      await shot(page, 'avance-nacional-telefono');
    } finally {
      await context.close();
    }
  });

  it('coordinacion ve el tablero nacional con sus gráficas, y cada figura dice su ámbito, su corte, su conteo y su definición', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'coordinacion');
      await page.goto('/registro');
      await page.getByRole('link', { name: 'Ver el tablero' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tablero del registro' }).waitFor();
      expect(await page.getByTestId('dashboard-scope').textContent()).toBe('Nacional');
      expect(await page.getByTestId('dashboard-cutoff').textContent()).toMatch(/^Corte: jueves, .*18:00$/);
      for (const id of FIGURES) {
        const figure = page.locator(`[data-figure="${id}"]`);
        await until(async () => (await figure.locator('svg').count()) > 0, `la gráfica «${id}»`);
        expect(await figure.getByTestId('figure-scope').textContent()).toBe('Nacional');
        expect(await figure.getByTestId('figure-cutoff').textContent()).toMatch(CUTOFF);
        expect(await figure.getByTestId('figure-count').textContent()).toMatch(/^n = \d/);
        expect(await figure.locator('.figure-definition').textContent()).toMatch(/^Definición: \S/);
      }
      expect(await page.locator('[data-figure="time-to-treatment"]').getByTestId('figure-count').textContent()).toMatch(/^n = \d[\d,]* de \d[\d,]* en menos de 3 días$/);
      expect(await page.getByTestId('within3').textContent()).toMatch(/^\d+(\.\d)? %$/);
      await shot(page, 'tablero-nacional');

      // A state's dashboard says so on every figure.
      await page.getByRole('combobox', { name: 'Ámbito', exact: true }).selectOption('state');
      await page.getByLabel('Entidad federativa').selectOption('Jalisco');
      await until(async () => (await page.getByTestId('dashboard-scope').textContent()) === 'Entidad: Jalisco', 'el tablero de Jalisco');
      await until(async () => (await page.locator('[data-figure="case-mix"]').getByTestId('figure-scope').textContent()) === 'Entidad: Jalisco', 'las figuras de Jalisco');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/registro/tablero');
      await until(async () => (await page.locator('[data-figure="survival"] svg').count()) > 0, 'las curvas en el teléfono');
      await shot(page, 'tablero-nacional-telefono');
    } finally {
      await context.close();
    }
  });

  it('el personal de una unidad ve el tablero de su unidad aunque pida el nacional', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico.laraza');
      await page.goto('/registro/tablero?ambito=national');
      await until(async () => (await page.getByTestId('dashboard-scope').count()) > 0, 'el tablero');
      expect(await page.getByTestId('dashboard-scope').textContent()).toBe('Unidad: HG CMN La Raza');
      expect(await page.getByRole('combobox', { name: 'Ámbito', exact: true }).count()).toBe(0);
      await until(async () => (await page.locator('[data-figure="case-mix"] svg').count()) > 0, 'la casuística de la unidad');
      expect(await page.locator('[data-figure="case-mix"]').getByTestId('figure-scope').textContent()).toBe('Unidad: HG CMN La Raza');
    } finally {
      await context.close();
    }
  });
});
