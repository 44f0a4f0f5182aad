/** The only SQL of the WhatsApp module. */
import { sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, rowsOf, withDates, type Db } from '../../platform/db/gateway.ts';
import type { InboundRow, StatusRow } from './parse-webhook.ts';
import type { OutboundStatus } from './schema.ts';

const ts = (column: string) => sql.raw(isoTimestamp(column));
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

// ---------------------------------------------------------------------------------------------
// Intake: one statement per delivery (messages deduplicated by wamid, statuses applied upwards)
// ---------------------------------------------------------------------------------------------

/** Status rank: SENT 1 < FAILED 2 < DELIVERED 3 < READ 4, so a late "delivered" never undoes "read". */
const rankOf = (col: string) =>
  sql.raw(`(CASE ${col} WHEN 'sent' THEN 1 WHEN 'failed' THEN 2 WHEN 'delivered' THEN 3 WHEN 'read' THEN 4 ELSE 0 END)`);

/** Applies status events (rows of `source` with wamid, status, occurred_at, error_code, error_title) to the outbox. */
function applyStatuses(source: SQL): SQL {
  return sql`UPDATE wa_outbound o SET
      status = CASE WHEN x.rank > o.status_rank THEN x.status ELSE o.status END,
      status_rank = GREATEST(o.status_rank, x.rank),
      delivered_at = COALESCE(o.delivered_at, x.delivered_at, x.read_at),
      read_at = COALESCE(o.read_at, x.read_at),
      error_code = COALESCE(x.error_code, o.error_code),
      error_title = COALESCE(x.error_title, o.error_title)
    FROM (
      SELECT e.wamid, max(${rankOf('e.status')}) AS rank,
             upper((array_agg(e.status ORDER BY ${rankOf('e.status')} DESC))[1]) AS status,
             min(e.occurred_at) FILTER (WHERE e.status = 'delivered') AS delivered_at,
             min(e.occurred_at) FILTER (WHERE e.status = 'read') AS read_at,
             max(e.error_code) AS error_code, max(e.error_title) AS error_title
      FROM ${source} GROUP BY e.wamid
    ) x
    WHERE o.wamid = x.wamid AND x.rank > 0`;
}

const INBOUND_RECORD = sql.raw(
  `x(wamid text, "phoneNumberId" text, "waId" text, "contactPhone" text, "profileName" text, type text, text text, "replyId" text, "mediaId" text, payload jsonb, "sentAt" timestamptz)`,
);
const STATUS_RECORD = sql.raw(
  `e(wamid text, "outboundId" uuid, status text, "recipientId" text, "occurredAt" timestamptz, "errorCode" int, "errorTitle" text, payload jsonb)`,
);

/**
 * A status for a message whose wamid we never recorded (the process died between Meta's answer and
 * our write, so the row was marked failed as "interrupted", error_code null): Meta echoes our id in
 * biz_opaque_callback_data, so the row adopts the wamid and the status. Disjoint from the rows
 * applyStatuses touches (those have a wamid), so both can run in one statement.
 */
function adoptStatuses(source: SQL): SQL {
  return sql`UPDATE wa_outbound o SET wamid = x.wamid, status = x.status, status_rank = x.rank, sent_at = COALESCE(o.sent_at, x.sent_at),
      delivered_at = COALESCE(x.delivered_at, x.read_at), read_at = x.read_at, error_code = x.error_code, error_title = x.error_title
    FROM (
      SELECT e.outbound_id, min(e.wamid) AS wamid, max(${rankOf('e.status')}) AS rank,
             upper((array_agg(e.status ORDER BY ${rankOf('e.status')} DESC))[1]) AS status,
             min(e.occurred_at) AS sent_at,
             min(e.occurred_at) FILTER (WHERE e.status = 'delivered') AS delivered_at,
             min(e.occurred_at) FILTER (WHERE e.status = 'read') AS read_at,
             max(e.error_code) AS error_code, max(e.error_title) AS error_title
      FROM ${source} WHERE e.outbound_id IS NOT NULL GROUP BY e.outbound_id
    ) x
    WHERE o.id = x.outbound_id AND o.wamid IS NULL AND x.rank > 0
      AND (o.status = 'SENDING' OR (o.status = 'FAILED' AND o.error_code IS NULL))`;
}

/**
 * Stores a delivery durably in one statement: new messages (a known wamid is skipped) and the status
 * events, which the worker applies to the outbox afterwards (applyPendingStatuses): the webhook's
 * answer waits only for two inserts. Returns the new message count.
 */
