/**
 * The simulator's message: what a parent types on the simulated phone becomes a real Cloud API
 * webhook delivery (text, or the reply to a button or list row), signed with the app secret and
 * posted to our own webhook through the whole HTTP pipeline, exactly as Meta would.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { webhookDelivery } from './cloud-api.ts';
import { mexicanWaId } from './phone.ts';
import { signatureOf } from './receive-webhook.ts';
import * as repo from './repo.ts';

export interface SimulatedMessage {
  phone: string;
  name?: string;
  text?: string;
  replyId?: string;
  replyTitle?: string;
  /** Which kind of bot message was tapped (default: a reply button). */
  replyKind?: 'button' | 'list';
}

export function simulatorInfo(s: Services) {
  return {
    enabled: true,
    businessNumber: s.config.whatsapp.businessNumber,
    phoneNumberId: s.config.whatsapp.phoneNumberId,
  };
}

export async function simulatorDemoContacts(s: Services) {
  const families = await repo.demoFamilies(s.db.orm, 2);
  return [
    ...families.map((f) => ({
      phone: f.phone,
      name: f.guardianName.split(' ')[0]!,
      hint: `Tutor(a) de ${f.childName} (${f.unitName}). Para verificarse: CURP ${f.curp}, fecha de nacimiento ${f.birthDate}.`,
    })),
    { phone: '525500000001', name: 'Número sin registro', hint: 'Este número no es de ninguna persona responsable del registro: solo verá la información pública.' },
  ];
}

/** Builds the Cloud API payload Meta would send for this message. */
export function cloudPayload(s: Services, m: SimulatedMessage, wamid: string, at: Date): Record<string, unknown> {
  const from = mexicanWaId(m.phone);
  const base = { from, id: wamid, timestamp: String(Math.floor(at.getTime() / 1000)) };
  const message = m.replyId
    ? m.replyKind === 'list'
      ? { ...base, type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: m.replyId, title: m.replyTitle ?? '' } } }
      : { ...base, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: m.replyId, title: m.replyTitle ?? '' } } }
    : { ...base, type: 'text', text: { body: m.text ?? '' } };
  return webhookDelivery({
    displayNumber: s.config.whatsapp.businessNumber,
    phoneNumberId: s.config.whatsapp.phoneNumberId,
    contacts: [{ name: m.name?.trim() || 'Familia', waId: from }],
    messages: [message],
  });
}

export async function simulateMessage(s: Services, app: FastifyInstance, m: SimulatedMessage) {
  const digits = m.phone.replace(/\D/g, '');
  if (!/^(\d{10}|52\d{10}|521\d{10})$/.test(digits)) throw validationFailed([{ field: 'phone', message: 'escriba 10 dígitos (o 52 y 10 dígitos)' }]);
  if (!m.replyId && !(m.text ?? '').trim()) throw validationFailed([{ field: 'text', message: 'escriba un mensaje' }]);
  if ((m.text ?? '').length > 4096) throw validationFailed([{ field: 'text', message: 'WhatsApp admite hasta 4 096 caracteres' }]);
  const wamid = `wamid.SIM${randomBytes(12).toString('hex').toUpperCase()}`;
  const payload = cloudPayload(s, m, wamid, s.now());
  const raw = Buffer.from(JSON.stringify(payload), 'utf8');
  const res = await app.inject({
    method: 'POST',
    url: '/api/whatsapp/webhook',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureOf(s.config.whatsapp.appSecret, raw) },
    payload: raw,
  });
  if (res.statusCode !== 200) throw new AppError(502, 'SIMULATOR_DELIVERY_FAILED', `El webhook respondió ${res.statusCode}.`);
  return { wamid };
}
