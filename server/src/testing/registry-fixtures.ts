import type { FastifyInstance } from 'fastify';
import { makeCurp, curpCheckDigit } from '../modules/registry/domain/curp.ts';
import { authHeaders, type LoggedIn } from './harness.ts';

let counter = 0;

/** A child with a valid CURP that no other fixture uses (distinct homonymy per call). */
export function childInput(unitId: string, over: Partial<Record<string, unknown>> = {}) {
  counter++;
  const givenNames = (over.givenNames as string) ?? 'Sofía';
  const firstSurname = (over.firstSurname as string) ?? 'Hernández';
  const secondSurname = (over.secondSurname as string) ?? 'López';
  const birthDate = (over.birthDate as string) ?? `2015-03-${String((counter % 28) + 1).padStart(2, '0')}`;
  const sex = (over.sex as 'H' | 'M') ?? 'M';
  const letters = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';
  const homonymy = birthDate < '2000' ? String(counter % 10) : letters[counter % letters.length]!;
  const curp = makeCurp({ firstSurname, secondSurname, givenNames, birthDate, sex, stateCode: 'DF', homonymy });
  return {
    curp,
    givenNames,
    firstSurname,
    secondSurname,
    birthDate,
    sex,
    unitId,
    state: 'Ciudad de México',
    guardians: [{ name: 'María López Ruiz', relationship: 'MOTHER', phone: '55 1234 5678', whatsapp: true }],
    consents: [{ kind: 'PRIVACY_NOTICE', grantedBy: 'María López Ruiz', grantedOn: '2024-01-10' }],
    ...over,
  };
}

/** Same CURP with its check digit replaced by a wrong one. */
export function withBadCheckDigit(curp: string): string {
  const right = curpCheckDigit(curp.slice(0, 17));
  return curp.slice(0, 17) + String((right + 1) % 10);
}

export async function registerPatient(app: FastifyInstance, who: LoggedIn, body: object) {
  const res = await app.inject({ method: 'POST', url: '/api/patients', headers: authHeaders(who), payload: body });
  if (res.statusCode !== 201) throw new Error(`register failed ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string; curp: string; unitId: string; version: number; pediatric: boolean };
}

export async function unitIdByClues(app: FastifyInstance, who: LoggedIn, clues: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/units?q=${clues}`, headers: { cookie: who.cookie } });
  const u = (res.json().items as { id: string; clues: string }[]).find((x) => x.clues === clues);
  if (!u) throw new Error(`unit ${clues} not found`);
  return u.id;
}