export async function storeDelivery(db: Db, messages: InboundRow[], statuses: StatusRow[]): Promise<number> {
  const parts: SQL[] = [];
  if (messages.length) {
    parts.push(sql`m AS (
      INSERT INTO wa_inbound (wamid, phone_number_id, wa_id, contact_phone, profile_name, type, text, reply_id, media_id, payload, sent_at)
      SELECT x.wamid, x."phoneNumberId", x."waId", x."contactPhone", x."profileName", x.type, x.text, x."replyId", x."mediaId", x.payload, x."sentAt"
      FROM jsonb_to_recordset(${JSON.stringify(messages)}::jsonb) AS ${INBOUND_RECORD}
      ON CONFLICT (wamid) DO NOTHING RETURNING 1)`);
  }
  if (statuses.length) {
    parts.push(sql`s AS (
      INSERT INTO wa_status_events (wamid, outbound_id, status, recipient_id, occurred_at, error_code, error_title, payload)
      SELECT e.wamid, e."outboundId", e.status, e."recipientId", e."occurredAt", e."errorCode", e."errorTitle", e.payload
      FROM jsonb_to_recordset(${JSON.stringify(statuses)}::jsonb) AS ${STATUS_RECORD} RETURNING 1)`);
  }
  if (!parts.length) return 0;
  const count = messages.length ? sql`(SELECT count(*)::int FROM m)` : sql`0`;
  const rows = await rowsOf<{ inserted: number }>(db, sql`WITH ${sql.join(parts, sql`, `)} SELECT ${count} AS inserted`);
  return rows[0]?.inserted ?? 0;
}

/**
 * Applies a batch of stored, not yet applied status events to the outbox (monotonic, so batches may
 * come in any order) and adopts the wamids Meta echoed for interrupted sends. Returns the events handled.
 */
export async function applyPendingStatuses(db: Db, limit: number): Promise<number> {
  const rows = await rowsOf<{ n: number }>(
    db,
    sql`WITH e AS (
          UPDATE wa_status_events SET applied_at = now()
          WHERE id IN (SELECT id FROM wa_status_events WHERE applied_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING wamid, outbound_id, status, occurred_at, error_code, error_title),
        u AS (${applyStatuses(sql`e`)} RETURNING 1),
        a AS (${adoptStatuses(sql`e`)} RETURNING 1)
        SELECT count(*)::int AS n FROM e`,
  );
  return rows[0]?.n ?? 0;
}

/** Re-applies the stored status events of these wamids (statuses that arrived before we recorded the wamid). */
export async function reapplyStatuses(db: Db, wamids: readonly string[]): Promise<void> {
  if (!wamids.length) return;
  await db.execute(
    applyStatuses(sql`(SELECT wamid, status, occurred_at, error_code, error_title FROM wa_status_events
                       WHERE wamid = ANY(${`{${wamids.map((w) => `"${w.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])) e`),
  );
}

// ---------------------------------------------------------------------------------------------
// Processing
// ---------------------------------------------------------------------------------------------

/** Contacts with messages waiting, oldest first. */
export async function pendingContacts(db: Db, limit: number): Promise<string[]> {
  const rows = await rowsOf<{ phone: string }>(
    db,
    sql`SELECT contact_phone AS phone FROM wa_inbound WHERE processed_at IS NULL GROUP BY contact_phone ORDER BY min(id) LIMIT ${limit}`,
  );
  return rows.map((r) => r.phone);
}

/** Serialises all processing of one contact (every process, every worker) until the transaction ends. */
export async function lockContact(db: Db, phone: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`wa:${phone}`}))`);
}

export interface PendingMessage {
  id: number;
  wamid: string;
  waId: string;
  profileName: string | null;
  type: string;
  text: string | null;
  replyId: string | null;
  sentAt: string;
}

export async function pendingMessages(db: Db, phone: string, limit: number): Promise<PendingMessage[]> {
  return rowsOf<PendingMessage>(
    db,
    sql`SELECT id::int, wamid, wa_id AS "waId", profile_name AS "profileName", type, text, reply_id AS "replyId", ${ts('sent_at')} AS "sentAt"
        FROM wa_inbound WHERE contact_phone = ${phone} AND processed_at IS NULL ORDER BY id LIMIT ${limit}`,
  );
}

export async function markProcessed(db: Db, outcomes: { id: number; outcome: string }[]): Promise<void> {
  if (!outcomes.length) return;
  await db.execute(
    sql`UPDATE wa_inbound i SET processed_at = now(), outcome = x.outcome
        FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) AS x(id bigint, outcome text) WHERE i.id = x.id`,
  );
}

export interface ContactRow {
  id: string;
  phone: string;
  waId: string;
  profileName: string | null;
  mode: 'BOT' | 'HUMAN';
  optedOutAt: string | null;
  lastInboundAt: string | null;
  verifyFailures: number;
  verifyLockedUntil: string | null;
  fields: Record<string, string>;
}

const contactColumns = sql`c.id, c.phone, c.wa_id AS "waId", c.profile_name AS "profileName", c.mode, ${ts('c.opted_out_at')} AS "optedOutAt",
  ${ts('c.last_inbound_at')} AS "lastInboundAt", c.verify_failures AS "verifyFailures", ${ts('c.verify_locked_until')} AS "verifyLockedUntil", c.fields`;

/** Creates or refreshes the contact of an inbound message (last wa_id and profile name, window start). */
export async function upsertContact(db: Db, v: { phone: string; waId: string; profileName: string | null; lastInboundAt: string }): Promise<ContactRow> {
  return (
    await rowsOf<ContactRow>(
      db,
      sql`INSERT INTO wa_contacts AS c (phone, wa_id, profile_name, last_inbound_at)
          VALUES (${v.phone}, ${v.waId}, ${v.profileName}, ${v.lastInboundAt}::timestamptz)
          ON CONFLICT (phone) DO UPDATE SET wa_id = EXCLUDED.wa_id, profile_name = COALESCE(EXCLUDED.profile_name, c.profile_name),
            last_inbound_at = GREATEST(c.last_inbound_at, EXCLUDED.last_inbound_at), updated_at = now()
          RETURNING ${contactColumns}`,
    )
  )[0]!;
}

export async function findContact(db: Db, where: { id?: string; phone?: string }): Promise<ContactRow | undefined> {
  const cond = where.id ? sql`c.id = ${where.id}` : sql`c.phone = ${where.phone ?? ''}`;
  return (await rowsOf<ContactRow>(db, sql`SELECT ${contactColumns} FROM wa_contacts c WHERE ${cond}`))[0];
}

export async function updateContact(
  db: Db,
  id: string,
  v: { mode?: 'BOT' | 'HUMAN'; optedOut?: boolean; fields?: Record<string, string>; verifyFailures?: number; verifyLockedUntil?: Date | null },
): Promise<void> {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (v.mode) sets.push(sql`mode = ${v.mode}`);
  if (v.optedOut !== undefined) sets.push(v.optedOut ? sql`opted_out_at = now()` : sql`opted_out_at = NULL`);
  if (v.fields) sets.push(sql`fields = fields || ${JSON.stringify(v.fields)}::jsonb`);
  if (v.verifyFailures !== undefined) sets.push(sql`verify_failures = ${v.verifyFailures}`);
  if (v.verifyLockedUntil !== undefined) sets.push(sql`verify_locked_until = ${v.verifyLockedUntil?.toISOString() ?? null}::timestamptz`);
  await db.execute(sql`UPDATE wa_contacts SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
}

