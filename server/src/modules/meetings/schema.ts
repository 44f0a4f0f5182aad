import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, customType, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { patients } from '../patients/schema.ts';
import { units } from '../units/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const MEETING_MODALITIES = ['VIRTUAL', 'IN_PERSON', 'HYBRID'] as const;
export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CLOSED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** One item of a meeting's agenda (orden del día); `notes` is what was said, written during the meeting. */
export interface AgendaItem {
  key: string;
  title: string;
  notes: string;
}

/**
 * People who answer for cases and agreements: officials of the institution (director general,
 * area heads, hospital directors). A user account is optional: contacts without an account are
 * named in minutes but follow their cases through the coordination staff.
 */
export const officials = pgTable(
  'officials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** "Dr. Enrique López Aguilar": honorific included, as the minute prints it. */
    name: text('name').notNull(),
    position: text('position').notNull(),
    /** Area or directorate acronym: DPM, DA, DVIED, DIDT, or the hospital. */
    area: text('area').notNull(),
    userId: uuid('user_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('officials_user_uq').on(t.userId).where(sql`${t.userId} IS NOT NULL`)],
);

/** Weekly meeting between officials and families (Thursday 18:00 America/Mexico_City). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Consecutive across the whole process: the 18th, the 46th… */
    number: integer('number').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** Not a Thursday at 18:00 (extraordinary session): allowed, flagged. */
    extraordinary: boolean('extraordinary').notNull().default(false),
    modality: text('modality', { enum: MEETING_MODALITIES }).notNull(),
    platform: text('platform'),
    link: text('link'),
    location: text('location'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('PLANNED'),
    /** Families send their participants list by this instant (Tuesday 23:59:59 before the meeting). */
    familiesDeadline: timestamp('families_deadline', { withTimezone: true }).notNull(),
    /** Cases received up to this instant go on this meeting's agenda (same Tuesday deadline). */
    casesDeadline: timestamp('cases_deadline', { withTimezone: true }).notNull(),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meetings_number_uq').on(t.number),
    index('meetings_scheduled_idx').on(t.scheduledAt),
    check('meetings_number_check', sql`${t.number} > 0`),
    check('meetings_times_check', sql`${t.endedAt} IS NULL OR ${t.startedAt} IS NULL OR ${t.endedAt} >= ${t.startedAt}`),
  ],
);

export const ATTENDEE_KINDS = ['OFFICIAL', 'FAMILY'] as const;
export const FAMILY_RELATIONSHIPS = ['MOTHER', 'FATHER', 'GUARDIAN', 'GRANDPARENT', 'OTHER'] as const;

/**
 * Who was invited/listed and who attended. Officials carry a copy of their name and position at
 * the time (positions change; the minute must not). Family members' surnames are protected data:
 * published documents show first names only.
 */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    kind: text('kind', { enum: ATTENDEE_KINDS }).notNull(),
    officialId: uuid('official_id').references(() => officials.id),
    /** Official: full name with honorific. Family: given names only. */
    name: text('name').notNull(),
    /** Family members only; never published. */
    surnames: text('surnames'),
    position: text('position'),
    area: text('area'),
    relationship: text('relationship', { enum: FAMILY_RELATIONSHIPS }),
    /** Family: the hospital where the child is treated (the minute lists it). */
    unitId: uuid('unit_id').references(() => units.id),
    patientId: uuid('patient_id').references(() => patients.id),
    /** Listed after the families' deadline (accepted on explicit confirmation). */
    late: boolean('late').notNull().default(false),
    attended: boolean('attended'),
    listedAt: timestamp('listed_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('meeting_attendees_meeting_idx').on(t.meetingId, t.kind),
    uniqueIndex('meeting_attendees_official_uq').on(t.meetingId, t.officialId).where(sql`${t.officialId} IS NOT NULL`),
    check('meeting_attendees_kind_check', sql`(${t.kind} = 'OFFICIAL') = (${t.officialId} IS NOT NULL)`),
  ],
);

