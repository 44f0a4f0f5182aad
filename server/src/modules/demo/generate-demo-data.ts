import type { Logger } from 'pino';
import type { DatabaseMode } from '../../platform/config.ts';
import type { Database, Tx } from '../../platform/db/gateway.ts';
import { hashPassword } from '../auth/password.ts';
import { roles, userRoles, users, userUnits } from '../accounts/schema.ts';
import { units } from '../units/schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts-data.ts';
import { FULL_DEMO_PATIENTS } from './generate-registry.ts';
import { demoId, prng } from './ids.ts';
import { meetingsStep } from './meetings-step.ts';
import { registryStep } from './registry-step.ts';
import { whatsappStep } from './whatsapp-step.ts';
import { DEMO_UNITS } from './units-data.ts';

export const DEFAULT_DEMO_SEED = 20201105;

/** What every step of the generator receives. Later modules add steps that use the same seed. */
export interface DemoContext {
  tx: Tx;
  seed: number;
  random: () => number;
  id: (kind: string, key: string) => string;
  /** Unit id by CLUES. */
  unitIdByClues: Map<string, string>;
  /** The generator's "now": the registry's year ends here (the content is deterministic given seed and now). */
  now: Date;
  /** Which database the data goes to (bulk steps pick COPY for it). */
  mode: DatabaseMode;
  log: Logger;
}

export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

const unitsStep: DemoStep = {
  name: 'units',
  async run(c) {
    await c.tx
      .insert(units)
      .values(DEMO_UNITS.map((u) => ({ id: c.id('unit', u.clues), ...u })))
      .onConflictDoNothing();
    for (const u of DEMO_UNITS) c.unitIdByClues.set(u.clues, c.id('unit', u.clues));
  },
};

function accountsStep(passwordHash: string): DemoStep {
  return {
    name: 'accounts',
    async run(c) {
      const known = new Set((await c.tx.select({ key: roles.key }).from(roles)).map((r) => r.key));
      for (const a of DEMO_ACCOUNTS) {
        if (!known.has(a.role)) throw new Error(`demo account ${a.username} names unknown role ${a.role}`);
        const id = c.id('user', a.username);
        await c.tx
          .insert(users)
          .values({ id, username: a.username, displayName: a.displayName, passwordHash, mustChangePassword: false })
          .onConflictDoNothing();
        await c.tx.insert(userRoles).values({ userId: id, roleKey: a.role }).onConflictDoNothing();
        for (const clues of a.units) {
          const unitId = c.unitIdByClues.get(clues);
          if (!unitId) throw new Error(`demo account ${a.username} names unknown unit ${clues}`);
          await c.tx.insert(userUnits).values({ userId: id, unitId }).onConflictDoNothing();
        }
      }
    },
  };
}

export interface DemoOptions {
  seed?: number;
  /** Default: the current time. */
  now?: Date;
  /** Registry patients (DEMO_PATIENTS); default the national scale of 4,228; 0 = no registry data. */
  patients?: number;
  extraSteps?: DemoStep[];
}

/**
 * Loads the synthetic national data set, deterministically from `seed` (and `now`), in one
 * transaction: either all of it is there or none. Steps run in order: units, accounts, the
 * registry (patients, clinical records, census, trainings, weekly snapshots, dashboards), the weekly
 * meetings (officials, meetings, cases, agreements); a module
 * that needs demo data appends its step to `extraSteps` (see README, "Datos de demostración").
 */
export async function generateDemoData(db: Database, log: Logger, opts: DemoOptions = {}): Promise<void> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const patients = opts.patients ?? FULL_DEMO_PATIENTS;
  const steps = [unitsStep, accountsStep(passwordHash), ...(patients > 0 ? [registryStep(patients)] : []), meetingsStep, ...(patients > 0 ? [whatsappStep] : []), ...(opts.extraSteps ?? [])];
  await db.transaction(async (tx) => {
    const ctx: DemoContext = {
      tx,
      seed,
      random: prng(seed),
      id: (kind, key) => demoId(seed, kind, key),
      unitIdByClues: new Map(),
      now: opts.now ?? new Date(),
      mode: db.mode,
      log,
    };
    for (const step of steps) {
      const t0 = Date.now();
      await step.run(ctx);
      log.info({ step: step.name, ms: Date.now() - t0 }, 'demo data step loaded');
    }
  });
}
