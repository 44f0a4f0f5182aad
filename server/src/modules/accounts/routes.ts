import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/paging.ts';
import { boolQuery, idParams } from '../../platform/http/params.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import {
  newPasswordSchema,
  roleCreateSchema,
  roleKeySchema,
  rolePatchSchema,
  roleSchema,
  userCreateSchema,
  userPatchSchema,
  userSchema,
} from './account-schemas.ts';
import { createRole } from './create-role.ts';
import { createUser } from './create-user.ts';
import { getUser } from './get-user.ts';
import { listPermissions, listRoles } from './list-roles.ts';
import { listUsers } from './list-users.ts';
import { resetUserPassword } from './reset-user-password.ts';
import { updateRole } from './update-role.ts';
import { updateUser } from './update-user.ts';

const userTags = ['Usuarios'];
const roleTags = ['Roles y permisos'];
const toRoleDto = (r: z.infer<typeof roleSchema>) => ({
  key: r.key,
  name: r.name,
  description: r.description,
  scope: r.scope,
  permissions: r.permissions,
  builtIn: r.builtIn,
});

export function accountsRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { permission: 'users.manage' },
        schema: {
          tags: userTags,
          summary: 'Cuentas de usuario',
          querystring: z.object({
            q: z.string().trim().max(100).optional().describe('Busca en usuario, nombre y correo'),
            role: roleKeySchema.optional(),
            unitId: z.uuid().optional(),
            active: boolQuery.optional(),
            ...pageQuery,
          }),
          response: { 200: z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (request) => listUsers(s, request.ctx, request.query),
    );

    app.get(
      '/users/:id',
      {
        config: { permission: 'users.manage' },
        schema: { tags: userTags, summary: 'Una cuenta', params: idParams, response: { 200: userSchema, ...problems(400, 401, 403, 404) } },
      },
      async (request) => getUser(s, request.ctx, request.params.id),
    );

    app.post(
      '/users',
      {
        config: { permission: 'users.manage', idempotent: true },
        schema: {
          tags: userTags,
          summary: 'Crear una cuenta',
          description: 'La contraseña es temporal: el usuario deberá cambiarla al iniciar sesión.',
          body: userCreateSchema,
          response: { 201: userSchema, ...problems(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createUser(s, request.ctx, request.body)),
    );

    app.patch(
      '/users/:id',
      {
        config: { permission: 'users.manage' },
        schema: {
          tags: userTags,
          summary: 'Editar, desactivar o reactivar una cuenta; asignar roles y unidades',
          params: idParams,
          body: userPatchSchema,
          response: { 200: userSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateUser(s, request.ctx, request.params.id, request.body),
    );

    app.post(
      '/users/:id/reset-password',
      {
        config: { permission: 'users.manage' },
        schema: {
          tags: userTags,
          summary: 'Asignar una contraseña temporal',
          description: 'Cierra todas las sesiones del usuario; deberá cambiarla al entrar.',
          params: idParams,
          body: z.object({ temporaryPassword: newPasswordSchema }),
          response: { 204: z.null(), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await resetUserPassword(s, request.ctx, request.params.id, request.body.temporaryPassword);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/roles',
      {
        config: { permission: 'users.manage' },
        schema: { tags: roleTags, summary: 'Roles', response: { 200: z.object({ items: z.array(roleSchema) }), ...problems(401, 403) } },
      },
      async (request) => ({ items: (await listRoles(s, request.ctx)).map(toRoleDto) }),
    );

    app.get(
      '/permissions',
      {
        config: { permission: 'users.manage' },
        schema: {
          tags: roleTags,
          summary: 'Catálogo de permisos',
          response: { 200: z.object({ items: z.array(z.object({ key: z.string(), description: z.string() })) }), ...problems(401, 403) },
        },
      },
      async () => ({ items: listPermissions() }),
    );

    app.post(
      '/roles',
      {
        config: { permission: 'roles.manage', idempotent: true },
        schema: { tags: roleTags, summary: 'Crear un rol', body: roleCreateSchema, response: { 201: roleSchema, ...problems(400, 401, 403, 409) } },
      },
      async (request, reply) => reply.code(201).send(toRoleDto(await createRole(s, request.ctx, request.body))),
    );

    app.patch(
      '/roles/:key',
      {
        config: { permission: 'roles.manage' },
        schema: {
          tags: roleTags,
          summary: 'Cambiar nombre, descripción o permisos de un rol',
          params: z.object({ key: roleKeySchema }),
          body: rolePatchSchema,
          response: { 200: roleSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => toRoleDto(await updateRole(s, request.ctx, request.params.key, request.body)),
    );
  };
}
