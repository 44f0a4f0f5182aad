import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, login, type LoggedIn } from '../server/src/testing/harness.ts';
import { mexicoDayToIso, todayInMexico } from '../web/src/lib/format.ts';
import { errorNextTo, field, loginAs, newPage, shot, startEnv, until, type Env } from './support.ts';

let env: Env;
let coordination: LoggedIn;
beforeAll(async () => {
  env = await startEnv();
  coordination = await login(env.t.app, 'coordinacion');
});
afterAll(async () => {
  await env?.close();
});

/** A call to the API with the coordinator's session (setting up what the browser then finds). */
async function apiAs<T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const res = await env.t.app.inject({ method, url, headers: authHeaders(coordination), ...(payload !== undefined ? { payload: payload as object } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

const addDays = (ymd: string, n: number) => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n, 12)).toISOString().slice(0, 10);
};
const weekday = (ymd: string) => new Date(`${ymd}T12:00:00Z`).getUTCDay();
/** An instant as a datetime-local value in Mexico City ("2026-11-17T21:00"). */
const mexicoLocal = (at: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(at))
    .replace(' ', 'T');

/**
 * The meeting this test plans: on the Thursday after the last Tuesday that has already ended, so
 * that its deadline (the end of that Tuesday, Mexico City) is past and a case can arrive after it.
 */
const TODAY = todayInMexico();
const TUESDAY = addDays(TODAY, -(((weekday(TODAY) - 2 + 7) % 7) || 7));
const MEETING_DATE = addDays(TUESDAY, 2);
const DEADLINE = Date.parse(mexicoDayToIso(addDays(TUESDAY, 1))!) - 1;

/** Everything the public documents must never show. */
const PROTECTED = {
  familySurnames: 'Zamudio Ochoa',
  unlinkedChild: 'Renata Solís Bravo',
  reporter: 'Ernestina Bautista Llamas',
};