export async function contactChildIds(db: Db, contactId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`SELECT patient_id AS id FROM wa_contact_children WHERE contact_id = ${contactId} ORDER BY verified_at`);
  return rows.map((r) => r.id);
}

export async function linkChild(db: Db, v: { contactId: string; patientId: string; guardianId: string | null; method: 'CURP' | 'CODE' }): Promise<void> {
  await db.execute(
    sql`INSERT INTO wa_contact_children (contact_id, patient_id, guardian_id, method) VALUES (${v.contactId}, ${v.patientId}, ${v.guardianId}, ${v.method})
        ON CONFLICT (contact_id, patient_id) DO UPDATE SET guardian_id = EXCLUDED.guardian_id, method = EXCLUDED.method, verified_at = now()`,
  );
}

/** Name of the guardian behind a verified contact (for the case's reporter), if the link carries one. */
export async function guardianNameOf(db: Db, contactId: string, patientId: string): Promise<string | null> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`SELECT g.name FROM wa_contact_children l JOIN patient_guardians g ON g.id = l.guardian_id WHERE l.contact_id = ${contactId} AND l.patient_id = ${patientId}`,
  );
  return rows[0]?.name ?? null;
}

// Verification codes ------------------------------------------------------------------------------

export async function insertVerificationCode(db: Db, v: { codeHash: string; patientId: string; guardianId: string; expiresAt: Date; createdBy: string }): Promise<void> {
  await db.execute(
    sql`INSERT INTO wa_verification_codes (code_hash, patient_id, guardian_id, expires_at, created_by)
        VALUES (${v.codeHash}, ${v.patientId}, ${v.guardianId}, ${v.expiresAt.toISOString()}::timestamptz, ${v.createdBy})`,
  );
}

/** Consumes a valid code (unused, unexpired) for this contact; returns what it links, or nothing. */
export async function consumeVerificationCode(db: Db, codeHash: string, contactId: string, now: Date): Promise<{ patientId: string; guardianId: string } | undefined> {
  return (
    await rowsOf<{ patientId: string; guardianId: string }>(
      db,
      sql`UPDATE wa_verification_codes SET used_at = now(), used_by = ${contactId}
          WHERE code_hash = ${codeHash} AND used_at IS NULL AND expires_at > ${now.toISOString()}::timestamptz
          RETURNING patient_id AS "patientId", guardian_id AS "guardianId"`,
    )
  )[0];
}

// Runs and flows ------------------------------------------------------------------------------------

export async function findRun(db: Db, contactId: string): Promise<{ state: unknown } | undefined> {
  return (await rowsOf<{ state: unknown }>(db, sql`SELECT state FROM wa_runs WHERE contact_id = ${contactId}`))[0];
}

export async function saveRun(
  db: Db,
  contactId: string,
  run: { flowKey: string; flowVersion: number; status: string; waitExpiresAt: string | null } | null,
  state: unknown,
): Promise<void> {
  if (!run) {
    await db.execute(sql`DELETE FROM wa_runs WHERE contact_id = ${contactId}`);
    return;
  }
  await db.execute(
    sql`INSERT INTO wa_runs (contact_id, flow_key, flow_version, state, status, wait_expires_at, updated_at)
        VALUES (${contactId}, ${run.flowKey}, ${run.flowVersion}, ${JSON.stringify(state)}::jsonb, ${run.status}, ${run.waitExpiresAt}::timestamptz, now())
        ON CONFLICT (contact_id) DO UPDATE SET flow_key = EXCLUDED.flow_key, flow_version = EXCLUDED.flow_version, state = EXCLUDED.state,
          status = EXCLUDED.status, wait_expires_at = EXCLUDED.wait_expires_at, updated_at = now()`,
  );
}

