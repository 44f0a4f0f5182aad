/**
 * Request and response shapes of the meetings module (weekly meetings, casos específicos,
 * acuerdos). The OpenAPI document is generated from these.
 */
import { z } from 'zod';
import { isoDate, phoneField } from '../patients/patient-schemas.ts';
import {
  AGREEMENT_STATUSES,
  ATTENDEE_KINDS,
  CASE_CATEGORIES,
  CASE_CHANNELS,
  CASE_STATUSES,
  FAMILY_RELATIONSHIPS,
  MEETING_MODALITIES,
  MEETING_STATUSES,
} from './schema.ts';

const text = (max: number) => z.string().trim().min(1, 'es obligatorio').max(max, `no debe exceder ${max} caracteres`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `no debe exceder ${max} caracteres`)
    .transform((v) => (v === '' ? null : v))
    .nullish();
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `debe ser uno de: ${values.join(', ')}` });
const uuidField = (what: string) => z.uuid({ message: `debe ser el identificador de ${what}` });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'debe ser una hora HH:MM (24 h)');

export const modalitySchema = enumOf(MEETING_MODALITIES);
export const meetingStatusSchema = enumOf(MEETING_STATUSES);
export const caseCategorySchema = enumOf(CASE_CATEGORIES);
export const caseChannelSchema = enumOf(CASE_CHANNELS);
export const caseStatusSchema = enumOf(CASE_STATUSES);
export const agreementStatusSchema = enumOf(AGREEMENT_STATUSES);

/** `?status=A,B` (case-insensitive) → the listed statuses, each checked against `values`. */
const statusListQuery = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v, c) => {
      if (!v) return undefined;
      const list = v.split(',').map((s) => s.trim().toUpperCase());
      const bad = list.filter((s) => !(values as readonly string[]).includes(s));
      if (bad.length) {
        c.addIssue({ code: 'custom', message: `estado desconocido ${bad.join(', ')}; use ${values.join(', ')} (separados por coma)` });
        return z.NEVER;
      }
      return list as T[number][];
    });

// ---------- officials ----------

export const officialSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.string(),
    area: z.string(),
    userId: z.uuid().nullable(),
    unitId: z.uuid().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Official' });

export const officialInputSchema = z.object({
  name: text(200).describe('Nombre con tratamiento, como aparecerá en la minuta'),
  position: text(300),
  area: text(120),
  userId: uuidField('una cuenta de usuario').nullish(),
  unitId: uuidField('una unidad médica').nullish(),
});
export const officialPatchSchema = officialInputSchema.partial().extend({ active: z.boolean().optional() });

/** Who answers for a case or an agreement, as shown. */
export const personRefSchema = z.object({ id: z.uuid(), name: z.string(), position: z.string(), area: z.string() }).nullable();

// ---------- meetings ----------

export const agendaItemSchema = z.object({
  key: z.string().trim().min(1).max(40).regex(/^[a-z0-9-]+$/, 'solo minúsculas, dígitos y guiones'),
  title: text(200),
  notes: z.string().max(20000, 'no debe exceder 20 000 caracteres').default(''),
});

export const meetingInputSchema = z.object({
  number: z.number().int().min(1, 'debe ser mayor que cero').optional().describe('Número consecutivo; por omisión el siguiente'),
  date: isoDate.describe('Fecha de la reunión (Ciudad de México); las ordinarias son en jueves'),
  time: hhmm.default('18:00').describe('Hora de inicio (Ciudad de México), por omisión 18:00'),
  modality: modalitySchema,
  platform: optionalText(80).describe('Plataforma de videoconferencia (Webex, Zoom…)'),
  link: z.url({ message: 'debe ser una dirección web (https://…)' }).max(500).nullish(),
  location: optionalText(300),
  agenda: z.array(agendaItemSchema).min(1, 'el orden del día no puede quedar vacío').max(30).optional().describe('Por omisión, el orden del día estándar'),
});

