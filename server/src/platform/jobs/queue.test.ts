import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DB_MODE } from '../../testing/harness.ts';
import { openEmbedded } from '../db/embedded.ts';
import type { Database } from '../db/gateway.ts';
import { openPostgres } from '../db/postgres.ts';
import { JobQueue } from './queue.ts';

const log = pino({ level: 'silent' });

async function waitFor(cond: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await sleep(50);
}

/** Opens the same database twice over a test: a folder (PGlite) or a scratch PostgreSQL database. */
async function scratchStore() {
  if (TEST_DB_MODE === 'postgres') {
    const scratch = await createScratchDatabase();
    return { open: (): Promise<Database> => openPostgres({ url: scratch.url, poolSize: 4 }), dispose: scratch.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'oncoped-jobs-'));
  return { open: (): Promise<Database> => openEmbedded({ dataDir: dir }), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe(`job queue on ${TEST_DB_MODE}`, () => {
  it('runs each job exactly once', async () => {
    const store = await scratchStore();
    const db = await store.open();
    const seen: number[] = [];
    const q = new JobQueue(db, log, { pollingIntervalSeconds: 0.5 });
    q.define<{ n: number }>({ name: 'test.count', handler: async ({ n }) => void seen.push(n) });
    await q.start();
    for (let n = 0; n < 20; n++) await q.send('test.count', { n });
    await waitFor(() => seen.length >= 20, 20_000);
    await sleep(1000);
    await q.stop();
    await db.close();
    await store.dispose();
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps a queued job across a restart and runs it after', async () => {
    const store = await scratchStore();
    const first = await store.open();
    const q1 = new JobQueue(first, log, { pollingIntervalSeconds: 0.5 });
    const ran: string[] = [];
    q1.define<{ who: string }>({ name: 'test.later', handler: async ({ who }) => void ran.push(`first:${who}`) });
    await q1.start();
    await q1.send('test.later', { who: 'ana' }, { startAfter: new Date(Date.now() + 3_000) });
    await q1.stop();
    await first.close();

    const second = await store.open();
    const q2 = new JobQueue(second, log, { pollingIntervalSeconds: 0.5 });
    q2.define<{ who: string }>({ name: 'test.later', handler: async ({ who }) => void ran.push(`second:${who}`) });
    await q2.start();
    await waitFor(() => ran.length > 0, 20_000);
    await sleep(1000);
    await q2.stop();
    await second.close();
    await store.dispose();
    expect(ran).toEqual(['second:ana']);
  });

  it.runIf(TEST_DB_MODE === 'postgres')('two workers on one database never run the same job twice', async () => {
    const store = await scratchStore();
    const [a, b] = [await store.open(), await store.open()];
    const seen: string[] = [];
    const queues = [a, b].map((db, i) => {
      const q = new JobQueue(db, log, { pollingIntervalSeconds: 0.5 });
      q.define<{ n: number }>({ name: 'test.shared', handler: async ({ n }) => void seen.push(`${i}:${n}`) });
      return q;
    });
    for (const q of queues) await q.start();
    for (let n = 0; n < 30; n++) await queues[n % 2]!.send('test.shared', { n });
    await waitFor(() => seen.length >= 30, 20_000);
    await sleep(1000);
    for (const q of queues) await q.stop();
    await a.close();
    await b.close();
    await store.dispose();
    const ns = seen.map((s) => Number(s.split(':')[1])).sort((x, y) => x - y);
    expect(ns).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
