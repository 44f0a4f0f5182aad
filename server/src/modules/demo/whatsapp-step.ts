import { sql } from 'drizzle-orm';
import type { DemoStep } from './generate-demo-data.ts';

/**
 * Thirty days of ChatBot traffic before "now" (issue 6), so the inbox and the figures have
 * something to show: 400 contacts (the first 120 verified as guardians of registry children,
 * through their registry phones), their messages in and out with delivery statuses, hand-overs
 * answered by staff after a few minutes to hours, two waiting ones, and a few opt-outs. All of it
 * already processed: the worker finds nothing to do. Generated in SQL (setseed: deterministic).
 */
export const whatsappStep: DemoStep = {
  name: 'whatsapp',
  async run(c) {
    const now = c.now.toISOString();
    const coordinator = c.id('user', 'coordinacion');
    await c.tx.execute(sql`SELECT setseed(${((c.seed % 1000) + 1) / 1001})`);
    // Contacts: guardians of pediatric patients (verified) and other numbers.
    await c.tx.execute(sql`
      CREATE TEMP TABLE demo_wa ON COMMIT DROP AS
      WITH g AS (
        SELECT DISTINCT ON (g.phone) g.phone, g.id AS guardian_id, p.id AS patient_id, split_part(g.name, ' ', 1) AS name
        FROM patient_guardians g JOIN patients p ON p.id = g.patient_id
        WHERE g.phone IS NOT NULL AND g.removed_at IS NULL AND p.pediatric AND p.merged_into IS NULL AND p.vital_status = 'ALIVE'
          AND p.unit_id IN (SELECT id FROM units WHERE clues <> 'DFIMS000616')
        ORDER BY g.phone, p.id LIMIT 120)
      SELECT row_number() OVER (ORDER BY phone) AS n, phone, guardian_id, patient_id, name FROM g
      UNION ALL
      SELECT 120 + s, '5255' || lpad((70000000 + s * 7919 % 9999999)::text, 8, '0'), NULL, NULL,
             (ARRAY['Lupita','María','José','Rosa','Juan','Carmen','Luis','Ana','Miguel','Sofía','Érika','Begoña'])[1 + s % 12]
      FROM generate_series(1, 280) s`);
    await c.tx.execute(sql`
      INSERT INTO wa_contacts (phone, wa_id, profile_name, created_at, updated_at, opted_out_at)
      SELECT phone, '521' || substr(phone, 3), name, ${now}::timestamptz - interval '30 days' + (n % 29) * interval '1 day', ${now}::timestamptz,
             CASE WHEN n % 53 = 0 THEN ${now}::timestamptz - (n % 20) * interval '1 day' END
      FROM demo_wa ON CONFLICT (phone) DO NOTHING`);
    await c.tx.execute(sql`
      INSERT INTO wa_contact_children (contact_id, patient_id, guardian_id, method, verified_at)
      SELECT c.id, d.patient_id, d.guardian_id, CASE WHEN d.n % 9 = 0 THEN 'CODE' ELSE 'CURP' END, c.created_at + interval '5 minutes'
      FROM demo_wa d JOIN wa_contacts c ON c.phone = d.phone WHERE d.patient_id IS NOT NULL ON CONFLICT DO NOTHING`);
    // Messages: each contact writes on a few days; each inbound gets one or two replies.
    await c.tx.execute(sql`
      CREATE TEMP TABLE demo_wa_in ON COMMIT DROP AS
      SELECT c.id AS contact_id, c.phone, c.wa_id, c.profile_name, d.n, k,
             ${now}::timestamptz - ((d.n * 7 + k * 13) % 30) * interval '1 day' - (((d.n * 37 + k * 101) % 720) + 60) * interval '1 minute' AS at,
             (ARRAY['hola','1','menu','2','3','Buenas tardes','¿Ya llegó el medicamento?','gracias 🙏','6','Mi hijo tiene cita el lunes','5','4'])[1 + (d.n + k) % 12] AS body
      FROM demo_wa d JOIN wa_contacts c ON c.phone = d.phone, generate_series(1, 3 + (random() * 6)::int) k`);
    await c.tx.execute(sql`
      INSERT INTO wa_inbound (wamid, phone_number_id, wa_id, contact_phone, profile_name, type, text, payload, sent_at, received_at, processed_at, outcome)
      SELECT 'wamid.demo.in.' || n || '.' || k, '100000000000001', wa_id, phone, profile_name, 'text', body,
             json_build_object('from', wa_id, 'type', 'text', 'text', json_build_object('body', body))::jsonb, at, at + interval '1 second', at + interval '2 seconds',
             CASE WHEN body = 'BAJA' THEN 'OPTED_OUT' ELSE 'REPLIED' END
      FROM demo_wa_in`);
    await c.tx.execute(sql`
      INSERT INTO wa_inbound (wamid, phone_number_id, wa_id, contact_phone, profile_name, type, text, payload, sent_at, received_at, processed_at, outcome)
      SELECT 'wamid.demo.baja.' || d.n, '100000000000001', c.wa_id, c.phone, c.profile_name, 'text', 'BAJA', '{"type":"text","text":{"body":"BAJA"}}'::jsonb,
             c.opted_out_at, c.opted_out_at, c.opted_out_at, 'OPTED_OUT'
      FROM demo_wa d JOIN wa_contacts c ON c.phone = d.phone WHERE c.opted_out_at IS NOT NULL`);
    await c.tx.execute(sql`UPDATE wa_contacts c SET last_inbound_at = x.at FROM (SELECT contact_id, max(at) AS at FROM demo_wa_in GROUP BY contact_id) x WHERE x.contact_id = c.id`);
    await c.tx.execute(sql`
      INSERT INTO wa_outbound (contact_id, to_wa_id, wamid, inbound_id, seq, source, kind, text, payload, status, status_rank, error_code, error_title, attempts, created_at, sent_at, delivered_at, read_at)
      SELECT i.contact_id, i.wa_id, 'wamid.demo.out.' || i.n || '.' || i.k || '.' || s, w.id, s, 'BOT', 'text',
             CASE WHEN s = 0 THEN 'Hola ' || COALESCE(i.profile_name, '') || ', soy el asistente del IMSS para familias de niñas y niños con cáncer.' ELSE 'Escribe MENU para ver las opciones.' END,
             '{"type":"text"}'::jsonb,
             CASE WHEN (i.n + i.k) % 41 = 0 THEN 'FAILED' WHEN (i.n + i.k) % 5 = 0 THEN 'DELIVERED' ELSE 'READ' END,
             CASE WHEN (i.n + i.k) % 41 = 0 THEN 2 WHEN (i.n + i.k) % 5 = 0 THEN 3 ELSE 4 END,
             CASE WHEN (i.n + i.k) % 41 = 0 THEN 131026 END, CASE WHEN (i.n + i.k) % 41 = 0 THEN 'Message undeliverable' END,
             1, i.at + interval '3 seconds', i.at + interval '4 seconds',
             CASE WHEN (i.n + i.k) % 41 <> 0 THEN i.at + interval '6 seconds' END,
             CASE WHEN (i.n + i.k) % 41 <> 0 AND (i.n + i.k) % 5 <> 0 THEN i.at + interval '2 minutes' END
      FROM demo_wa_in i JOIN wa_inbound w ON w.wamid = 'wamid.demo.in.' || i.n || '.' || i.k, generate_series(0, CASE WHEN i.k % 2 = 0 THEN 1 ELSE 0 END) s`);
    // Hand-overs: about one contact in eight asked for a person; staff answered after minutes to hours.
    await c.tx.execute(sql`
      INSERT INTO wa_conversations (contact_id, status, topic, note, assigned_to, opened_at, assigned_at, first_reply_at, closed_at, closed_by)
      SELECT i.contact_id, 'CLOSED', 'Hablar con una persona', i.body, ${coordinator}, i.at, i.at + m * interval '1 minute', i.at + m * interval '1 minute', i.at + (m + 25) * interval '1 minute', ${coordinator}
      FROM (SELECT DISTINCT ON (contact_id) contact_id, at, body, n, (3 + (n * 17) % 180) AS m FROM demo_wa_in WHERE n % 8 = 0 AND n > 2 ORDER BY contact_id, at) i`);
    await c.tx.execute(sql`
      INSERT INTO wa_outbound (contact_id, to_wa_id, wamid, source, author_id, kind, text, payload, status, status_rank, attempts, created_at, sent_at, delivered_at, read_at)
      SELECT v.contact_id, c.wa_id, 'wamid.demo.staff.' || v.id, 'STAFF', ${coordinator}, 'text', 'Hola, le atiende el equipo de coordinación. Ya revisamos su caso.', '{"type":"text"}'::jsonb,
             'READ', 4, 1, v.first_reply_at, v.first_reply_at, v.first_reply_at + interval '5 seconds', v.first_reply_at + interval '3 minutes'
      FROM wa_conversations v JOIN wa_contacts c ON c.id = v.contact_id`);
    // Two families waiting for a person right now.
    await c.tx.execute(sql`
      WITH w AS (SELECT c.id, c.phone, c.wa_id, c.profile_name, row_number() OVER (ORDER BY c.phone) AS r FROM wa_contacts c
                 JOIN wa_contact_children l ON l.contact_id = c.id WHERE c.opted_out_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM wa_conversations v WHERE v.contact_id = c.id) LIMIT 2),
      ins AS (INSERT INTO wa_inbound (wamid, phone_number_id, wa_id, contact_phone, profile_name, type, text, payload, sent_at, received_at, processed_at, outcome)
              SELECT 'wamid.demo.wait.' || r, '100000000000001', wa_id, phone, profile_name, 'text', t, json_build_object('type', 'text', 'text', json_build_object('body', t))::jsonb,
                     ${now}::timestamptz - r * interval '12 minutes', ${now}::timestamptz - r * interval '12 minutes', ${now}::timestamptz - r * interval '12 minutes', 'HANDOVER'
              FROM (SELECT *, CASE r WHEN 1 THEN 'Necesito hablar con alguien, no nos dan la quimio de esta semana' ELSE 'Quiero saber cómo tramitar la licencia 140 Bis' END AS t FROM w) x RETURNING 1),
      conv AS (INSERT INTO wa_conversations (contact_id, status, topic, note, opened_at)
               SELECT id, 'WAITING', 'Hablar con una persona', CASE r WHEN 1 THEN 'Medicamento de quimioterapia' ELSE 'Licencia 140 Bis' END, ${now}::timestamptz - r * interval '12 minutes' FROM w RETURNING contact_id)
      UPDATE wa_contacts SET mode = 'HUMAN', last_inbound_at = ${now}::timestamptz - interval '12 minutes' WHERE id IN (SELECT id FROM w)`);
  },
};