export const CASE_CATEGORIES = [
  'BONE_MARROW_TRANSPLANT',
  'APPOINTMENT',
  'SECOND_OPINION',
  'PALLIATIVE_CARE',
  'MISSING_MEDICATION',
  'LAB_OR_IMAGING_STUDY',
  'TREATMENT_FOLLOW_UP',
  'STAFF_CONDUCT',
  'OTHER',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_CHANNELS = ['EMAIL', 'CHATBOT', 'MEETING', 'OFFICIAL_LETTER'] as const;
export const CASE_STATUSES = ['RECEIVED', 'IN_FOLLOW_UP', 'RESOLVED', 'CLOSED', 'NOT_APPLICABLE'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_CASE_STATUSES: CaseStatus[] = ['RECEIVED', 'IN_FOLLOW_UP'];

/** The single counter of case sequences (gap-free: incremented inside the assigning transaction). */
export const caseSequence = pgTable('case_sequence', {
  id: smallint('id').primaryKey().default(1),
  last: integer('last').notNull().default(0),
});

/**
 * Caso específico: a family's concrete problem. It receives its code "CE {meeting}.{sequence}"
 * when it is taken into a meeting; the sequence is consecutive across the whole process.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Meeting the case was taken into (its code's first number); null while waiting for one. */
    meetingId: uuid('meeting_id').references(() => meetings.id),
    meetingNumber: integer('meeting_number'),
    sequence: integer('sequence'),
    /** "19.61" (shown as "CE 19.61"). */
    code: text('code'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    category: text('category', { enum: CASE_CATEGORIES }).notNull(),
    /** Short public-safe title: "Falta prednisona", "Cita por Estomatología". No names. */
    title: text('title').notNull(),
    /** The family's account of the problem (protected: never published). */
    description: text('description'),
    patientId: uuid('patient_id').references(() => patients.id),
    /** Child's name when the patient is not (yet) in the registry; protected. */
    patientName: text('patient_name'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Who reported it (parent/tutor); protected. */
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    responsibleOfficialId: uuid('responsible_official_id').references(() => officials.id),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('RECEIVED'),
    /** Required for NOT_APPLICABLE. */
    statusReason: text('status_reason'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_code_uq').on(t.code),
    uniqueIndex('cases_sequence_uq').on(t.sequence),
    // The case list orders by (received_at DESC, id DESC) and pages by keyset on it.
    index('cases_received_idx').on(t.receivedAt, t.id),
    index('cases_status_idx').on(t.status, t.receivedAt, t.id),
    index('cases_meeting_idx').on(t.meetingNumber, t.receivedAt, t.id),
    index('cases_unit_idx').on(t.unitId, t.receivedAt, t.id),
    index('cases_responsible_idx').on(t.responsibleOfficialId, t.receivedAt),
    index('cases_patient_idx').on(t.patientId),
    index('cases_waiting_idx').on(t.receivedAt).where(sql`${t.meetingId} IS NULL`),
    check('cases_code_check', sql`(${t.code} IS NULL) = (${t.sequence} IS NULL) AND (${t.code} IS NULL) = (${t.meetingNumber} IS NULL)`),
    check('cases_reason_check', sql`${t.status} <> 'NOT_APPLICABLE' OR ${t.statusReason} IS NOT NULL`),
  ],
);

/** A dated follow-up entry: each review of a case, in a meeting or between meetings. */
export const caseUpdates = pgTable(
  'case_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    entryDate: date('entry_date').notNull(),
    text: text('text').notNull(),
    /** Official who reported the update ("El Dr. Enrique López indicó que…"). */
    officialId: uuid('official_id').references(() => officials.id),
    statusFrom: text('status_from', { enum: CASE_STATUSES }).notNull(),
    statusTo: text('status_to', { enum: CASE_STATUSES }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_updates_case_idx').on(t.caseId, t.id), index('case_updates_meeting_idx').on(t.meetingId, t.caseId)],
);

export const AGREEMENT_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Acuerdo: a commitment read at the close of a meeting, followed until done or cancelled. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** Order within the meeting: "Acuerdo 19/2". */
    ordinal: smallint('ordinal').notNull(),
    text: text('text').notNull(),
    responsibleOfficialId: uuid('responsible_official_id').references(() => officials.id),
    /** Responsible area when no single person answers ("Coordinación de Control de Abasto – DA"). */
    responsibleArea: text('responsible_area'),
    dueMeetingNumber: integer('due_meeting_number'),
    dueDate: date('due_date'),
    status: text('status', { enum: AGREEMENT_STATUSES }).notNull().default('PENDING'),
    statusReason: text('status_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agreements_meeting_ordinal_uq').on(t.meetingId, t.ordinal),
    index('agreements_status_idx').on(t.status, t.createdAt),
    check('agreements_responsible_check', sql`${t.responsibleOfficialId} IS NOT NULL OR ${t.responsibleArea} IS NOT NULL`),
  ],
);

export const agreementUpdates = pgTable(
  'agreement_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    entryDate: date('entry_date').notNull(),
    text: text('text').notNull(),
    statusFrom: text('status_from', { enum: AGREEMENT_STATUSES }).notNull(),
    statusTo: text('status_to', { enum: AGREEMENT_STATUSES }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_updates_agreement_idx').on(t.agreementId, t.id), index('agreement_updates_meeting_idx').on(t.meetingId)],
);

export const ATTACHMENT_OWNERS = ['MEETING', 'CASE'] as const;

/**
 * Files attached to a meeting (evidence of signatures: photos or the signed sheet as PDF) or to a
 * case. Content is sniffed on upload (JPEG, PNG, WebP, PDF), never trusted from the file name.
 */
export const meetingAttachments = pgTable(
  'meeting_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type', { enum: ATTACHMENT_OWNERS }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    description: text('description'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_attachments_owner_idx').on(t.ownerType, t.ownerId, t.createdAt)],
);

export const BULLETIN_STATUSES = ['DRAFT', 'APPROVED'] as const;

/** The public press bulletin of a meeting: drafted from the record, edited and approved by staff. */
export const meetingBulletins = pgTable('meeting_bulletins', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  status: text('status', { enum: BULLETIN_STATUSES }).notNull().default('DRAFT'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
});
