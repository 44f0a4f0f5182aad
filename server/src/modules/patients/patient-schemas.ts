import { z } from 'zod';
import { checkCurp } from '../registry/domain/curp.ts';
import { checkNss } from '../registry/domain/nss.ts';
import { STATE_NAMES } from '../units/states.ts';
import { SEXES, TREATMENT_STATUSES, VITAL_STATUSES } from './schema.ts';

const text = (max: number) => z.string().trim().min(1, 'es obligatorio').max(max, `no debe exceder ${max} caracteres`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `no debe exceder ${max} caracteres`)
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const isoDate = z.iso.date({ message: 'debe ser una fecha AAAA-MM-DD' });

export const curpField = z
  .string({ message: 'es obligatoria' })
  .trim()
  .toUpperCase()
  .transform((v, c) => {
    const r = checkCurp(v);
    if (!r.ok) {
      c.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.curp;
  })
  .describe('CURP de 18 caracteres; se validan formato, fecha, siglo y dígito verificador');

export const nssField = z
  .string()
  .trim()
  .transform((v, c) => {
    if (v === '') return null;
    const r = checkNss(v);
    if (!r.ok) {
      c.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.nss;
  })
  .nullish()
  .describe('Número de Seguridad Social (11 dígitos, dígito verificador); no es único: los menores usan el de su madre o padre');

export const sexSchema = z.enum(SEXES, { message: 'debe ser H (hombre) o M (mujer)' });

/** Mexican phone as typed ("55 1234 5678", "+52 1 55…") → E.164 digits without '+' (52 + 10 digits). */
export const phoneField = z
  .string()
  .trim()
  .transform((v, c) => {
    if (v === '') return null;
    let d = v.replace(/[\s().-]/g, '');
    if (d.startsWith('+')) d = d.slice(1);
    if (!/^\d+$/.test(d)) {
      c.addIssue({ code: 'custom', message: 'solo puede contener dígitos, espacios, guiones y un + inicial' });
      return z.NEVER;
    }
    if (d.length === 10) d = `52${d}`;
    else if (d.length === 13 && d.startsWith('521')) d = `52${d.slice(3)}`;
    if (!/^52\d{10}$/.test(d)) {
      c.addIssue({ code: 'custom', message: 'debe ser un teléfono de México de 10 dígitos (con o sin +52)' });
      return z.NEVER;
    }
    return d;
  })
  .nullish();

export const RELATIONSHIPS = ['MOTHER', 'FATHER', 'TUTOR', 'GRANDPARENT', 'OTHER'] as const;

export const guardianInputSchema = z.object({
  name: text(200),
  relationship: z.enum(RELATIONSHIPS, { message: 'debe ser MOTHER, FATHER, TUTOR, GRANDPARENT u OTHER' }),
  phone: phoneField,
  whatsapp: z.boolean().default(false),
  email: z.email({ message: 'no es un correo electrónico válido' }).max(200).nullish(),
  isPrimary: z.boolean().default(false),
});

export const CONSENT_KINDS = ['PRIVACY_NOTICE', 'TREATMENT', 'DATA_SHARING'] as const;
export const consentInputSchema = z.object({
  kind: z.enum(CONSENT_KINDS, { message: 'debe ser PRIVACY_NOTICE, TREATMENT o DATA_SHARING' }),
  grantedBy: text(200).describe('Quién otorga el consentimiento (madre, padre, tutor o el propio paciente)'),
  grantedOn: isoDate,
  documentVersion: optionalText(60),
});

export const patientInputSchema = z.object({
  curp: curpField,
  nss: nssField,
  agregado: optionalText(20).describe('Agregado médico del derechohabiente'),
  givenNames: text(120),
  firstSurname: text(120),
  secondSurname: optionalText(120),
  birthDate: isoDate,
  sex: sexSchema,
  state: z.enum(STATE_NAMES, { message: 'debe ser una entidad federativa de México' }).nullish(),
  municipality: optionalText(120),
  address: optionalText(300),
  unitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }),
  physicianName: optionalText(200),
  guardians: z.array(guardianInputSchema).max(6, 'no más de 6 responsables').default([]),
  consents: z.array(consentInputSchema).max(10).default([]),
  /** The user saw the CURP/data mismatch and confirms the entered data. */
  acceptCurpMismatch: z.boolean().default(false),
});
export type PatientInput = z.output<typeof patientInputSchema>;

export const patientPatchSchema = patientInputSchema
  .omit({ unitId: true, guardians: true, consents: true })
  .partial()
  .extend({
    acceptCurpMismatch: z.boolean().default(false),
    version: z.number().int().min(1).describe('Versión leída; si otra persona cambió el registro se responde 409'),
  });
export type PatientPatch = z.output<typeof patientPatchSchema>;

export const guardianSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  phone: z.string().nullable(),
  whatsapp: z.boolean(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const consentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  grantedBy: z.string(),
  grantedOn: z.string(),
  documentVersion: z.string().nullable(),
  revokedOn: z.string().nullable(),
});

export const patientSummarySchema = z
  .object({
    id: z.uuid(),
    curp: z.string(),
    nss: z.string().nullable(),
    givenNames: z.string(),
    firstSurname: z.string(),
    secondSurname: z.string().nullable(),
    birthDate: z.string(),
    sex: sexSchema,
    unitId: z.uuid(),
    unitName: z.string(),
    pediatric: z.boolean(),
    treatmentStatus: z.enum(TREATMENT_STATUSES),
    vitalStatus: z.enum(VITAL_STATUSES),
    registeredAt: z.date(),
  })
  .meta({ id: 'PatientSummary' });

export const patientSchema = patientSummarySchema
  .extend({
    agregado: z.string().nullable(),
    state: z.string().nullable(),
    municipality: z.string().nullable(),
    address: z.string().nullable(),
    physicianName: z.string().nullable(),
    unitClues: z.string(),
    statusSince: z.string(),
    deathDate: z.string().nullable(),
    lastContactOn: z.string().nullable(),
    lastTreatmentOn: z.string().nullable(),
    curativeIntent: z.boolean(),
    mergedInto: z.uuid().nullable(),
    version: z.number().int(),
    guardians: z.array(guardianSchema),
    consents: z.array(consentSchema),
    transfers: z.array(
      z.object({
        id: z.uuid(),
        fromUnitId: z.uuid(),
        fromUnitName: z.string(),
        toUnitId: z.uuid(),
        toUnitName: z.string(),
        transferredOn: z.string(),
        reason: z.string(),
      }),
    ),
    merges: z.array(z.object({ mergedId: z.uuid(), mergedCurp: z.string(), reason: z.string(), mergedAt: z.date() })),
  })
  .meta({ id: 'Patient' });

export const duplicateCandidateSchema = z.object({
  /** Null when the record is in a unit the user may not see: only the unit is named. */
  id: z.uuid().nullable(),
  reason: z.enum(['SAME_CURP', 'SIMILAR_NAME_SAME_BIRTH_DATE']),
  similarity: z.number(),
  unitName: z.string(),
  fullName: z.string().nullable(),
  curp: z.string().nullable(),
  birthDate: z.string().nullable(),
});

export type PatientDetail = z.infer<typeof patientSchema>;
