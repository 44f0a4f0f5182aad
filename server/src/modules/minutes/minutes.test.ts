import { sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { meetingOrdinal } from '../meetings/labels.ts';
import { buildProtectedTerms, findProtected, redact } from './protected-terms.ts';
import { LEGAL_NOTE } from './render-minute-pdf.ts';
import { FIXTURE_OFFICIALS, insertMeetingRecord, type MeetingFixture } from './testing.ts';

let t: TestApp;
let coordinacion: LoggedIn;
let medico: LoggedIn;
let tutor: LoggedIn;
let closed: MeetingFixture;
let held: MeetingFixture;

beforeAll(async () => {
  t = await createTestApp();
  closed = await insertMeetingRecord(t.services.db.orm, { cases: 6, status: 'CLOSED' });
  held = await insertMeetingRecord(t.services.db.orm, { cases: 2, status: 'HELD' });
  coordinacion = await login(t.app, 'coordinacion');
  medico = await login(t.app, 'medico');
  tutor = await login(t.app, 'tutor');
});
afterAll(async () => t?.close());

const get = (url: string, who?: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const send = (method: 'PUT' | 'POST', url: string, who: LoggedIn, payload: object) => t.app.inject({ method, url, headers: authHeaders(who), payload });

/** The text of each page, as a reader's copy-paste would give it (lines joined by spaces). */
async function pdfPages(data: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const text = content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? ' ' : '') : '')).join('');
    pages.push(text.replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

/** Everything that must never be published for a fixture's meeting. */
function secretsOf(fx: MeetingFixture): string[] {
  return [...fx.secrets.familySurnames, ...fx.secrets.patientNames, ...fx.secrets.curps, ...fx.secrets.nss, fx.secrets.description, fx.secrets.reporter.name, fx.secrets.reporter.phone];
}

describe('the minute (GET /api/meetings/{id}/minute.pdf)', () => {
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    const res = await get(`/api/meetings/${closed.meetingId}/minute.pdf`, coordinacion);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="minuta_reunion_${closed.meetingNumber}.pdf"`);
    pages = await pdfPages(res.rawPayload);
    all = pages.join(' ');
  });

  it('opens with the institution, the meeting number, the Spanish date, the modality and the start time', () => {
    expect(pages[0]).toContain('Instituto Mexicano del Seguro Social');
    expect(pages[0]).toContain(`Minuta de la reunión ${closed.meetingNumber}.ª de seguimiento con madres y padres de niñas y niños con cáncer`);
    expect(pages[0]).toContain('Fecha: jueves 21 de enero de 2021');
    expect(pages[0]).toContain('La sesión se llevó a cabo de forma virtual a través de la plataforma Webex.');
    expect(pages[0]).toContain('Inicio: 18:00 hrs.');
    expect(all).toContain('Fin de la sesión: 19:25 hrs.');
    expect(all).not.toContain('BORRADOR');
  });

  it('lists the officials who attended by name and position, and families only by hospital', () => {
    const present = FIXTURE_OFFICIALS.slice(0, -1);
    for (const o of present) expect(all).toContain(o.name);
    expect(all).toContain('Dr. Esteban Maldonado Ríos (Coordinador Nacional de Oncología – DPM)');
    // Listed but marked absent: neither participant nor on the attendance sheet.
    expect(all).not.toContain(FIXTURE_OFFICIALS.at(-1)!.name);
    expect(all).toContain('PARTICIPANTES MADRES Y PADRES DE FAMILIA');
    expect(all).toContain('HG CMN La Raza: 2 madres de familia y 1 padre de familia');
    expect(all).toContain('Pediatría CMN Siglo XXI: 1 madre de familia, 1 padre de familia y 1 abuela o abuelo');
    expect(all).toMatch(/ASISTENTES Nombre Cargo o unidad médica Firma/);
    expect(all).toContain('Madre de familia HG CMN La Raza');
  });

  it('numbers the agenda with Roman numerals and reports every reviewed case by code, title and update, by category', () => {
    expect(all).toContain('I. Bienvenida y presentación de asistentes');
    expect(all).toContain('IV. Revisión de casos específicos');
    expect(all).toContain(`Se dio seguimiento a ${closed.reviewed.length} casos específicos, a saber:`);
    expect(all).toContain('Trasplante de médula ósea:');
    for (const c of closed.reviewed) {
      expect(all).toContain(`${c.code} ${c.title}.`);
      if (c.update) expect(all).toContain(c.update);
    }
    // Reported by position; an update nobody signed says "Se informó".
    expect(all).toContain(`${closed.reviewed[0]!.code} ${closed.reviewed[0]!.title}. La Directora del Hospital de Pediatría CMN Siglo XXI informó: ${closed.reviewed[0]!.update}`);
    expect(all).toContain('Se informó:');
    const pending = closed.reviewed.find((c) => !c.update)!;
    expect(all).toContain(`${pending.code} ${pending.title}. Caso recibido para esta sesión; sin actualización registrada.`);
    // Cases of the same category stay together, in code order.
    const at = (code: string) => all.indexOf(`${code} `);
    expect(at(closed.reviewed[0]!.code)).toBeLessThan(at(closed.reviewed[1]!.code));
  });

  it('follows up earlier agreements and reads the adopted ones with who answers and when', () => {
    expect(all).toContain(`Acuerdo ${closed.followUp.code}: Presentar los avances de la plataforma y del ChatBot. ${closed.followUp.text} Estado: cumplido.`);
    expect(all).toContain('Se dio lectura a los acuerdos de la reunión:');
    expect(all).toContain(`1. ${closed.agreements[0]} Responsable: Coordinador Nacional de Oncología – DPM. Fecha compromiso: 28 de enero de 2021.`);
    expect(all).toContain(`2. ${closed.agreements[1]} Responsable: Coordinación de Unidades Médicas de Alta Especialidad – DPM. Para la reunión ${closed.meetingNumber + 1}.`);
  });

  it('carries the legal note and "Página X de N" on every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p).toContain(LEGAL_NOTE);
      expect(p).toContain(`Página ${i + 1} de ${pages.length}`);
    });
  });

  it('never shows a family surname, a child, a CURP, an NSS, a reporter or a case description, even when staff typed them in the notes', () => {
    for (const secret of secretsOf(closed)) expect(all).not.toContain(secret);
    expect(all).toContain('La señora Jessica [dato protegido] expuso el tema sobre la rotación de personal');
    expect(all).toContain('mencionó el caso de [dato protegido]');
  });

  it('marks the minute of a meeting that is not closed as BORRADOR on every page', async () => {
    const res = await get(`/api/meetings/${held.meetingId}/minute.pdf`, coordinacion);
    expect(res.statusCode).toBe(200);
    const draft = await pdfPages(res.rawPayload);
    for (const p of draft) expect(p).toContain('BORRADOR');
    expect(draft.join(' ')).toContain('Fin de la sesión: sin registrar.');
  });

  it('is audited as an export of the meeting', async () => {
    const rows = await rowsOf<{ n: number }>(
      t.services.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'meeting_minute' AND action = 'EXPORT' AND entity_id = ${closed.meetingId} AND outcome = 'SUCCESS'`,
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('is for those who may read meetings: a physician yes, a guardian no, nobody without a session', async () => {
    const byMedico = await get(`/api/meetings/${closed.meetingId}/minute.pdf`, medico);
    expect(byMedico.statusCode).toBe(200);
    expect(byMedico.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const byTutor = await get(`/api/meetings/${closed.meetingId}/minute.pdf`, tutor);
    expect(byTutor.statusCode).toBe(403);
    expect(byTutor.json().detail).toMatch(/permiso/);
    expect((await get(`/api/meetings/${closed.meetingId}/minute.pdf`)).statusCode).toBe(401);
    const missing = await get('/api/meetings/00000000-0000-4000-8000-000000000000/minute.pdf', coordinacion);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('MEETING_NOT_FOUND');
  });
});

describe('the bulletin', () => {
  /** The clean text saved by the compare-and-swap test, approved later. */
  let cleanText: { summary: string; body: string } | undefined;
  const url = () => `/api/meetings/${closed.meetingId}/bulletin`;

  it('is drafted from the record when none was saved: families by first name, officials by position, counts only', async () => {
    const res = await get(url(), medico);
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ status: 'DRAFT', version: 0, generated: true, meetingNumber: closed.meetingNumber, warnings: [] });
    const ordinal = meetingOrdinal(closed.meetingNumber);
    expect(b.title).toBe(`Da seguimiento IMSS a casos de pacientes pediátricos oncológicos en la ${ordinal} reunión con madres y padres`);
    expect(b.summary).toBe(`Entre los acuerdos de la sesión: se dará seguimiento para que todas las Unidades Médicas que atienden pacientes oncológicos pediátricos concluyan el registro en la plataforma.`);
    expect(b.body).toContain(`Durante la ${ordinal} reunión entre autoridades del Instituto Mexicano del Seguro Social (IMSS) y madres y padres de niñas y niños con cáncer`);
    const resolved = closed.reviewed.filter((c) => c.status === 'RESOLVED').length;
    expect(b.body).toContain(`se dio seguimiento a ${closed.reviewed.length} casos específicos, de los cuales ${resolved} se resolvieron; por tema: 2 de trasplante de médula ósea`);
    expect(b.body).toContain('773 mil 617 medicamentos');
    expect(b.body).toContain('Los acuerdos de esta sesión fueron: se dará seguimiento para que todas las Unidades Médicas');
    expect(b.body).toContain('Por parte del IMSS estuvieron en la reunión el Director General; el Director de Administración; la Coordinadora de Vinculación');
    expect(b.body).toContain('estuvieron las señoras Jessica, Ana y Gloria; los señores Juan Carlos y Mario; y un familiar: Rosa.');
    const text = `${b.title}\n${b.summary}\n${b.body}`;
    for (const o of FIXTURE_OFFICIALS) expect(text).not.toContain(o.name.split(' ').at(-1)!);
    for (const secret of secretsOf(closed)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/CE \d+\.\d+/);
  });

  it('downloads as text, marked as a draft until approved', async () => {
    const res = await get(`${url()}.txt`, medico);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="boletin_reunion_${closed.meetingNumber}.txt"`);
    expect(res.body.split('\n')[0]).toMatch(/^BORRADOR/);
    expect(res.body).toContain('BOLETÍN DE PRENSA');
    expect(res.body).toContain('· Entre los acuerdos de la sesión:');
  });

  it('is read by meetings.read and written only by meetings.manage', async () => {
    expect((await get(url(), tutor)).statusCode).toBe(403);
    const draft = (await get(url(), coordinacion)).json();
    const edit = { title: draft.title, summary: draft.summary, body: draft.body };
    expect((await send('PUT', url(), medico, edit)).statusCode).toBe(403);
    expect((await send('POST', `${url()}/approve`, medico, { version: 1 })).statusCode).toBe(403);
    expect((await get(url(), coordinacion)).json().generated).toBe(true);
  });

  it('is saved with compare-and-swap on its version: a stale edit is a 409', async () => {
    const draft = (await get(url(), coordinacion)).json();
    const created = await send('PUT', url(), coordinacion, { title: draft.title, summary: draft.summary, body: draft.body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, generated: false, status: 'DRAFT' });

    cleanText = { summary: draft.summary, body: `${draft.body}\n\nPárrafo añadido por Comunicación Social.` };
    const edited = await send('PUT', url(), coordinacion, { title: draft.title, ...cleanText, version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);
    expect((await get(url(), medico)).json()).toMatchObject({ version: 2, generated: false });

    const stale = await send('PUT', url(), coordinacion, { title: 'Otro título', summary: draft.summary, body: draft.body, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(stale.json().errors[0]).toMatchObject({ field: 'version', message: 'la versión actual es 2' });
    const blind = await send('PUT', url(), coordinacion, { title: 'Otro título', summary: draft.summary, body: draft.body });
    expect(blind.statusCode).toBe(409);
    expect((await get(url(), medico)).json().title).toBe(draft.title);

    const empty = await send('PUT', url(), coordinacion, { title: '  ', summary: draft.summary, body: draft.body, version: 2 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toContain('title');
  });

  it('refuses approval while the text holds a family surname or a child identifier, naming the field', async () => {
    const saved = (await get(url(), coordinacion)).json();
    const surname = 'Quintanar';
    const leaky = await send('PUT', url(), coordinacion, {
      title: saved.title,
      summary: `${saved.summary} CURP ${closed.secrets.curps[0]}`,
      body: `${saved.body}\n\nLa señora Jessica ${surname} agradeció la atención.`,
      version: saved.version,
    });
    expect(leaky.statusCode).toBe(200);
    expect(leaky.json().warnings.map((w: { field: string }) => w.field)).toEqual(['summary', 'body']);

    const refused = await send('POST', `${url()}/approve`, coordinacion, { version: leaky.json().version });
    expect(refused.statusCode).toBe(400);
    const errors = refused.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['summary', 'body']);
    expect(errors[0]!.message).toMatch(/CURP/);
    expect(errors[1]!.message).toContain(`«${surname}», apellido de un familiar`);
    expect((await get(url(), coordinacion)).json().status).toBe('DRAFT');

    const codeTyped = await send('PUT', url(), coordinacion, { title: saved.title, summary: saved.summary, body: `${saved.body}\n\nEl caso ${closed.reviewed[1]!.code} quedó resuelto.`, version: leaky.json().version });
    const refusedCode = await send('POST', `${url()}/approve`, coordinacion, { version: codeTyped.json().version });
    expect(refusedCode.statusCode).toBe(400);
    expect(refusedCode.json().errors[0]).toMatchObject({ field: 'body' });
    expect(refusedCode.json().errors[0].message).toMatch(/código de caso/);

    const denied = await rowsOf<{ n: number }>(
      t.services.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'meeting_bulletin' AND action = 'APPROVE' AND outcome = 'DENIED' AND entity_id = ${closed.meetingId}`,
    );
    expect(denied[0]!.n).toBe(2);
  });

  it('is approved at the version read, then locked', async () => {
    const current = (await get(url(), coordinacion)).json();
    const clean = await send('PUT', url(), coordinacion, { title: current.title, ...cleanText!, version: current.version });
    expect(clean.statusCode).toBe(200);
    expect(clean.json().warnings).toEqual([]);
    const v = clean.json().version;

    const stale = await send('POST', `${url()}/approve`, coordinacion, { version: v - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const approved = await send('POST', `${url()}/approve`, coordinacion, { version: v });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'APPROVED', version: v + 1, generated: false });
    expect(approved.json().approvedAt).toBeTruthy();

    const locked = await send('PUT', url(), coordinacion, { title: 'Cambio tardío', summary: 'x', body: 'y', version: v + 1 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'BULLETIN_APPROVED', detail: 'El boletín de esta reunión ya fue aprobado y no se puede modificar.' });
    expect((await send('POST', `${url()}/approve`, coordinacion, { version: v + 1 })).json().code).toBe('BULLETIN_APPROVED');

    const txt = await get(`${url()}.txt`, medico);
    expect(txt.body.startsWith('BOLETÍN DE PRENSA')).toBe(true);
    expect(txt.body).toContain('Párrafo añadido por Comunicación Social.');
  });

  it('is approved only once the meeting is closed, and only when saved', async () => {
    const heldUrl = `/api/meetings/${held.meetingId}/bulletin`;
    const notClosed = await send('POST', `${heldUrl}/approve`, coordinacion, { version: 1 });
    expect(notClosed.statusCode).toBe(409);
    expect(notClosed.json().code).toBe('MEETING_NOT_CLOSED');
    const missing = await send('PUT', '/api/meetings/00000000-0000-4000-8000-000000000000/bulletin', coordinacion, { title: 'a', summary: 'b', body: 'c' });
    expect(missing.statusCode).toBe(404);
  });
});

