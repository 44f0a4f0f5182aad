import { dateInMexico } from '../../platform/time.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { makeCurp } from '../registry/domain/curp.ts';

/** Helpers shared by the clinical tests (a real app, real database, the demo accounts). */
export function clinicalKit(t: () => TestApp) {
  const today = () => dateInMexico(t().services.now());
  const daysAgo = (n: number, from = today()) => new Date(Date.parse(`${from}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const at = (date: string, time = '10:00') => `${date}T${time}:00-06:00`;

  const get = (url: string, who: LoggedIn) => t().app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, who: LoggedIn, payload: object) =>
    t().app.inject({ method, url, headers: authHeaders(who), payload });

  let serial = 0;
  const GIVEN = ['ANA', 'LUIS', 'SOFIA', 'DIEGO', 'VALERIA', 'MATEO', 'REGINA', 'SANTIAGO', 'XIMENA', 'EMILIANO', 'RENATA', 'LEONARDO'];
  const SURNAMES = ['GARCIA', 'HERNANDEZ', 'LOPEZ', 'MARTINEZ', 'GONZALEZ', 'PEREZ', 'RODRIGUEZ', 'SANCHEZ', 'RAMIREZ', 'TORRES', 'FLORES', 'RIVERA'];

  /** Registers a patient through the API as `who`, in `unitId`. */
  async function registerPatient(
    who: LoggedIn,
    unitId: string,
    opts: { birthDate?: string; sex?: 'H' | 'M'; guardians?: boolean; consents?: boolean } = {},
  ): Promise<{ id: string; birthDate: string }> {
    const i = serial++;
    const givenNames = GIVEN[i % GIVEN.length]!;
    const firstSurname = SURNAMES[(i * 5 + 3) % SURNAMES.length]!;
    const secondSurname = SURNAMES[(i * 7 + 1) % SURNAMES.length]!;
    const birthDate = opts.birthDate ?? daysAgo(7 * 365 + i);
    const sex = opts.sex ?? (i % 2 ? 'H' : 'M');
    const curp = makeCurp({ firstSurname, secondSurname, givenNames, birthDate, sex, stateCode: 'DF' });
    const res = await send('POST', '/api/patients', who, {
      curp,
      givenNames,
      firstSurname,
      secondSurname,
      birthDate,
      sex,
      unitId,
      guardians: opts.guardians === false ? [] : [{ name: 'MARIA TUTORA', relationship: 'MOTHER', phone: '55 1234 5678', whatsapp: true }],
      consents: opts.consents === false ? [] : [{ kind: 'PRIVACY_NOTICE', grantedBy: 'MARIA TUTORA', grantedOn: today() }],
    });
    if (res.statusCode !== 201) throw new Error(`register ${res.statusCode} ${res.body}`);
    return { id: res.json().id, birthDate };
  }

  /** A malignant pre-B ALL of the bone marrow diagnosed on `date`. */
  const allDiagnosis = (date: string) => ({ topography: 'C42.1', morphology: '9836', behaviour: 3, basis: 7, diagnosisDate: date, laterality: 'NOT_APPLICABLE' });

  async function ok<T = Record<string, unknown>>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 201): Promise<T> {
    const res = await p;
    if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
    return res.json() as T;
  }

  const auditRows = (entityId: string) =>
    rowsOf<{ action: string; entity: string; outcome: string; detail: Record<string, unknown> | null; actorUsername: string }>(
      t().services.db.orm,
      sql`SELECT action, entity, outcome, detail, actor_username AS "actorUsername" FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`,
    );

  return { today, daysAgo, at, get, send, registerPatient, allDiagnosis, ok, auditRows };
}
