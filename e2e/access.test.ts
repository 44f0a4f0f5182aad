import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorNextTo, field, loginAs, navLinks, newPage, shot, startEnv, submitLogin, until, type Env } from './support.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

const STAFF_NAV = ['Inicio', 'Unidades médicas'];
/** The weekly meetings with families (meetings.read; cases for cases.read, cases.follow or meetings.manage). */
const MEETINGS_NAV = ['Reuniones', 'Casos específicos', 'Acuerdos', 'Cifras de reuniones'];
/** Staff who read the patient registry (patients.read, registry.progress) and the meetings of their units. */
const REGISTRY_NAV = ['Inicio', 'Pacientes', 'Pendientes', 'Avance de registro', ...MEETINGS_NAV, 'Unidades médicas'];
/** Physicians also import spreadsheets (patients.import). */
const PHYSICIAN_NAV = ['Inicio', 'Pacientes', 'Pendientes', 'Avance de registro', 'Importar', ...MEETINGS_NAV, 'Unidades médicas'];
const ADMIN_NAV = ['Inicio', 'Avance de registro', 'Unidades médicas', 'Usuarios', 'Roles y permisos', 'Bitácora'];
/** Coordination and social work also attend the WhatsApp ChatBot (whatsapp.inbox): one «WhatsApp» entry. */
const WHATSAPP_NAV = ['Inicio', 'Pacientes', 'Pendientes', 'Avance de registro', ...MEETINGS_NAV, 'WhatsApp', 'Unidades médicas'];

/** What each demo account must see: its navigation, role in Spanish and scope on Inicio. */
const ACCOUNTS: { username: string; nav: string[]; role: string; scope: string | null }[] = [
  { username: 'admin', nav: ADMIN_NAV, role: 'Administración', scope: 'Ve todas las unidades de la red' },
  { username: 'coordinacion', nav: WHATSAPP_NAV, role: 'Coordinación nacional', scope: 'Ve todas las unidades de la red' },
  { username: 'medico', nav: PHYSICIAN_NAV, role: 'Médico(a)', scope: 'Pediatría CMN Siglo XXI' },
  { username: 'medico.laraza', nav: PHYSICIAN_NAV, role: 'Médico(a)', scope: 'HG CMN La Raza' },
  { username: 'enfermeria', nav: REGISTRY_NAV, role: 'Enfermería', scope: 'HG CMN La Raza' },
  { username: 'bancosangre', nav: STAFF_NAV, role: 'Banco de sangre', scope: 'HG CMN La Raza' },
  { username: 'farmacia', nav: STAFF_NAV, role: 'Farmacia y abasto', scope: 'HGZ 1 San Luis Potosí' },
  { username: 'trabajosocial', nav: WHATSAPP_NAV, role: 'Trabajo social', scope: 'Pediatría CMN Siglo XXI' },
  { username: 'funcionario', nav: ['Inicio', ...MEETINGS_NAV, 'Unidades médicas'], role: 'Funcionario(a) responsable', scope: 'Todavía no tiene unidades asignadas' },
  { username: 'callcenter', nav: ['Inicio', 'Casos específicos', 'WhatsApp', 'Unidades médicas'], role: 'Centro de atención telefónica', scope: 'Ve todas las unidades de la red' },
  { username: 'tutor', nav: ['Inicio'], role: 'Madre, padre o tutor', scope: null },
  { username: 'donante', nav: ['Inicio'], role: 'Donante', scope: null },
];

