import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCurp } from '../server/src/modules/registry/domain/curp.ts';
import { authHeaders, login } from '../server/src/testing/harness.ts';
import type { Locator } from 'playwright-core';
import { todayInMexico } from '../web/src/lib/format.ts';
import { errorNextTo, field, loginAs, newPage, shot, startEnv, until, type Env } from './support.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

const CHILD = { firstSurname: 'Hernández', secondSurname: 'Ruiz', givenNames: 'Valeria', birthDate: '2017-03-09', sex: 'M' as const, stateCode: 'DF' };
const CHILD_CURP = makeCurp(CHILD);
/** Diagnosed (and first cycle given) three days ago. */
const DX_DATE = new Date(Date.parse(`${todayInMexico()}T12:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
let patientPath = '';
/** The same CURP with a wrong last character. */
const BAD_CHECK_DIGIT = CHILD_CURP.slice(0, 17) + String((Number(CHILD_CURP[17]) + 1) % 10);

describe('registro de pacientes', () => {
  it('la CURP se valida mientras se escribe: un dígito verificador equivocado se explica en español antes de guardar', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.goto('/pacientes/nuevo');
      await page.getByRole('heading', { level: 1, name: 'Registrar paciente' }).waitFor();
      const creates: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/patients') creates.push(r.url());
      });
      const curp = field(page, 'CURP');
      await curp.pressSequentially(BAD_CHECK_DIGIT.toLowerCase());
      expect(await errorNextTo(curp)).toBe('el dígito verificador no corresponde: revise que la CURP esté bien escrita');
      // A wrong segment is named while the key is still incomplete.
      await curp.fill('HERV17');
      expect(await curp.getAttribute('aria-invalid')).toBeNull();
      await curp.fill('HERV171309');
      await curp.fill('HERV170309Q');
      expect(await errorNextTo(curp)).toBe('la posición 11 (sexo) debe ser H, M o X');
      await curp.fill(BAD_CHECK_DIGIT);
      expect(await errorNextTo(curp)).toBe('el dígito verificador no corresponde: revise que la CURP esté bien escrita');
      await shot(page, 'registro-curp-invalida');
      // Submitting with the bad CURP sends nothing: the form points at the field instead.
      await page.getByRole('button', { name: 'Registrar paciente' }).click();
      await page.getByText('Revise los', { exact: false }).first().waitFor();
      expect(creates).toEqual([]);

      // Typing the right CURP clears the error and fills the birth date and the sex.
      await curp.fill(CHILD_CURP);
      await page.getByText('CURP válida: nació el', { exact: false }).waitFor();
      expect(await curp.getAttribute('aria-invalid')).toBeNull();
      expect(await page.getByLabel('Fecha de nacimiento').inputValue()).toBe(CHILD.birthDate);
      expect(await page.getByLabel('Sexo').inputValue()).toBe('M');
    } finally {
      await context.close();
    }
  });

  it('medico registra a una niña con diagnóstico y primer ciclo, y la ve contada en el avance de su unidad y en el «+N» de la semana', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      // Baseline: the unit's figures before the registration (demo data may already count some this week).
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Avance de registro' }).click();
      const card = page.locator('.unit-card', { hasText: 'Pediatría CMN Siglo XXI' });
      await card.waitFor();
      const before = await unitFigures(card);

      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Pacientes', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Pacientes' }).waitFor();
      await page.getByRole('link', { name: 'Registrar paciente' }).click();
      await page.getByRole('heading', { level: 1, name: 'Registrar paciente' }).waitFor();

      // Submitting the empty form lists what is missing next to each field, in Spanish.
      await page.getByRole('button', { name: 'Registrar paciente' }).click();
      expect(await errorNextTo(field(page, 'Nombre(s)'))).toBe('es obligatorio');
      expect(await errorNextTo(page.getByRole('checkbox', { name: 'Se entregó y se aceptó el aviso de privacidad' }))).toBe(
        'registre la aceptación del aviso de privacidad',
      );

      await field(page, 'CURP').fill(CHILD_CURP);
      await field(page, 'Nombre(s)').fill(CHILD.givenNames);
      await field(page, 'Primer apellido').fill(CHILD.firstSurname);
      await field(page, 'Segundo apellido').fill(CHILD.secondSurname);
      // The duplicate check answers before saving.
      await page.getByText('No hay registros con la misma CURP', { exact: false }).waitFor();
      const guardian = page.getByRole('group', { name: 'Responsable 1' });
      await field(guardian, 'Nombre completo').fill('Laura Ruiz Méndez');
      await guardian.getByLabel('Parentesco').selectOption('MOTHER');
      const phone = guardian.getByRole('textbox', { name: 'Teléfono celular' });
      await phone.fill('55 1234');
      await phone.blur();
      expect(await errorNextTo(phone)).toBe('debe ser un teléfono de México de 10 dígitos');
      await phone.fill('55 1234 5678');
      await page.getByRole('checkbox', { name: 'Se entregó y se aceptó el aviso de privacidad' }).check();
      expect(await field(page, 'Lo aceptó').inputValue()).toBe('Laura Ruiz Méndez');
      await shot(page, 'registro-lleno');
      await page.getByRole('button', { name: 'Registrar paciente' }).click();

      await page.waitForURL(/\/pacientes\/[0-9a-f-]{36}$/);
      patientPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: 'Valeria Hernández Ruiz' }).waitFor();
      await page.getByText('Se registró a Valeria Hernández Ruiz.', { exact: false }).waitFor();
      const header = page.locator('.record-header');
      expect(await header.textContent()).toContain(CHILD_CURP);
      expect(await header.textContent()).toContain('Pediátrico');
      expect(await header.textContent()).toContain('Pediatría CMN Siglo XXI');
      await page.getByText('Laura Ruiz Méndez', { exact: true }).waitFor();

      // Diagnosis in ICD-O-3; the ICD-10 code and the ICCC-3 group come back derived.
      await page.getByRole('tab', { name: /Diagnósticos/ }).click();
      await field(page, 'Topografía CIE-O-3').fill('C42');
      await field(page, 'Topografía CIE-O-3').blur();
      expect(await errorNextTo(field(page, 'Topografía CIE-O-3'))).toBe('debe ser un código de topografía CIE-O-3 como C42.1');
      await field(page, 'Topografía CIE-O-3').fill('C42.1');
      await field(page, 'Morfología CIE-O-3').fill('9836');
      await page.getByLabel('Fecha del diagnóstico').fill(DX_DATE);
      await page.getByRole('button', { name: 'Guardar diagnóstico' }).click();
      const dx = page.locator('.dx-card').first();
      await dx.waitFor();
      expect(await dx.getByTestId('icd10').textContent()).toContain('C91.0');
      expect(await dx.getByTestId('iccc').textContent()).toContain('Leucemias');
      await page.getByText('Se guardó el diagnóstico: CIE-10 C91.0', { exact: false }).waitFor();
      await shot(page, 'expediente-diagnostico');

      // Weight and height: the header shows the body-surface area with its date.
      await page.getByRole('tab', { name: /Mediciones/ }).click();
      await page.getByLabel('Fecha de la medición').fill(DX_DATE);
      await field(page, 'Peso').fill('400');
      expect(await errorNextTo(field(page, 'Peso'))).toBe('el peso no puede exceder 350 kg; revise las unidades');
      await field(page, 'Peso').fill('24');
      await field(page, 'Talla').fill('125');
      await page.getByText('Superficie corporal (Mosteller): 0.91 m²').waitFor();
      await page.getByRole('button', { name: 'Guardar medición' }).click();
      await until(async () => ((await page.getByTestId('bsa').textContent()) ?? '').includes('0.91 m²'), 'la superficie corporal en el encabezado');

      // Treatment: a curative plan, then the first cycle, given, with a drug.
      await page.getByRole('tab', { name: /Tratamiento/ }).click();
      await page.getByRole('button', { name: 'Nuevo plan de tratamiento' }).click();
      const planDialog = page.getByRole('dialog', { name: 'Nuevo plan de tratamiento' });
      await field(planDialog, 'Protocolo o esquema').fill('ALL IC-BFM 2009');
      await planDialog.getByLabel('Fecha de inicio').fill(DX_DATE);
      await field(planDialog, 'Ciclos planeados').fill('8');
      await field(planDialog, 'Duración del ciclo (días)').fill('21');
      await planDialog.getByRole('button', { name: 'Guardar plan' }).click();
      await page.getByText('Se guardó el plan «ALL IC-BFM 2009».').waitFor();

      await page.getByRole('button', { name: 'Agregar ciclo' }).click();
      const cycleDialog = page.getByRole('dialog', { name: /Nuevo ciclo/ });
      expect(await field(cycleDialog, 'Número de ciclo').inputValue()).toBe('1');
      await cycleDialog.getByLabel('Fecha programada').fill(DX_DATE);
      await cycleDialog.getByLabel('Estado').selectOption('GIVEN');
      await cycleDialog.getByLabel('Fecha de aplicación').fill(DX_DATE);
      await cycleDialog.getByRole('button', { name: 'Guardar ciclo' }).click();
      await page.getByText('Se guardó Inducción, ciclo 1.').waitFor();
      const cycleRow = page.locator('tr[data-cycle-id]').first();
      expect(await cycleRow.textContent()).toContain('Aplicado');

      await cycleRow.getByRole('button', { name: 'Agregar medicamento' }).click();
      const adminDialog = page.getByRole('dialog', { name: /Medicamento aplicado/ });
      await adminDialog.getByText('superficie corporal más reciente: 0.91 m²', { exact: false }).waitFor();
      await adminDialog.getByLabel('Medicamento').fill('Vincristina');
      await field(adminDialog, 'Dosis del protocolo').fill('1.5');
      await adminDialog.getByLabel('Fecha y hora de aplicación').fill(`${DX_DATE}T10:30`);
      await adminDialog.getByRole('button', { name: 'Guardar medicamento' }).click();
      await page.getByText('Se registró la aplicación de Vincristina.').waitFor();
      await until(async () => ((await cycleRow.textContent()) ?? '').includes('SC 0.91 m²'), 'la dosis con la superficie corporal usada');
      await shot(page, 'expediente-tratamiento');

      // The timeline shows what happened, newest first.
      await page.getByRole('tab', { name: 'Línea de tiempo' }).click();
      const timeline = page.getByRole('list', { name: 'Línea de tiempo' });
      await timeline.waitFor();
      const events = await timeline.locator('.tl-label').allTextContents();
      expect(events.some((e) => e.includes('Vincristina'))).toBe(true);
      expect(events.some((e) => e.includes('Registro en la plataforma'))).toBe(true);
      await shot(page, 'expediente-linea-de-tiempo');

      // The child is counted in the unit's progress and in this week's "+N".
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Avance de registro' }).click();
      await card.waitFor();
      await until(async () => (await unitFigures(card)).registered === before.registered + 1, 'el registro nuevo en el avance de la unidad');
      const after = await unitFigures(card);
      expect(after.week).toBe(before.week + 1);
      await card.click();
      await page.getByRole('heading', { level: 1, name: 'Pediatría CMN Siglo XXI' }).waitFor();
      expect(await page.getByTestId('stat-week').locator('.stat-value').textContent()).toBe(`+${after.week}`);
      expect(await page.getByTestId('figure-scope').first().textContent()).toBe('Unidad: Pediatría CMN Siglo XXI');
      expect(await page.getByTestId('figure-cutoff').first().textContent()).toMatch(/^Corte: jueves, \d+ de \w+ de \d{4}, 18:00$/);
      await until(async () => (await page.locator('[data-figure="unit-weekly"] svg').count()) > 0, 'la gráfica semanal de la unidad');
      await shot(page, 'avance-unidad');

      // The same CURP again: the duplicate panel says so before saving.
      await page.goto('/pacientes/nuevo');
      await field(page, 'CURP').fill(CHILD_CURP);
      await page.getByText('Esta CURP ya está registrada.', { exact: false }).waitFor();
      expect(await page.locator('.dup-item').textContent()).toContain('Valeria Hernández Ruiz');
      await shot(page, 'registro-duplicado');
    } finally {
      await context.close();
    }
  });

  it('la búsqueda tolera errores de tecleo («Resultados parecidos») y otra unidad no puede abrir el expediente', async () => {
    expect(patientPath).toMatch(/^\/pacientes\//);
    const medico = await newPage(env);
    try {
      const { page } = medico;
      await loginAs(page, 'medico');
      await page.goto('/pacientes');
      await page.getByRole('searchbox', { name: 'Buscar paciente' }).fill('Hernandes Ruiz Valeria');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.getByText('Resultados parecidos', { exact: true }).first().waitFor();
      await page.getByRole('link', { name: 'Hernández Ruiz, Valeria' }).waitFor();
      await shot(page, 'pacientes-parecidos');
    } finally {
      await medico.context.close();
    }

    const other = await newPage(env);
    try {
      const { page } = other;
      await loginAs(page, 'medico.laraza');
      await page.goto(patientPath);
      await page.getByRole('heading', { level: 1, name: 'Paciente no encontrado' }).waitFor();
      expect(await page.getByText('No se encontró ese paciente en sus unidades.', { exact: false }).count()).toBe(1);
      expect(await page.getByText(CHILD_CURP).count()).toBe(0);
      await page.goto(`/pacientes?q=${CHILD_CURP}`);
      await page.getByText('No se encontró ningún paciente con esa búsqueda en sus unidades.').waitFor();
      await shot(page, 'expediente-no-encontrado');
    } finally {
      await other.context.close();
    }
  });

  it('medico fusiona un registro duplicado en el expediente y traslada al paciente a otra unidad, que desde entonces lo ve', async () => {
    // Two records of the same boy (a typo in the CURP's homonymy character made the second one).
    const api = await login(env.t.app, 'medico');
    const unitId = api.user.units[0]!.id;
    const boy = { firstSurname: 'Ortega', secondSurname: 'Lara', givenNames: 'Bruno', birthDate: '2018-06-02', sex: 'H' as const, stateCode: 'DF' };
    const ids: string[] = [];
    for (const homonymy of ['A', 'B']) {
      const res = await env.t.app.inject({
        method: 'POST',
        url: '/api/patients',
        headers: authHeaders(api),
        payload: { curp: makeCurp({ ...boy, homonymy }), givenNames: boy.givenNames, firstSurname: boy.firstSurname, secondSurname: boy.secondSurname, birthDate: boy.birthDate, sex: boy.sex, unitId },
      });
      expect(res.statusCode).toBe(201);
      ids.push((res.json() as { id: string }).id);
    }
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.goto(`/pacientes/${ids[0]}`);
      await page.getByRole('heading', { level: 1, name: 'Bruno Ortega Lara' }).waitFor();
      // Correct the registration data (the NSS is checked while typing).
      await page.getByRole('button', { name: 'Corregir datos' }).click();
      const edit = page.getByRole('dialog', { name: 'Corregir los datos del paciente' });
      await field(edit, 'NSS').fill('12345678901');
      expect(await errorNextTo(field(edit, 'NSS'))).toBe('el dígito verificador del NSS no corresponde');
      await field(edit, 'NSS').fill('');
      await field(edit, 'Municipio o alcaldía').fill('Iztapalapa');
      await edit.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText('Se guardaron los datos del paciente.').waitFor();
      await page.getByText('Iztapalapa', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Fusionar duplicado' }).click();
      const merge = page.getByRole('dialog', { name: 'Fusionar un registro duplicado' });
      // The likely duplicate (similar name, same birth date) is offered without searching.
      await merge.getByRole('radio', { name: /Bruno Ortega Lara/ }).check();
      await merge.getByRole('button', { name: 'Fusionar duplicado' }).click();
      expect(await errorNextTo(merge.getByRole('textbox', { name: 'Motivo' }))).toBe('es obligatorio');
      await merge.getByRole('textbox', { name: 'Motivo' }).fill('Registro duplicado por error en la homonimia de la CURP');
      await merge.getByRole('checkbox', { name: /son la misma persona/ }).check();
      await shot(page, 'expediente-fusionar');
      await merge.getByRole('button', { name: 'Fusionar duplicado' }).click();
      await page.getByText('Se fusionó el registro de Bruno Ortega Lara en este expediente.').waitFor();
      await page.getByText('Se fusionó el registro', { exact: false }).nth(1).waitFor();

      await page.getByRole('button', { name: 'Trasladar' }).click();
      const transfer = page.getByRole('dialog', { name: 'Trasladar a otra unidad' });
      await transfer.getByLabel('Unidad de destino').selectOption({ label: 'HG CMN La Raza (Ciudad de México)' });
      await transfer.getByRole('textbox', { name: 'Motivo' }).fill('Cambio de domicilio de la familia');
      await transfer.getByRole('button', { name: 'Trasladar' }).click();
      // The record now belongs to La Raza: medico is taken back to the list and told so.
      await page.waitForURL((u) => u.pathname === '/pacientes');
      await page.getByText('El paciente se trasladó a HG CMN La Raza; desde ahora lo atiende esa unidad', { exact: false }).waitFor();
      await page.goto(`/pacientes/${ids[0]}`);
      await page.getByRole('heading', { level: 1, name: 'Paciente no encontrado' }).waitFor();
    } finally {
      await context.close();
    }
    const other = await newPage(env);
    try {
      await loginAs(other.page, 'medico.laraza');
      await other.page.goto(`/pacientes/${ids[0]}`);
      await other.page.getByRole('heading', { level: 1, name: 'Bruno Ortega Lara' }).waitFor();
      expect(await other.page.getByText('Trasladado de Pediatría CMN Siglo XXI a HG CMN La Raza', { exact: false }).count()).toBe(1);
    } finally {
      await other.context.close();
    }
  });
});

/** Registered and this week's "+N" as the unit card on /registro shows them. */
async function unitFigures(card: Locator): Promise<{ registered: number; week: number }> {
  const text = (await card.textContent()) ?? '';
  const registered = Number(/([\d,]+) registrados de/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
  const week = Number(/\+([\d,]+) esta semana/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
  return { registered, week };
}
