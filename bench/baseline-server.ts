/**
 * Baseline for the benchmark: a bare Fastify 5 server whose one handler runs one indexed SELECT
 * through a pg Pool of the same size as OncoPed's, on the same database. No auth, no audit, no
 * schemas, no logging. It answers the same first page of the unit catalogue (the same columns and
 * the same ~14 KB of JSON as GET /api/units), read by the primary key index, so the difference
 * to OncoPed is the framework work OncoPed adds (session, permission, audit, validation, headers).
 *
 * The registry routes (patient search, national dashboard and progress, registration) run the same
 * SQL as OncoPed's for the registry figures of the benchmark; so does the case list (/cases) for the
 * meetings figures.
 *
 * POST /wa/webhook is the WhatsApp intake's baseline: raw body, X-Hub-Signature-256 checked (HMAC-SHA256
 * with WHATSAPP_APP_SECRET, constant time), one INSERT of the body into a plain table, 200.
 *
 * Environment: DATABASE_URL (required), DATABASE_POOL_SIZE (default 10), PORT, HOST (127.0.0.1),
 * WHATSAPP_APP_SECRET (for /wa/webhook).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('baseline-server: DATABASE_URL is required\n');
  process.exit(2);
}
const poolSize = Number.parseInt(process.env.DATABASE_POOL_SIZE ?? '10', 10) || 10;
const port = Number.parseInt(process.env.PORT ?? '0', 10) || 0;
const host = process.env.HOST ?? '127.0.0.1';

const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'oncoped-bench-baseline' });
pool.on('error', () => {});

const PAGE_SQL =
  'select id, clues, name, short_name as "shortName", level, state, delegation, is_oncocrean as "isOncocrean", ' +
  `to_char(active_from, 'YYYY-MM-DD') as "activeFrom", active, version from units order by id limit 50`;

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get('/units', async () => {
  const r = await pool.query(PAGE_SQL);
  return { items: r.rows, nextCursor: null };
});

// ---- registry routes: the same SQL as OncoPed's, without session, permission, audit or schemas.

const PATIENT_COLUMNS = `p.id, p.curp, p.nss, p.given_names AS "givenNames", p.first_surname AS "firstSurname", p.second_surname AS "secondSurname",
  to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate", p.sex, p.unit_id AS "unitId", u.short_name AS "unitName", p.pediatric,
  p.treatment_status AS "treatmentStatus", p.vital_status AS "vitalStatus", p.registered_at AS "registeredAt"`;

/** Patient search: ?curp= (exact, its index) or ?q= (name prefix, search_name btree), first page of 50 in name order. */
app.get<{ Querystring: { curp?: string; q?: string } }>('/patients', async (req) => {
  const where = req.query.curp ? 'p.curp = $1' : "p.search_name LIKE $1 || '%'";
  const r = await pool.query(
    `SELECT ${PATIENT_COLUMNS} FROM patients p JOIN units u ON u.id = p.unit_id
     WHERE p.merged_into IS NULL AND ${where} ORDER BY p.search_name, p.id LIMIT 51`,
    [req.query.curp ?? req.query.q ?? ''],
  );
  return { items: r.rows.slice(0, 50), nextCursor: null };
});

/** The latest stored national dashboard figures. */
app.get('/dashboard', async () => {
  const r = await pool.query(
    `SELECT cutoff, payload FROM registry_dashboard_snapshots WHERE scope = 'national' AND scope_key = '' ORDER BY cutoff DESC LIMIT 1`,
  );
  return r.rows[0] ?? {};
});

/** National progress: latest weekly snapshot + registrations since its cut-off + census in force, summed. */
app.get('/progress', async () => {
  // The cut-off first, then the sums with it as a parameter (as OncoPed does: the index on `at` is used).
  const cutoff = (await pool.query(`SELECT max(cutoff) AS c FROM registry_weekly_snapshots`)).rows[0].c;
  const [snap, live, census] = await Promise.all([
    pool.query(`SELECT coalesce(sum(registered), 0)::int AS registered, coalesce(sum(new_in_week), 0)::int AS "newPreviousWeek"
                FROM registry_weekly_snapshots WHERE cutoff = $1`, [cutoff]),
    pool.query(`SELECT coalesce(sum(delta), 0)::int AS registered, (count(*) FILTER (WHERE reason = 'REGISTER'))::int AS "newThisWeek"
                FROM registry_tally_events WHERE at >= $1`, [cutoff]),
    pool.query(`SELECT coalesce(sum(expected), 0)::int AS expected FROM (
                  SELECT DISTINCT ON (unit_id) expected FROM unit_census WHERE effective_from <= current_date ORDER BY unit_id, effective_from DESC, created_at DESC) c`),
  ]);
  const registered = snap.rows[0].registered + live.rows[0].registered;
  const expected = census.rows[0].expected;
  return { rows: [{ registered, expected, percent: expected ? Math.round((registered / expected) * 1000) / 10 : null, newThisWeek: live.rows[0].newThisWeek, newPreviousWeek: snap.rows[0].newPreviousWeek, cutoff }] };
});

