import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has defaults: port 8080, embedded database in ./data', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oncoped-cfg-'));
    try {
      const c = loadConfig({ DATA_DIR: dir });
      expect(c).toMatchObject({ port: 8080, databaseMode: 'embedded', dataDir: dir, demoData: true, logLevel: 'info' });
      expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://u@h/db' }).databaseMode).toBe('postgres');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('generates the session secret once, keeps it in the data folder with mode 0600', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oncoped-cfg-'));
    try {
      const a = loadConfig({ DATA_DIR: dir });
      const b = loadConfig({ DATA_DIR: dir });
      expect(a.sessionSecret).toHaveLength(64);
      expect(b.sessionSecret).toBe(a.sessionSecret);
      const file = path.join(dir, 'session-secret');
      expect(readFileSync(file, 'utf8').trim()).toBe(a.sessionSecret);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ PORT: '99999' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ SESSION_SECRET: 'corto' }, 'SESSION_SECRET'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ DEMO_DATA: 'quizá' }, 'DEMO_DATA'],
    [{ ADMIN_USERNAME: 'jefa' }, 'ADMIN_USERNAME'],
  ])('rejects %o with a message naming %s', (env, name) => {
    expect(() => loadConfig({ DATA_DIR: '/tmp/oncoped-cfg-never', SESSION_SECRET: 'x'.repeat(40), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: '/tmp/oncoped-cfg-never', SESSION_SECRET: 'x'.repeat(40), ...env })).toThrow(name);
  });
});
