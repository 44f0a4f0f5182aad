import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCurp } from '../server/src/modules/registry/domain/curp.ts';
import { errorNextTo, field, loginAs, newPage, shot, startEnv, type Env } from './support.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

const CHILD = { firstSurname: 'Hernández', secondSurname: 'Ruiz', givenNames: 'Valeria', birthDate: '2017-03-09', sex: 'M' as const, stateCode: 'DF' };
const CHILD_CURP = makeCurp(CHILD);
/** The same CURP with a wrong last character. */
const BAD_CHECK_DIGIT = CHILD_CURP.slice(0, 17) + String((Number(CHILD_CURP[17]) + 1) % 10);

describe('registro de pacientes', () => {
  it('la CURP se valida mientras se escribe: un dígito verificador equivocado se explica en español antes de guardar', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.goto('/pacientes/nuevo');
      await page.getByRole('heading', { level: 1, name: 'Registrar paciente' }).waitFor();
      const curp = field(page, 'CURP');
      await curp.pressSequentially(BAD_CHECK_DIGIT.toLowerCase());
      expect(await errorNextTo(curp)).toBe('el dígito verificador no corresponde: revise que la CURP esté bien escrita');
      // Nothing was sent: no request to create a patient.
      await shot(page, 'registro-curp-invalida');

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

  it('medico registra a una niña con su responsable y el aviso de privacidad, y llega a su expediente', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Pacientes' }).click();
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
      await guardian.getByRole('textbox', { name: 'Teléfono celular' }).fill('55 1234');
      await guardian.getByRole('textbox', { name: 'Teléfono celular' }).blur();
      expect(await errorNextTo(guardian.getByRole('textbox', { name: 'Teléfono celular' }))).toBe('debe ser un teléfono de México de 10 dígitos');
      await guardian.getByRole('textbox', { name: 'Teléfono celular' }).fill('55 1234 5678');
      await page.getByRole('checkbox', { name: 'Se entregó y se aceptó el aviso de privacidad' }).check();
      expect(await field(page, 'Lo aceptó').inputValue()).toBe('Laura Ruiz Méndez');
      await shot(page, 'registro-lleno');
      await page.getByRole('button', { name: 'Registrar paciente' }).click();

      await page.waitForURL(/\/pacientes\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Valeria Hernández Ruiz' }).waitFor();
      await page.getByText('Se registró a Valeria Hernández Ruiz.', { exact: false }).waitFor();
      const header = page.locator('.record-header');
      expect(await header.textContent()).toContain(CHILD_CURP);
      expect(await header.textContent()).toContain('Pediátrico');
      expect(await header.textContent()).toContain('Pediatría CMN Siglo XXI');
      await page.getByText('Laura Ruiz Méndez', { exact: true }).waitFor();
      await shot(page, 'expediente-nuevo');

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
});
