import { createLogger } from './platform/logging.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { DataDirError } from './platform/db/embedded.ts';
import { buildApp } from './app.ts';
import { closeServices, createServices } from './bootstrap.ts';

const t0 = performance.now();

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  log.info({ database: config.databaseMode, dataDir: config.databaseMode === 'embedded' ? config.dataDir : undefined }, 'starting OncoPed');

  let services;
  try {
    services = await createServices(config, log);
  } catch (err) {
    if (err instanceof DataDirError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(3);
    }
    throw err;
  }
  const app = await buildApp(services);
  if (services.jobs) await services.jobs.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await closeServices(services);
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const ms = Math.round(performance.now() - t0);
  log.info({ ms, port: config.port }, `OncoPed listo en http://localhost:${config.port} (${ms} ms)`);
}

main().catch((err: unknown) => {
  process.stderr.write(`No se pudo iniciar OncoPed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
