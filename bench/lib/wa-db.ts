/**
 * SQL of the WhatsApp benchmark: seeding the messages whose statuses the intake carries, reading
 * the backlog, the bare drain of the baseline, and the checks after the replay with SIGKILL.
 * Table and column names are the module's (server/src/modules/whatsapp/schema.ts).
 */
import pg from 'pg';
import type { SentMessage } from './wa-payloads.ts';

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, application_name: 'oncoped-bench-wa' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * `contacts` WhatsApp contacts (the wa_ids of contactWaId(0…contacts-1)) and `count` replies the
 * bot already sent them (wa_outbound, status SENT with a Meta wamid), so that the statuses of the
 * intake stream update real rows, as in production. Returns the sent messages (wamid, recipient).
 */
export async function seedSentMessages(url: string, contacts: number, count: number): Promise<SentMessage[]> {
  return withClient(url, async (c) => {
    await c.query(
      `INSERT INTO wa_contacts (phone, wa_id, profile_name, last_inbound_at)
       SELECT '5255' || (10000000 + i)::text, '52155' || (10000000 + i)::text, 'Contacto ' || i, now() - interval '1 hour'
       FROM generate_series(0, $1 - 1) i ON CONFLICT (phone) DO NOTHING`,
      [contacts],
    );
    const rows = await c.query<{ wamid: string; wa_id: string }>(
      `INSERT INTO wa_outbound (contact_id, to_wa_id, wamid, seq, source, kind, text, payload, status, status_rank, attempts, sent_at, created_at)
       SELECT k.id, k.wa_id, 'wamid.HBgN' || translate(encode(sha256(('bench-out-' || g)::bytea), 'base64'), '=', ''), 0, 'BOT', 'text',
              '¡Hola! Soy el ChatBot de OncoPed. Escribe MENU para ver las opciones.',
              '{"type":"text","text":{"preview_url":false,"body":"¡Hola! Soy el ChatBot de OncoPed. Escribe MENU para ver las opciones."}}'::jsonb,
              'SENT', 1, 1, now() - interval '1 minute', now() - interval '1 minute'
       FROM generate_series(0, $2 - 1) g
       JOIN wa_contacts k ON k.phone = '5255' || (10000000 + g % $1)::text
       RETURNING wamid, to_wa_id AS wa_id`,
      [contacts, count],
    );
    await c.query('ANALYZE wa_contacts; ANALYZE wa_outbound');
    return rows.rows.map((r) => ({ wamid: r.wamid, waId: r.wa_id }));
  });
}

export interface Backlog {
  inbound: number;
  pending: number;
  queued: number;
  sending: number;
}

export async function backlog(c: pg.Client): Promise<Backlog> {
  const r = await c.query<Backlog>(
    `SELECT (SELECT count(*)::int FROM wa_inbound) AS inbound,
            (SELECT count(*)::int FROM wa_inbound WHERE processed_at IS NULL) AS pending,
            (SELECT count(*)::int FROM wa_outbound WHERE status = 'QUEUED') AS queued,
            (SELECT count(*)::int FROM wa_outbound WHERE status = 'SENDING') AS sending`,
  );
  return r.rows[0]!;
}

/** Marks what is still pending as handled, so that the drain starts from exactly its own N messages. */
export async function settleBacklog(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const r = await c.query(`UPDATE wa_inbound SET processed_at = now(), outcome = 'BENCH_SKIPPED' WHERE processed_at IS NULL`);
    await c.query(`UPDATE wa_outbound SET status = 'SENT', status_rank = greatest(status_rank, 1), wamid = coalesce(wamid, 'wamid.bench.' || id) WHERE status IN ('QUEUED', 'SENDING')`);
    await c.query('VACUUM (ANALYZE) wa_inbound');
    await c.query('VACUUM (ANALYZE) wa_outbound');
    return r.rowCount ?? 0;
  });
}

/**
 * The baseline of the drain: the foundation's bare work per contact, with the processor's
 * concurrency, on a copy of the pending messages: one transaction per contact batch (≤ 50
 * messages) holding the contact's advisory lock, read the pending rows in order, write one reply
 * per message into a plain outbox, mark them processed. No flow, no contact row, no run state.
 * Returns messages per second.
 */
