import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../modules/units/schema.ts';
import { createTestApp, login, type TestApp } from '../../testing/harness.ts';
import { makeContext } from './context.ts';
import { unitScope } from './guard.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The context a real request of this user would carry. */
async function contextOf(username: string) {
  const s = await login(t.app, username);
  const actor = await t.services.sessions.resolve(decodeURIComponent(s.cookie.split('=')[1]!));
  return makeContext({ requestId: 'test', ip: '127.0.0.1', userAgent: null, actor }, async () => {});
}

async function visibleClues(username: string, limit = 100) {
  const ctx = await contextOf(username);
  const rows = await t.services.db.orm
    .select({ clues: units.clues })
    .from(units)
    .where(unitScope(ctx, units.id))
    .orderBy(asc(units.name))
    .limit(limit);
  return rows.map((r) => r.clues);
}

describe('unit scope is a SQL condition', () => {
  it('unit staff see only rows of their own units', async () => {
    expect(await visibleClues('medico')).toEqual(['DFIMS000616']);
    expect(await visibleClues('medico.laraza')).toEqual(['DFIMS000061']);
    expect(await visibleClues('farmacia')).toEqual(['SPIMS000026']);
  });

  it('national coordination sees every unit, and the LIMIT pages over the visible rows only', async () => {
    expect(await visibleClues('coordinacion')).toHaveLength(47);
    expect(await visibleClues('medico', 10)).toEqual(['DFIMS000616']);
  });

  it('a parent and a donor see no unit rows at all', async () => {
    expect(await visibleClues('tutor')).toEqual([]);
    expect(await visibleClues('donante')).toEqual([]);
  });

  it('a request without a session sees nothing', async () => {
    const ctx = makeContext({ requestId: 't', ip: '127.0.0.1', userAgent: null, actor: null }, async () => {});
    const rows = await t.services.db.orm.select().from(units).where(unitScope(ctx, units.id));
    expect(rows).toEqual([]);
  });
});
