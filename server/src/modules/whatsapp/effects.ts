/**
 * What the flow's `invoke` actions do, inside the transaction that processes the message: verify a
 * guardian, create a caso específico or a supply request, list the family's cases, hand over to a
 * person. Every effect is audited with the message's id; nothing here trusts what the contact types
 * beyond what the registry confirms.
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import type { Tx } from '../../platform/db/gateway.ts';
import { MEXICO_TIME_ZONE } from '../../platform/time.ts';
import { createCaseInTx } from '../meetings/create-case.ts';
import { listFamilyCases } from '../meetings/list-family-cases.ts';
import { CASE_CATEGORIES, type CaseCategory } from '../meetings/schema.ts';
import { childSummaries, curpExists, findChildOfGuardian, type ChildSummary } from '../patients/guardian-links.ts';
import { createSupplyRequestInTx } from '../supply-requests/create-supply-request.ts';
import { SUPPLY_URGENCIES, type SupplyUrgency } from '../supply-requests/schema.ts';
import type { EffectName, FlowEffects } from './flow/types.ts';
import * as repo from './repo.ts';

/** Failed verifications allowed before a one-hour lock (a CURP is guessable, a birth date too). */
export const MAX_VERIFY_FAILURES = 5;
const LOCK_MINUTES = 60;

export interface EffectEnv {
  tx: Tx;
  ctx: Pick<RequestContext, 'auditRow'>;
  now: Date;
  /** When the family sent the message (the Tuesday rule counts from here). */
  receivedAt: Date;
  contact: repo.ContactRow;
  children: ChildSummary[];
  /** Set by `handover`; the processor switches the contact to the staff inbox. */
  handover?: { topic: string; note: string | null };
}

export const hashCode = (code: string) => createHash('sha256').update(`wa-code:${code}`).digest('hex');

const dateFormat = new Intl.DateTimeFormat('es-MX', { weekday: 'long', day: 'numeric', month: 'long', timeZone: MEXICO_TIME_ZONE });
/** "jueves 26 de noviembre" */
export const spanishDate = (d: Date) => dateFormat.format(d).replace(',', '');

function reporter(env: EffectEnv, guardianName: string | null): string | null {
  return guardianName ?? env.contact.profileName ?? null;
}

function childOf(env: EffectEnv, patientId: string | undefined): ChildSummary | undefined {
  return env.children.find((c) => c.patientId === patientId);
}

async function audit(env: EffectEnv, action: string, detail: Record<string, unknown>, outcome: 'SUCCESS' | 'DENIED' = 'SUCCESS', entityId?: string) {
  await writeAuditInTx(env.tx, [env.ctx.auditRow({ action, entity: 'wa_contact', entityId: entityId ?? env.contact.id, outcome, detail })]);
}

async function failVerification(env: EffectEnv, reason: string, detail: Record<string, unknown>): Promise<Record<string, string>> {
  const failures = env.contact.verifyFailures + 1;
  const locked = failures >= MAX_VERIFY_FAILURES;
  await repo.updateContact(env.tx, env.contact.id, {
    verifyFailures: locked ? 0 : failures,
    verifyLockedUntil: locked ? new Date(env.now.getTime() + LOCK_MINUTES * 60_000) : undefined,
  });
  env.contact.verifyFailures = locked ? 0 : failures;
  await audit(env, 'VERIFY_GUARDIAN', { reason, ...detail, failures, locked }, 'DENIED');
  return { status: locked ? 'locked' : 'no_match' };
}

async function linked(env: EffectEnv, patientId: string, guardianId: string | null, method: 'CURP' | 'CODE'): Promise<Record<string, string>> {
  await repo.linkChild(env.tx, { contactId: env.contact.id, patientId, guardianId, method });
  await repo.updateContact(env.tx, env.contact.id, { verifyFailures: 0, verifyLockedUntil: null });
  env.contact.verifyFailures = 0;
  env.children = await childSummaries(env.tx, await repo.contactChildIds(env.tx, env.contact.id));
  await audit(env, 'VERIFY_GUARDIAN', { method, patientId });
  const child = childOf(env, patientId);
  return { status: 'ok', childName: child?.firstName ?? '', unitName: child?.unitName ?? '' };
}

function isLocked(env: EffectEnv): boolean {
  return !!env.contact.verifyLockedUntil && new Date(env.contact.verifyLockedUntil) > env.now;
}