export const meetingPatchSchema = z.object({
  version: z.number().int().min(1),
  date: isoDate.optional(),
  time: hhmm.optional(),
  modality: modalitySchema.optional(),
  platform: optionalText(80),
  link: z.url({ message: 'debe ser una dirección web (https://…)' }).max(500).nullish(),
  location: optionalText(300),
  agenda: z.array(agendaItemSchema).min(1, 'el orden del día no puede quedar vacío').max(30).optional(),
  startedAt: z.coerce.date({ message: 'debe ser una fecha y hora ISO 8601' }).optional(),
  endedAt: z.coerce.date({ message: 'debe ser una fecha y hora ISO 8601' }).optional(),
});

export const meetingTransitionSchema = z.object({
  version: z.number().int().min(1),
  at: z.coerce.date({ message: 'debe ser una fecha y hora ISO 8601' }).optional().describe('Hora real de inicio o fin; por omisión, ahora'),
});

export const meetingSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    scheduledAt: z.date(),
    extraordinary: z.boolean().describe('No es jueves a las 18:00 (sesión extraordinaria)'),
    modality: modalitySchema,
    platform: z.string().nullable(),
    link: z.string().nullable(),
    location: z.string().nullable(),
    status: meetingStatusSchema,
    familiesDeadline: z.date().describe('Fin del martes previo: plazo de la lista de participantes y de los casos para este orden del día'),
    startedAt: z.date().nullable(),
    endedAt: z.date().nullable(),
    newCases: z.number().int().describe('Casos que recibieron su código en esta reunión'),
    reviewedCases: z.number().int().describe('Casos con una actualización registrada en esta reunión'),
    agreements: z.number().int().describe('Acuerdos adoptados'),
    version: z.number().int(),
  })
  .meta({ id: 'MeetingSummary' });

export const attendeeSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ATTENDEE_KINDS),
    officialId: z.uuid().nullable(),
    name: z.string().describe('Funcionario: nombre completo. Familia: nombre(s) de pila'),
    surnames: z.string().nullable().describe('Solo familias; dato protegido, nunca se publica'),
    position: z.string().nullable(),
    area: z.string().nullable(),
    relationship: z.enum(FAMILY_RELATIONSHIPS).nullable(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    late: z.boolean().describe('Se agregó después del plazo del martes'),
    attended: z.boolean().nullable(),
    listedAt: z.date(),
  })
  .meta({ id: 'MeetingAttendee' });

export const attendeeInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('OFFICIAL'), officialId: uuidField('un funcionario'), attended: z.boolean().nullish() }),
    z.object({
      kind: z.literal('FAMILY'),
      name: text(120).describe('Nombre(s) de pila'),
      surnames: optionalText(160),
      relationship: enumOf(FAMILY_RELATIONSHIPS),
      unitId: uuidField('una unidad médica'),
      patientId: uuidField('un paciente').nullish(),
      attended: z.boolean().nullish(),
      acceptLate: z.boolean().default(false).describe('Confirma el registro después del plazo del martes (queda marcado como extemporáneo)'),
    }),
  ],
  { message: 'kind debe ser OFFICIAL o FAMILY' },
);

export const attendancePatchSchema = z.object({ attended: z.boolean({ message: 'debe ser verdadero o falso' }) });

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    byteSize: z.number().int(),
    description: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Attachment' });

// ---------- cases ----------

export const caseUpdateSchema = z
  .object({
    id: z.number().int(),
    meetingId: z.uuid().nullable(),
    meetingNumber: z.number().int().nullable(),
    entryDate: z.string(),
    text: z.string(),
    official: personRefSchema,
    statusFrom: caseStatusSchema,
    statusTo: caseStatusSchema,
    recordedBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'CaseUpdate' });

