import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCurp } from '../server/src/modules/registry/domain/curp.ts';
import { authHeaders, login } from '../server/src/testing/harness.ts';
import { todayInMexico } from '../web/src/lib/format.ts';
import { errorNextTo, field, loginAs, newPage, shot, startEnv, until, type Env } from './support.ts';

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

  it('coordinacion actualiza el censo integral y registra una capacitación en la página de una unidad', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'coordinacion');
      await page.goto('/registro');
      await page.locator('section[aria-labelledby="by-unit"]').getByRole('link', { name: 'HGZ 1 Pachuca' }).click();
      await page.getByRole('heading', { level: 1, name: 'HGZ 1 Pachuca' }).waitFor();
      const registered = Number(/(\d[\d,]*) registrados de/.exec((await page.getByTestId('stat-progress').textContent()) ?? '')?.[1]?.replace(/,/g, ''));

      await page.getByRole('button', { name: 'Actualizar censo' }).click();
      await field(page, 'Pacientes esperados').fill('-3');
      expect(await errorNextTo(field(page, 'Pacientes esperados'))).toBe('debe ser un número entero');
      const expected = Math.max(2, registered * 2);
      const percent = `${new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 }).format((registered / expected) * 100)} %`;
      await field(page, 'Pacientes esperados').fill(String(expected));
      await page.getByRole('button', { name: 'Guardar censo' }).click();
      await page.getByText(`Se registró el censo integral: ${expected.toLocaleString('en-US')} pacientes`, { exact: false }).waitFor();
      await until(async () => ((await page.getByTestId('stat-progress').textContent()) ?? '').startsWith(percent), `el avance con el censo nuevo (${percent})`);

      await page.getByRole('button', { name: 'Registrar capacitación' }).click();
      await page.getByLabel('Modalidad').selectOption('REMOTE');
      await field(page, 'Personas capacitadas').fill('0');
      expect(await errorNextTo(field(page, 'Personas capacitadas'))).toBe('debe ser un número entero de al menos 1');
      await field(page, 'Personas capacitadas').fill('14');
      await field(page, 'Tema').fill('Captura de ciclos y seguimiento en la APO');
      await page.getByRole('button', { name: 'Guardar capacitación' }).click();
      await page.getByText('Se registró la capacitación «Captura de ciclos y seguimiento en la APO».').waitFor();
      await page.getByRole('cell', { name: 'Captura de ciclos y seguimiento en la APO' }).waitFor();
      await shot(page, 'unidad-censo-capacitacion');
    } finally {
      await context.close();
    }
  });

  it('pendientes: un paciente con tratamiento curativo y 5 semanas sin tratamiento aparece como sospecha de abandono hasta que se registra su búsqueda', async () => {
    // Setup through the API: a boy whose only cycle was given 35 days ago.
    const api = await login(env.t.app, 'medico');
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await env.t.app.inject({ method: 'POST', url, headers: authHeaders(api), payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const day = (n: number) => new Date(Date.parse(`${todayInMexico()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const kid = { firstSurname: 'Cervantes', secondSurname: 'Mora', givenNames: 'Gael', birthDate: '2016-09-14', sex: 'H' as const, stateCode: 'PL' };
    const p = await post('/api/patients', { curp: makeCurp(kid), givenNames: kid.givenNames, firstSurname: kid.firstSurname, secondSurname: kid.secondSurname, birthDate: kid.birthDate, sex: kid.sex, unitId: api.user.units[0]!.id });
    const dx = await post(`/api/patients/${p.id}/diagnoses`, { topography: 'C42.1', morphology: '9836', behaviour: 3, basis: 7, diagnosisDate: day(40), laterality: 'NOT_APPLICABLE' });
    const plan = await post(`/api/patients/${p.id}/plans`, { diagnosisId: dx.id, protocol: 'ALL IC-BFM 2009', intent: 'CURATIVE', startDate: day(38) });
    await post(`/api/patients/${p.id}/cycles`, { planId: plan.id, course: 'Inducción', cycleNumber: 1, plannedDate: day(35), actualDate: day(35), status: 'GIVEN' });

    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Pendientes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Pendientes' }).waitFor();
      for (const k of ['abandonment-suspects', 'overdue-cycles', 'no-follow-up', 'missing-data']) {
        await until(async () => /^\d+\+?$/.test((await page.getByTestId(`count-${k}`).textContent()) ?? ''), `el conteo de ${k}`);
      }
      const row = page.locator(`tr[data-patient-id="${p.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Sin contacto ≥ 4 semanas');
      const before = Number((await page.getByTestId('count-abandonment-suspects').textContent())!.replace('+', ''));
      await shot(page, 'pendientes');

      await row.getByRole('button', { name: 'Registrar búsqueda' }).click();
      const trace = page.getByRole('dialog', { name: 'Registrar búsqueda por abandono' });
      await trace.getByRole('button', { name: 'Guardar' }).click();
      expect(await trace.getByText('es obligatorio en una búsqueda por abandono', { exact: false }).count()).toBe(1);
      await trace.getByRole('textbox', { name: 'Por qué no ha recibido tratamiento' }).fill('La familia no tuvo transporte; cita reprogramada');
      await trace.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText('Se registró la búsqueda de Gael Cervantes Mora.').waitFor();
      await until(async () => (await row.count()) === 0, 'el paciente fuera de la lista');
      expect(Number((await page.getByTestId('count-abandonment-suspects').textContent())!.replace('+', ''))).toBe(before - 1);

      // Another list, and from a row to the record's section.
      await page.getByRole('tab', { name: /Datos faltantes/ }).click();
      await page.waitForURL(/lista=missing-data/);
      const first = page.locator('tbody tr').first();
      await first.getByRole('link', { name: 'Abrir expediente' }).click();
      await page.waitForURL(/\/pacientes\/[0-9a-f-]{36}/);
      await page.locator('.record-header').waitFor();
    } finally {
      await context.close();
    }
  });
});
