import { z } from 'zod';
import { PERMISSION_KEYS } from '../../platform/access/permissions.ts';

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'debe tener al menos 3 caracteres')
  .max(64, 'no debe exceder 64 caracteres')
  .regex(/^[A-Za-z0-9._-]+$/, 'solo puede tener letras sin acento, números, punto, guion y guion bajo');

export const displayNameSchema = z.string().trim().min(1, 'es obligatorio').max(120, 'no debe exceder 120 caracteres');
export const emailSchema = z.email({ message: 'debe ser un correo electrónico válido' }).max(200, 'no debe exceder 200 caracteres');
export const newPasswordSchema = z.string().min(10, 'debe tener al menos 10 caracteres').max(256, 'no debe exceder 256 caracteres');
export const roleKeySchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'debe ser una clave en minúsculas (a-z, 0-9, _)');
export const permissionSchema = z.enum(PERMISSION_KEYS as [string, ...string[]], { message: 'no es un permiso conocido' });

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.date().nullable(),
    createdAt: z.date(),
    version: z.number().int(),
    roles: z.array(z.string()),
    units: z.array(z.object({ id: z.uuid(), clues: z.string(), shortName: z.string() })),
  })
  .meta({ id: 'User' });

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  email: emailSchema.nullable().optional(),
  password: newPasswordSchema.describe('Contraseña temporal: el usuario deberá cambiarla al entrar'),
  roles: z.array(roleKeySchema).min(1, 'asigne al menos un rol').max(20),
  unitIds: z.array(z.uuid({ message: 'debe ser un UUID' })).max(200).default([]),
});

export const userPatchSchema = z.object({
  displayName: displayNameSchema.optional(),
  email: emailSchema.nullable().optional(),
  roles: z.array(roleKeySchema).min(1, 'asigne al menos un rol').max(20).optional(),
  unitIds: z.array(z.uuid({ message: 'debe ser un UUID' })).max(200).optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1).describe('Versión leída; si otra persona cambió la cuenta se responde 409'),
});

export const roleSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    scope: z.enum(['ALL_UNITS', 'ASSIGNED_UNITS', 'OWN_FAMILY', 'NONE']),
    permissions: z.array(z.string()),
    builtIn: z.boolean(),
  })
  .meta({ id: 'Role' });

export const roleCreateSchema = z.object({
  key: roleKeySchema,
  name: z.string().trim().min(1, 'es obligatorio').max(80, 'no debe exceder 80 caracteres'),
  description: z.string().trim().max(300, 'no debe exceder 300 caracteres').default(''),
  scope: z.enum(['ALL_UNITS', 'ASSIGNED_UNITS', 'OWN_FAMILY', 'NONE'], { message: 'debe ser ALL_UNITS, ASSIGNED_UNITS, OWN_FAMILY o NONE' }),
  permissions: z.array(permissionSchema).max(100).default([]),
});

export const rolePatchSchema = roleCreateSchema.omit({ key: true, scope: true }).partial();