export async function bareDrain(url: string, concurrency: number): Promise<{ messages: number; ms: number; rate: number }> {
  await withClient(url, async (c) => {
    await c.query('DROP TABLE IF EXISTS bench_wa_drain, bench_wa_replies');
    await c.query(
      `CREATE TABLE bench_wa_drain AS SELECT id, contact_phone, text, NULL::timestamptz AS processed_at FROM wa_inbound WHERE processed_at IS NULL`,
    );
    await c.query('ALTER TABLE bench_wa_drain ADD PRIMARY KEY (id)');
    await c.query('CREATE INDEX bench_wa_drain_pending ON bench_wa_drain (contact_phone, id) WHERE processed_at IS NULL');
    await c.query('CREATE TABLE bench_wa_replies (inbound_id bigint NOT NULL, seq smallint NOT NULL, text text NOT NULL, PRIMARY KEY (inbound_id, seq))');
    await c.query('ANALYZE bench_wa_drain');
  });
  const pool = new pg.Pool({ connectionString: url, max: concurrency + 1, application_name: 'oncoped-bench-wa-drain' });
  pool.on('error', () => {});
  let messages = 0;
  const t0 = performance.now();
  try {
    for (;;) {
      const phones = (await pool.query<{ p: string }>(
        'SELECT contact_phone AS p FROM bench_wa_drain WHERE processed_at IS NULL GROUP BY contact_phone ORDER BY min(id) LIMIT 256',
      )).rows.map((r) => r.p);
      if (!phones.length) break;
      let next = 0;
      const lane = async () => {
        const c = await pool.connect();
        try {
          while (next < phones.length) {
            const phone = phones[next++]!;
            await c.query('BEGIN');
            await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`wa:${phone}`]);
            const rows = (await c.query<{ id: string; text: string | null }>(
              'SELECT id, text FROM bench_wa_drain WHERE contact_phone = $1 AND processed_at IS NULL ORDER BY id LIMIT 50 FOR UPDATE',
              [phone],
            )).rows;
            if (rows.length) {
              const ids = rows.map((r) => r.id);
              await c.query(
                `INSERT INTO bench_wa_replies (inbound_id, seq, text) SELECT i, 0, 'Recibimos: ' || coalesce(t, '') FROM unnest($1::bigint[], $2::text[]) AS u(i, t)`,
                [ids, rows.map((r) => r.text)],
              );
              await c.query('UPDATE bench_wa_drain SET processed_at = now() WHERE id = ANY($1::bigint[])', [ids]);
            }
            await c.query('COMMIT');
            messages += rows.length;
          }
        } catch (err) {
          await c.query('ROLLBACK').catch(() => {});
          throw err;
        } finally {
          c.release();
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, phones.length) }, lane));
    }
  } finally {
    await pool.end().catch(() => {});
  }
  const ms = performance.now() - t0;
  await withClient(url, (c) => c.query('DROP TABLE IF EXISTS bench_wa_drain, bench_wa_replies'));
  return { messages, ms, rate: (messages * 1000) / ms };
}

export interface ReplayCheck {
  inboundRows: number;
  distinctWamidsDelivered: number;
  deliveredFound: number;
  processed: number;
  pending: number;
  outcomes: Record<string, number>;
  outboundRows: number;
  outboundByStatus: Record<string, number>;
  duplicateInboundSeq: number;
  /** Inbound messages whose replies are not numbered 0…n-1 (a second, partial processing would show here). */
  gappedReplies: number;
  /** Messages answered by the bot (REPLIED) without any reply row. */
  repliedWithoutReply: number;
  /** Messages with replies whose outcome says nothing should have been sent. */
  silentWithReply: number;
  /** (outcome, number of replies) → messages. */
  repliesPerInbound: Record<string, number>;
  /** (recipient, text) → outbound rows, for the second check against the fake Graph API. */
  rowsPerRecipientText: Map<string, number>;
  /** Status of each reply to the benchmark's messages, for the per-id check against the fake Graph API. */
  idsByStatus: Map<string, string>;
  /** Every outbound id (the demo's too): a send of any other id did not come from the outbox. */
  allOutboundIds: Set<string>;
}

export const recipientTextKey = (to: string, text: string) => `${to}\u0000${text}`;

/** Highest wa_inbound id so far (the demo data has ChatBot traffic of its own): later rows are the benchmark's. */
export async function lastInboundId(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query<{ id: string | null }>('SELECT max(id) AS id FROM wa_inbound')).rows[0]!.id ?? 0));
}

/** Replies queued for inbound messages stored after `sinceInboundId`. */
export async function repliesSince(c: pg.Client, sinceInboundId: number): Promise<number> {
  return Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM wa_outbound WHERE inbound_id > $1', [sinceInboundId])).rows[0]!.n);
}

