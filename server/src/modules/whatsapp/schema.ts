import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { patientGuardians, patients } from '../patients/schema.ts';

export const OUTBOUND_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];
export const CONVERSATION_STATUSES = ['WAITING', 'ASSIGNED', 'CLOSED'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/**
 * Every inbound WhatsApp message exactly as delivered, stored before the webhook answers 200.
 * `wamid` is unique: Meta re-delivers for days, a repeat is recognised here and dropped. `id` orders
 * processing; `processed_at` is set in the same transaction as everything the message caused.
 */
export const waInbound = pgTable(
  'wa_inbound',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wamid: text('wamid').notNull(),
    phoneNumberId: text('phone_number_id'),
    /** Sender as Meta sent it (Mexican mobiles: 521 + 10 digits). */
    waId: varchar('wa_id', { length: 20 }).notNull(),
    /** One key per person: Mexican numbers as 52 + 10 digits. */
    contactPhone: varchar('contact_phone', { length: 20 }).notNull(),
    profileName: text('profile_name'),
    type: text('type').notNull(),
    /** Text, caption, or the title of the tapped button/row. */
    text: text('text'),
    /** Id of the tapped button/row (interactive replies and template quick replies). */
    replyId: text('reply_id'),
    mediaId: text('media_id'),
    payload: jsonb('payload').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** What processing did: REPLIED, HUMAN, OPTED_OUT, IGNORED, ERROR… */
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('wa_inbound_wamid_uq').on(t.wamid),
    index('wa_inbound_pending_idx').on(t.contactPhone, t.id).where(sql`${t.processedAt} IS NULL`),
    index('wa_inbound_contact_idx').on(t.contactPhone, t.id),
    index('wa_inbound_received_idx').on(t.receivedAt),
    // The media downloader walks the messages that carry a file.
    index('wa_inbound_media_idx').on(t.id).where(sql`${t.mediaId} IS NOT NULL`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The file of an inbound image, document, audio, video or sticker, downloaded through the Cloud API
 * (Meta keeps media for 30 days; its URL needs the bearer token and lasts minutes). One row per
 * message, made on the first attempt; RETRY rows are tried again at next_attempt_at.
 */
export const waMedia = pgTable(
  'wa_media',
  {
    inboundId: bigint('inbound_id', { mode: 'number' })
      .primaryKey()
      .references(() => waInbound.id),
    mediaId: text('media_id').notNull(),
    status: text('status', { enum: ['DOWNLOADED', 'RETRY', 'FAILED'] }).notNull(),
    mimeType: text('mime_type'),
    sha256: text('sha256'),
    bytes: integer('bytes'),
    content: bytea('content'),
    attempts: smallint('attempts').notNull().default(1),
    error: text('error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
  },
  (t) => [index('wa_media_retry_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'RETRY'`)],
);

/** Delivery statuses as Meta reports them (stored by the webhook; applied to wa_outbound monotonically by the worker). */
export const waStatusEvents = pgTable(
  'wa_status_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wamid: text('wamid').notNull(),
    /** Our wa_outbound id when Meta echoed it (biz_opaque_callback_data). */
    outboundId: uuid('outbound_id'),
    status: text('status').notNull(),
    recipientId: varchar('recipient_id', { length: 20 }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the worker applied the event to the outbox (the webhook only stores it). */
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [index('wa_status_events_wamid_idx').on(t.wamid), index('wa_status_events_pending_idx').on(t.id).where(sql`${t.appliedAt} IS NULL`)],
);

/** A WhatsApp user: one row per person, whatever form of their number Meta sends. */
export const waContacts = pgTable(
  'wa_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phone: varchar('phone', { length: 20 }).notNull(),
    /** Last wa_id Meta sent, kept exactly (replies go to it). */
    waId: varchar('wa_id', { length: 20 }).notNull(),
    profileName: text('profile_name'),
    /** BOT: the flow answers; HUMAN: a conversation is open in the staff inbox and the bot is silent. */
    mode: text('mode', { enum: ['BOT', 'HUMAN'] }).notNull().default('BOT'),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    verifyFailures: smallint('verify_failures').notNull().default(0),
    verifyLockedUntil: timestamp('verify_locked_until', { withTimezone: true }),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wa_contacts_phone_uq').on(t.phone)],
);

/** A contact verified as guardian of a child of the registry (CURP + birth date, or a one-time code). */
export const waContactChildren = pgTable(
  'wa_contact_children',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => waContacts.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    guardianId: uuid('guardian_id').references(() => patientGuardians.id),
    method: text('method', { enum: ['CURP', 'CODE'] }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.patientId] }), index('wa_contact_children_patient_idx').on(t.patientId)],
);

/** One-time codes that unit staff give a guardian to link their WhatsApp (stored hashed). */
export const waVerificationCodes = pgTable(
  'wa_verification_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeHash: text('code_hash').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    guardianId: uuid('guardian_id')
      .notNull()
      .references(() => patientGuardians.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => waContacts.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wa_verification_codes_hash_uq').on(t.codeHash)],
);

/** A conversation handed to a person (the staff inbox); at most one open per contact. */
export const waConversations = pgTable(
  'wa_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => waContacts.id),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('WAITING'),
    topic: text('topic').notNull(),
    note: text('note'),
    assignedTo: uuid('assigned_to').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    firstReplyAt: timestamp('first_reply_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    caseId: uuid('case_id'),
    supplyRequestId: uuid('supply_request_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('wa_conversations_open_uq').on(t.contactId).where(sql`${t.status} <> 'CLOSED'`),
    index('wa_conversations_status_idx').on(t.status, t.openedAt),
  ],
);

/** Every message we send: the outbox. Created in the same transaction as its cause; the sender delivers it. */
export const waOutbound = pgTable(
  'wa_outbound',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Global order of creation: a contact's messages leave in this order. */
    pos: bigint('pos', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => waContacts.id),
    toWaId: varchar('to_wa_id', { length: 20 }).notNull(),
    /** Set once the Cloud API accepted it. */
    wamid: text('wamid'),
    /** The inbound message that caused it, with its position among the replies: never two replies at one place. */
    inboundId: bigint('inbound_id', { mode: 'number' }),
    seq: smallint('seq').notNull().default(0),
    source: text('source', { enum: ['BOT', 'STAFF', 'SYSTEM'] }).notNull(),
    authorId: uuid('author_id').references(() => users.id),
    conversationId: uuid('conversation_id').references(() => waConversations.id),
    kind: text('kind', { enum: ['text', 'interactive', 'template'] }).notNull(),
    text: text('text').notNull(),
    /** The Cloud API message object (without `to`). */
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: OUTBOUND_STATUSES }).notNull().default('QUEUED'),
    /** SENT 1 < FAILED 2 < DELIVERED 3 < READ 4: a status never goes down. */
    statusRank: smallint('status_rank').notNull().default(0),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('wa_outbound_wamid_uq').on(t.wamid),
    uniqueIndex('wa_outbound_inbound_seq_uq').on(t.inboundId, t.seq),
    index('wa_outbound_contact_idx').on(t.contactId, t.createdAt),
    // The sender scans the queue in creation order and checks, per contact, for an earlier message still pending.
    index('wa_outbound_queue_idx').on(t.pos).where(sql`${t.status} = 'QUEUED'`),
    index('wa_outbound_pending_idx').on(t.contactId, t.pos).where(sql`${t.status} IN ('QUEUED', 'SENDING')`),
  ],
);

/** Flow definitions, versioned: a new version is a new row; conversations finish on the version they started. */
export const waFlows = pgTable(
  'wa_flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    comment: text('comment'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wa_flows_key_version_uq').on(t.key, t.version)],
);

/** Where each contact's conversation with the bot stands (one run per contact). */
export const waRuns = pgTable('wa_runs', {
  contactId: uuid('contact_id')
    .primaryKey()
    .references(() => waContacts.id),
  flowKey: text('flow_key').notNull(),
  flowVersion: integer('flow_version').notNull(),
  state: jsonb('state').notNull(),
  status: text('status', { enum: ['WAITING', 'COMPLETED', 'EXPIRED'] }).notNull(),
  waitExpiresAt: timestamp('wait_expires_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('wa_runs_wait_idx').on(t.waitExpiresAt).where(sql`${t.status} = 'WAITING'`)]);
