/**
 * The press bulletin drafted from a meeting's record, in the style of the institution's bulletins
 * (seeds 000–003): a title, a one-line summary and paragraphs on what was reported, the figures of
 * the cases (counts only), the agreements, the officials who took part BY POSITION and the
 * families BY FIRST NAME ONLY. Never a child's name, CURP, NSS, a case code or description, a
 * family surname or the unit of a single case. Staff edit the draft before approving it.
 */
import type { CaseCategory } from '../meetings/schema.ts';
import { meetingOrdinal } from '../meetings/labels.ts';
import { caseStatusInMeeting, type MeetingRecord } from './load-meeting-record.ts';
import { normalizeWord } from './protected-terms.ts';
import { casesByCategory } from './render-minute-pdf.ts';
import { articleFor, count, joinSpanish, lowerFirst, paragraphs, spanishDate, withoutFinalPeriod } from './spanish-text.ts';

export interface BulletinText {
  title: string;
  summary: string;
  body: string;
}

const CATEGORY_TOPICS: Record<CaseCategory, string> = {
  BONE_MARROW_TRANSPLANT: 'trasplante de médula ósea',
  APPOINTMENT: 'citas médicas',
  SECOND_OPINION: 'segunda opinión',
  PALLIATIVE_CARE: 'cuidados paliativos',
  MISSING_MEDICATION: 'abasto de medicamentos',
  LAB_OR_IMAGING_STUDY: 'estudios de laboratorio o gabinete',
  TREATMENT_FOLLOW_UP: 'seguimiento de tratamiento',
  STAFF_CONDUCT: 'trato del personal',
  OTHER: 'otros temas',
};

/** Agenda items whose notes the bulletin reports (the rest is protocol or said elsewhere). */
const NOT_REPORTED = new Set(['welcome', 'cases', 'reading', 'closing']);
const CASE_CODE = /\s*\bCE\s*\d{1,4}\.\d{1,6}\b(\s+y\s+CE\s*\d{1,4}\.\d{1,6}\b)*/gi;

/** Case codes are internal: a note that cites one says "un caso específico" in the bulletin. */
const withoutCaseCodes = (text: string) => text.replace(CASE_CODE, (m) => (/\sy\s/.test(m) ? ' unos casos específicos' : ' un caso específico')).trim();

const HELD: Record<MeetingRecord['meeting']['modality'], string> = {
  VIRTUAL: 'de manera virtual',
  IN_PERSON: 'de manera presencial',
  HYBRID: 'de manera presencial y virtual',
};

/** Given names only: any word that is a protected surname (typed into the name by mistake) is dropped. */
function firstNames(record: MeetingRecord, name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !record.terms.words.has(normalizeWord(w)))
    .join(' ');
}