/** Runs whose wait timed out, with their contact's phone (for the lock). */
export async function timedOutRuns(db: Db, now: Date, limit: number): Promise<{ contactId: string; phone: string }[]> {
  return rowsOf(
    db,
    sql`SELECT r.contact_id AS "contactId", c.phone FROM wa_runs r JOIN wa_contacts c ON c.id = r.contact_id
        WHERE r.status = 'WAITING' AND r.wait_expires_at <= ${now.toISOString()}::timestamptz ORDER BY r.wait_expires_at LIMIT ${limit}`,
  );
}

export interface FlowRow {
  key: string;
  version: number;
  name: string;
  definition: unknown;
  comment: string | null;
  createdAt: Date;
  createdBy: { id: string; displayName: string } | null;
}

const flowColumns = sql`f.key, f.version, f.name, f.definition, f.comment, ${ts('f.created_at')} AS "createdAt",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "createdBy"`;

export async function latestFlow(db: Db, key: string): Promise<FlowRow | undefined> {
  return withDates(
    await rowsOf<FlowRow>(db, sql`SELECT ${flowColumns} FROM wa_flows f LEFT JOIN users u ON u.id = f.created_by WHERE f.key = ${key} ORDER BY f.version DESC LIMIT 1`),
    ['createdAt'],
  )[0];
}

export async function flowVersion(db: Db, key: string, version: number): Promise<FlowRow | undefined> {
  return withDates(
    await rowsOf<FlowRow>(db, sql`SELECT ${flowColumns} FROM wa_flows f LEFT JOIN users u ON u.id = f.created_by WHERE f.key = ${key} AND f.version = ${version}`),
    ['createdAt'],
  )[0];
}

export async function flowVersions(db: Db, key: string): Promise<Omit<FlowRow, 'definition'>[]> {
  return withDates(
    await rowsOf<FlowRow>(
      db,
      sql`SELECT f.key, f.version, f.name, f.comment, ${ts('f.created_at')} AS "createdAt",
            CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "createdBy"
          FROM wa_flows f LEFT JOIN users u ON u.id = f.created_by WHERE f.key = ${key} ORDER BY f.version DESC`,
    ),
    ['createdAt'],
  );
}

export async function latestFlows(db: Db): Promise<Omit<FlowRow, 'definition'>[]> {
  return withDates(
    await rowsOf<FlowRow>(
      db,
      sql`SELECT DISTINCT ON (f.key) f.key, f.version, f.name, f.comment, ${ts('f.created_at')} AS "createdAt",
            CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "createdBy"
          FROM wa_flows f LEFT JOIN users u ON u.id = f.created_by ORDER BY f.key, f.version DESC`,
    ),
    ['createdAt'],
  );
}

/** Inserts a version; the unique (key, version) makes two concurrent publications of the same base a conflict. */
export async function insertFlow(db: Db, v: { key: string; version: number; name: string; definition: unknown; comment: string | null; createdBy: string | null }): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`INSERT INTO wa_flows (key, version, name, definition, comment, created_by)
        VALUES (${v.key}, ${v.version}, ${v.name}, ${JSON.stringify(v.definition)}::jsonb, ${v.comment}, ${v.createdBy})
        ON CONFLICT (key, version) DO NOTHING RETURNING 1`,
  );
  return rows.length > 0;
}

// Outbox ---------------------------------------------------------------------------------------------

export interface NewOutbound {
  contactId: string;
  toWaId: string;
  inboundId: number | null;
  seq: number;
  source: 'BOT' | 'STAFF' | 'SYSTEM';
  authorId: string | null;
  conversationId: string | null;
  kind: 'text' | 'interactive' | 'template';
  text: string;
  payload: unknown;
}

