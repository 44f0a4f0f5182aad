import type { FieldError } from '../../platform/errors.ts';
import { checkCurp } from '../registry/domain/curp.ts';
import { checkPatientConsistency } from '../patients/create-patient.ts';
import { patientInputSchema, RELATIONSHIPS } from '../patients/patient-schemas.ts';
import type { BatchPatient } from '../patients/register-patients-batch.ts';
import { STATES } from '../units/states.ts';
import { DIAGNOSIS_HEADERS, GUARDIAN_HEADERS, normalizeDate, type RowCells } from './columns.ts';
import { checkDiagnosisCells } from './diagnosis-cells.ts';

/**
 * One spreadsheet row → the registration it stands for, or the reasons it cannot be registered.
 * The patient fields go through the very schema and consistency check of POST /api/patients;
 * cells are only normalised first for what spreadsheets do (DD/MM/AAAA dates, "Mujer", state
 * names without accents, NSS that lost its leading zeros, "MADRE").
 */

/** API field path → column header, for the per-row report. */
const FIELD_TO_HEADER: Record<string, string> = {
  curp: 'curp',
  nss: 'nss',
  agregado: 'agregado',
  givenNames: 'nombres',
  firstSurname: 'primer_apellido',
  secondSurname: 'segundo_apellido',
  birthDate: 'fecha_nacimiento',
  sex: 'sexo',
  state: 'entidad',
  municipality: 'municipio',
  address: 'domicilio',
  physicianName: 'medico_tratante',
  'guardians.0.name': 'responsable_nombre',
  'guardians.0.relationship': 'responsable_parentesco',
  'guardians.0.phone': 'responsable_telefono',
  'guardians.0.email': 'responsable_correo',
  'guardians.0.whatsapp': 'responsable_whatsapp',
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[\s._-]+/g, ' ')
    .trim();

const STATE_BY_KEY = new Map<string, string>();
for (const [code, name] of STATES) {
  STATE_BY_KEY.set(code, name);
  STATE_BY_KEY.set(fold(name), name);
}
STATE_BY_KEY.set('CDMX', 'Ciudad de México');
STATE_BY_KEY.set('DISTRITO FEDERAL', 'Ciudad de México');
STATE_BY_KEY.set('MEXICO', 'Estado de México');
STATE_BY_KEY.set('EDO MEX', 'Estado de México');
STATE_BY_KEY.set('EDOMEX', 'Estado de México');
STATE_BY_KEY.set('COAHUILA DE ZARAGOZA', 'Coahuila');
STATE_BY_KEY.set('MICHOACAN DE OCAMPO', 'Michoacán');
STATE_BY_KEY.set('VERACRUZ DE IGNACIO DE LA LLAVE', 'Veracruz');

const RELATIONSHIP_BY_WORD: Record<string, (typeof RELATIONSHIPS)[number]> = {
  MADRE: 'MOTHER',
  MAMA: 'MOTHER',
  PADRE: 'FATHER',
  PAPA: 'FATHER',
  TUTOR: 'TUTOR',
  TUTORA: 'TUTOR',
  ABUELO: 'GRANDPARENT',
  ABUELA: 'GRANDPARENT',
  OTRO: 'OTHER',
  OTRA: 'OTHER',
  MOTHER: 'MOTHER',
  FATHER: 'FATHER',
  GRANDPARENT: 'GRANDPARENT',
  OTHER: 'OTHER',
};
/** Spanish word written in the export for each relationship. */
export const RELATIONSHIP_WORD: Record<(typeof RELATIONSHIPS)[number], string> = {
  MOTHER: 'MADRE',
  FATHER: 'PADRE',
  TUTOR: 'TUTOR',
  GRANDPARENT: 'ABUELO',
  OTHER: 'OTRO',
};

const YES = new Set(['SI', 'S', 'YES', 'Y', '1', 'TRUE', 'VERDADERO', 'X']);
const NO = new Set(['NO', 'N', '0', 'FALSE', 'FALSO', '']);

function normalizeSex(raw: string): string {
  const v = fold(raw);
  if (v === 'HOMBRE' || v === 'MASCULINO' || v === 'H') return 'H';
  if (v === 'MUJER' || v === 'FEMENINO' || v === 'M' || v === 'F') return 'M';
  return raw.trim();
}

/** Digits-only NSS shorter than 11: Excel stores it as a number and drops the leading zeros. */
function normalizeNss(raw: string): string {
  const v = raw.replace(/[\s-]/g, '');
  return /^\d{9,10}$/.test(v) ? v.padStart(11, '0') : raw;
}

export type RowOutcome =
  | { ok: true; patient: BatchPatient }
  /** `curpValid`: the CURP itself passed (so it still takes part in the duplicate checks). */
  | { ok: false; curp: string | undefined; curpValid: boolean; errors: FieldError[] };