describe('acceso por rol', () => {
  for (const account of ACCOUNTS) {
    it(`${account.username} ve exactamente la navegación que sus permisos permiten`, async () => {
      const { context, page } = await newPage(env);
      try {
        await loginAs(page, account.username);
        expect(new URL(page.url()).pathname).toBe('/');
        expect(await navLinks(page)).toEqual(account.nav);
        const main = page.getByRole('main');
        await main.getByRole('heading', { level: 1 }).waitFor();
        expect(await main.getByText(account.role, { exact: true }).count()).toBeGreaterThan(0);
        if (account.scope) {
          await main.getByText(account.scope).first().waitFor();
          // Staff see the network overview with the chart and the four counts.
          await main.getByRole('heading', { name: 'La red de unidades médicas' }).waitFor();
          await main.getByText('Unidades en la red').waitFor();
          await until(async () => (await main.locator('.network-chart svg').count()) > 0, 'la gráfica de la red');
          const total = await main.locator('.stat-primary .stat-value').textContent();
          expect(Number(total)).toBe(47);
        } else {
          await main.getByRole('heading', { name: 'Su portal está en preparación' }).waitFor();
          expect(await main.getByText('La red de unidades médicas').count()).toBe(0);
          // No dead links: a section the account cannot use says so and shows no data.
          await page.goto('/unidades');
          await page.getByRole('heading', { name: 'Sin acceso' }).waitFor();
          expect(await page.getByRole('table').count()).toBe(0);
        }
        if (account.username === 'admin' || account.username === 'medico' || account.username === 'tutor') {
          await shot(page, `inicio-${account.username}`);
        }
        // Administrators get the API documentation link in the footer; nobody else does.
        expect(await page.getByRole('link', { name: 'Documentación de la API' }).count()).toBe(account.username === 'admin' ? 1 : 0);
      } finally {
        await context.close();
      }
    });
  }

  it('medico no llega a las secciones de administración aunque escriba la dirección', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      for (const path of ['/usuarios', '/roles', '/bitacora']) {
        await page.goto(path);
        await page.getByRole('heading', { name: 'Sin acceso' }).waitFor();
        expect(await page.getByRole('table').count()).toBe(0);
      }
    } finally {
      await context.close();
    }
  });
});

describe('inicio de sesión', () => {
  it('una contraseña equivocada muestra «Usuario o contraseña incorrectos.»', async () => {
    const { context, page } = await newPage(env);
    try {
      await page.goto('/');
      // Without a session any page leads to the login form.
      await page.waitForURL('**/ingresar');
      await shot(page, 'login');
      await submitLogin(page, 'medico', 'no-es-la-contraseña');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect((await alert.textContent())?.trim()).toContain('Usuario o contraseña incorrectos.');
      expect(await field(page, 'Contraseña').inputValue()).toBe('');
      expect(new URL(page.url()).pathname).toBe('/ingresar');
      await shot(page, 'login-error');
    } finally {
      await context.close();
    }
  });

  it('tras varios intentos fallidos el usuario queda bloqueado y se dice por cuánto tiempo', async () => {
    const { context, page } = await newPage(env);
    try {
      await page.goto('/ingresar');
      let text = '';
      for (let i = 0; i < 8 && !text.includes('bloqueado'); i++) {
        await submitLogin(page, 'usuario.inexistente', `equivocada-${i}`);
        await page.getByRole('alert').waitFor();
        await until(async () => (await field(page, 'Contraseña').inputValue()) === '', 'la respuesta del servidor');
        text = (await page.getByRole('alert').textContent()) ?? '';
      }
      expect(text).toMatch(/Demasiados intentos fallidos\. El acceso con este usuario está bloqueado por \d+ minuto/);
    } finally {
      await context.close();
    }
  });

  it('los campos vacíos se señalan junto a cada campo', async () => {
    const { context, page } = await newPage(env);
    try {
      await page.goto('/ingresar');
      await page.getByRole('button', { name: 'Entrar' }).click();
      expect(await errorNextTo(field(page, 'Usuario'))).toBe('obligatorio');
      expect(await errorNextTo(field(page, 'Contraseña'))).toBe('obligatorio');
    } finally {
      await context.close();
    }
  });
});