/** Queues replies; a second attempt for the same (inbound, seq) is a no-op, so no reply is queued twice. */
export async function insertOutbound(db: Db, rows: NewOutbound[]): Promise<string[]> {
  if (!rows.length) return [];
  const out = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO wa_outbound (contact_id, to_wa_id, inbound_id, seq, source, author_id, conversation_id, kind, text, payload)
        SELECT x."contactId", x."toWaId", x."inboundId", x.seq, x.source, x."authorId", x."conversationId", x.kind, x.text, x.payload
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("contactId" uuid, "toWaId" text, "inboundId" bigint, seq smallint, source text,
             "authorId" uuid, "conversationId" uuid, kind text, text text, payload jsonb)
        ORDER BY x."inboundId" NULLS FIRST, x.seq
        ON CONFLICT (inbound_id, seq) DO NOTHING RETURNING id`,
  );
  return out.map((r) => r.id);
}

/** Key of the advisory lock held while claiming the outbox. */
const CLAIM_LOCK = 0x7761_6f62; // 'waob'

export interface ClaimedOutbound {
  id: string;
  pos: number;
  contactId: string;
  toWaId: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Claims queued messages for sending: SENDING with a lease (next_attempt_at = now + lease). A row whose
 * lease ran out while SENDING belonged to a process that died mid-send. A contact's messages leave in
 * order: the queue is read in creation order and a message is skipped while an earlier one of its
 * contact is being sent or waits for a retry; several consecutive messages of one contact may be claimed
 * together (the caller sends them one after the other). Run it in a transaction: one claimer at a time
 * (a transaction-scoped advisory lock), so two senders never split a contact's run between them.
 */
export async function claimOutbound(tx: Db, limit: number, leaseSeconds: number): Promise<ClaimedOutbound[]> {
  const [lock] = await rowsOf<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${CLAIM_LOCK}, 0) AS ok`);
  if (!lock?.ok) return [];
  const rows = await rowsOf<ClaimedOutbound>(
    tx,
    sql`UPDATE wa_outbound o SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
        WHERE o.id IN (SELECT q.id FROM wa_outbound q WHERE q.status = 'QUEUED' AND q.next_attempt_at <= now()
                         AND NOT EXISTS (SELECT 1 FROM wa_outbound e WHERE e.contact_id = q.contact_id AND e.pos < q.pos
                                           AND e.status IN ('QUEUED', 'SENDING') AND (e.status = 'SENDING' OR e.next_attempt_at > now()))
                       ORDER BY q.pos LIMIT ${limit})
        RETURNING o.id, o.pos, o.contact_id AS "contactId", o.to_wa_id AS "toWaId", o.kind, o.payload, o.attempts`,
  );
  return rows.map((r) => ({ ...r, pos: Number(r.pos) })).sort((a, b) => a.pos - b.pos);
}

/** Puts claimed messages that were not tried back in the queue as they were (an earlier one of their contact must be retried first). */
export async function requeueUntried(db: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db.execute(
    sql`UPDATE wa_outbound SET status = 'QUEUED', attempts = greatest(attempts - 1, 0), next_attempt_at = now()
        WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND status = 'SENDING'`,
  );
}

/** Local outbox: nothing leaves the machine; queued rows are marked sent with a local wamid, in one statement. */
export async function sendLocally(db: Db, limit: number): Promise<number> {
  const rows = await rowsOf(
    db,
    sql`UPDATE wa_outbound o SET status = 'SENT', status_rank = 1, attempts = attempts + 1, wamid = 'wamid.local.' || o.id, sent_at = now()
        WHERE o.id IN (SELECT id FROM wa_outbound WHERE status = 'QUEUED' AND next_attempt_at <= now() ORDER BY pos LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING 1`,
  );
  return rows.length;
}

/**
 * Records the wamids the Cloud API gave to a batch of sent messages (one statement) and applies any
 * status that arrived before we knew them.
 */
export async function markSentMany(db: Db, sent: { id: string; wamid: string }[]): Promise<void> {
  if (!sent.length) return;
  await db.execute(
    sql`UPDATE wa_outbound o SET wamid = x.wamid, status = CASE WHEN o.status_rank > 1 THEN o.status ELSE 'SENT' END,
          status_rank = GREATEST(o.status_rank, 1), sent_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(sent)}::jsonb) AS x(id uuid, wamid text) WHERE o.id = x.id`,
  );
  await reapplyStatuses(db, sent.map((m) => m.wamid));
}

export async function markRetry(db: Db, id: string, at: Date, error: { code: number | null; title: string }): Promise<void> {
  await db.execute(
    sql`UPDATE wa_outbound SET status = 'QUEUED', next_attempt_at = ${at.toISOString()}::timestamptz, error_code = ${error.code}, error_title = ${error.title} WHERE id = ${id}`,
  );
}

export async function markFailed(db: Db, id: string, error: { code: number | null; title: string }): Promise<void> {
  await db.execute(
    sql`UPDATE wa_outbound SET status = 'FAILED', status_rank = GREATEST(status_rank, 2), error_code = ${error.code}, error_title = ${error.title} WHERE id = ${id}`,
  );
}

/**
 * Rows left SENDING by a process that died during the send: whether Meta got them is unknown, so
 * they are not sent again (a duplicate reply is worse than a visible failure staff can follow).
 */
export async function failAbandonedSends(db: Db): Promise<number> {
  const rows = await rowsOf(
    db,
    sql`UPDATE wa_outbound SET status = 'FAILED', status_rank = GREATEST(status_rank, 2),
          error_title = 'Envío interrumpido por un reinicio: no se sabe si llegó y no se reintenta para no duplicarlo'
        WHERE status = 'SENDING' AND next_attempt_at < now() RETURNING 1`,
  );
  return rows.length;
}

// Conversations (staff inbox) ----------------------------------------------------------------------------

