import { existsSync } from 'node:fs';
import { buildWebIfNeeded } from '../scripts/build-web-if-needed.ts';

/**
 * Browser tests run against the real built client (dist/web) served by the Fastify app, so the
 * build runs first (only when web/ changed since the last build).
 */
export default async function setup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `No se encontró Chromium en ${chromium}. Instálelo (apt-get install -y chromium) o indique su ruta en CHROMIUM_PATH.`,
    );
  }
  await buildWebIfNeeded();
}
