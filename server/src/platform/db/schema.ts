// Every table of every module, for Drizzle (queries) and drizzle-kit (migrations).
export * from '../audit/schema.ts';
export * from '../../modules/units/schema.ts';
export * from '../../modules/accounts/schema.ts';
export * from '../../modules/auth/schema.ts';
export * from '../idempotency/schema.ts';
export * from '../../modules/patients/schema.ts';
export * from '../../modules/clinical/schema.ts';
export * from '../../modules/registry/schema.ts';
export * from '../../modules/registry-io/schema.ts';
export * from '../../modules/meetings/schema.ts';
export * from '../../modules/whatsapp/schema.ts';
export * from '../../modules/supply-requests/schema.ts';