export async function openConversation(
  db: Db,
  v: { contactId: string; topic: string; note: string | null; caseId: string | null; supplyRequestId: string | null },
): Promise<string | undefined> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO wa_conversations (contact_id, topic, note, case_id, supply_request_id)
        VALUES (${v.contactId}, ${v.topic}, ${v.note}, ${v.caseId}, ${v.supplyRequestId})
        ON CONFLICT (contact_id) WHERE status <> 'CLOSED' DO NOTHING RETURNING id`,
  );
  return rows[0]?.id;
}

export interface ConversationRow {
  id: string;
  contactId: string;
  status: 'WAITING' | 'ASSIGNED' | 'CLOSED';
  topic: string;
  note: string | null;
  assignedTo: { id: string; displayName: string } | null;
  openedAt: Date;
  assignedAt: Date | null;
  firstReplyAt: Date | null;
  closedAt: Date | null;
  caseRef: { id: string; code: string | null } | null;
  supplyRequestRef: { id: string; folio: string } | null;
  version: number;
}

const conversationColumns = sql`v.id, v.contact_id AS "contactId", v.status, v.topic, v.note, v.version,
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "assignedTo",
  ${ts('v.opened_at')} AS "openedAt", ${ts('v.assigned_at')} AS "assignedAt", ${ts('v.first_reply_at')} AS "firstReplyAt", ${ts('v.closed_at')} AS "closedAt",
  CASE WHEN k.id IS NULL THEN NULL ELSE json_build_object('id', k.id, 'code', k.code) END AS "caseRef",
  CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'folio', 'SM-' || lpad(r.folio::text, 6, '0')) END AS "supplyRequestRef"`;
const conversationFrom = sql`wa_conversations v LEFT JOIN users u ON u.id = v.assigned_to LEFT JOIN cases k ON k.id = v.case_id
  LEFT JOIN supply_requests r ON r.id = v.supply_request_id`;
const CONVERSATION_DATES = ['openedAt', 'assignedAt', 'firstReplyAt', 'closedAt'] as const;

export async function findConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  return withDates(await rowsOf<ConversationRow>(db, sql`SELECT ${conversationColumns} FROM ${conversationFrom} WHERE v.id = ${id}`), CONVERSATION_DATES)[0];
}

export async function openConversationOf(db: Db, contactId: string): Promise<ConversationRow | undefined> {
  return withDates(
    await rowsOf<ConversationRow>(db, sql`SELECT ${conversationColumns} FROM ${conversationFrom} WHERE v.contact_id = ${contactId} AND v.status <> 'CLOSED'`),
    CONVERSATION_DATES,
  )[0];
}

export async function listConversations(db: Db, q: { visible: SQL; statuses: string[]; assignedTo?: string; limit: number }): Promise<ConversationRow[]> {
  const conds: SQL[] = [q.visible, sql`v.status = ANY(${`{${q.statuses.join(',')}}`}::text[])`];
  if (q.assignedTo) conds.push(sql`v.assigned_to = ${q.assignedTo}`);
  const closedOnly = q.statuses.length === 1 && q.statuses[0] === 'CLOSED';
  return withDates(
    await rowsOf<ConversationRow>(
      db,
      sql`SELECT ${conversationColumns} FROM ${conversationFrom} WHERE ${sql.join(conds, sql` AND `)}
          ORDER BY ${closedOnly ? sql`v.closed_at DESC` : sql`v.opened_at`} LIMIT ${q.limit}`,
    ),
    CONVERSATION_DATES,
  );
}

/** Compare-and-swap on the conversation's version; false when someone changed it first. */
export async function updateConversation(
  db: Db,
  id: string,
  version: number,
  v: { status?: 'ASSIGNED' | 'CLOSED'; assignedTo?: string; closedBy?: string; firstReply?: boolean },
): Promise<boolean> {
  const sets: SQL[] = [sql`version = version + 1`];
  if (v.status) sets.push(sql`status = ${v.status}`);
  if (v.assignedTo) sets.push(sql`assigned_to = ${v.assignedTo}, assigned_at = now()`);
  if (v.closedBy) sets.push(sql`closed_at = now(), closed_by = ${v.closedBy}`);
  if (v.firstReply) sets.push(sql`first_reply_at = COALESCE(first_reply_at, now())`);
  const rows = await rowsOf(db, sql`UPDATE wa_conversations SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING 1`);
  return rows.length > 0;
}

// Staff views ----------------------------------------------------------------------------------------------

/**
 * Which contacts a staff member may read: all for roles that see every unit; for unit staff, the
 * contacts verified as guardians of a child treated in one of their units (in SQL, so paging holds).
 */
export function contactVisible(units: 'ALL' | readonly string[], contactId: SQL): SQL {
  if (units === 'ALL') return sql`true`;
  if (!units.length) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM wa_contact_children l JOIN patients p ON p.id = l.patient_id
                     WHERE l.contact_id = ${contactId} AND p.unit_id = ANY(${uuidArray(units)}))`;
}

export interface ContactListRow extends ContactRow {
  children: { patientId: string; firstName: string; unitName: string }[];
  sortAt: string;
}

const contactChildrenJson = sql`COALESCE((SELECT json_agg(json_build_object('patientId', p.id, 'firstName', split_part(p.given_names, ' ', 1), 'unitName', un.name) ORDER BY l.verified_at)
  FROM wa_contact_children l JOIN patients p ON p.id = l.patient_id JOIN units un ON un.id = p.unit_id WHERE l.contact_id = c.id), '[]'::json)`;