describe("the demo's meeting 19 (seed 004)", () => {
  it("has its minute with the seed's cases and end time once, and a bulletin draft that can be approved as generated", async () => {
    const [m19] = await rowsOf<{ id: string }>(t.services.db.orm, sql`SELECT id FROM meetings WHERE number = 19`);
    expect(m19).toBeDefined();
    const res = await get(`/api/meetings/${m19!.id}/minute.pdf`, medico);
    expect(res.statusCode).toBe(200);
    const all = (await pdfPages(res.rawPayload)).join(' ');
    expect(all).toContain('Minuta de la reunión 19.ª');
    expect(all).toContain('Fecha: jueves 21 de enero de 2021');
    for (const code of ['CE 2.7', 'CE 3.11', 'CE 4.13', 'CE 11.31', 'CE 19.60', 'CE 19.61']) expect(all).toContain(`${code} `);
    expect(all.match(/Fin de la sesión: 19:25 hrs\./g)).toHaveLength(1);
    const draft = (await get(`/api/meetings/${m19!.id}/bulletin`, medico)).json();
    expect(draft.title).toContain('decimonovena reunión');
    // Institutional text (a hospital named after a person) is not mistaken for a family's or reporter's name.
    expect(draft.warnings).toEqual([]);
  });
});

describe('protected terms', () => {
  const terms = buildProtectedTerms({
    families: [{ name: 'Gloria', surnames: 'De la Cruz Peña' }],
    patients: [{ givenNames: 'Mateo', firstSurname: 'González', secondSurname: null, curp: 'GOMM150101HDFNTT09', nss: '12345678901', patientName: null, reporterName: 'Gloria Cruz', reporterPhone: '55 1234 5678' }],
    safePhrases: ['UMAE Hospital General «Dr. Gaudencio González Garza»'],
  });

  it('finds surnames, names and identifiers as whole words without accents or case, but not particles, first names of attendees or institutional phrases', () => {
    const kinds = (text: string) => findProtected(text, terms, { caseCodes: true }).map((f) => `${f.kind}:${f.found}`);
    expect(kinds('La señora Gloria PENA agradeció.')).toEqual(['FAMILY_SURNAME:PENA']);
    expect(kinds('De la sesión, la señora Gloria habló con la Cruz Roja.')).toEqual(['FAMILY_SURNAME:Cruz']);
    expect(kinds('El niño Mateo, CURP gomm150101hdfntt09, NSS 12345678901, tel. 55-1234-5678.')).toEqual([
      'PATIENT_NAME:Mateo',
      'CURP:gomm150101hdfntt09',
      'NSS:12345678901',
      'PHONE:55-1234-5678',
    ]);
    expect(kinds('El director de la UMAE Hospital General «Dr. Gaudencio González Garza» informó; González no.')).toEqual(['PATIENT_NAME:González']);
    expect(kinds('Se revisó el CE 19.61.')).toEqual(['CASE_CODE:CE 19.61']);
  });

  it('redacts runs of protected words as one marker', () => {
    expect(redact('Mateo González de la Cruz Peña llegó.', terms)).toBe('[dato protegido] de la [dato protegido] llegó.');
  });
});