/** Text of every page of a PDF (pdfjs-dist, no rendering). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes, useSystemFonts: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('reuniones semanales con familias', () => {
  it('coordinación programa la reunión, toma los casos recibidos hasta el martes, la conduce, la cierra y descarga la minuta y el boletín sin datos protegidos', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'coordinacion');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Reuniones', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Reuniones con familias' }).waitFor();
      // The demo's next meeting (planned on the coming Thursday) is highlighted above the list.
      const next = page.getByRole('region', { name: /^Próxima reunión: Reunión \d+$/ });
      await next.waitFor();
      const demoNext = Number((await next.getByRole('heading').textContent())!.match(/Reunión (\d+)/)![1]);
      await shot(page, 'reuniones-lista');

      // That meeting takes place and closes (API): from now on new cases wait for the next one.
      const planned = await apiAs<{ items: { id: string; number: number; version: number }[] }>('GET', '/api/meetings?status=PLANNED');
      expect(planned.items.map((m) => m.number)).toContain(demoNext);
      for (const m of planned.items) {
        const started = await apiAs<{ version: number }>('POST', `/api/meetings/${m.id}/start`, { version: m.version });
        await apiAs('POST', `/api/meetings/${m.id}/close`, { version: started.version });
      }
      const N = demoNext + 1;

      // Case A arrives by e-mail on Monday (API); the registry child of case B and case C are recorded in the browser.
      const caseA = await apiAs<{ id: string; code: string | null }>('POST', '/api/cases', {
        category: 'MISSING_MEDICATION',
        title: 'Falta vincristina',
        description: `La madre de ${PROTECTED.unlinkedChild} reporta que no hay vincristina en la farmacia.`,
        channel: 'EMAIL',
        receivedAt: new Date(DEADLINE - 30 * 3_600_000).toISOString(),
        unitId: (await apiAs<{ items: { id: string; clues: string }[] }>('GET', '/api/units?limit=200')).items.find((u) => u.clues === 'DFIMS000616')!.id,
        patientName: PROTECTED.unlinkedChild,
        reporterName: PROTECTED.reporter,
        reporterPhone: '5512345678',
      });
      expect(caseA.code).toBeNull();
      const child = (await apiAs<{ items: { curp: string; givenNames: string; firstSurname: string; secondSurname: string | null; unitName: string }[] }>('GET', '/api/patients?limit=1')).items[0]!;
      const childName = [child.givenNames, child.firstSurname, child.secondSurname].filter(Boolean).join(' ');

      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Casos específicos' }).click();
      await page.getByRole('heading', { level: 1, name: 'Casos específicos' }).waitFor();
      await page.getByRole('link', { name: 'Nuevo caso' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nuevo caso específico' }).waitFor();
      // Submitting the empty form names what is missing next to each field.
      await page.getByRole('button', { name: 'Registrar caso' }).click();
      expect(await errorNextTo(field(page, 'Título breve'))).toBe('es obligatorio');
      expect(await errorNextTo(page.getByLabel('Categoría'))).toBe('elija una opción');
      await page.getByLabel('Categoría').selectOption('APPOINTMENT');
      await field(page, 'Título breve').fill('Cita por Cardiología pediátrica');
      await field(page, 'Descripción').fill('La familia pide cita de valoración cardiológica antes del siguiente ciclo.');
      await page.getByLabel('Fecha y hora de recepción').fill(mexicoLocal(DEADLINE - 3 * 3_600_000));
      await page.getByRole('searchbox', { name: 'Buscar en el registro (CURP o nombre)' }).fill(child.curp);
      await page.getByRole('button', { name: new RegExp(child.curp) }).click();
      await page.getByText(`Paciente del registro: ${childName}`).waitFor();
      expect(await page.getByLabel('Hospital donde se atiende al paciente').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(child.unitName);
      await shot(page, 'caso-nuevo');
      await page.getByRole('button', { name: 'Registrar caso' }).click();
      // No meeting is planned yet: the case waits, and the page says which Thursday will take it.
      await page.getByText(/^Caso registrado, en espera de reunión \(se revisará en la reunión del jueves/).waitFor();

      await page.goto('/casos/nuevo');
      await page.getByLabel('Categoría').selectOption('LAB_OR_IMAGING_STUDY');
      await field(page, 'Título breve').fill('Resonancia magnética de control');
      // Received on Wednesday: after the deadline of the meeting being planned.
      await page.getByLabel('Fecha y hora de recepción').fill(mexicoLocal(Math.min(DEADLINE + 3 * 3_600_000, Date.now() - 5 * 60_000)));
      await field(page, 'Nombre del paciente').fill('Iker Montaño Ruiz');
      await page.getByLabel('Hospital donde se atiende al paciente').selectOption({ label: 'HG CMN La Raza' });
      await page.getByRole('button', { name: 'Registrar caso' }).click();
      await page.getByText(/^Caso registrado, en espera de reunión/).waitFor();
      const lateCaseUrl = page.url();
      await shot(page, 'caso-en-espera');

      // Planning meeting N: the number defaults to the next one; the date is the Thursday after that Tuesday.
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Reuniones', exact: true }).click();
      await page.getByRole('button', { name: 'Programar reunión' }).click();
      const dialog = page.getByRole('dialog', { name: 'Programar reunión' });
      expect(await field(dialog, 'Número de reunión').getAttribute('placeholder')).toBe(String(N));
      // A date that is not a Thursday is announced as an extraordinary session before saving.
      await dialog.getByLabel(/^Fecha/).fill(addDays(MEETING_DATE, 1));
      await dialog.getByText('La fecha elegida no es jueves: se registrará como sesión extraordinaria.').waitFor();
      await dialog.getByLabel(/^Fecha/).fill(MEETING_DATE);
      expect(await dialog.getByText('no es jueves').count()).toBe(0);
      await field(dialog, 'Enlace de la videoconferencia').fill('https://imss.webex.com/meet/oncoped');
      await shot(page, 'reunion-programar');
      await dialog.getByRole('button', { name: 'Programar', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Reunión ${N}` }).waitFor();
      await page.getByText(`Se programó la reunión ${N}.`).waitFor();

      // Cases received by Tuesday are on its agenda with consecutive codes N.x; the Wednesday one is not.
      const agenda = page.locator('#seguimiento-casos');
      const rowA = agenda.getByRole('row').filter({ hasText: 'Falta vincristina' });
      const rowB = agenda.getByRole('row').filter({ hasText: 'Cita por Cardiología pediátrica' });
      await rowA.waitFor();
      await rowB.waitFor();
      const codeA = (await rowA.locator('.case-code').textContent())!.trim();
      const codeB = (await rowB.locator('.case-code').textContent())!.trim();
      expect(codeA).toMatch(new RegExp(`^CE ${N}\\.\\d+$`));
      expect(Number(codeB.split('.')[1])).toBe(Number(codeA.split('.')[1]) + 1);
      expect(await rowA.getByText('Nuevo en esta reunión', { exact: false }).count()).toBe(1);
      expect(await agenda.getByText('Resonancia magnética de control').count()).toBe(0);

      // Attendance: an official from the directory, and a mother listed after the Tuesday deadline.
      const officialSelect = page.getByRole('form', { name: 'Agregar funcionario' }).getByLabel('Agregar funcionario');
      await officialSelect.selectOption({ index: 1 });
      const official = (await officialSelect.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent!)).replace(/\s*\(.*\)$/, '');
      await page.getByRole('form', { name: 'Agregar funcionario' }).getByRole('button', { name: 'Agregar' }).click();
      await page.locator('#asistencia').getByText(official, { exact: true }).waitFor();
      const family = page.getByRole('form', { name: 'Agregar familiar' });
      await field(family, 'Nombre(s)').fill('Gloria');
      await field(family, 'Apellidos').fill(PROTECTED.familySurnames);
      await family.getByLabel('Parentesco').selectOption('MOTHER');
      await family.getByLabel('Hospital donde se atiende').selectOption({ label: 'Pediatría CMN Siglo XXI' });
      await family.getByRole('button', { name: 'Agregar' }).click();
      await family.getByText('Fuera del plazo del martes').waitFor();
      await shot(page, 'reunion-familia-extemporanea');
      await family.getByRole('button', { name: 'Registrar como extemporáneo' }).click();
      const familyRow = page.locator('#asistencia').getByRole('row').filter({ hasText: 'Gloria' });
      await familyRow.getByText('Extemporáneo').waitFor();

      // The meeting starts.
      await page.getByRole('button', { name: 'Iniciar reunión' }).click();
      await page.getByText(`La reunión ${N} está en curso.`).waitFor();
      await page.locator('.meeting-header').getByText('En curso', { exact: true }).waitFor();

      // Attendance is marked.
      for (const name of [official, `Gloria ${PROTECTED.familySurnames}`]) {
        const box = page.getByRole('checkbox', { name: `Asistió: ${name}` });
        await box.check();
        await until(() => box.isEnabled(), `asistencia de ${name} guardada`);
      }
      await page.getByText('2 de 2 asistieron').waitFor();

      // Follow-up of case A: what the official reported, and the case is resolved.
      await rowA.getByRole('button', { name: `Registrar seguimiento de ${codeA}` }).click();
      let caseDialog = page.getByRole('dialog', { name: `Seguimiento de ${codeA}` });
      await field(caseDialog, 'Lo que se informó').fill('El medicamento fue abastecido en la farmacia de la unidad.');
      await caseDialog.getByLabel('Quién informó').selectOption({ index: 1 });
      await caseDialog.getByLabel('Nuevo estado').selectOption('RESOLVED');
      await caseDialog.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText(`Se registró el seguimiento de ${codeA}.`).waitFor();
      await rowA.getByText('Revisado en esta reunión').waitFor();
      await rowA.getByText('Resuelto', { exact: true }).waitFor();

      // Case B does not apply: the reason is required.
      await rowB.getByRole('button', { name: `Registrar seguimiento de ${codeB}` }).click();
      caseDialog = page.getByRole('dialog', { name: `Seguimiento de ${codeB}` });
      await field(caseDialog, 'Lo que se informó').fill('Se verificó que la cita ya estaba otorgada para la semana próxima.');
      await caseDialog.getByLabel('Nuevo estado').selectOption('NOT_APPLICABLE');
      await caseDialog.getByRole('button', { name: 'Guardar' }).click();
      expect(await errorNextTo(field(caseDialog, 'Motivo por el que no procede'))).toBe('diga por qué no procede');
      await field(caseDialog, 'Motivo por el que no procede').fill('La cita ya estaba otorgada.');
      await caseDialog.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText(`Se registró el seguimiento de ${codeB}.`).waitFor();
      await rowB.getByText('No procede', { exact: true }).waitFor();

      // A new agreement: who answers for it is required.
      const agreementForm = page.getByRole('form', { name: 'Nuevo acuerdo' });
      await field(agreementForm, 'Acuerdo').fill('Informar en la siguiente reunión el abasto de vincristina en las unidades de la Ciudad de México.');
      await agreementForm.getByRole('button', { name: 'Agregar acuerdo' }).click();
      expect(await errorNextTo(agreementForm.getByLabel('Funcionario responsable'))).toBe('elija al funcionario responsable o escriba el área');
      await field(agreementForm, 'O área responsable').fill('Coordinación de Control de Abasto – DA');
      await field(agreementForm, 'O reunión en que se revisará').fill(String(N + 1));
      await agreementForm.getByRole('button', { name: 'Agregar acuerdo' }).click();
      await page.getByText(`Se agregó el acuerdo ${N}/1.`).waitFor();
      await page.locator('#acuerdos-adoptados').getByRole('heading', { name: `Acuerdo ${N}/1` }).waitFor();

      // Notes of the agenda item on supply.
      const supply = page.locator('.agenda-item').filter({ hasText: 'Revisión de abasto general' });
      await field(supply, 'Notas de «Revisión de abasto general»').fill('Se informó que el abasto de vincristina se regularizó en las unidades de la Ciudad de México.');
      await supply.getByRole('button', { name: 'Guardar notas' }).click();
      await page.getByText('Notas guardadas.').waitFor();

      // Evidence of signatures: a photo.
      const evidence = page.locator('#evidencia');
      await evidence.getByLabel('Archivo (foto o PDF)').setInputFiles({ name: 'firmas.png', mimeType: 'image/png', buffer: PNG_1PX });
      await evidence.getByRole('button', { name: 'Subir evidencia' }).click();
      await evidence.getByRole('link', { name: 'Descargar firmas.png' }).waitFor();
      await shot(page, 'reunion-en-curso');

      // Closing asks for confirmation.
      await page.getByRole('button', { name: 'Cerrar reunión' }).click();
      const confirm = page.getByRole('dialog', { name: `Cerrar la reunión ${N}` });
      await confirm.getByRole('button', { name: 'Sí, cerrar la reunión' }).click();
      await page.getByText(`La reunión ${N} quedó cerrada.`).waitFor();
      await page.locator('.meeting-header').getByText('Cerrada', { exact: true }).waitFor();
      expect(await page.getByRole('form', { name: 'Nuevo acuerdo' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Registrar seguimiento/ }).count()).toBe(0);
      await shot(page, 'reunion-cerrada');

      // The minute (PDF) and the bulletin draft download and read correctly, without protected data.
      const minute = await downloaded(page, () => page.getByRole('link', { name: 'Descargar minuta (PDF)' }).click());
      expect(minute.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const minuteText = await pdfText(new Uint8Array(minute.bytes));
      for (const expected of [codeA, codeB, 'El medicamento fue abastecido en la farmacia de la unidad.', 'Coordinación de Control de Abasto', official]) {
        expect(minuteText).toContain(expected);
      }
      const bulletin = await downloaded(page, () => page.getByRole('link', { name: 'Descargar boletín (.txt)' }).click());
      const bulletinText = bulletin.bytes.toString('utf8');
      expect(bulletinText.split('\n')[0]).toMatch(/^BORRADOR/);
      expect(bulletinText).toContain('reunión con madres y padres');
      expect(bulletinText).toContain('Gloria');
      for (const text of [minuteText, bulletinText]) {
        for (const secret of [PROTECTED.familySurnames, 'Zamudio', PROTECTED.unlinkedChild, PROTECTED.reporter, childName, child.curp, '5512345678']) {
          expect(text).not.toContain(secret);
        }
      }
      expect(bulletinText).not.toMatch(/CE \d+\.\d+/);
      // The page shows the same draft for review.
      await page.getByRole('heading', { name: 'Boletín de prensa' }).waitFor();
      expect(await field(page, 'Título').inputValue()).toContain('reunión con madres y padres');

      // The Wednesday case still waits, for the following Thursday.
      await page.goto(lateCaseUrl);
      await page.getByRole('heading', { level: 1, name: 'Resonancia magnética de control' }).waitFor();
      await page.getByText(/^Se revisará en la reunión del jueves/).waitFor();

      // The agreements board shows the new agreement as pending.
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Acuerdos' }).click();
      await page.getByRole('heading', { level: 1, name: 'Acuerdos' }).waitFor();
      await field(page, 'Reunión en que se adoptó').fill(String(N));
      await page.getByRole('button', { name: 'Buscar' }).click();
      await page.getByRole('region', { name: /^Pendiente/ }).getByRole('heading', { name: `Acuerdo ${N}/1` }).waitFor();
      await shot(page, 'acuerdos-tablero');

      // The case list by meeting number.
      await page.goto(`/casos?meeting=${N}`);
      await page.getByRole('link', { name: codeA }).waitFor();
      await page.getByRole('link', { name: codeB }).waitFor();
      await shot(page, 'casos-lista');
      await page.getByRole('link', { name: codeA }).click();
      await page.getByRole('heading', { level: 1, name: `${codeA} · Falta vincristina` }).waitFor();
      await page.locator('.case-history').getByText('El medicamento fue abastecido en la farmacia de la unidad.').waitFor();
      await shot(page, 'caso');
    } finally {
      await context.close();
    }
  });

  it('la reunión 19 (minuta de la semilla 004) está en la demo; un médico la consulta sin poder programar ni modificar', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Reuniones', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Reuniones con familias' }).waitFor();
      await page.getByRole('table').waitFor();
      expect(await page.getByRole('button', { name: 'Programar reunión' }).count()).toBe(0);
      while ((await page.getByRole('link', { name: 'Reunión 19', exact: true }).count()) === 0) {
        await page.getByRole('button', { name: 'Cargar más' }).click();
        await until(async () => (await page.getByRole('button', { name: 'Cargando…' }).count()) === 0, 'la siguiente página de reuniones');
      }
      await page.getByRole('link', { name: 'Reunión 19', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Reunión 19' }).waitFor();
      await page.getByText('Decimonovena reunión con madres y padres de familia').waitFor();
      await page.getByText('jueves, 21 de enero de 2021, 18:00').waitFor();
      const agenda = page.locator('#seguimiento-casos');
      for (const code of ['CE 2.7', 'CE 11.31', 'CE 19.58', 'CE 19.59', 'CE 19.60', 'CE 19.61']) {
        await agenda.getByText(code, { exact: true }).waitFor();
      }
      await agenda.getByRole('row').filter({ hasText: 'CE 19.60' }).getByText('El medicamento fue abastecido', { exact: false }).waitFor();
      // Read only: no actions, no forms.
      for (const name of ['Iniciar reunión', 'Cerrar reunión', 'Agregar acuerdo', 'Subir evidencia', 'Guardar notas']) {
        expect(await page.getByRole('button', { name }).count()).toBe(0);
      }
      expect(await page.getByRole('button', { name: /Registrar seguimiento/ }).count()).toBe(0);
      await page.getByRole('link', { name: 'Descargar minuta (PDF)' }).waitFor();
      await shot(page, 'reunion-19');
    } finally {
      await context.close();
    }
  });
});