export async function contactsWithChildren(db: Db, q: { visible: SQL; ids?: readonly string[]; phone?: string; search?: string; after?: { at: string; id: string }; limit: number }): Promise<ContactListRow[]> {
  const conds: SQL[] = [q.visible];
  if (q.ids) conds.push(sql`c.id = ANY(${uuidArray(q.ids)})`);
  if (q.phone) conds.push(sql`c.phone = ${q.phone}`);
  if (q.search) conds.push(sql`(c.phone LIKE ${`%${q.search.replace(/\D/g, '')}%`} OR c.profile_name ILIKE ${`%${q.search.replace(/[%_\\]/g, '')}%`})`);
  if (q.after) conds.push(sql`(COALESCE(c.last_inbound_at, c.created_at), c.id) < (${q.after.at}::timestamptz, ${q.after.id}::uuid)`);
  const where = sql`WHERE ${sql.join(conds, sql` AND `)}`;
  return rowsOf<ContactListRow>(
    db,
    sql`SELECT ${contactColumns}, ${contactChildrenJson} AS children, ${ts('COALESCE(c.last_inbound_at, c.created_at)')} AS "sortAt"
        FROM wa_contacts c ${where} ORDER BY COALESCE(c.last_inbound_at, c.created_at) DESC, c.id DESC LIMIT ${q.limit}`,
  );
}

export interface MessageRow {
  id: string;
  wamid: string | null;
  direction: 'IN' | 'OUT';
  type: string;
  text: string | null;
  replyId: string | null;
  status: 'RECEIVED' | OutboundStatus;
  errorCode: number | null;
  errorTitle: string | null;
  author: 'CONTACT' | 'BOT' | 'STAFF' | 'SYSTEM';
  authorName: string | null;
  payload: Record<string, unknown> | null;
  media: { status: 'PENDING' | 'DOWNLOADED' | 'RETRY' | 'FAILED'; mimeType: string | null; bytes: number | null } | null;
  createdAt: Date;
  sortKey: string;
}

/** A contact's messages in both directions, oldest first, keyset-paged on (time, direction, id). */
export async function contactMessages(db: Db, contact: { id: string; phone: string }, q: { after?: string; limit: number }): Promise<MessageRow[]> {
  const after = q.after ? sql`WHERE t."sortKey" > ${q.after}` : sql``;
  return withDates(
    await rowsOf<MessageRow>(
      db,
      sql`SELECT * FROM (
            SELECT i.id::text AS id, i.wamid, 'IN' AS direction, i.type, i.text, i.reply_id AS "replyId", 'RECEIVED' AS status, NULL::int AS "errorCode",
                   NULL AS "errorTitle", 'CONTACT' AS author, i.profile_name AS "authorName", NULL::jsonb AS payload,
                   CASE WHEN i.media_id IS NOT NULL THEN jsonb_build_object('status', COALESCE(md.status, 'PENDING'), 'mimeType', md.mime_type, 'bytes', md.bytes) END AS media,
                   ${ts('i.received_at')} AS "createdAt",
                   to_char(i.received_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || '0' || lpad(i.id::text, 20, '0') AS "sortKey"
            FROM wa_inbound i LEFT JOIN wa_media md ON md.inbound_id = i.id WHERE i.contact_phone = ${contact.phone}
            UNION ALL
            SELECT o.id::text, o.wamid, 'OUT', o.kind, o.text, NULL, o.status, o.error_code, o.error_title,
                   o.source, u.display_name, o.payload, NULL::jsonb, ${ts('o.created_at')},
                   to_char(o.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || '1' || lpad(COALESCE(o.inbound_id, 0)::text, 20, '0') || lpad(o.seq::text, 4, '0') || o.id::text
            FROM wa_outbound o LEFT JOIN users u ON u.id = o.author_id WHERE o.contact_id = ${contact.id}
          ) t ${after} ORDER BY t."sortKey" LIMIT ${q.limit}`,
    ),
    ['createdAt'],
  );
}

// Figures --------------------------------------------------------------------------------------------------------

export async function figures(db: Db, from: string, to: string) {
  const range = (col: string) => sql`${sql.raw(col)} >= (${from}::date::timestamp AT TIME ZONE 'America/Mexico_City') AND ${sql.raw(col)} < ((${to}::date + 1)::timestamp AT TIME ZONE 'America/Mexico_City')`;
  const day = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'America/Mexico_City', 'YYYY-MM-DD')`);
  const [inbound, outbound, cases, supply, optOuts, human, counts] = await Promise.all([
    rowsOf<{ day: string; n: number }>(db, sql`SELECT ${day('received_at')} AS day, count(*)::int AS n FROM wa_inbound WHERE ${range('received_at')} GROUP BY 1`),
    rowsOf<{ day: string; n: number; failed: number }>(
      db,
      sql`SELECT ${day('created_at')} AS day, count(*)::int AS n, count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM wa_outbound WHERE ${range('created_at')} GROUP BY 1`,
    ),
    rowsOf<{ day: string; n: number }>(db, sql`SELECT ${day('received_at')} AS day, count(*)::int AS n FROM cases WHERE channel = 'CHATBOT' AND ${range('received_at')} GROUP BY 1`),
    rowsOf<{ day: string; n: number }>(db, sql`SELECT ${day('created_at')} AS day, count(*)::int AS n FROM supply_requests WHERE channel = 'CHATBOT' AND ${range('created_at')} GROUP BY 1`),
    rowsOf<{ day: string; n: number }>(db, sql`SELECT ${day('processed_at')} AS day, count(*)::int AS n FROM wa_inbound WHERE outcome = 'OPTED_OUT' AND ${range('processed_at')} GROUP BY 1`),
    rowsOf<{ median: number | null; handovers: number }>(
      db,
      sql`SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - opened_at) / 60.0))::float AS median, count(*)::int AS handovers
          FROM wa_conversations WHERE ${range('opened_at')}`,
    ),
    rowsOf<{ contacts: number; verified: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM wa_contacts) AS contacts, (SELECT count(DISTINCT contact_id)::int FROM wa_contact_children) AS verified`,
    ),
  ]);
  return { inbound, outbound, cases, supply, optOuts, human: human[0]!, counts: counts[0]! };
}

