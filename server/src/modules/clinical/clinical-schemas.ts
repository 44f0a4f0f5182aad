import { z } from 'zod';
import { TREATMENT_STATUSES, VITAL_STATUSES } from '../patients/schema.ts';
import {
  ADMINISTRATION_GROUPS,
  COMPLICATION_KINDS,
  CYCLE_STATUSES,
  DIAGNOSIS_BASES,
  DISEASE_STATUSES,
  DOSE_UNITS,
  FOLLOW_UP_KINDS,
  LATERALITIES,
  OTHER_TREATMENT_KINDS,
  ROUTES,
  TREATMENT_INTENTS,
} from './schema.ts';
import { TIMELINE_KINDS } from './repo.ts';

const oneOf = (values: readonly string[]) => `debe ser uno de: ${values.join(', ')}`;
const text = (max: number) => z.string({ message: 'es obligatorio' }).trim().min(1, 'es obligatorio').max(max, `no debe exceder ${max} caracteres`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `no debe exceder ${max} caracteres`)
    .transform((v) => (v === '' ? null : v))
    .nullish();
export const isoDate = z.iso.date({ message: 'debe ser una fecha AAAA-MM-DD' });
const isoDateTime = z.iso.datetime({ offset: true, message: 'debe ser fecha y hora ISO 8601 con zona (p. ej. 2025-03-14T10:30:00-06:00)' });
const version = z.number({ message: 'es obligatoria' }).int().min(1).describe('Versión leída; si otra persona cambió el registro se responde 409');
const positive = (what: string, max: number) =>
  z.number({ message: `${what} debe ser un número` }).positive(`${what} debe ser mayor que 0`).max(max, `${what} no puede exceder ${max}`);

const uuidParam = z.uuid({ message: 'debe ser un UUID' });
export const diagnosisParams = z.object({ id: uuidParam, diagnosisId: uuidParam });
export const cycleParams = z.object({ id: uuidParam, cycleId: uuidParam });

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

export const diagnosisInputSchema = z.object({
  topography: text(10).describe('Topografía CIE-O-3 (p. ej. C42.1, médula ósea)'),
  morphology: text(10).describe('Morfología CIE-O-3, 4 dígitos, con o sin comportamiento (p. ej. 9836 o 9836/3)'),
  behaviour: z
    .number({ message: 'debe ser 0, 1, 2 o 3' })
    .int('debe ser 0, 1, 2 o 3')
    .optional()
    .describe('Comportamiento CIE-O-3: 0 benigno, 1 incierto, 2 in situ, 3 maligno (puede venir en la morfología: 9836/3)'),
  basis: z
    .number({ message: 'es obligatoria' })
    .int()
    .refine((v) => (DIAGNOSIS_BASES as readonly number[]).includes(v), 'debe ser una base de diagnóstico IARC: 0, 1, 2, 4, 5, 6, 7 o 9')
    .describe('Base del diagnóstico (IARC): 0 certificado de defunción, 1 clínica, 2 investigación clínica, 4 marcadores, 5 citología, 6 histología de metástasis, 7 histología del primario, 9 desconocida'),
  diagnosisDate: isoDate,
  laterality: z.enum(LATERALITIES, { message: oneOf(LATERALITIES) }).default('NOT_APPLICABLE'),
  stage: optionalText(60).describe('Estadio cuando aplica (p. ej. Ann Arbor III, Toronto)'),
  riskGroup: optionalText(60).describe('Grupo de riesgo del protocolo (p. ej. riesgo estándar, alto riesgo)'),
});
export type DiagnosisInput = z.output<typeof diagnosisInputSchema>;

export const diagnosisPatchSchema = diagnosisInputSchema.partial().extend({ version });
export type DiagnosisPatch = z.output<typeof diagnosisPatchSchema>;

export const deleteInputSchema = z.object({
  reason: text(500).describe('Motivo de la baja (los datos clínicos nunca se borran: se marcan con el motivo)'),
  version: version.optional(),
});

export const planInputSchema = z.object({
  diagnosisId: z.uuid({ message: 'debe ser el identificador de un diagnóstico del paciente' }),
  protocol: text(200).describe('Protocolo o esquema (p. ej. "ALL IC-BFM 2009")'),
  intent: z.enum(TREATMENT_INTENTS, { message: 'debe ser CURATIVE (curativo) o PALLIATIVE (paliativo)' }),
  startDate: isoDate,
  plannedCycles: z.number().int('debe ser un número entero').min(1, 'debe ser al menos 1').max(200, 'no puede exceder 200').nullish(),
  cycleLengthDays: z.number().int('debe ser un número entero').min(1, 'debe ser al menos 1 día').max(365, 'no puede exceder 365 días').nullish(),
});
export type PlanInput = z.output<typeof planInputSchema>;

