/**
 * Test and benchmark fixture: the record of one weekly meeting written straight into the meetings
 * tables (officials, attendees with protected family surnames, cases of linked and unlinked
 * children with reporters, updates, agreements and their follow-up), modelled on seed 004.
 * Numbers and case sequences continue after whatever the database already holds.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/gateway.ts';
import { meetingInstant, STANDARD_AGENDA } from '../meetings/calendar.ts';
import { deadlineFor } from '../meetings/calendar.ts';
import { agreements, agreementUpdates, caseUpdates, cases, CASE_CATEGORIES, meetingAttendees, meetings, officials, type CaseCategory, type CaseStatus } from '../meetings/schema.ts';

export const FIXTURE_OFFICIALS = [
  { name: 'Mtro. Óscar Ibáñez Quiroga', position: 'Director General', area: 'DG' },
  { name: 'Lic. Ramón Treviño Galindo', position: 'Director de Administración', area: 'DA' },
  { name: 'Mtra. Lucía Fernández Ugalde', position: 'Coordinadora de Vinculación con Organizaciones Públicas, Privadas y Sociales', area: 'DVIED' },
  { name: 'Dr. Esteban Maldonado Ríos', position: 'Coordinador Nacional de Oncología', area: 'DPM' },
  { name: 'Dra. Inés Cordero Alcázar', position: 'Directora del Hospital de Pediatría CMN Siglo XXI', area: 'UMAE' },
  { name: 'Ing. Tomás Arellano Pineda', position: 'Coordinador de Servicios Digitales y de Información para la Salud y Administrativos', area: 'DIDT' },
] as const;

/** Family attendees: given names are published, surnames never. */
export const FIXTURE_FAMILIES = [
  { name: 'Jessica', surnames: 'Quintanar Beltrán', relationship: 'MOTHER', clues: 'DFIMS000061' },
  { name: 'Gloria', surnames: 'Zamudio Ochoa', relationship: 'MOTHER', clues: 'DFIMS000616' },
  { name: 'Ana', surnames: 'Ibarra Solís', relationship: 'MOTHER', clues: 'DFIMS000061' },
  { name: 'Juan Carlos', surnames: 'Villaseñor Pratt', relationship: 'FATHER', clues: 'DFIMS000061' },
  { name: 'Mario', surnames: 'Escamilla Ruelas', relationship: 'FATHER', clues: 'DFIMS000616' },
  { name: 'Rosa', surnames: 'Mondragón Uribe', relationship: 'GRANDPARENT', clues: 'DFIMS000616' },
] as const;

/** A child not (yet) in the registry, named only on the case. */
const wordsOf = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());

export const UNLINKED_CHILD = 'Valentina Ocampo Herrera';
export const REPORTER = { name: 'Gloria Zamudio Ochoa', phone: '5512345678' };

const TITLES: Record<CaseCategory, string[]> = {
  BONE_MARROW_TRANSPLANT: ['Protocolo de trasplante haploidéntico', 'Registro para trasplante en el HITO'],
  APPOINTMENT: ['Cita por Estomatología', 'Cita de Cardiología pediátrica'],
  SECOND_OPINION: ['2.ª opinión a diagnóstico'],
  PALLIATIVE_CARE: ['Cuidados paliativos en domicilio'],
  MISSING_MEDICATION: ['Falta prednisona', 'Falta ácido folínico'],
  LAB_OR_IMAGING_STUDY: ['Estudio de inmunotipificación de leucemia aguda', 'Resonancia magnética de control'],
  TREATMENT_FOLLOW_UP: ['Se informe del seguimiento en el tratamiento'],
  STAFF_CONDUCT: ['Trato del personal de Urgencias'],
  OTHER: ['Traslado entre unidades'],
};
const UPDATES = [
  'Se envió la muestra a San Luis Potosí para realizar el estudio.',
  'El medicamento fue abastecido en la farmacia de la unidad.',
  'Se otorgó cita para el 18 de enero; la familia confirmó su asistencia.',
  'Se reunió con la familia, se conversó con ella y se informó el seguimiento.',
  'Está pendiente un estudio que se realizará la siguiente semana; con base en los resultados se agendará cita para continuar con el protocolo.',
];

