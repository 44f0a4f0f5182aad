import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DB_MODE } from '../testing/harness.ts';
import { spawnServer, waitHealthy } from '../testing/spawn-server.ts';

const SECRET = { SESSION_SECRET: 'process-test-secret-0123456789-abcdefghijkl' };

describe('the server process', () => {
  it.runIf(TEST_DB_MODE === 'embedded')('a second process on the same embedded folder refuses at once; SIGTERM closes cleanly', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oncoped-proc-'));
    try {
      const first = await spawnServer({ DATA_DIR: dir, ...SECRET });
      await waitHealthy(first);
      const t0 = Date.now();
      const second = await spawnServer({ DATA_DIR: dir, ...SECRET });
      const code = await second.exited;
      expect(code).toBe(3);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(second.output()).toMatch(/ya está en uso por otro proceso de OncoPed \(PID \d+\)/);
      // the first one is unharmed
      expect((await fetch(`http://127.0.0.1:${first.port}/api/health`)).status).toBe(200);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      // and the folder opens again
      const third = await spawnServer({ DATA_DIR: dir, ...SECRET });
      await waitHealthy(third);
      third.child.kill('SIGTERM');
      expect(await third.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start with an invalid variable, naming it', async () => {
    const port = await spawnServer({ PORT: 'ochenta', DATA_DIR: '/tmp/never-used-oncoped', ...SECRET });
    expect(await port.exited).toBe(2);
    expect(port.output()).toContain('PORT: debe ser un número');
    const bad = await spawnServer({ DATABASE_URL: 'mysql://x', ...SECRET });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('DATABASE_URL: debe empezar con postgres:// o postgresql://');
  });

  it.runIf(TEST_DB_MODE === 'postgres')('SIGKILL during a burst of writes loses no acknowledged write', async () => {
    const scratch = await createScratchDatabase();
    try {
      const env = { DATABASE_URL: scratch.url, ...SECRET };
      const server = await spawnServer(env);
      await waitHealthy(server);
      const base = `http://127.0.0.1:${server.port}`;
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin-demo' }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const acknowledged: string[] = [];
      let killed = false;
      const writer = async (w: number) => {
        for (let i = 0; i < 200 && !killed; i++) {
          const clues = `ZSIMS${String(w * 1000 + i).padStart(6, '0')}`;
          try {
            const res = await fetch(`${base}/api/units`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
              body: JSON.stringify({ clues, name: `Unidad de carga ${clues}`, shortName: clues, level: 'SECOND_LEVEL', state: 'Zacatecas', delegation: 'Zacatecas', activeFrom: '2024-01-01' }),
            });
            if (res.status === 201) acknowledged.push(clues);
          } catch {
            return; // connection cut by the kill
          }
        }
      };
      const writers = Array.from({ length: 8 }, (_, w) => writer(w));
      while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 10));
      server.child.kill('SIGKILL');
      killed = true;
      await server.exited;
      await Promise.all(writers);

      const again = await spawnServer(env);
      await waitHealthy(again);
      const relogin = await fetch(`http://127.0.0.1:${again.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin-demo' }),
      });
      const cookie2 = relogin.headers.get('set-cookie')!.split(';')[0]!;
      const stored = new Set<string>();
      let cursor: string | null = null;
      do {
        const res = await fetch(`http://127.0.0.1:${again.port}/api/units?limit=200&q=ZSIMS${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: cookie2 } });
        const body = (await res.json()) as { items: { clues: string }[]; nextCursor: string | null };
        body.items.forEach((u) => stored.add(u.clues));
        cursor = body.nextCursor;
      } while (cursor);
      again.child.kill('SIGTERM');
      await again.exited;
      const lost = acknowledged.filter((c) => !stored.has(c));
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(lost).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