const cycleStatus = z.enum(CYCLE_STATUSES, { message: 'debe ser PLANNED (programado), GIVEN (aplicado), DELAYED (diferido) o CANCELLED (cancelado)' });

export const cycleInputSchema = z.object({
  planId: z.uuid({ message: 'debe ser el identificador de un plan de tratamiento del paciente' }),
  course: text(60).describe('Fase o curso: Inducción, Consolidación, Reinducción, Mantenimiento…'),
  cycleNumber: z.number({ message: 'es obligatorio' }).int('debe ser un número entero').min(1, 'debe ser al menos 1').max(999, 'no puede exceder 999'),
  plannedDate: isoDate,
  actualDate: isoDate.nullish().describe('Fecha en que se aplicó (obligatoria si el estado es GIVEN)'),
  status: cycleStatus.optional().describe('Por omisión GIVEN si trae fecha de aplicación, si no PLANNED'),
  notes: optionalText(1000),
});
export type CycleInput = z.output<typeof cycleInputSchema>;

export const cyclePatchSchema = z.object({
  course: text(60).optional(),
  plannedDate: isoDate.optional(),
  actualDate: isoDate.nullish(),
  status: cycleStatus.optional(),
  notes: optionalText(1000),
  version,
});
export type CyclePatch = z.output<typeof cyclePatchSchema>;

export const administrationInputSchema = z.object({
  drug: text(120).describe('Medicamento (nombre genérico)'),
  dose: positive('la dosis', 1_000_000).describe('Dosis del protocolo en la unidad indicada, antes de la reducción'),
  doseUnit: z.enum(DOSE_UNITS, { message: oneOf(DOSE_UNITS) }),
  route: z.enum(ROUTES, { message: oneOf(ROUTES) }),
  groupKind: z.enum(ADMINISTRATION_GROUPS, { message: 'debe ser PREMEDICATION, CHEMOTHERAPY o POSTMEDICATION' }),
  doseReductionPct: z.number().int('debe ser un número entero').min(0, 'debe estar entre 0 y 100').max(100, 'debe estar entre 0 y 100').default(0),
  administeredAt: isoDateTime,
});
export type AdministrationInput = z.output<typeof administrationInputSchema>;

export const measurementInputSchema = z.object({
  measuredOn: isoDate,
  weightKg: z.number({ message: 'el peso debe ser un número' }).describe('Peso en kilogramos'),
  heightCm: z.number({ message: 'la talla debe ser un número' }).describe('Talla o longitud en centímetros'),
});
export type MeasurementInput = z.output<typeof measurementInputSchema>;

export const otherTreatmentInputSchema = z.object({
  kind: z.enum(OTHER_TREATMENT_KINDS, { message: 'debe ser RADIOTHERAPY (radioterapia), SURGERY (cirugía) o TRANSPLANT (trasplante)' }),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  description: text(500),
  doseGy: positive('la dosis', 200).nullish().describe('Radioterapia: dosis total en Gy'),
  fractions: z.number().int('debe ser un número entero').min(1, 'debe ser al menos 1').max(100, 'no puede exceder 100').nullish(),
  subtype: optionalText(60).describe('Trasplante: AUTOLOGOUS / ALLOGENEIC; cirugía: procedimiento'),
});
export type OtherTreatmentInput = z.output<typeof otherTreatmentInputSchema>;

/** Every status a user may set (NEW is only the registration's). */
export const STATUS_CHANGES = ['ON_TREATMENT', 'SURVEILLANCE', 'COMPLETED', 'REFUSED', 'ABANDONED', 'PALLIATIVE', 'DECEASED', 'TRANSFERRED'] as const;
export const REASON_REQUIRED = new Set<string>(['REFUSED', 'ABANDONED', 'DECEASED']);

export const statusInputSchema = z
  .object({
    status: z.enum(STATUS_CHANGES, { message: oneOf(STATUS_CHANGES) }),
    since: isoDate,
    reason: optionalText(500),
  })
  .superRefine((v, c) => {
    if (REASON_REQUIRED.has(v.status) && !v.reason) {
      c.addIssue({ code: 'custom', path: ['reason'], message: 'es obligatorio para rechazo, abandono o defunción' });
    }
  });
export type StatusInput = z.output<typeof statusInputSchema>;