describe('sesión', () => {
  it('cerrar sesión vuelve al inicio de sesión y «Atrás» no muestra datos protegidos', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'admin');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Unidades médicas' }).click();
      await page.getByRole('cell', { name: 'DFIMS000616' }).waitFor();
      await page.getByRole('button', { name: /Menú de usuario/ }).click();
      await page.getByRole('menuitem', { name: 'Cerrar sesión', exact: true }).click();
      await page.waitForURL('**/ingresar');
      await page.getByText('Cerró su sesión. Hasta pronto.').waitFor();

      await page.goBack();
      await page.waitForLoadState();
      await page.getByRole('button', { name: 'Entrar' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/ingresar');
      expect(await page.getByText('DFIMS000616').count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);

      // A full reload of a protected address does not show it either.
      await page.goto('/unidades');
      await page.waitForURL('**/ingresar');
      await page.getByRole('button', { name: 'Entrar' }).waitFor();
      expect(await page.getByText('DFIMS000616').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('cerrar sesión en todos los dispositivos cierra también la otra ventana', async () => {
    const a = await newPage(env);
    const b = await newPage(env);
    try {
      await loginAs(a.page, 'coordinacion');
      await loginAs(b.page, 'coordinacion');
      await a.page.getByRole('button', { name: /Menú de usuario/ }).click();
      await a.page.getByRole('menuitem', { name: 'Cerrar sesión en todos los dispositivos' }).click();
      const dialog = a.page.getByRole('dialog', { name: 'Cerrar sesión en todos los dispositivos' });
      await dialog.getByRole('button', { name: 'Cerrar sesión en todos los dispositivos' }).click();
      await a.page.waitForURL('**/ingresar');
      await a.page.getByText(/Se cerraron sus sesiones en todos los dispositivos/).waitFor();

      // The other window finds out at its next request.
      await b.page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Unidades médicas' }).click();
      await b.page.waitForURL('**/ingresar');
      await b.page.getByText('Su sesión terminó. Inicie sesión de nuevo para continuar.').waitFor();
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('el menú de usuario se maneja con el teclado', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      const button = page.getByRole('button', { name: /Menú de usuario/ });
      await button.focus();
      await page.keyboard.press('Enter');
      await until(async () => (await page.evaluate(() => document.activeElement?.textContent)) === 'Cambiar contraseña', 'foco en el primer elemento');
      // The popup tells who is signed in, the roles in Spanish and the units.
      const popup = page.locator('.user-popup');
      expect(await popup.textContent()).toContain('Médico(a)');
      expect(await popup.textContent()).toContain('Pediatría CMN Siglo XXI');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cerrar sesión');
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cerrar sesión en todos los dispositivos');
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
      // Keyboard users can skip the header.
      await page.goto('/');
      await page.getByRole('button', { name: /Menú de usuario/ }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Saltar al contenido principal');
    } finally {
      await context.close();
    }
  });
});

describe('pantalla de teléfono (375 × 812)', () => {
  it('la navegación se pliega en «Menú» y sigue siendo usable', async () => {
    const { context, page } = await newPage(env, { width: 375, height: 812 });
    try {
      await loginAs(page, 'admin');
      const nav = page.getByRole('navigation', { name: 'Navegación principal' });
      const toggle = page.getByRole('button', { name: 'Menú', exact: true });
      expect(await toggle.isVisible()).toBe(true);
      expect(await nav.isVisible()).toBe(false);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await shot(page, 'movil-inicio');

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: 'Bitácora' }).waitFor({ state: 'visible' });
      await shot(page, 'movil-menu');
      await nav.getByRole('link', { name: 'Bitácora' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bitácora' }).waitFor();
      // The menu closes after choosing, and nothing overflows sideways.
      expect(await nav.isVisible()).toBe(false);
      await page.locator('table').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      await toggle.click();
      await nav.getByRole('link', { name: 'Unidades médicas' }).click();
      await page.getByText('DFIMS000616').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'movil-unidades');
    } finally {
      await context.close();
    }
  });
});