export const caseSchema = z
  .object({
    id: z.uuid(),
    code: z.string().nullable().describe('«19.61» (CE 19.61): reunión en que se tomó el caso y consecutivo del proceso; null mientras espera reunión'),
    meetingId: z.uuid().nullable(),
    meetingNumber: z.number().int().nullable(),
    receivedAt: z.date(),
    channel: caseChannelSchema,
    category: caseCategorySchema,
    title: z.string(),
    description: z.string().nullable(),
    patientId: z.uuid().nullable(),
    patientName: z.string().nullable().describe('Nombre del paciente (del registro si está vinculado)'),
    unitId: z.uuid(),
    unitName: z.string(),
    reporterName: z.string().nullable(),
    reporterPhone: z.string().nullable(),
    responsible: personRefSchema,
    status: caseStatusSchema,
    statusReason: z.string().nullable(),
    resolvedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    lastUpdate: z.object({ entryDate: z.string(), text: z.string(), meetingNumber: z.number().int().nullable() }).nullable(),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'Case' });

export const caseDetailSchema = caseSchema
  .extend({ updates: z.array(caseUpdateSchema), attachments: z.array(attachmentSchema) })
  .meta({ id: 'CaseDetail' });

export const caseInputSchema = z.object({
  category: caseCategorySchema,
  title: text(200).describe('Título breve, sin nombres: «Falta prednisona»'),
  description: optionalText(5000),
  channel: caseChannelSchema,
  receivedAt: z.coerce.date({ message: 'debe ser una fecha y hora ISO 8601' }).optional().describe('Por omisión, ahora'),
  unitId: uuidField('una unidad médica').describe('Hospital donde se atiende al paciente'),
  patientId: uuidField('un paciente').nullish(),
  patientName: optionalText(200).describe('Si el paciente aún no está en el registro'),
  reporterName: optionalText(200),
  reporterPhone: phoneField.nullish(),
  responsibleOfficialId: uuidField('un funcionario').nullish(),
  meetingId: uuidField('una reunión').nullish().describe('Tomar el caso en esta reunión (programada o en curso); por omisión, la que corresponde a la fecha de recepción'),
  code: z
    .string()
    .trim()
    .regex(/^(CE\s*)?\d{1,4}\.\d{1,6}$/i, 'debe tener la forma «19.61» o «CE 19.61»')
    .optional()
    .describe('Solo coordinación: registrar un caso que ya tiene código (captura del histórico en papel)'),
});

export const casePatchSchema = z.object({
  version: z.number().int().min(1),
  category: caseCategorySchema.optional(),
  title: text(200).optional(),
  description: optionalText(5000),
  unitId: uuidField('una unidad médica').optional(),
  patientId: uuidField('un paciente').nullish(),
  patientName: optionalText(200),
  responsibleOfficialId: uuidField('un funcionario').nullish(),
});

export const caseUpdateInputSchema = z.object({
  version: z.number().int().min(1).describe('Versión del caso que se leyó: si otra persona lo cambió, 409'),
  text: text(5000).describe('Lo que se informó: «se otorgó cita el día 18 de enero»'),
  entryDate: isoDate.optional().describe('Por omisión, hoy (Ciudad de México)'),
  meetingId: uuidField('una reunión').nullish().describe('Reunión en que se revisó (programada o en curso)'),
  officialId: uuidField('un funcionario').nullish().describe('Quién informó'),
  status: caseStatusSchema.optional().describe('Nuevo estado; por omisión, «en seguimiento» si estaba «recibido»'),
  statusReason: optionalText(1000).describe('Obligatorio para «no procede»'),
});