export const followUpInputSchema = z
  .object({
    contactDate: isoDate,
    kind: z.enum(FOLLOW_UP_KINDS, { message: oneOf(FOLLOW_UP_KINDS) }),
    vitalStatus: z.enum(VITAL_STATUSES, { message: 'debe ser ALIVE (vivo), DECEASED (fallecido) o UNKNOWN (desconocido)' }),
    diseaseStatus: z.enum(DISEASE_STATUSES, { message: oneOf(DISEASE_STATUSES) }).nullish(),
    traceReason: optionalText(500).describe('Búsqueda por abandono: por qué el paciente no ha recibido tratamiento'),
    notes: optionalText(2000),
  })
  .superRefine((v, c) => {
    if (v.kind === 'ABANDONMENT_TRACE' && !v.traceReason) {
      c.addIssue({ code: 'custom', path: ['traceReason'], message: 'es obligatorio en una búsqueda por abandono: anote por qué no ha recibido tratamiento' });
    }
  });
export type FollowUpInput = z.output<typeof followUpInputSchema>;

export const complicationInputSchema = z.object({
  kind: z.enum(COMPLICATION_KINDS, { message: oneOf(COMPLICATION_KINDS) }),
  onsetAt: isoDateTime,
  triageAt: isoDateTime.nullish().describe('Neutropenia febril: hora del triage'),
  antibioticAt: isoDateTime.nullish().describe('Neutropenia febril: hora de la primera dosis de antibiótico'),
  grade: z.number().int('debe ser un número entero').min(1, 'debe estar entre 1 y 5 (CTCAE)').max(5, 'debe estar entre 1 y 5 (CTCAE)').nullish(),
  description: text(1000),
  unitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }).nullish().describe('Unidad donde se atendió (por omisión, la del paciente)'),
});
export type ComplicationInput = z.output<typeof complicationInputSchema>;

export const WORKLIST_KINDS = ['missing-data', 'overdue-cycles', 'abandonment-suspects', 'no-follow-up'] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export const diagnosisSchema = z
  .object({
    id: z.uuid(),
    sequence: z.number().int().describe('Orden del primario (tumores primarios múltiples)'),
    topography: z.string(),
    topographyName: z.string().nullable(),
    morphology: z.string(),
    morphologyName: z.string().nullable(),
    behaviour: z.number().int(),
    basis: z.number().int(),
    diagnosisDate: z.string(),
    ageAtDiagnosis: z.number().int(),
    laterality: z.enum(LATERALITIES),
    stage: z.string().nullable(),
    riskGroup: z.string().nullable(),
    icd10: z.string().nullable(),
    icccGroup: z.string().nullable(),
    icccGroupName: z.string().nullable(),
    icccSubgroup: z.string().nullable(),
    icccSubgroupName: z.string().nullable(),
    unitId: z.uuid(),
    version: z.number().int(),
  })
  .meta({ id: 'Diagnosis' });

export const administrationSchema = z
  .object({
    id: z.uuid(),
    cycleId: z.uuid(),
    drug: z.string(),
    dose: z.number(),
    doseUnit: z.enum(DOSE_UNITS),
    doseMg: z.number().nullable().describe('Dosis absoluta administrada en mg (tras la reducción)'),
    route: z.enum(ROUTES),
    groupKind: z.enum(ADMINISTRATION_GROUPS),
    doseReductionPct: z.number().int(),
    administeredAt: z.date(),
    bsaUsed: z.number().nullable().describe('Superficie corporal (m²) usada para la dosis'),
    measuredOn: z.string().nullable().describe('Fecha del peso y talla de los que salió la superficie corporal'),
    anthracyclineMgM2: z.number().nullable().describe('mg/m² equivalentes de doxorrubicina (antraciclinas y mitoxantrona)'),
  })
  .meta({ id: 'ChemoAdministration' });

export const administrationResultSchema = administrationSchema.extend({
  cumulativeAnthracyclineMgM2: z.number().describe('Dosis acumulada de antraciclinas del paciente, mg/m² equivalentes de doxorrubicina'),
});

export const cycleSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    course: z.string(),
    cycleNumber: z.number().int(),
    previousCycleId: z.uuid().nullable(),
    plannedDate: z.string(),
    actualDate: z.string().nullable(),
    status: z.enum(CYCLE_STATUSES),
    notes: z.string().nullable(),
    unitId: z.uuid(),
    version: z.number().int(),
  })
  .meta({ id: 'TreatmentCycle' });