/** The state after the replay, for the inbound rows stored after `sinceInboundId` (the demo's own traffic is left out). */
export async function replayCheck(url: string, wamids: readonly string[], sinceInboundId: number): Promise<ReplayCheck> {
  return withClient(url, async (c) => {
    const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await c.query<T>(text, values)).rows[0]!;
    const counts = await one<{ rows: number; processed: number; pending: number; found: number }>(
      `SELECT count(*)::int AS rows, count(processed_at)::int AS processed, (count(*) - count(processed_at))::int AS pending,
              count(*) FILTER (WHERE wamid = ANY($1::text[]))::int AS found
       FROM wa_inbound WHERE id > $2`,
      [wamids, sinceInboundId],
    );
    const outcomes: Record<string, number> = {};
    for (const r of (await c.query<{ outcome: string | null; n: number }>('SELECT outcome, count(*)::int AS n FROM wa_inbound WHERE id > $1 GROUP BY 1 ORDER BY 2 DESC', [sinceInboundId])).rows) {
      outcomes[r.outcome ?? '(none)'] = r.n;
    }
    const outboundByStatus: Record<string, number> = {};
    let outboundRows = 0;
    for (const r of (await c.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM wa_outbound WHERE inbound_id > $1 GROUP BY 1 ORDER BY 2 DESC', [sinceInboundId])).rows) {
      outboundByStatus[r.status] = r.n;
      outboundRows += r.n;
    }
    const dup = await one<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT inbound_id, seq FROM wa_outbound WHERE inbound_id > $1 GROUP BY 1, 2 HAVING count(*) > 1) d', [sinceInboundId]);
    const gaps = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM (SELECT inbound_id FROM wa_outbound WHERE inbound_id > $1 GROUP BY 1 HAVING max(seq) + 1 <> count(*) OR min(seq) <> 0) g',
      [sinceInboundId],
    );
    const perInbound: Record<string, number> = {};
    let repliedWithoutReply = 0;
    let silentWithReply = 0;
    const SILENT = new Set(['IGNORED', 'HUMAN', 'SILENT_OPTED_OUT', 'OPTED_OUT_AGAIN']);
    for (const r of (await c.query<{ outcome: string | null; replies: number; n: number }>(
      `SELECT i.outcome, coalesce(o.n, 0)::int AS replies, count(*)::int AS n
       FROM wa_inbound i LEFT JOIN (SELECT inbound_id, count(*) AS n FROM wa_outbound WHERE inbound_id > $1 GROUP BY 1) o ON o.inbound_id = i.id
       WHERE i.id > $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [sinceInboundId],
    )).rows) {
      perInbound[`${r.outcome ?? '(none)'}:${r.replies}`] = r.n;
      if (r.outcome === 'REPLIED' && r.replies === 0) repliedWithoutReply += r.n;
      if (r.outcome && SILENT.has(r.outcome) && r.replies > 0) silentWithReply += r.n;
    }
    const rowsPerRecipientText = new Map<string, number>();
    for (const r of (await c.query<{ to: string; text: string; n: number }>(
      `SELECT to_wa_id AS to, coalesce(payload->'text'->>'body', payload->'interactive'->'body'->>'text', payload->'template'->>'name', '') AS text, count(*)::int AS n
       FROM wa_outbound GROUP BY 1, 2`,
    )).rows) {
      rowsPerRecipientText.set(recipientTextKey(r.to, r.text), r.n);
    }
    const idsByStatus = new Map<string, string>();
    const allOutboundIds = new Set<string>();
    for (const r of (await c.query<{ id: string; status: string; mine: boolean }>('SELECT id::text, status, coalesce(inbound_id > $1, false) AS mine FROM wa_outbound', [sinceInboundId])).rows) {
      allOutboundIds.add(r.id);
      if (r.mine) idsByStatus.set(r.id, r.status);
    }
    return {
      inboundRows: counts.rows,
      distinctWamidsDelivered: wamids.length,
      deliveredFound: counts.found,
      processed: counts.processed,
      pending: counts.pending,
      outcomes,
      outboundRows,
      outboundByStatus,
      duplicateInboundSeq: dup.n,
      gappedReplies: gaps.n,
      repliedWithoutReply,
      silentWithReply,
      repliesPerInbound: perInbound,
      rowsPerRecipientText,
      idsByStatus,
      allOutboundIds,
    };
  });
}