export interface MeetingFixture {
  meetingId: string;
  meetingNumber: number;
  previousMeetingNumber: number;
  /** "CE 20.61"-style codes of the cases reviewed, with the update text recorded in the meeting (if any). */
  reviewed: { code: string; title: string; update: string | null; status: CaseStatus }[];
  agreements: string[];
  followUp: { code: string; text: string };
  /** Protected values that must never be published. */
  secrets: { familySurnames: string[]; patientNames: string[]; curps: string[]; nss: string[]; description: string; reporter: typeof REPORTER };
  officialIds: string[];
}

export interface FixtureOptions {
  /** Cases taken into this meeting (each with an update unless noted). Default 6. */
  cases?: number;
  status?: 'PLANNED' | 'HELD' | 'CLOSED';
}

/** Writes the record of one meeting (and the previous one it follows up). */
export async function insertMeetingRecord(db: Db, opts: FixtureOptions = {}): Promise<MeetingFixture> {
  const nCases = opts.cases ?? 6;
  const status = opts.status ?? 'CLOSED';
  const [{ maxNumber, maxSequence }] = (await rowsOf<{ maxNumber: number; maxSequence: number }>(
    db,
    sql`SELECT coalesce((SELECT max(number) FROM meetings), 0)::int AS "maxNumber", coalesce((SELECT max(sequence) FROM cases), 0)::int AS "maxSequence"`,
  )) as [{ maxNumber: number; maxSequence: number }];
  const units = await rowsOf<{ id: string; clues: string }>(db, sql`SELECT id, clues FROM units WHERE clues IN ('DFIMS000061', 'DFIMS000616')`);
  const unitId = (clues: string) => units.find((u) => u.clues === clues)!.id;
  const candidates = await rowsOf<{ id: string; curp: string; nss: string | null; givenNames: string; firstSurname: string; secondSurname: string | null; unitId: string }>(
    db,
    sql`SELECT id, curp, nss, given_names AS "givenNames", first_surname AS "firstSurname", second_surname AS "secondSurname", unit_id AS "unitId"
        FROM patients WHERE merged_into IS NULL AND nss IS NOT NULL ORDER BY curp LIMIT 200`,
  );
  // Children whose names share no word with the fixture's own text (so "never published" is testable).
  const vocabulary = new Set(wordsOf([JSON.stringify(FIXTURE_OFFICIALS), JSON.stringify(FIXTURE_FAMILIES), JSON.stringify(TITLES), UPDATES.join(' '), UNLINKED_CHILD, 'Jessica Quintanar Director hospital Coordinación Unidades Médicas Alta Especialidad DPM CMN La Raza Siglo XXI HG Pediatría'].join(' ')));
  const kids = candidates.filter((k) => wordsOf(`${k.givenNames} ${k.firstSurname} ${k.secondSurname ?? ''}`).every((w) => !vocabulary.has(w))).slice(0, 2);
  if (kids.length < 2) throw new Error('fixture: the demo data must hold at least two registered patients');

  const prevNumber = maxNumber + 1;
  const number = maxNumber + 2;
  const prevAt = meetingInstant('2021-01-14');
  const at = meetingInstant('2021-01-21');
  const ended = new Date(at.getTime() + 85 * 60_000); // 19:25
  const agenda = STANDARD_AGENDA.map((i) => ({ key: i.key, title: i.title, notes: '' }));
  const note = (key: string, notes: string) => {
    agenda.find((i) => i.key === key)!.notes = notes;
  };
  note('welcome', 'El Director General dio la bienvenida a madres y padres de familia que acudieron a la sesión y presentó a las y los funcionarios del IMSS presentes.');
  note('supply', 'El Director de Administración precisó detalles sobre el abasto de medicamentos, con fecha de corte al 17 de enero, en los almacenes del Seguro Social, señalando que se cuenta con 773 mil 617 medicamentos.');
  note('agreements', 'Con relación al registro de pacientes oncológicos pediátricos, se han registrado 1,458 pacientes, es decir, 154 más respecto a la semana previa.');
  // Staff typed a family surname and a child's name into the notes: the documents must not show them.
  note('general', `La señora Jessica Quintanar expuso el tema sobre la rotación de personal en las áreas de oncología y hematología; mencionó el caso de ${UNLINKED_CHILD.split(' ')[0]} y solicitó que se tomaran medidas.\n\nAl respecto, el Director del hospital comentó que la instrucción precisa fue que no hubiese rotación de personal en estas áreas.`);
  note('closing', 'El Director General agradeció la participación de las familias.');

  const [prev, meeting] = await db
    .insert(meetings)
    .values([
      { number: prevNumber, scheduledAt: prevAt, modality: 'VIRTUAL', platform: 'Webex', status: 'CLOSED', familiesDeadline: deadlineFor(prevAt), casesDeadline: deadlineFor(prevAt), agenda, startedAt: prevAt, endedAt: new Date(prevAt.getTime() + 80 * 60_000), closedAt: new Date(prevAt.getTime() + 90 * 60_000) },
      {
        number,
        scheduledAt: at,
        modality: 'VIRTUAL',
        platform: 'Webex',
        status,
        familiesDeadline: deadlineFor(at),
        casesDeadline: deadlineFor(at),
        agenda,
        startedAt: status === 'PLANNED' ? null : at,
        endedAt: status === 'CLOSED' ? ended : null,
        closedAt: status === 'CLOSED' ? new Date(ended.getTime() + 10 * 60_000) : null,
      },
    ])
    .returning({ id: meetings.id });
  const meetingId = meeting!.id;

  const officialRows = await db.insert(officials).values(FIXTURE_OFFICIALS.map((o) => ({ ...o }))).returning({ id: officials.id });
  const officialIds = officialRows.map((o) => o.id);
  await db.insert(meetingAttendees).values([
    ...FIXTURE_OFFICIALS.map((o, i) => ({
      meetingId,
      kind: 'OFFICIAL' as const,
      officialId: officialIds[i]!,
      name: o.name,
      position: o.position,
      area: o.area,
      // The last one was listed but did not come: not a participant.
      attended: i < FIXTURE_OFFICIALS.length - 1,
      listedAt: new Date(at.getTime() - (100 - i) * 60_000),
    })),
    ...FIXTURE_FAMILIES.map((f, i) => ({
      meetingId,
      kind: 'FAMILY' as const,
      name: f.name,
      surnames: f.surnames,
      relationship: f.relationship,
      unitId: unitId(f.clues),
      attended: true,
      listedAt: new Date(at.getTime() - (50 - i) * 60_000),
    })),
  ]);

  // Cases: one carried over from the previous meeting, then nCases taken into this one.
  let seq = maxSequence;
  const description = `La madre de ${UNLINKED_CHILD} reporta que no hay prednisona desde hace dos semanas.`;
  const reviewed: MeetingFixture['reviewed'] = [];
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const updateRows: (typeof caseUpdates.$inferInsert)[] = [];
  const carried = { code: `${prevNumber}.${++seq}`, title: 'Protocolo de trasplante haploidéntico' };
  caseRows.push({
    meetingId: prev!.id, meetingNumber: prevNumber, sequence: seq, code: carried.code, receivedAt: new Date(prevAt.getTime() - 3 * 86_400_000),
    channel: 'CHATBOT', category: 'BONE_MARROW_TRANSPLANT', title: carried.title, description: 'Descripción protegida del caso anterior.',
    patientId: kids[0]!.id, unitId: kids[0]!.unitId, reporterName: REPORTER.name, reporterPhone: REPORTER.phone, responsibleOfficialId: officialIds[4], status: 'IN_FOLLOW_UP',
  });
  const carriedUpdate = 'El paciente es candidato a trasplante haploidéntico y se continúa con el protocolo.';
  reviewed.push({ code: `CE ${carried.code}`, title: carried.title, update: carriedUpdate, status: 'IN_FOLLOW_UP' });
  for (let i = 0; i < nCases; i++) {
    const category = CASE_CATEGORIES[i % CASE_CATEGORIES.length]!;
    const titles = TITLES[category];
    const title = titles[Math.floor(i / CASE_CATEGORIES.length) % titles.length]!;
    const code = `${number}.${++seq}`;
    const withUpdate = nCases < 10 ? i !== nCases - 1 : true; // in small fixtures, the last case has no update yet
    const resolved = i % 3 === 1;
    const status: CaseStatus = withUpdate ? (resolved ? 'RESOLVED' : 'IN_FOLLOW_UP') : 'RECEIVED';
    caseRows.push({
      meetingId, meetingNumber: number, sequence: seq, code, receivedAt: new Date(at.getTime() - (4 * 86_400_000 - i * 60_000)),
      channel: i % 2 ? 'EMAIL' : 'CHATBOT', category, title,
      description: i === 0 ? description : `Descripción protegida ${i}.`,
      patientId: i === 1 ? kids[1]!.id : null,
      patientName: i === 0 ? UNLINKED_CHILD : null,
      unitId: i === 1 ? kids[1]!.unitId : unitId(i % 2 ? 'DFIMS000616' : 'DFIMS000061'),
      reporterName: i === 0 ? REPORTER.name : null,
      reporterPhone: i === 0 ? REPORTER.phone : null,
      responsibleOfficialId: officialIds[3],
      status,
      resolvedAt: status === 'RESOLVED' ? ended : null,
    });
    const update = withUpdate ? `${UPDATES[i % UPDATES.length]!.replace(/\.$/, '')} (seguimiento ${i + 1}).` : null;
    reviewed.push({ code: `CE ${code}`, title, update, status });
  }
  const caseIds = (await db.insert(cases).values(caseRows).returning({ id: cases.id, code: cases.code })).map((c) => c.id);
  await db.execute(sql`INSERT INTO case_sequence (id, last) VALUES (1, ${seq}) ON CONFLICT (id) DO UPDATE SET last = GREATEST(case_sequence.last, EXCLUDED.last)`);
  updateRows.push({ caseId: caseIds[0]!, meetingId, entryDate: '2021-01-21', text: carriedUpdate, officialId: officialIds[4], statusFrom: 'IN_FOLLOW_UP', statusTo: 'IN_FOLLOW_UP' });
  reviewed.slice(1).forEach((r, i) => {
    if (r.update) {
      updateRows.push({ caseId: caseIds[i + 1]!, meetingId, entryDate: '2021-01-21', text: r.update, officialId: i % 4 === 3 ? null : officialIds[(i % 3) + 1], statusFrom: 'RECEIVED', statusTo: r.status });
    }
  });
  if (updateRows.length) await db.insert(caseUpdates).values(updateRows);

  // Agreements: one from the previous meeting followed up here, two adopted here.
  const [prevAgreement] = await db
    .insert(agreements)
    .values({ meetingId: prev!.id, ordinal: 1, text: 'Presentar los avances de la plataforma y del ChatBot.', responsibleOfficialId: officialIds[5], dueMeetingNumber: number })
    .returning({ id: agreements.id });
  const followUpText = 'Se presentaron los avances del ChatBot; la prueba piloto continúa con casos reales.';
  await db.insert(agreementUpdates).values({ agreementId: prevAgreement!.id, meetingId, entryDate: '2021-01-21', text: followUpText, statusFrom: 'PENDING', statusTo: 'DONE' });
  const adopted = [
    'Se dará seguimiento para que todas las Unidades Médicas que atienden pacientes oncológicos pediátricos concluyan el registro en la plataforma.',
    'Se dará seguimiento al tema de la rotación de personal en CMN La Raza.',
  ];
  await db.insert(agreements).values([
    { meetingId, ordinal: 1, text: adopted[0]!, responsibleOfficialId: officialIds[3], dueDate: '2021-01-28' },
    { meetingId, ordinal: 2, text: adopted[1]!, responsibleArea: 'Coordinación de Unidades Médicas de Alta Especialidad – DPM', dueMeetingNumber: number + 1 },
  ]);

  return {
    meetingId,
    meetingNumber: number,
    previousMeetingNumber: prevNumber,
    reviewed,
    agreements: adopted,
    followUp: { code: `${prevNumber}/1`, text: followUpText },
    secrets: {
      familySurnames: FIXTURE_FAMILIES.flatMap((f) => f.surnames.split(' ')),
      patientNames: [UNLINKED_CHILD, ...kids.map((k) => `${k.givenNames} ${k.firstSurname}`), ...kids.map((k) => k.firstSurname)],
      curps: kids.map((k) => k.curp),
      nss: kids.map((k) => k.nss!),
      description,
      reporter: REPORTER,
    },
    officialIds,
  };
}