export const caseListQuery = z.object({
  status: statusListQuery(CASE_STATUSES)
    .describe('Uno o varios estados separados por coma; OPEN no existe: use RECEIVED,IN_FOLLOW_UP'),
  meeting: z.coerce.number().int().min(1, 'debe ser un número de reunión').optional().describe('Número de reunión en que se tomó el caso'),
  unitId: uuidField('una unidad médica').optional(),
  category: caseCategorySchema.optional(),
  responsibleOfficialId: uuidField('un funcionario').optional(),
  waiting: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Solo casos sin reunión asignada'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---------- agreements ----------

export const agreementUpdateSchema = z
  .object({
    id: z.number().int(),
    meetingId: z.uuid().nullable(),
    meetingNumber: z.number().int().nullable(),
    entryDate: z.string(),
    text: z.string(),
    statusFrom: agreementStatusSchema,
    statusTo: agreementStatusSchema,
    recordedBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'AgreementUpdate' });

export const agreementSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    meetingNumber: z.number().int(),
    ordinal: z.number().int(),
    code: z.string().describe('«19/2»: reunión y orden de lectura'),
    text: z.string(),
    responsible: personRefSchema,
    responsibleArea: z.string().nullable(),
    dueMeetingNumber: z.number().int().nullable(),
    dueDate: z.string().nullable(),
    status: agreementStatusSchema,
    statusReason: z.string().nullable(),
    overdue: z.boolean().describe('Abierto y vencido (por fecha o porque ya pasó la reunión de vencimiento)'),
    completedAt: z.date().nullable(),
    updates: z.array(agreementUpdateSchema),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'Agreement' });

export const agreementInputSchema = z.object({
  text: text(2000),
  responsibleOfficialId: uuidField('un funcionario').nullish(),
  responsibleArea: optionalText(200),
  dueMeetingNumber: z.number().int().min(1).nullish(),
  dueDate: isoDate.nullish(),
});

export const agreementUpdateInputSchema = z.object({
  version: z.number().int().min(1),
  text: text(5000),
  entryDate: isoDate.optional(),
  meetingId: uuidField('una reunión').nullish(),
  status: agreementStatusSchema.optional(),
  statusReason: optionalText(1000).describe('Obligatorio para «cancelado»'),
});

export const agreementListQuery = z.object({
  status: statusListQuery(AGREEMENT_STATUSES),
  meeting: z.coerce.number().int().min(1).optional().describe('Número de la reunión en que se adoptó'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---------- meeting detail ----------

export const agendaCaseSchema = caseSchema
  .omit({ description: true, reporterName: true, reporterPhone: true })
  .extend({
    carriedOver: z.boolean().describe('Tomado en una reunión anterior y aún abierto (o revisado de nuevo en esta)'),
    updateInMeeting: z
      .object({
        id: z.number().int(),
        entryDate: z.string(),
        text: z.string(),
        officialId: z.string().nullable(),
        officialPosition: z.string().nullable(),
        statusFrom: caseStatusSchema,
        statusTo: caseStatusSchema,
      })
      .nullable()
      .describe('Última actualización registrada en esta reunión'),
  })
  .meta({ id: 'AgendaCase' });

export const meetingDetailSchema = meetingSummarySchema
  .extend({
    agenda: z.array(agendaItemSchema),
    attendees: z.array(attendeeSchema),
    cases: z.array(agendaCaseSchema).describe('Seguimiento de casos: los tomados en esta reunión y los abiertos de reuniones anteriores'),
    agreementsFollowUp: z.array(agreementSchema).describe('Seguimiento de acuerdos: abiertos de reuniones anteriores (y los revisados en esta)'),
    agreementsAdopted: z.array(agreementSchema),
    attachments: z.array(attachmentSchema).describe('Evidencia de firmas y otros documentos'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'MeetingDetail' });

export type MeetingInput = z.infer<typeof meetingInputSchema>;
export type MeetingPatch = z.infer<typeof meetingPatchSchema>;
export type AttendeeInput = z.infer<typeof attendeeInputSchema>;
export type CaseInput = z.infer<typeof caseInputSchema>;
export type CasePatch = z.infer<typeof casePatchSchema>;
export type CaseUpdateInput = z.infer<typeof caseUpdateInputSchema>;
export type CaseListQuery = z.infer<typeof caseListQuery>;
export type AgreementInput = z.infer<typeof agreementInputSchema>;
export type AgreementUpdateInput = z.infer<typeof agreementUpdateInputSchema>;
export type AgreementListQuery = z.infer<typeof agreementListQuery>;
export type CaseView = z.infer<typeof caseSchema>;
export type AgreementView = z.infer<typeof agreementSchema>;
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;
