import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { units } from '../units/schema.ts';

export const SEXES = ['H', 'M'] as const;
export const TREATMENT_STATUSES = [
  'NEW', // registered, no treatment yet
  'ON_TREATMENT',
  'SURVEILLANCE',
  'COMPLETED',
  'REFUSED',
  'ABANDONED',
  'PALLIATIVE',
  'DECEASED',
  'TRANSFERRED',
] as const;
export type TreatmentStatus = (typeof TREATMENT_STATUSES)[number];
export const VITAL_STATUSES = ['ALIVE', 'DECEASED', 'UNKNOWN'] as const;

/**
 * Every patient of the network (APO registry). One row per person: CURP is unique among the
 * records that have not been merged into another. Clinical facts live in the clinical module.
 */
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: varchar('curp', { length: 18 }).notNull(),
    nss: varchar('nss', { length: 11 }),
    agregado: text('agregado'),
    givenNames: text('given_names').notNull(),
    firstSurname: text('first_surname').notNull(),
    secondSurname: text('second_surname'),
    /**
     * lower-case, accent-free "first second given" for prefix and trigram search. COLLATE "C" (set
     * in migration 0003; Drizzle does not model collations) so one btree serves both LIKE 'x%' and
     * ORDER BY search_name, id.
     */
    searchName: text('search_name').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: SEXES }).notNull(),
    state: text('state'),
    municipality: text('municipality'),
    address: text('address'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    physicianName: text('physician_name'),
    /** Age < 18 at diagnosis (at registration while no diagnosis is recorded). */
    pediatric: boolean('pediatric').notNull(),
    treatmentStatus: text('treatment_status', { enum: TREATMENT_STATUSES }).notNull().default('NEW'),
    statusSince: date('status_since').notNull(),
    vitalStatus: text('vital_status', { enum: VITAL_STATUSES }).notNull().default('ALIVE'),
    deathDate: date('death_date'),
    /** Latest contact of any kind (follow-up, cycle, administration). */
    lastContactOn: date('last_contact_on'),
    /** Latest treatment event (cycle given, administration, radiotherapy, surgery, transplant). */
    lastTreatmentOn: date('last_treatment_on'),
    /** A curative plan is active: abandonment tracing applies. */
    curativeIntent: boolean('curative_intent').notNull().default(false),
    /** A user recorded why the patient has no treatment event (clears the abandonment worklist until the next gap). */
    traceReasonOn: date('trace_reason_on'),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    registeredBy: uuid('registered_by').references(() => users.id),
    mergedInto: uuid('merged_into'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('patients_curp_live_idx').on(t.curp).where(sql`${t.mergedInto} IS NULL`),
    index('patients_curp_idx').on(t.curp),
    index('patients_nss_idx').on(t.nss),
    index('patients_search_name_idx').on(t.searchName, t.id),
    index('patients_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('patients_unit_name_idx').on(t.unitId, t.searchName, t.id),
    index('patients_unit_status_idx').on(t.unitId, t.treatmentStatus),
    index('patients_birth_date_idx').on(t.birthDate),
    index('patients_registered_at_idx').on(t.registeredAt),
    check('patients_sex_check', sql`${t.sex} IN ('H', 'M')`),
    check('patients_curp_check', sql`${t.curp} ~ '^[A-Z][AEIOUX][A-Z]{2}[0-9]{6}[HMX][A-Z]{5}[A-Z0-9][0-9]$'`),
    check('patients_nss_check', sql`${t.nss} IS NULL OR ${t.nss} ~ '^[0-9]{11}$'`),
  ],
);

/** Mother, father or tutor: who the unit and the ChatBot reach. */
export const patientGuardians = pgTable(
  'patient_guardians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    name: text('name').notNull(),
    relationship: text('relationship', { enum: ['MOTHER', 'FATHER', 'TUTOR', 'GRANDPARENT', 'OTHER'] }).notNull(),
    /** E.164 without '+', Mexican mobiles as 52 + 10 digits. */
    phone: varchar('phone', { length: 15 }),
    whatsapp: boolean('whatsapp').notNull().default(false),
    email: text('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patient_guardians_patient_idx').on(t.patientId), index('patient_guardians_phone_idx').on(t.phone)],
);

/** Consent and privacy-notice records (LGPDPPSO; NOM-004 informed consent). */
export const patientConsents = pgTable(
  'patient_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind', { enum: ['PRIVACY_NOTICE', 'TREATMENT', 'DATA_SHARING'] }).notNull(),
    grantedBy: text('granted_by').notNull(),
    grantedOn: date('granted_on').notNull(),
    documentVersion: text('document_version'),
    revokedOn: date('revoked_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patient_consents_patient_idx').on(t.patientId)],
);

/** Every change of treating unit; the history is kept with the patient. */
export const patientTransfers = pgTable(
  'patient_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => units.id),
    transferredOn: date('transferred_on').notNull(),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patient_transfers_patient_idx').on(t.patientId)],
);

/** Audited merges of duplicate records: the merged record stays, pointing at the survivor. */
export const patientMerges = pgTable(
  'patient_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => patients.id),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => patients.id)
      .unique(),
    reason: text('reason').notNull(),
    /** Counts of rows moved per table, for the record. */
    moved: text('moved').notNull(),
    mergedBy: uuid('merged_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patient_merges_survivor_idx').on(t.survivorId)],
);
