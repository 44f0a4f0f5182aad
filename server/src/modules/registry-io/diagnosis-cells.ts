import type { FieldError } from '../../platform/errors.ts';
import { DIAGNOSIS_BASES } from '../clinical/schema.ts';
import type { BatchDiagnosis } from '../patients/register-patients-batch.ts';
import { normalizeDate, type RowCells } from './columns.ts';
import { codeDiagnosis } from './icdo3-coding.ts';

export type DiagnosisCheck = { ok: true; diagnosis: BatchDiagnosis } | { ok: false; errors: FieldError[] };

/**
 * The five diagnosis columns of a row (all filled or all empty): ICD-O-3 topography, morphology
 * and behaviour checked against the catalogue, IARC basis of diagnosis, date not before birth
 * and not in the future; ICD-10 and ICCC-3 derived from the code, as on a single diagnosis.
 */
export function checkDiagnosisCells(cells: RowCells, birthDate: string | undefined, today: string): DiagnosisCheck {
  const c = (h: string) => (cells[h] ?? '').trim();
  const errors: FieldError[] = [];
  const required = (h: string) => {
    if (c(h) === '') errors.push({ field: h, message: 'es obligatoria cuando se anota un diagnóstico (las cinco columnas del diagnóstico van juntas)' });
    return c(h);
  };
  const topography = required('topografia');
  const morphology = required('morfologia');
  // The behaviour may come inside the morphology ('9836/3'); parseIcdO3 checks that both agree.
  const behaviourText = c('comportamiento');
  if (behaviourText === '' && !/\/\d$/.test(morphology)) required('comportamiento');
  const basisText = required('base_diagnostico');
  const dateText = required('fecha_diagnostico');

  let behaviour: number | null = null;
  if (behaviourText !== '') {
    if (/^\d$/.test(behaviourText)) behaviour = Number(behaviourText);
    else errors.push({ field: 'comportamiento', message: 'debe ser 0, 1, 2 o 3' });
  }
  let basis: number | undefined;
  if (basisText !== '') {
    if (/^\d$/.test(basisText) && (DIAGNOSIS_BASES as readonly number[]).includes(Number(basisText))) basis = Number(basisText);
    else errors.push({ field: 'base_diagnostico', message: 'debe ser una base de diagnóstico IARC: 0, 1, 2, 4, 5, 6, 7 o 9' });
  }
  let diagnosisDate: string | undefined;
  if (dateText !== '') {
    const d = normalizeDate(dateText);
    if ('error' in d) errors.push({ field: 'fecha_diagnostico', message: d.error });
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(d.value)) errors.push({ field: 'fecha_diagnostico', message: 'debe ser una fecha AAAA-MM-DD o DD/MM/AAAA' });
    else if (d.value > today) errors.push({ field: 'fecha_diagnostico', message: 'no puede ser una fecha futura' });
    else if (birthDate && d.value < birthDate) errors.push({ field: 'fecha_diagnostico', message: 'no puede ser anterior a la fecha de nacimiento' });
    else diagnosisDate = d.value;
  }

  let coded: ReturnType<typeof codeDiagnosis> | undefined;
  if (topography !== '' && morphology !== '' && (behaviourText === '' || behaviour !== null)) {
    coded = codeDiagnosis(topography, morphology, behaviour);
    if (!coded.ok) errors.push(...coded.errors.filter((e) => !(e.field === 'comportamiento' && behaviourText === '' && errors.some((x) => x.field === 'comportamiento'))));
  }
  if (errors.length > 0 || !coded?.ok || basis === undefined || diagnosisDate === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    diagnosis: {
      topography: coded.topography,
      morphology: coded.morphology,
      behaviour: coded.behaviour,
      basis,
      diagnosisDate,
      icd10: coded.icd10,
      icccGroup: coded.icccGroup,
      icccSubgroup: coded.icccSubgroup,
    },
  };
}