async function verifyCurp(env: EffectEnv, p: Record<string, string>) {
  if (isLocked(env)) return { status: 'locked' };
  const curp = (p.curp ?? '').toUpperCase().replace(/\s/g, '');
  const birthDate = p.birthDate ?? '';
  if (!/^[A-Z0-9]{18}$/.test(curp) || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return { status: 'invalid' };
  const found = await findChildOfGuardian(env.tx, { curp, birthDate, phone: env.contact.phone });
  if (!found) {
    // The audit says why (for the registry's staff); the contact is told nothing either way.
    const exists = await curpExists(env.tx, curp);
    return failVerification(env, exists ? 'NOT_GUARDIAN_OR_WRONG_BIRTH_DATE' : 'UNKNOWN_CURP', {});
  }
  return linked(env, found.patientId, found.guardianId, 'CURP');
}

async function verifyCode(env: EffectEnv, p: Record<string, string>) {
  if (isLocked(env)) return { status: 'locked' };
  const code = (p.code ?? '').replace(/\D/g, '');
  if (code.length !== 6) return { status: 'invalid' };
  const found = await repo.consumeVerificationCode(env.tx, hashCode(code), env.contact.id, env.now);
  if (!found) return failVerification(env, 'CODE_INVALID_OR_USED', {});
  return linked(env, found.patientId, found.guardianId, 'CODE');
}

function caseResults(created: { id: string; code: string | null; meeting: { number: number; scheduledAt: Date } | null }, prefix = ''): Record<string, string> {
  return {
    [`${prefix}id`]: created.id,
    [`${prefix}code`]: created.code ?? '',
    [`${prefix}hasCode`]: created.code ? 'yes' : 'no',
    [`${prefix}meetingNumber`]: created.meeting ? String(created.meeting.number) : '',
    [`${prefix}meetingDate`]: created.meeting ? spanishDate(created.meeting.scheduledAt) : '',
    [`${prefix}folio`]: created.code ? `CE ${created.code}` : `R-${created.id.slice(0, 8).toUpperCase()}`,
  };
}

async function createCase(env: EffectEnv, p: Record<string, string>) {
  const child = childOf(env, p.patientId);
  if (!child) {
    await audit(env, 'CREATE_CASE', { reason: 'NOT_OWN_CHILD' }, 'DENIED');
    return { status: 'not_allowed' };
  }
  const description = (p.description ?? '').trim().slice(0, 4000);
  if (description.length < 3) return { status: 'invalid' };
  const category = (CASE_CATEGORIES as readonly string[]).includes(p.category ?? '') ? (p.category as CaseCategory) : 'OTHER';
  const firstLine = description.split('\n')[0]!;
  const created = await createCaseInTx(
    env.tx,
    env.ctx,
    {
      channel: 'CHATBOT',
      category,
      title: firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine,
      description,
      patientId: child.patientId,
      unitId: child.unitId,
      reporterName: reporter(env, await repo.guardianNameOf(env.tx, env.contact.id, child.patientId)) ?? undefined,
      reporterPhone: env.contact.phone,
    } as Parameters<typeof createCaseInTx>[2],
    { receivedAt: env.receivedAt, createdBy: null },
  );
  await repo.updateContact(env.tx, env.contact.id, { fields: { lastCaseId: created.id, lastCaseAt: env.now.toISOString() } });
  return { status: 'ok', ...caseResults(created) };
}

async function createSupplyRequest(env: EffectEnv, p: Record<string, string>) {
  const child = childOf(env, p.patientId);
  if (!child) {
    await audit(env, 'CREATE_SUPPLY_REQUEST', { reason: 'NOT_OWN_CHILD' }, 'DENIED');
    return { status: 'not_allowed' };
  }
  const item = (p.item ?? '').trim();
  if (item.length < 2) return { status: 'invalid' };
  const urgency: SupplyUrgency = (SUPPLY_URGENCIES as readonly string[]).includes(p.urgency ?? '') ? (p.urgency as SupplyUrgency) : 'THIS_WEEK';
  const req = await createSupplyRequestInTx(
    env.tx,
    env.ctx,
    {
      patientId: child.patientId,
      unitId: child.unitId,
      item,
      urgency,
      channel: 'CHATBOT',
      requesterName: reporter(env, await repo.guardianNameOf(env.tx, env.contact.id, child.patientId)),
      requesterPhone: env.contact.phone,
      receivedAt: env.receivedAt,
    },
    null,
  );
  await repo.updateContact(env.tx, env.contact.id, {
    fields: { lastSupplyRequestId: req.id, lastCaseId: req.case.id, lastCaseAt: env.now.toISOString() },
  });
  return { status: 'ok', folio: req.folio, id: req.id, ...caseResults(req.case, 'case.') };
}

const shortDate = new Intl.DateTimeFormat('es-MX', { day: '2-digit', month: '2-digit', timeZone: 'UTC' });

async function listCases(env: EffectEnv) {
  const cases = await listFamilyCases(env.tx, env.children.map((c) => c.patientId), 10);
  const lines = cases.map((c) => {
    const code = c.code ? `CE ${c.code}` : 'Sin número aún';
    const update = c.lastUpdateText ? `\n   Última actualización (${shortDate.format(new Date(`${c.lastUpdateDate}T12:00:00Z`))}): ${c.lastUpdateText.slice(0, 160)}` : '';
    const meeting = c.meetingNumber && c.status === 'RECEIVED' ? ` · reunión ${c.meetingNumber}` : '';
    return `• ${code} — ${c.title.slice(0, 80)}\n   Estado: ${c.statusLabel}${meeting}${update}`;
  });
  await audit(env, 'LIST_OWN_CASES', { count: cases.length });
  return { status: 'ok', count: String(cases.length), text: lines.join('\n') };
}

async function handover(env: EffectEnv, p: Record<string, string>) {
  env.handover = { topic: (p.topic ?? '').slice(0, 200) || 'Solicitud de atención', note: p.note?.slice(0, 1000) || null };
  return { status: 'ok' };
}

/** The effects of one message's flow step; `env` carries what they change back to the processor. */
export function makeEffects(env: EffectEnv): FlowEffects {
  const table: Record<EffectName, (p: Record<string, string>) => Promise<Record<string, string>>> = {
    verify_curp: (p) => verifyCurp(env, p),
    verify_code: (p) => verifyCode(env, p),
    create_case: (p) => createCase(env, p),
    create_supply_request: (p) => createSupplyRequest(env, p),
    list_cases: () => listCases(env),
    handover: (p) => handover(env, p),
    opt_out: async () => {
      await repo.updateContact(env.tx, env.contact.id, { optedOut: true });
      return { status: 'ok' };
    },
    opt_in: async () => {
      await repo.updateContact(env.tx, env.contact.id, { optedOut: false });
      return { status: 'ok' };
    },
  };
  return {
    invoke: async (name, params) => {
      const fn = table[name];
      if (!fn) return { status: 'unknown_effect' };
      return fn(params);
    },
  };
}