/** Validates one row; `today` is the registration day in Mexico City (YYYY-MM-DD). */
export function validateRow(cells: RowCells, unitId: string, today: string): RowOutcome {
  const c = (h: string) => cells[h] ?? '';
  const errors: FieldError[] = [];
  const date = (header: string): string | undefined => {
    const raw = c(header);
    if (raw === '') return undefined;
    const r = normalizeDate(raw);
    if ('error' in r) {
      errors.push({ field: header, message: r.error });
      return undefined;
    }
    return r.value;
  };

  const birthDate = date('fecha_nacimiento');
  const birthDateBad = c('fecha_nacimiento') !== '' && birthDate === undefined;
  const stateRaw = c('entidad');
  const hasGuardian = GUARDIAN_HEADERS.some((h) => c(h) !== '');
  const whatsappRaw = fold(c('responsable_whatsapp'));
  if (!YES.has(whatsappRaw) && !NO.has(whatsappRaw)) errors.push({ field: 'responsable_whatsapp', message: 'debe ser SI o NO' });
  const relRaw = fold(c('responsable_parentesco'));

  const input = {
    curp: c('curp'),
    nss: normalizeNss(c('nss')),
    agregado: c('agregado'),
    givenNames: c('nombres'),
    firstSurname: c('primer_apellido'),
    secondSurname: c('segundo_apellido'),
    // An impossible date was already reported; a placeholder keeps the schema from adding a second message.
    birthDate: birthDateBad ? '1900-01-01' : (birthDate ?? ''),
    sex: normalizeSex(c('sexo')),
    state: stateRaw === '' ? null : (STATE_BY_KEY.get(fold(stateRaw)) ?? stateRaw),
    municipality: c('municipio'),
    address: c('domicilio'),
    unitId,
    physicianName: c('medico_tratante'),
    guardians: hasGuardian
      ? [
          {
            name: c('responsable_nombre'),
            relationship: relRaw === '' ? undefined : (RELATIONSHIP_BY_WORD[relRaw] ?? relRaw),
            phone: c('responsable_telefono'),
            whatsapp: YES.has(whatsappRaw),
            email: c('responsable_correo') === '' ? null : c('responsable_correo'),
            isPrimary: true,
          },
        ]
      : [],
  };

  const parsed = patientInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const field = FIELD_TO_HEADER[path] ?? path;
      if (field === 'responsable_parentesco' && relRaw === '' ) {
        errors.push({ field, message: 'es obligatorio cuando se anotan datos del responsable: MADRE, PADRE, TUTOR, ABUELO u OTRO' });
      } else if (field === 'responsable_parentesco') {
        errors.push({ field, message: 'debe ser MADRE, PADRE, TUTOR, ABUELO u OTRO' });
      } else if (field === 'fecha_nacimiento' && input.birthDate === '') {
        errors.push({ field, message: 'es obligatoria' });
      } else {
        errors.push({ field, message: issue.message });
      }
    }
  }
  const curpValid = checkCurp(c('curp')).ok;
  const curpForReport = c('curp').trim().toUpperCase() || undefined;

  // Consistency (CURP vs birth date and sex, no future birth) only on what parsed.
  if (parsed.success && !birthDateBad) {
    for (const e of checkPatientConsistency(parsed.data, today)) errors.push({ field: FIELD_TO_HEADER[e.field] ?? e.field, message: e.message });
  }

  const hasDiagnosis = DIAGNOSIS_HEADERS.some((h) => c(h) !== '');
  const dx = hasDiagnosis ? checkDiagnosisCells(cells, parsed.success && !birthDateBad ? parsed.data.birthDate : undefined, today) : null;
  if (dx && !dx.ok) errors.push(...dx.errors);

  if (errors.length > 0 || !parsed.success) return { ok: false, curp: curpForReport, curpValid, errors };
  const p = parsed.data;
  const g = p.guardians[0];
  return {
    ok: true,
    patient: {
      curp: p.curp,
      nss: p.nss ?? null,
      agregado: p.agregado ?? null,
      givenNames: p.givenNames,
      firstSurname: p.firstSurname,
      secondSurname: p.secondSurname ?? null,
      birthDate: p.birthDate,
      sex: p.sex,
      state: p.state ?? null,
      municipality: p.municipality ?? null,
      address: p.address ?? null,
      physicianName: p.physicianName ?? null,
      guardian: g ? { name: g.name, relationship: g.relationship, phone: g.phone ?? null, whatsapp: g.whatsapp && !!g.phone, email: g.email ?? null } : null,
      diagnosis: dx && dx.ok ? dx.diagnosis : null,
    },
  };
}
