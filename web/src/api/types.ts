/** Shapes of the OncoPed API (see /api/openapi.json). */
export type Level = 'UMAE' | 'SECOND_LEVEL';
export type Scope = 'ALL_UNITS' | 'ASSIGNED_UNITS' | 'OWN_FAMILY' | 'NONE';
export type Outcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  /** Display name of each role, by key (custom roles have no catalog entry). */
  roleNames: Record<string, string>;
  permissions: string[];
  allUnits: boolean;
  units: { id: string; clues: string; shortName: string; name: string }[];
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Unit {
  id: string;
  clues: string;
  name: string;
  shortName: string;
  level: Level;
  state: string;
  delegation: string;
  isOncocrean: boolean;
  activeFrom: string;
  active: boolean;
  version: number;
}

export type UnitInput = Pick<Unit, 'clues' | 'name' | 'shortName' | 'level' | 'state' | 'delegation' | 'isOncocrean' | 'activeFrom'>;

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
  roles: string[];
  units: { id: string; clues: string; shortName: string }[];
}

export interface Role {
  key: string;
  name: string;
  description: string;
  scope: Scope;
  permissions: string[];
  builtIn: boolean;
}

export interface PermissionInfo {
  key: string;
  description: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  roles: string[];
  unitId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  outcome: Outcome;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
}
