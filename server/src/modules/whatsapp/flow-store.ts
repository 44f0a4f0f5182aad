/**
 * Flow definitions by key and version. A version never changes once published, so versions are
 * cached for good; "the latest version of a key" is looked up again after a few seconds, so a
 * publication reaches new conversations without a restart.
 */
import type { Db } from '../../platform/db/gateway.ts';
import { DEFAULT_FLOWS } from './flow/default-flows.ts';
import type { FlowDefinition } from './flow/types.ts';
import * as repo from './repo.ts';

const LATEST_TTL_MS = 3_000;

export interface LoadedFlow {
  key: string;
  version: number;
  definition: FlowDefinition;
}

export class FlowStore {
  private readonly versions = new Map<string, LoadedFlow>();
  private readonly latestSeen = new Map<string, { version: number; at: number }>();

  async latest(db: Db, key: string): Promise<LoadedFlow | undefined> {
    const seen = this.latestSeen.get(key);
    if (seen && Date.now() - seen.at < LATEST_TTL_MS) return this.versions.get(`${key}@${seen.version}`);
    const row = await repo.latestFlow(db, key);
    if (!row) return undefined;
    const flow = { key, version: row.version, definition: row.definition as FlowDefinition };
    this.versions.set(`${key}@${row.version}`, flow);
    this.latestSeen.set(key, { version: row.version, at: Date.now() });
    return flow;
  }

  async version(db: Db, key: string, version: number): Promise<LoadedFlow | undefined> {
    const cached = this.versions.get(`${key}@${version}`);
    if (cached) return cached;
    const row = await repo.flowVersion(db, key, version);
    if (!row) return undefined;
    const flow = { key, version, definition: row.definition as FlowDefinition };
    this.versions.set(`${key}@${version}`, flow);
    return flow;
  }

  /** Forget the latest-version lookups (after a publication in this process). */
  invalidate(key: string): void {
    this.latestSeen.delete(key);
  }
}

/** Installs version 1 of each default flow that does not exist yet (start-up; idempotent). */
export async function ensureDefaultFlows(db: Db): Promise<void> {
  for (const f of DEFAULT_FLOWS) {
    if (await repo.latestFlow(db, f.key)) continue;
    await repo.insertFlow(db, { key: f.key, version: 1, name: f.name, definition: f.definition, comment: 'Versión inicial', createdBy: null });
  }
}
