import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => t?.close());

const unit = (clues: string) => ({
  clues, name: `Hospital ${clues}`, shortName: clues, level: 'SECOND_LEVEL', state: 'Sonora', delegation: 'Sonora', activeFrom: '2023-05-04',
});
const create = (payload: object, key?: string, who = admin) =>
  t.app.inject({ method: 'POST', url: '/api/units', payload, headers: { ...authHeaders(who), ...(key ? { 'idempotency-key': key } : {}) } });

describe('Idempotency-Key on writes', () => {
  it('a repeated request gets the first answer and creates nothing more', async () => {
    const first = await create(unit('SRIMS000501'), 'alta-unidad-0001');
    const again = await create(unit('SRIMS000501'), 'alta-unidad-0001');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const found = await t.app.inject({ method: 'GET', url: '/api/units?q=SRIMS000501', headers: { cookie: admin.cookie } });
    expect(found.json().items).toHaveLength(1);
  });

  it('five concurrent double-clicks create one unit', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => create(unit('SRIMS000502'), 'doble-clic-0002')));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    const found = await t.app.inject({ method: 'GET', url: '/api/units?q=SRIMS000502', headers: { cookie: admin.cookie } });
    expect(found.json().items).toHaveLength(1);
  });

  it('the same key with another body is refused with 422', async () => {
    const res = await create(unit('SRIMS000503'), 'alta-unidad-0001');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keys belong to their user: another user’s identical key is a new request', async () => {
    const admin2 = await createAdmin();
    const res = await create(unit('SRIMS000504'), 'alta-unidad-0001', admin2);
    expect(res.statusCode).toBe(201);
  });

  it('a rejected request is replayed as the same rejection', async () => {
    const bad = await create({ ...unit('SRIMS000505'), state: 'Texas' }, 'mala-solicitud-01');
    const again = await create({ ...unit('SRIMS000505'), state: 'Texas' }, 'mala-solicitud-01');
    expect(bad.statusCode).toBe(400);
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('a malformed key is refused naming the header', async () => {
    const res = await create(unit('SRIMS000506'), 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('encabezado Idempotency-Key');
  });
});

async function createAdmin(): Promise<LoggedIn> {
  await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: authHeaders(admin),
    payload: { username: 'admin2', displayName: 'Segunda administración', password: 'Temporal-2026-xyz', roles: ['admin'] },
  });
  const s = await login(t.app, 'admin2', 'Temporal-2026-xyz');
  await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: authHeaders(s), payload: { currentPassword: 'Temporal-2026-xyz', newPassword: 'Segunda-2026-xyz' } });
  return s;
}