export const planSchema = z
  .object({
    id: z.uuid(),
    diagnosisId: z.uuid().nullable(),
    protocol: z.string(),
    intent: z.enum(TREATMENT_INTENTS),
    startDate: z.string(),
    plannedCycles: z.number().int().nullable(),
    cycleLengthDays: z.number().int().nullable(),
    endDate: z.string().nullable(),
  })
  .meta({ id: 'TreatmentPlan' });

export const measurementSchema = z
  .object({
    id: z.uuid(),
    measuredOn: z.string(),
    weightKg: z.number(),
    heightCm: z.number(),
    bsa: z.number().describe('Superficie corporal (Mosteller), m²'),
  })
  .meta({ id: 'Measurement' });

export const otherTreatmentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(OTHER_TREATMENT_KINDS),
    startDate: z.string(),
    endDate: z.string().nullable(),
    description: z.string(),
    doseGy: z.number().nullable(),
    fractions: z.number().int().nullable(),
    subtype: z.string().nullable(),
    unitId: z.uuid().nullable(),
  })
  .meta({ id: 'OtherTreatment' });

export const statusSchema = z
  .object({ id: z.uuid(), status: z.enum(TREATMENT_STATUSES), since: z.string(), reason: z.string().nullable() })
  .meta({ id: 'TreatmentStatusChange' });

export const followUpSchema = z
  .object({
    id: z.uuid(),
    contactDate: z.string(),
    kind: z.enum(FOLLOW_UP_KINDS),
    vitalStatus: z.enum(VITAL_STATUSES),
    diseaseStatus: z.enum(DISEASE_STATUSES).nullable(),
    traceReason: z.string().nullable(),
    notes: z.string().nullable(),
    unitId: z.uuid().nullable(),
  })
  .meta({ id: 'FollowUp' });

export const complicationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(COMPLICATION_KINDS),
    onsetAt: z.date(),
    triageAt: z.date().nullable(),
    antibioticAt: z.date().nullable(),
    grade: z.number().int().nullable(),
    description: z.string(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    minutesToAntibiotic: z.number().int().nullable().describe('Minutos del triage a la primera dosis de antibiótico'),
    withinGoldenHour: z.boolean().nullable().describe('Antibiótico en ≤ 60 minutos desde el triage ("hora dorada")'),
  })
  .meta({ id: 'Complication' });

export const patientClinicalStateSchema = z.object({
  patientId: z.uuid(),
  treatmentStatus: z.enum(TREATMENT_STATUSES),
  statusSince: z.string(),
  vitalStatus: z.enum(VITAL_STATUSES),
  deathDate: z.string().nullable(),
  pediatric: z.boolean(),
  curativeIntent: z.boolean(),
  lastTreatmentOn: z.string().nullable(),
  lastContactOn: z.string().nullable(),
  traceReasonOn: z.string().nullable(),
  version: z.number().int().describe('Versión del registro del paciente'),
});

export const clinicalRecordSchema = patientClinicalStateSchema
  .extend({
    diagnoses: z.array(diagnosisSchema),
    plans: z.array(planSchema.extend({ cycles: z.array(cycleSchema.extend({ administrations: z.array(administrationSchema) })) })),
    latestMeasurement: measurementSchema.nullable().describe('El peso y la talla más recientes, con su fecha y superficie corporal'),
    measurements: z.array(measurementSchema),
    cumulativeAnthracyclineMgM2: z.number(),
    otherTreatments: z.array(otherTreatmentSchema),
    statusHistory: z.array(statusSchema),
    followUps: z.array(followUpSchema),
    complications: z.array(complicationSchema),
  })
  .meta({ id: 'ClinicalRecord' });

export const timelineEventSchema = z
  .object({
    kind: z.enum(TIMELINE_KINDS),
    id: z.uuid().describe('Identificador del registro del que sale el evento'),
    at: z.date(),
    date: z.string().describe('Fecha del evento en la Ciudad de México (AAAA-MM-DD)'),
    label: z.string(),
  })
  .meta({ id: 'TimelineEvent' });

export const worklistItemSchema = z
  .object({
    patientId: z.uuid(),
    curp: z.string(),
    fullName: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    treatmentStatus: z.enum(TREATMENT_STATUSES),
    label: z.string(),
    since: z.string().nullable(),
    days: z.number().int().nullable(),
    missing: z.array(z.enum(['DIAGNOSIS', 'GUARDIAN_PHONE', 'PRIVACY_NOTICE', 'RECENT_MEASUREMENT'])),
    cycle: z
      .object({
        id: z.uuid(),
        planId: z.uuid(),
        protocol: z.string(),
        course: z.string(),
        cycleNumber: z.number().int(),
        status: z.enum(CYCLE_STATUSES),
        plannedDate: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'WorklistItem' });
