import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, login } from '../server/src/testing/harness.ts';
import { errorNextTo, field, loginAs, navLinks, newPage, shot, startEnv, submitLogin, until, type Env } from './support.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('administración de cuentas', () => {
  it('crea una cuenta (primero con un error que se muestra junto al campo) y la persona debe cambiar su contraseña al entrar', async () => {
    const admin = await newPage(env);
    try {
      const { page } = admin;
      await loginAs(page, 'admin');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Usuarios' }).click();
      await page.getByRole('heading', { level: 1, name: 'Usuarios' }).waitFor();
      await page.getByRole('cell', { name: 'medico.laraza', exact: true }).waitFor();
      await shot(page, 'usuarios');

      await page.getByRole('button', { name: 'Nueva cuenta' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nueva cuenta de usuario' });
      await field(dialog, 'Usuario').fill('enfermera.prueba');
      await field(dialog, 'Nombre para mostrar').fill('Enfermera de prueba (Pediatría CMN Siglo XXI)');
      await field(dialog, 'Correo electrónico').fill('enfermera.prueba@imss.gob.mx');
      await field(dialog, 'Contraseña temporal').fill('corta');
      await dialog.getByRole('checkbox', { name: /Enfermería/ }).check();
      await dialog.getByRole('searchbox', { name: 'Buscar unidad' }).fill('siglo xxi');
      await dialog.getByRole('checkbox', { name: /Pediatría CMN Siglo XXI/ }).check();
      await dialog.getByText('1 unidad seleccionada').waitFor();
      await dialog.getByRole('button', { name: 'Crear cuenta' }).click();

      // The server refuses the short password; the message sits next to the password field.
      const passwordError = await errorNextTo(field(dialog, 'Contraseña temporal'));
      expect(passwordError).toContain('debe tener al menos 10 caracteres');
      // The summary names the field by its label, not by its JSON key.
      expect(await dialog.getByRole('alert').textContent()).toContain('Contraseña temporal: debe tener al menos 10 caracteres');
      await shot(page, 'usuarios-error');

      await field(dialog, 'Contraseña temporal').fill('Temporal-2026-abc');
      await dialog.getByRole('button', { name: 'Crear cuenta' }).click();
      await page.getByText('Se creó la cuenta «enfermera.prueba».', { exact: false }).waitFor();
      expect(await dialog.count()).toBe(0);
      const row = page.locator('tr[data-username="enfermera.prueba"]');
      await row.waitFor();
      expect(await row.textContent()).toContain('Contraseña temporal');
      expect(await row.textContent()).toContain('Pediatría CMN Siglo XXI');
    } finally {
      await admin.context.close();
    }

    const person = await newPage(env);
    try {
      const { page } = person;
      await page.goto('/ingresar');
      await field(page, 'Usuario').fill('enfermera.prueba');
      await field(page, 'Contraseña').fill('Temporal-2026-abc');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL('**/cambiar-contrasena');
      await page.getByRole('heading', { level: 1, name: 'Cambie su contraseña temporal' }).waitFor();
      expect(await navLinks(page)).toEqual([]);
      await shot(page, 'cambio-obligatorio');

      // Other addresses lead back to the change screen until it is done.
      await page.goto('/unidades');
      await page.waitForURL('**/cambiar-contrasena');
      await page.getByRole('heading', { level: 1, name: 'Cambie su contraseña temporal' }).waitFor();

      await page.getByLabel('Contraseña actual').fill('Temporal-2026-abc');
      await page.getByLabel('Nueva contraseña', { exact: false }).first().fill('Mi-clave-segura-2026');
      await page.getByLabel('Confirme la nueva contraseña').fill('Otra-clave-distinta');
      await page.getByRole('button', { name: 'Guardar nueva contraseña' }).click();
      expect(await errorNextTo(page.getByLabel('Confirme la nueva contraseña'))).toBe('no coincide con la nueva contraseña');

      await page.getByLabel('Confirme la nueva contraseña').fill('Mi-clave-segura-2026');
      await page.getByRole('button', { name: 'Guardar nueva contraseña' }).click();
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByRole('heading', { level: 1, name: /Enfermera de prueba/ }).waitFor();
      expect(await navLinks(page)).toEqual(['Inicio', 'Pacientes', 'Pendientes', 'Avance de registro', 'Reuniones', 'Casos específicos', 'Acuerdos', 'Cifras de reuniones', 'Unidades médicas']);
    } finally {
      await person.context.close();
    }
  });

  it('edita y desactiva una cuenta (ya no puede entrar) y restablece la contraseña de otra', async () => {
    const admin = await newPage(env);
    try {
      const { page } = admin;
      await loginAs(page, 'admin');
      await page.goto('/usuarios?q=trabajosocial');
      const row = page.locator('tr[data-username="trabajosocial"]');
      await row.waitFor();
      await row.getByRole('button', { name: 'Editar' }).click();
      const dialog = page.getByRole('dialog', { name: 'Editar la cuenta trabajosocial' });
      expect(await field(dialog, 'Usuario').isDisabled()).toBe(true);
      await dialog.getByRole('searchbox', { name: 'Buscar unidad' }).fill('La Raza');
      await dialog.getByRole('checkbox', { name: /HG CMN La Raza/ }).check();
      await dialog.getByText('2 unidades seleccionadas').waitFor();
      await dialog.getByRole('checkbox', { name: 'Cuenta activa' }).uncheck();
      await dialog.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText('Se guardaron los cambios de la cuenta «trabajosocial».').waitFor();
      await until(async () => (await row.textContent())?.includes('Inactiva') ?? false, 'la cuenta inactiva en la lista');
      expect(await row.textContent()).toContain('HG CMN La Raza');

      await page.goto('/usuarios?q=bancosangre');
      const other = page.locator('tr[data-username="bancosangre"]');
      await other.getByRole('button', { name: 'Restablecer la contraseña de bancosangre' }).click();
      const reset = page.getByRole('dialog', { name: 'Restablecer contraseña de bancosangre' });
      await field(reset, 'Contraseña temporal').fill('Reinicio-2026-xyz');
      await reset.getByRole('button', { name: 'Asignar contraseña temporal' }).click();
      await page.getByText('Se asignó una contraseña temporal a «bancosangre».').waitFor();
    } finally {
      await admin.context.close();
    }

    const person = await newPage(env);
    try {
      const { page } = person;
      await submitLogin(page, 'trabajosocial');
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Su cuenta está desactivada.');

      await submitLogin(page, 'bancosangre', 'Reinicio-2026-xyz');
      await page.waitForURL('**/cambiar-contrasena');
      await page.getByRole('heading', { level: 1, name: 'Cambie su contraseña temporal' }).waitFor();
    } finally {
      await person.context.close();
    }
  });

  it('cambiar la contraseña muestra los errores del servidor junto al campo', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'farmacia');
      await page.getByRole('button', { name: /Menú de usuario/ }).click();
      await page.getByRole('menuitem', { name: 'Cambiar contraseña' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cambiar contraseña' }).waitFor();
      await page.getByLabel('Contraseña actual').fill('equivocada-123');
      await page.getByLabel('Nueva contraseña', { exact: false }).first().fill('Nueva-clave-2026');
      await page.getByLabel('Confirme la nueva contraseña').fill('Nueva-clave-2026');
      await page.getByRole('button', { name: 'Guardar nueva contraseña' }).click();
      expect(await errorNextTo(page.getByLabel('Contraseña actual'))).toBe('no corresponde a la contraseña actual');
      expect(await page.getByRole('alert').textContent()).toContain('La contraseña actual no es correcta.');
    } finally {
      await context.close();
    }
  });

  it('roles y permisos: lista los roles con su alcance en español y permite editar los permisos', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Roles y permisos' }).click();
      const nurse = page.locator('[data-role="nurse"]');
      await nurse.waitFor();
      expect(await nurse.textContent()).toContain('Unidades asignadas');
      expect(await page.locator('[data-role="admin"]').textContent()).toContain('Todas las unidades');
      expect(await page.locator('[data-role="guardian"]').textContent()).toContain('Solo su familia');
      await shot(page, 'roles');

      await nurse.getByRole('button', { name: 'Editar' }).click();
      const dialog = page.getByRole('dialog', { name: /Editar el rol/ });
      await dialog.getByRole('checkbox', { name: /Consultar la bitácora/ }).check();
      await dialog.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText('Se guardaron los cambios del rol «Enfermería».').waitFor();
      await until(async () => (await nurse.textContent())?.includes('audit.read') ?? false, 'el permiso nuevo en la tarjeta del rol');
    } finally {
      await context.close();
    }
  });
});