export function draftBulletin(record: MeetingRecord): BulletinText {
  const m = record.meeting;
  const ordinal = meetingOrdinal(m.number);
  const reviewed = record.cases.length;
  const resolved = record.cases.filter((c) => ['RESOLVED', 'CLOSED'].includes(caseStatusInMeeting(c))).length;

  const title = `Da seguimiento IMSS a casos de pacientes pediátricos oncológicos en la ${ordinal} reunión con madres y padres`;

  const firstAgreement = record.agreementsAdopted[0];
  const summary = firstAgreement
    ? `Entre los acuerdos de la sesión: ${lowerFirst(withoutFinalPeriod(withoutCaseCodes(firstAgreement.text)))}.`
    : reviewed > 0
      ? `Se dio seguimiento a ${count(reviewed, 'caso específico', 'casos específicos')} de pacientes pediátricos oncológicos.`
      : `Autoridades del IMSS sostuvieron la ${ordinal} reunión de trabajo con madres y padres de niñas y niños con cáncer.`;

  const body: string[] = [];
  body.push(
    'Autoridades del Instituto Mexicano del Seguro Social (IMSS) dieron seguimiento a la atención de pacientes pediátricos oncológicos, ' +
      'en un trabajo coordinado con sus madres y padres para mejorar su calidad de vida.',
  );

  const when = `que se llevó a cabo ${HELD[m.modality]} el ${spanishDate(m.startedAt ?? m.scheduledAt)}`;
  let casesClause: string;
  if (reviewed > 0) {
    const topics = casesByCategory(record.cases).map(([cat, list]) => `${list.length} de ${CATEGORY_TOPICS[cat]}`);
    const solved = resolved === 0 ? 'ninguno se ha resuelto aún' : resolved === reviewed ? (reviewed === 1 ? 'se resolvió' : 'todos se resolvieron') : `${resolved} ${resolved === 1 ? 'se resolvió' : 'se resolvieron'}`;
    casesClause =
      reviewed === 1
        ? `se dio seguimiento a un caso específico (${CATEGORY_TOPICS[record.cases[0]!.category]}), que ${resolved ? 'se resolvió' : 'continúa en atención'}`
        : `se dio seguimiento a ${reviewed} casos específicos, de los cuales ${solved}; por tema: ${joinSpanish(topics)}`;
  } else {
    casesClause = 'se revisaron los avances de los compromisos asumidos en sesiones anteriores';
  }
  body.push(
    `Durante la ${ordinal} reunión entre autoridades del Instituto Mexicano del Seguro Social (IMSS) y madres y padres de niñas y niños con cáncer, ${when}, ${casesClause}.`,
  );

  for (const item of record.agenda) {
    if (NOT_REPORTED.has(item.key)) continue;
    const ps = paragraphs(withoutCaseCodes(item.notes)).map((p) => p.replace(/\s*\n\s*/g, ' '));
    if (ps.length === 0) continue;
    // "En el tema «X», el Director…" reads on; a note that opens otherwise ("1. Avances…") follows a colon.
    const opening = lowerFirst(ps[0]!);
    body.push(opening !== ps[0] ? `En el tema «${item.title.trim()}», ${opening}` : `En el tema «${item.title.trim()}»: ${opening}`);
    body.push(...ps.slice(1));
  }

  if (record.agreementFollowUps.length > 0) {
    const followed = new Set(record.agreementFollowUps.map((f) => `${f.meetingNumber}/${f.ordinal}`)).size;
    const done = new Set(record.agreementFollowUps.filter((f) => f.statusTo === 'DONE').map((f) => `${f.meetingNumber}/${f.ordinal}`)).size;
    const outcome =
      done === 0 ? '' : followed === 1 ? ', que se cumplió' : done === followed ? ', y todos se cumplieron' : `, de los cuales ${done} ${done === 1 ? 'se cumplió' : 'se cumplieron'}`;
    body.push(`Asimismo, se revisó el avance de ${count(followed, 'acuerdo', 'acuerdos')} de reuniones anteriores${outcome}.`);
  }

  if (record.agreementsAdopted.length > 0) {
    const texts = record.agreementsAdopted.map((a) => lowerFirst(withoutFinalPeriod(withoutCaseCodes(a.text))));
    body.push(
      record.agreementsAdopted.length === 1 ? `El acuerdo de esta sesión fue: ${texts[0]}.` : `Los acuerdos de esta sesión fueron: ${joinSpanish(texts, 'y', '; ')}.`,
    );
  }

  // By position only (design.md: officials appear by role); the area acronym reads badly in prose.
  const roles = record.officials
    .map((o) => {
      const role = o.position?.trim() || o.area?.trim();
      return role ? `${articleFor(o.name, o.position).toLowerCase()} ${role}` : null;
    })
    .filter((r): r is string => r !== null);
  if (roles.length > 0) body.push(`Por parte del IMSS estuvieron en la reunión ${joinSpanish(roles, 'y', '; ')}.`);

  const names = (rel: string[]) =>
    record.families
      .filter((f) => rel.includes(f.relationship ?? 'NONE'))
      .map((f) => firstNames(record, f.name))
      .filter(Boolean);
  const mothers = names(['MOTHER']);
  const fathers = names(['FATHER']);
  const others = names(['GUARDIAN', 'GRANDPARENT', 'OTHER', 'NONE']);
  const groups: string[] = [];
  if (mothers.length) groups.push(`${mothers.length === 1 ? 'la señora' : 'las señoras'} ${joinSpanish(mothers)}`);
  if (fathers.length) groups.push(`${fathers.length === 1 ? 'el señor' : 'los señores'} ${joinSpanish(fathers)}`);
  if (others.length) groups.push(`${others.length === 1 ? 'un familiar' : 'otros familiares'}: ${joinSpanish(others)}`);
  if (groups.length > 0) {
    const [first, ...rest] = groups;
    const tail = rest.length === 0 ? '' : rest.length === 1 ? `; y ${rest[0]}` : `; ${rest.slice(0, -1).join('; ')}; y ${rest.at(-1)}`;
    body.push(`Por parte de las madres y los padres de pacientes pediátricos oncológicos estuvieron ${first}${tail}.`);
  }

  return { title, summary, body: body.join('\n\n') };
}

/** The bulletin as a plain text file (what the press office receives). */
export function bulletinAsText(b: BulletinText & { status: 'DRAFT' | 'APPROVED' }, meetingNumber: number): string {
  const lines = [
    ...(b.status === 'APPROVED' ? [] : [`BORRADOR: boletín de la reunión ${meetingNumber} pendiente de aprobación`, '']),
    'BOLETÍN DE PRENSA',
    '',
    b.title.trim(),
    '',
    `· ${b.summary.trim()}`,
    '',
    b.body.trim(),
    '',
  ];
  return lines.join('\n');
}
