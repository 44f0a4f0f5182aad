/**
 * Builds the web client (web/ → dist/web) only when it is missing or older than its sources.
 * `npm start` runs it before the server; the browser tests' global setup runs it too.
 * The fast path only compares modification times and never loads Vite.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIR = path.join(ROOT, 'web');
export const DIST_DIR = path.join(ROOT, 'dist', 'web');
export const VITE_CONFIG = path.join(ROOT, 'vite.config.ts');

/** Files outside web/ that end up in the bundle or change how it is built. */
const EXTRA_INPUTS = [
  VITE_CONFIG,
  path.join(ROOT, 'package-lock.json'),
  path.join(ROOT, 'tsconfig.json'),
  // The client imports the list of federal entities from the server, so both share one source.
  path.join(ROOT, 'server', 'src', 'modules', 'units', 'states.ts'),
];

const SKIP = new Set(['node_modules', '.vite', 'dist']);

/**
 * Newest modification time (ms) of any file or folder under `dir`, and which one. Folders count
 * because deleting or renaming a file changes only its folder's time.
 */
function newestUnder(dir: string, acc: { mtime: number; file: string }) {
  const own = statSync(dir).mtimeMs;
  if (own > acc.mtime) {
    acc.mtime = own;
    acc.file = dir;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newestUnder(full, acc);
    else if (entry.isFile()) {
      const m = statSync(full).mtimeMs;
      if (m > acc.mtime) {
        acc.mtime = m;
        acc.file = full;
      }
    }
  }
  return acc;
}

/** Why a build is needed, or null when dist/web is up to date. */
export function staleReason(): string | null {
  const index = path.join(DIST_DIR, 'index.html');
  if (!existsSync(index)) return 'no existe dist/web/index.html';
  const built = statSync(index).mtimeMs;
  const newest = newestUnder(WEB_DIR, { mtime: 0, file: '' });
  for (const f of EXTRA_INPUTS) {
    if (!existsSync(f)) continue;
    const m = statSync(f).mtimeMs;
    if (m > newest.mtime) {
      newest.mtime = m;
      newest.file = f;
    }
  }
  return newest.mtime > built ? `cambió ${path.relative(ROOT, newest.file)}` : null;
}

/** Runs the Vite build when needed. Returns true when it built. */
export async function buildWebIfNeeded(opts: { force?: boolean; quiet?: boolean } = {}): Promise<boolean> {
  const say = (line: string) => {
    if (!opts.quiet) process.stdout.write(`${line}\n`);
  };
  const reason = opts.force ? 'se pidió construirlo' : staleReason();
  if (!reason) {
    say('Cliente web al día (dist/web); no hace falta construirlo.');
    return false;
  }
  say(`Construyendo el cliente web (${reason})…`);
  const t0 = performance.now();
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds (Vitest sets "test"), which would bundle React's development
  // build; the served client must always be the production one.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: VITE_CONFIG, root: WEB_DIR, logLevel: 'warn', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  say(`Cliente web listo en dist/web (${((performance.now() - t0) / 1000).toFixed(1)} s).`);
  return true;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  buildWebIfNeeded({ force: process.argv.includes('--force') }).catch((err: unknown) => {
    process.stderr.write(`No se pudo construir el cliente web: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
