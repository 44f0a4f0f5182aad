/**
 * A fake WhatsApp Cloud API (Graph API) for the benchmark, on loopback only. It answers
 * `POST /{version}/{phone-number-id}/messages` as Meta does (`{"messaging_product":"whatsapp",
 * "contacts":[{"input","wa_id"}],"messages":[{"id":"wamid.…"}]}`, or Meta's error object for a bad
 * request) and counts what it was sent: per `biz_opaque_callback_data` (OncoPed puts the
 * wa_outbound id there) and per (recipient, text), so the benchmark can tell whether any reply
 * went out twice, e.g. across a SIGKILL of the server.
 *
 *   PORT=0 npx tsx bench/fake-graph.ts      # prints "fake-graph listening on 127.0.0.1:<port>"
 *   FAKE_GRAPH_DELAY_MS=20                  # answer after 20 ms (Meta's own latency), default 0
 *
 * GET /stats → { requests, sends, rejected, distinctIds, withoutCallback, maxPerId, idsSentTwice: [[id, n]…] (first 50) }
 * GET /stats/ids → { [outboundId]: sends }        GET /stats/pairs → [[recipient, text, sends]…]
 * POST /reset clears the counters.
 */
import http from 'node:http';

const port = Number.parseInt(process.env.PORT ?? '0', 10) || 0;
const delayMs = Number.parseInt(process.env.FAKE_GRAPH_DELAY_MS ?? '0', 10) || 0;

let requests = 0;
let sends = 0;
let rejected = 0;
let withoutCallback = 0;
let counter = 0;
const perId = new Map<string, number>();
const perPair = new Map<string, number>();

/** What a person reads in the message: the text, the interactive body or the template's name. */
function textOf(m: Record<string, unknown>): string {
  const t = m.text as { body?: string } | undefined;
  const i = m.interactive as { body?: { text?: string } } | undefined;
  const tp = m.template as { name?: string } | undefined;
  return t?.body ?? i?.body?.text ?? tp?.name ?? '';
}

function metaError(res: http.ServerResponse, status: number, code: number, message: string): void {
  rejected++;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'AbCdEfGhIjK' } }));
}

function json(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'GET' && url === '/stats') {
    let maxPerId = 0;
    const twice: [string, number][] = [];
    for (const [id, n] of perId) {
      if (n > maxPerId) maxPerId = n;
      if (n > 1 && twice.length < 50) twice.push([id, n]);
    }
    return json(res, { requests, sends, rejected, distinctIds: perId.size, withoutCallback, maxPerId, idsSentTwice: twice });
  }
  if (req.method === 'GET' && url === '/stats/ids') return json(res, Object.fromEntries(perId));
  if (req.method === 'GET' && url === '/stats/pairs') return json(res, [...perPair].map(([k, n]) => [...k.split('\u0000'), n]));
  if (req.method === 'GET' && url === '/health') return json(res, { status: 'ok' });
  if (req.method === 'POST' && url === '/reset') {
    requests = sends = rejected = withoutCallback = 0;
    perId.clear();
    perPair.clear();
    return json(res, { ok: true });
  }
  if (req.method !== 'POST' || !/^\/v\d+\.\d+\/\d+\/messages$/.test(url)) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'Unknown path components', type: 'OAuthException', code: 2500 } }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    requests++;
    if (!/^Bearer \S{10,}$/.test(req.headers.authorization ?? '')) return metaError(res, 401, 190, 'Invalid OAuth access token.');
    let m: Record<string, unknown>;
    try {
      m = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return metaError(res, 400, 100, 'Invalid parameter');
    }
    const to = typeof m.to === 'string' ? m.to : '';
    if (m.messaging_product !== 'whatsapp' || !/^\d{8,15}$/.test(to) || typeof m.type !== 'string' || !(m.type in m)) {
      return metaError(res, 400, 100, '(#100) Invalid parameter');
    }
    sends++;
    const id = typeof m.biz_opaque_callback_data === 'string' ? m.biz_opaque_callback_data : '';
    if (id) perId.set(id, (perId.get(id) ?? 0) + 1);
    else withoutCallback++;
    const pair = `${to}\u0000${textOf(m)}`;
    perPair.set(pair, (perPair.get(pair) ?? 0) + 1);
    const wamid = `wamid.HBgN${Buffer.from(`${to}\x15\x02\x00\x11\x18${(++counter).toString(16).toUpperCase().padStart(20, '0')}`, 'latin1').toString('base64')}`;
    const answer = () => json(res, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: wamid, message_status: 'accepted' }] });
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
});
server.keepAliveTimeout = 65_000;

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`fake-graph listening on 127.0.0.1:${(server.address() as { port: number }).port}\n`);
});
