/**
 * The Cloud API webhook. Meta signs the raw body (X-Hub-Signature-256: HMAC-SHA256 with the app
 * secret over the exact bytes; Spanish accents make re-serialised JSON differ, so only the raw
 * bytes are checked). A delivery is answered 200 only once every message and status in it is
 * stored; a repeated wamid is recognised by the unique index and dropped.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../platform/access/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { parseWebhook } from './parse-webhook.ts';
import * as repo from './repo.ts';

export function signatureOf(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function signatureValid(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header || !/^sha256=[0-9a-fA-F]{64}$/.test(header)) return false;
  const expected = Buffer.from(signatureOf(secret, body).slice(7), 'hex');
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** GET handshake: the challenge when mode and token match, otherwise null (403). */
export function verifySubscription(s: Services, q: Record<string, unknown>): string | null {
  const mode = q['hub.mode'];
  const token = q['hub.verify_token'];
  const challenge = q['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
  const a = Buffer.from(token);
  const b = Buffer.from(s.config.whatsapp.verifyToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return challenge;
}

export async function receiveWebhook(s: Services, ctx: RequestContext, raw: Buffer, signature: string | undefined): Promise<{ received: number; duplicates: number; statuses: number }> {
  if (!signatureValid(s.config.whatsapp.appSecret, raw, signature)) {
    await ctx.audit({ action: 'WEBHOOK', entity: 'whatsapp_webhook', outcome: 'DENIED', detail: { reason: signature ? 'SIGNATURE_MISMATCH' : 'SIGNATURE_MISSING', bytes: raw.length } });
    throw new AppError(401, 'SIGNATURE_INVALID', 'La firma X-Hub-Signature-256 no corresponde al cuerpo recibido.', {
      errors: [{ field: 'X-Hub-Signature-256', message: signature ? 'firma incorrecta' : 'falta la firma' }],
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError(400, 'BODY_NOT_JSON', 'El cuerpo de la notificación no es JSON válido.', { errors: [{ field: 'body', message: 'JSON no válido' }] });
  }
  const parsed = parseWebhook(body, s.now());
  if (!parsed.recognised) return { received: 0, duplicates: 0, statuses: 0 };
  const inserted = await repo.storeDelivery(s.db.orm, parsed.messages, parsed.statuses);
  return { received: inserted, duplicates: parsed.messages.length - inserted, statuses: parsed.statuses.length };
}