export async function userIsActive(db: Db, id: string): Promise<boolean> {
  return (await rowsOf(db, sql`SELECT 1 FROM users WHERE id = ${id} AND active`)).length > 0;
}

/** A demo family for the simulator: a child of the unit given, with a guardian whose phone is in the registry. */
export async function demoFamilies(db: Db, limit: number): Promise<{ phone: string; guardianName: string; childName: string; curp: string; birthDate: string; unitName: string }[]> {
  return rowsOf(
    db,
    sql`SELECT g.phone, g.name AS "guardianName", split_part(p.given_names, ' ', 1) AS "childName", p.curp, to_char(p.birth_date, 'DD/MM/YYYY') AS "birthDate", u.name AS "unitName"
        FROM patients p JOIN patient_guardians g ON g.patient_id = p.id AND g.removed_at IS NULL AND g.phone IS NOT NULL AND g.is_primary
        JOIN units u ON u.id = p.unit_id
        WHERE p.merged_into IS NULL AND p.vital_status = 'ALIVE' AND p.birth_date > (now() - interval '15 years')::date AND u.clues = 'DFIMS000616'
        ORDER BY p.curp LIMIT ${limit}`,
  );
}

// Media ----------------------------------------------------------------------------------------------------------

/** Inbound messages whose file is still to be downloaded (never tried, or a retry that is due), oldest first. */
export async function mediaToDownload(db: Db, limit: number): Promise<{ inboundId: number; mediaId: string; attempts: number }[]> {
  const rows = await rowsOf<{ inboundId: string; mediaId: string; attempts: number }>(
    db,
    sql`SELECT i.id AS "inboundId", i.media_id AS "mediaId", COALESCE(m.attempts, 0) AS attempts
        FROM wa_inbound i LEFT JOIN wa_media m ON m.inbound_id = i.id
        WHERE i.media_id IS NOT NULL AND (m.inbound_id IS NULL OR (m.status = 'RETRY' AND m.next_attempt_at <= now()))
        ORDER BY i.id LIMIT ${limit}`,
  );
  return rows.map((r) => ({ ...r, inboundId: Number(r.inboundId) }));
}

export async function saveMedia(
  db: Db,
  m: { inboundId: number; mediaId: string; status: 'DOWNLOADED' | 'RETRY' | 'FAILED'; attempts: number; mimeType?: string; sha256?: string; content?: Buffer; error?: string; retryAt?: Date },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO wa_media (inbound_id, media_id, status, mime_type, sha256, bytes, content, attempts, error, next_attempt_at, downloaded_at)
        VALUES (${m.inboundId}, ${m.mediaId}, ${m.status}, ${m.mimeType ?? null}, ${m.sha256 ?? null}, ${m.content?.length ?? null}, ${m.content ?? null},
                ${m.attempts}, ${m.error ?? null}, ${m.retryAt?.toISOString() ?? null}, ${m.status === 'DOWNLOADED' ? sql`now()` : null})
        ON CONFLICT (inbound_id) DO UPDATE SET status = excluded.status, mime_type = excluded.mime_type, sha256 = excluded.sha256, bytes = excluded.bytes,
          content = excluded.content, attempts = excluded.attempts, error = excluded.error, next_attempt_at = excluded.next_attempt_at, downloaded_at = excluded.downloaded_at`,
  );
}

export interface MediaFile {
  inboundId: number;
  contactPhone: string;
  type: string;
  text: string | null;
  status: 'DOWNLOADED' | 'RETRY' | 'FAILED' | null;
  mimeType: string | null;
  content: Buffer | null;
  error: string | null;
}

export async function mediaFile(db: Db, inboundId: number): Promise<MediaFile | undefined> {
  const [row] = await rowsOf<MediaFile>(
    db,
    sql`SELECT i.id AS "inboundId", i.contact_phone AS "contactPhone", i.type, i.text, m.status, m.mime_type AS "mimeType", m.content, m.error
        FROM wa_inbound i LEFT JOIN wa_media m ON m.inbound_id = i.id WHERE i.id = ${inboundId} AND i.media_id IS NOT NULL`,
  );
  return row;
}
