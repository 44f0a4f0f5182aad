import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DB_MODE, type TestApp } from '../../testing/harness.ts';
import { DataDirError, lockDataDir, openEmbedded } from './embedded.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.services.db.execute('CREATE TABLE tx_probe (id int primary key, n int not null)');
  await t.services.db.execute('CREATE TABLE tx_rows (label text primary key)');
});
afterAll(async () => t?.close());

describe(`transactions on ${TEST_DB_MODE}`, () => {
  it('50 concurrent read-modify-write transactions lose no update', async () => {
    const db = t.services.db;
    await db.execute('INSERT INTO tx_probe VALUES (1, 0)');
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.transaction(async (tx) => {
          const r = (await tx.execute(sqlText('SELECT n FROM tx_probe WHERE id = 1 FOR UPDATE'))) as unknown as { rows: { n: number }[] };
          await sleep(1);
          await tx.execute(sqlText(`UPDATE tx_probe SET n = ${Number(r.rows[0]!.n) + 1} WHERE id = 1`));
        }),
      ),
    );
    const after = await db.execute<{ n: number }>('SELECT n FROM tx_probe WHERE id = 1');
    expect(Number(after.rows[0]!.n)).toBe(50);
  });

  it('a failed transaction rolls back alone: writes made meanwhile outside it are kept', async () => {
    const db = t.services.db;
    const failing = db.transaction(async (tx) => {
      await tx.execute(sqlText("INSERT INTO tx_rows VALUES ('inside-rolled-back')"));
      await sleep(50);
      throw new Error('boom');
    });
    await sleep(5);
    const outside = db.execute("INSERT INTO tx_rows VALUES ('outside-kept')");
    const concurrentTx = db.transaction(async (tx) => {
      await tx.execute(sqlText("INSERT INTO tx_rows VALUES ('other-tx-kept')"));
    });
    await expect(failing).rejects.toThrow('boom');
    await outside;
    await concurrentTx;
    const rows = await db.execute<{ label: string }>('SELECT label FROM tx_rows ORDER BY label');
    expect(rows.rows.map((r) => r.label)).toEqual(['other-tx-kept', 'outside-kept']);
  });

  it('a reader never sees another transaction’s uncommitted write', async () => {
    const db = t.services.db;
    const writer = db.transaction(async (tx) => {
      await tx.execute(sqlText("INSERT INTO tx_rows VALUES ('uncommitted')"));
      await sleep(30);
    });
    await sleep(5);
    const r = await db.execute<{ n: number }>("SELECT count(*)::int AS n FROM tx_rows WHERE label = 'uncommitted'");
    const seenDuring = r.rows[0]!.n;
    await writer;
    // On PostgreSQL the read runs beside the open transaction and sees nothing; on PGlite it waits
    // for the commit and sees the committed row. Either way it never reads uncommitted data.
    expect(seenDuring).toBe(TEST_DB_MODE === 'postgres' ? 0 : 1);
  });
});

describe.runIf(TEST_DB_MODE === 'embedded')('embedded data folder', () => {
  it('a second opener of the same folder is refused at once with a clear message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oncoped-lock-'));
    try {
      writeFileSync(path.join(dir, 'oncoped.lock'), `${process.ppid}\n`); // a live process that is not us
      expect(() => lockDataDir(dir)).toThrow(DataDirError);
      expect(() => lockDataDir(dir)).toThrow(/ya está en uso por otro proceso de OncoPed \(PID \d+\)/);
      writeFileSync(path.join(dir, 'oncoped.lock'), '999999999\n'); // a dead process: stale lock is taken over
      const release = lockDataDir(dir);
      release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('detects and reports a folder whose first initialisation was interrupted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oncoped-partial-'));
    try {
      mkdirSync(path.join(dir, 'pgdata', 'base'), { recursive: true });
      writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), '18\n');
      await expect(openEmbedded({ dataDir: dir })).rejects.toThrow(/está incompleta: su inicialización se interrumpió/);
      // the refusal released the lock
      lockDataDir(dir)();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reopens a closed folder with its data intact', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oncoped-reopen-'));
    try {
      const a = await openEmbedded({ dataDir: dir });
      expect(a.fresh).toBe(true);
      await a.execute('CREATE TABLE kept (v text)');
      await a.execute('INSERT INTO kept VALUES ($1)', ['ñandú']);
      await a.close();
      const b = await openEmbedded({ dataDir: dir });
      expect(b.fresh).toBe(false);
      expect((await b.execute<{ v: string }>('SELECT v FROM kept')).rows).toEqual([{ v: 'ñandú' }]);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Raw SQL for the probe tables, which are not part of the schema. */
function sqlText(text: string) {
  return sql.raw(text);
}