describe('unidades médicas', () => {
  it('el administrador edita una unidad y la desactiva; la lista la muestra inactiva', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.goto('/unidades');
      await page.getByRole('searchbox', { name: 'Buscar' }).fill('TLIMS000017');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.waitForURL(/q=TLIMS000017/);
      await until(async () => (await page.locator('tbody tr').count()) === 1, 'una sola unidad en la búsqueda');
      const row = page.locator('tbody tr').first();
      const shortName = (await row.locator('.cell-title').textContent())!.trim();

      await row.getByRole('button', { name: 'Editar' }).click();
      const dialog = page.getByRole('dialog', { name: 'Editar unidad médica' });
      expect(await field(dialog, 'CLUES').isDisabled()).toBe(true);
      await field(dialog, 'Nombre corto').fill(`${shortName} (piloto)`);
      await shot(page, 'unidad-editar');
      await dialog.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText(`Se guardaron los cambios de «${shortName} (piloto)».`).waitFor();
      await until(async () => (await row.textContent())?.includes(`${shortName} (piloto)`) ?? false, 'el nombre nuevo en la lista');

      await row.getByRole('button', { name: 'Desactivar' }).click();
      const confirm = page.getByRole('dialog', { name: 'Desactivar unidad médica' });
      expect(await confirm.textContent()).toContain('No se borra');
      await confirm.getByRole('button', { name: 'Desactivar' }).click();
      await page.getByText(`La unidad «${shortName} (piloto)» quedó inactiva.`).waitFor();
      await until(async () => (await row.locator('.badge').last().textContent()) === 'Inactiva', 'la insignia «Inactiva»');
      expect(await row.getByRole('button', { name: 'Reactivar' }).count()).toBe(1);

      // Filtering by "Inactivas" lists it.
      await page.getByLabel('Situación').selectOption({ label: 'Inactivas' });
      await page.waitForURL(/active=false/);
      await until(async () => (await page.locator('tbody tr').count()) === 1, 'la unidad en el filtro de inactivas');
      expect(await page.locator('tbody tr').first().textContent()).toContain('TLIMS000017');
      await shot(page, 'unidad-inactiva');
    } finally {
      await context.close();
    }
  });

  it('si otra persona cambió la unidad, muestra el conflicto y recarga la versión más reciente', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.goto('/unidades?q=ZSIMS000016');
      await until(async () => (await page.locator('tbody tr').count()) === 1, 'la unidad buscada');
      const row = page.locator('tbody tr').first();
      await row.getByRole('button', { name: 'Editar' }).click();
      const dialog = page.getByRole('dialog', { name: 'Editar unidad médica' });
      await field(dialog, 'Delegación').waitFor();

      // Meanwhile another administrator changes the same unit through the API.
      const other = await login(env.t.app, 'admin');
      const id = await row.getAttribute('data-unit-id');
      const current = (await env.t.app.inject({ method: 'GET', url: `/api/units/${id}`, headers: authHeaders(other) })).json() as { version: number };
      const res = await env.t.app.inject({
        method: 'PATCH',
        url: `/api/units/${id}`,
        headers: authHeaders(other),
        payload: { delegation: 'Zacatecas (cambio simultáneo)', version: current.version },
      });
      expect(res.statusCode).toBe(200);

      await field(dialog, 'Nombre corto').fill('HGZ Zacatecas');
      await dialog.getByRole('button', { name: 'Guardar' }).click();
      await dialog.getByRole('alert').waitFor();
      expect(await dialog.getByRole('alert').textContent()).toContain('Otra persona modificó esta unidad');
      await dialog.getByText('Se cargó la versión más reciente de la unidad.', { exact: false }).waitFor();
      await until(async () => (await field(dialog, 'Delegación').inputValue()) === 'Zacatecas (cambio simultáneo)', 'los datos recargados');

      await field(dialog, 'Nombre corto').fill('HGZ Zacatecas');
      await dialog.getByRole('button', { name: 'Guardar' }).click();
      await page.getByText('Se guardaron los cambios de «HGZ Zacatecas».').waitFor();
    } finally {
      await context.close();
    }
  });

  it('el administrador da de alta una unidad; la entidad se elige de las 32 del catálogo', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.goto('/unidades');
      await page.getByRole('button', { name: 'Nueva unidad' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nueva unidad médica' });
      const states = await dialog.getByLabel('Entidad federativa').locator('option').allTextContents();
      expect(states.length).toBe(33); // the prompt plus the 32 federal entities
      expect(states).toContain('Ciudad de México');
      await field(dialog, 'CLUES').fill('xx123');
      await field(dialog, 'Nombre corto').fill('HGZ 2 Apizaco');
      await field(dialog, 'Nombre oficial').fill('Hospital General de Zona No. 2, Apizaco');
      await dialog.getByLabel('Entidad federativa').selectOption('Tlaxcala');
      await field(dialog, 'Delegación').fill('Tlaxcala');
      await dialog.getByRole('button', { name: 'Dar de alta' }).click();
      expect(await errorNextTo(field(dialog, 'CLUES'))).toContain('debe tener 11 caracteres');

      await field(dialog, 'CLUES').fill('TLIMS000999');
      await dialog.getByRole('button', { name: 'Dar de alta' }).click();
      await page.getByText('Se dio de alta la unidad «HGZ 2 Apizaco».').waitFor();
      await page.getByRole('cell', { name: 'TLIMS000999' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('el personal médico consulta el catálogo sin botones de edición', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.goto('/unidades');
      await page.getByRole('cell', { name: 'DFIMS000616' }).waitFor();
      expect(await page.getByRole('button', { name: 'Nueva unidad' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Editar' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Desactivar' }).count()).toBe(0);
      await page.getByLabel('Nivel de atención').selectOption({ label: 'UMAE (alta especialidad)' });
      await page.waitForURL(/level=UMAE/);
      await until(async () => (await page.locator('tbody tr').count()) === 14, 'las 14 UMAE');
    } finally {
      await context.close();
    }
  });
});