/** Registration: the patient row and its tally event in one transaction (no validation, guardians, consents or audit). */
app.post<{ Body: { curp: string; givenNames: string; firstSurname: string; secondSurname?: string; birthDate: string; sex: string; unitId: string } }>('/patients', async (req, reply) => {
  const b = req.body;
  const search = `${b.firstSurname} ${b.secondSurname ?? ''} ${b.givenNames}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const r = await c.query(
      `INSERT INTO patients (curp, given_names, first_surname, second_surname, search_name, birth_date, sex, unit_id, pediatric, status_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, current_date) RETURNING id`,
      [b.curp, b.givenNames, b.firstSurname, b.secondSurname ?? null, search, b.birthDate, b.sex, b.unitId],
    );
    await c.query(`INSERT INTO registry_tally_events (unit_id, patient_id, pediatric, delta, reason) VALUES ($1, $2, true, 1, 'REGISTER')`, [b.unitId, r.rows[0].id]);
    await c.query('COMMIT');
    reply.code(201);
    return { id: r.rows[0].id };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    c.release();
  }
});

// ---- meetings: the case list, the same SQL as OncoPed's GET /api/cases (meetings/repo.ts listCases).

const ISO = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const CASE_COLUMNS = `cases.id, cases.code, cases.meeting_id AS "meetingId", cases.meeting_number AS "meetingNumber",
  ${ISO('cases.received_at')} AS "receivedAt", cases.channel, cases.category, cases.title, cases.description, cases.patient_id AS "patientId",
  COALESCE(NULLIF(concat_ws(' ', p.given_names, p.first_surname, p.second_surname), ''), cases.patient_name) AS "patientName",
  cases.unit_id AS "unitId", un.name AS "unitName", cases.reporter_name AS "reporterName", cases.reporter_phone AS "reporterPhone",
  CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'position', o.position, 'area', o.area) END AS responsible,
  cases.status, cases.status_reason AS "statusReason", ${ISO('cases.resolved_at')} AS "resolvedAt", ${ISO('cases.closed_at')} AS "closedAt",
  (SELECT json_build_object('entryDate', to_char(u.entry_date, 'YYYY-MM-DD'), 'text', u.text, 'meetingNumber', um.number)
     FROM case_updates u LEFT JOIN meetings um ON um.id = u.meeting_id WHERE u.case_id = cases.id ORDER BY u.id DESC LIMIT 1) AS "lastUpdate",
  cases.version, ${ISO('cases.created_at')} AS "createdAt", to_char(cases.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "sortKey"`;

/**
 * Cases newest received first, 50 a page: ?status=A,B, ?meeting=N, ?unitId=, ?scope=<unit ids> (a unit
 * staff member's units), ?after=<sortKey>&afterId=<id> (the keyset of OncoPed's cursor).
 */
app.get<{ Querystring: { status?: string; meeting?: string; unitId?: string; scope?: string; after?: string; afterId?: string } }>('/cases', async (req) => {
  const q = req.query;
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  if (q.scope) where.push(`cases.unit_id IN (${q.scope.split(',').map((u) => param(u)).join(', ')})`);
  if (q.status) where.push(`cases.status IN (${q.status.split(',').map((s) => param(s)).join(', ')})`);
  if (q.meeting) where.push(`cases.meeting_number = ${param(Number(q.meeting))}`);
  if (q.unitId) where.push(`cases.unit_id = ${param(q.unitId)}`);
  if (q.after && q.afterId) where.push(`(cases.received_at, cases.id) < (${param(q.after)}::timestamp AT TIME ZONE 'UTC', ${param(q.afterId)}::uuid)`);
  const r = await pool.query(
    `SELECT ${CASE_COLUMNS} FROM cases JOIN units un ON un.id = cases.unit_id LEFT JOIN patients p ON p.id = cases.patient_id
     LEFT JOIN officials o ON o.id = cases.responsible_official_id
     WHERE ${where.length ? where.join(' AND ') : 'true'} ORDER BY cases.received_at DESC, cases.id DESC LIMIT 51`,
    values,
  );
  const items = r.rows.slice(0, 50);
  const last = items.at(-1);
  return { items, nextCursor: r.rows.length > 50 && last ? Buffer.from(JSON.stringify([last.sortKey, last.id])).toString('base64url') : null };
});

// ---- WhatsApp intake: the foundation's bare handler work for a signed webhook delivery.

const waSecret = process.env.WHATSAPP_APP_SECRET ?? '';
let waTable: Promise<unknown> | null = null;
app.register(async (wa) => {
  wa.removeAllContentTypeParsers();
  wa.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 3 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  wa.post('/wa/webhook', async (req, reply) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const header = req.headers['x-hub-signature-256'];
    const given = typeof header === 'string' && header.startsWith('sha256=') ? Buffer.from(header.slice(7), 'hex') : Buffer.alloc(0);
    const expected = createHmac('sha256', waSecret).update(raw).digest();
    if (!waSecret || given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).send({ error: 'signature' });
    waTable ??= pool.query('CREATE TABLE IF NOT EXISTS bench_wa_deliveries (id bigserial PRIMARY KEY, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())');
    await waTable;
    await pool.query('INSERT INTO bench_wa_deliveries (body) VALUES ($1::jsonb)', [raw.toString('utf8')]);
    return { received: 1 };
  });
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  await app.close().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

const probe = await pool.connect();
probe.release();
await app.listen({ port, host });
process.stdout.write(`baseline listening on ${host}:${(app.server.address() as { port: number }).port}\n`);
