import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from './schema.ts';
import type { Database, Db, SqlResult } from './gateway.ts';

export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

const READY_MARKER = 'pgdata-ready';
const LOCK_FILE = 'oncoped.lock';

/** Contrib extensions available in both modes (PostgreSQL ships them in postgresql-contrib). */
const extensions = { pg_trgm, unaccent, btree_gist, citext };

/**
 * Takes an exclusive lock on the data folder: a second process must refuse at once rather than
 * open the same PGlite files (two writers corrupt them). A lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) rmSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirError(
          `La carpeta de datos ${dataDir} ya está en uso por otro proceso de OncoPed (PID ${owner}). ` +
            'Detenga ese proceso o use otra carpeta con DATA_DIR.',
        );
      }
      rmSync(lockPath, { force: true }); // stale lock from a process that no longer exists
    }
  }
  throw new DataDirError(`No se pudo bloquear la carpeta de datos ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Checks that an existing PGlite folder finished its first initialisation. A folder without the
 * ready marker, or without the files PostgreSQL needs, was interrupted and cannot be trusted.
 */
export function checkPgData(pgdata: string): 'empty' | 'ready' {
  if (!existsSync(pgdata) || readdirSync(pgdata).length === 0) return 'empty';
  const complete =
    existsSync(path.join(pgdata, READY_MARKER)) &&
    existsSync(path.join(pgdata, 'PG_VERSION')) &&
    existsSync(path.join(pgdata, 'global', 'pg_control'));
  if (!complete) {
    throw new DataDirError(
      `La carpeta de datos ${pgdata} está incompleta: su inicialización se interrumpió. ` +
        'Muévala o bórrela para crear una nueva (se perderán los datos que tuviera).',
    );
  }
  return 'ready';
}

export interface EmbeddedOptions {
  /** Folder for the data; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

export async function openEmbedded(opts: EmbeddedOptions): Promise<Database & { fresh: boolean }> {
  const inMemory = opts.dataDir.startsWith('memory://');
  let release = (): void => {};
  let fresh = true;
  let pgdata = opts.dataDir;
  if (!inMemory) {
    release = lockDataDir(opts.dataDir);
    pgdata = path.join(opts.dataDir, 'pgdata');
    try {
      fresh = checkPgData(pgdata) === 'empty';
    } catch (err) {
      release();
      throw err;
    }
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: pgdata, extensions });
    if (!inMemory && fresh) closeSync(openSync(path.join(pgdata, READY_MARKER), 'w'));
  } catch (err) {
    release();
    throw err;
  }
  const orm = drizzle({ client, schema }) as unknown as Db;
  let closed = false;
  return {
    mode: 'embedded',
    fresh,
    orm,
    transaction: (fn) => orm.transaction(fn),
    async execute<R>(text: string, values: unknown[] = []): Promise<SqlResult<R>> {
      if (values.length === 0) {
        // exec runs several statements in one call (the job queue's migrations need it).
        const all = await client.exec(text);
        const last = all[all.length - 1];
        return { rows: (last?.rows ?? []) as R[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
      }
      const res = await client.query<R>(text, values);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async serverVersion() {
      const r = await client.query<{ v: string }>('SHOW server_version');
      return r.rows[0]?.v ?? '';
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
