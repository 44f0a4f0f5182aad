import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, login, type LoggedIn } from '../server/src/testing/harness.ts';
import { field, loginAs, navLinks, newPage, shot, startEnv, until, type Env } from './support.ts';

let env: Env;
let coordination: LoggedIn;
beforeAll(async () => {
  env = await startEnv();
  coordination = await login(env.t.app, 'coordinacion');
});
afterAll(async () => {
  await env?.close();
});

async function apiAs<T>(url: string): Promise<T> {
  const res = await env.t.app.inject({ method: 'GET', url, headers: authHeaders(coordination) });
  if (res.statusCode >= 300) throw new Error(`GET ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** The simulated phone: what the family types and taps, and what the ChatBot answers. */
class PhoneChat {
  constructor(readonly page: Page) {}

  get log(): Locator {
    return this.page.getByRole('log');
  }

  /** The bot's (and staff's) messages, in order. */
  private outgoing(): Locator {
    return this.log.locator('[data-direction="OUT"]');
  }

  async outgoingCount(): Promise<number> {
    return this.outgoing().count();
  }

  /** Texts of the outgoing messages after the first `from`. */
  async outgoingSince(from: number): Promise<string[]> {
    const all = await this.outgoing().locator('.wa-text').allTextContents();
    return all.slice(from);
  }

  /** Does something and waits until a new outgoing message matches `expected`; returns its text. */
  async expectReply(action: () => Promise<void>, expected: RegExp, timeoutMs = 15_000): Promise<string> {
    const before = await this.outgoingCount();
    await action();
    let found = '';
    await until(
      async () => {
        const texts = await this.outgoingSince(before);
        found = texts.find((t) => expected.test(t)) ?? '';
        return !!found;
      },
      `respuesta del ChatBot que diga ${expected}`,
      timeoutMs,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}; llegó: ${JSON.stringify(await this.outgoingSince(before))}`);
    });
    return found;
  }

  async type(text: string): Promise<void> {
    const box = field(this.page, 'Mensaje');
    await box.fill(text);
    await box.press('Enter');
  }

  /** Taps a reply button of the latest message that offers it. */
  async tap(name: string | RegExp): Promise<void> {
    await this.log.getByRole('button', { name, exact: typeof name === 'string' }).last().click();
  }

  /** Types MENU and waits for the menu (a new list) to arrive. */
  async menu(): Promise<void> {
    const lists = this.log.getByRole('button', { name: /^Abrir la lista/ });
    const before = await lists.count();
    await this.type('menu');
    await until(async () => (await lists.count()) > before, 'el menú principal');
  }

  /** Opens the latest list and picks a row. */
  async pick(row: string | RegExp): Promise<void> {
    await this.log.getByRole('button', { name: /^Abrir la lista/ }).last().click();
    const sheet = this.page.getByRole('dialog');
    await sheet.getByRole('button', { name: row }).first().click();
    await sheet.waitFor({ state: 'detached' });
  }
}

describe('ChatBot de WhatsApp en el navegador', () => {
  it('una familia se verifica, reporta un caso que queda en la agenda, pide prednisona, consulta sus casos y habla con trabajo social desde la bandeja', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'coordinacion');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'WhatsApp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bandeja de conversaciones' }).waitFor();
      await page.getByRole('navigation', { name: 'Secciones de WhatsApp' }).getByRole('link', { name: 'Simulador' }).click();
      await page.getByRole('heading', { level: 1, name: 'Simulador de WhatsApp' }).waitFor();

      // The demo guardian (not verified yet): the hint gives the child's CURP and birth date.
      const demo = page.locator('.wa-demo-contacts li').first();
      const hint = (await demo.locator('.wa-demo-hint').textContent()) ?? '';
      const curp = hint.match(/CURP ([A-Z0-9]{18})/)?.[1];
      const birthDate = hint.match(/(\d{2}\/\d{2}\/\d{4})/)?.[1];
      expect(curp, hint).toBeTruthy();
      expect(birthDate, hint).toBeTruthy();
      const name = ((await demo.locator('strong').textContent()) ?? '').trim();
      const digits = ((await demo.getAttribute('data-phone')) ?? '').slice(2);
      const masked = `${digits.slice(0, 2)} ${digits.slice(2, 4)}•• ••${digits.slice(8)}`;
      await demo.getByRole('button', { name: /^Conversar/ }).click();
      await page.getByRole('heading', { level: 2, name: 'OncoPed IMSS' }).waitFor();
      const phone = new PhoneChat(page);

      // Not verified: only public information, verification and a person.
      await phone.expectReply(() => phone.type('hola'), /verific/i);
      await phone.log.getByRole('button', { name: /Verificarme/i }).last().waitFor();
      expect(await phone.log.getByRole('button', { name: /Reportar/i }).count()).toBe(0);
      await shot(page, 'whatsapp-simulador-inicio');

      // Verification with the child's CURP and birth date → the full menu.
      await phone.expectReply(() => phone.tap(/Verificarme/i), /CURP/);
      await phone.expectReply(() => phone.type(curp!.toLowerCase()), /fecha de nacimiento/i);
      await phone.expectReply(() => phone.type(birthDate!), /Listo|verificad/i);
      await until(async () => (await phone.log.getByRole('button', { name: /^Abrir la lista/ }).count()) > 0, 'el menú completo');

      // A case: child, hospital, category, description with Ñ and emoji → CE code and meeting.
      await phone.pick(/Reportar un caso/);
      await until(async () => (await phone.outgoingSince(0)).some((t) => /hospital/i.test(t)), 'pregunta por el hospital');
      await phone.expectReply(() => phone.tap(/^Sí/), /categor|tipo/i);
      await phone.expectReply(() => phone.pick(/Medicamento faltante|Cita/), /pasando|describe|cuéntanos/i);
      const caseReply = await phone.expectReply(
        () => phone.type('A mi niño le cancelaron la cita de oncología dos veces 😟; el señor Muñoz de la ventanilla no nos da fecha.'),
        /CE \d+\.\d+/,
      );
      const code = caseReply.match(/CE (\d+)\.(\d+)/)!;
      expect(caseReply).toMatch(/reunión/i);
      await shot(page, 'whatsapp-simulador-caso');

      // Prednisona: folio of the request and its CE code.
      await phone.menu();
      await phone.pick(/Solicitar medicamento/);
      await until(async () => (await phone.outgoingSince(0)).some((t) => /medicamento o insumo|nombre o clave/i.test(t)), 'pregunta por el medicamento');
      await phone.expectReply(() => phone.type('prednisona'), /urgen/i);
      const supplyReply = await phone.expectReply(async () => {
        await phone.tap(/Esta semana/);
        // The hospital is confirmed when the flow asks for it.
        await until(async () => (await phone.outgoingSince(0)).some((t) => /SM-\d+/.test(t) || /hospital/i.test(t)), 'confirmación de hospital o folio');
        if (!(await phone.outgoingSince(0)).some((t) => /SM-\d+/.test(t))) await phone.tap(/^Sí/);
      }, /SM-\d+/);
      expect(supplyReply).toMatch(/CE \d+\.\d+/);

      // Status of the family's cases lists the case.
      await phone.menu();
      await phone.expectReply(() => phone.pick(/Estado de mis casos/), new RegExp(`${code[1]}\\.${code[2]}`));

      // Talk to a person.
      await phone.menu();
      await phone.expectReply(() => phone.pick(/Hablar con una persona/), /persona/i);
      await shot(page, 'whatsapp-simulador-persona');

      // The case is on the agenda of its meeting with its CE code.
      const meetings = await apiAs<{ items: { id: string; number: number }[] }>('/api/meetings?limit=100');
      const meeting = meetings.items.find((m) => m.number === Number(code[1]));
      expect(meeting, `reunión ${code[1]}`).toBeTruthy();
      const agenda = await context.newPage();
      await agenda.goto(`/reuniones/${meeting!.id}`);
      await agenda.getByRole('heading', { level: 1, name: new RegExp(`Reunión ${code[1]}`) }).waitFor();
      await agenda.getByText(`CE ${code[1]}.${code[2]}`, { exact: true }).first().waitFor();
      await agenda.close();

      // Staff: the conversation waits in the inbox; take it and answer.
      const inbox = await context.newPage();
      await inbox.goto('/whatsapp/bandeja');
      await inbox.getByRole('heading', { level: 1, name: 'Bandeja de conversaciones' }).waitFor();
      // Rows show the phone with its middle digits hidden.
      const row = inbox.locator('.wa-conv').filter({ hasText: masked });
      await row.first().waitFor();
      await row.first().click();
      const detail = inbox.getByRole('region', { name });
      await detail.getByRole('button', { name: 'Tomar conversación' }).click();
      await detail.getByText('Usted atiende esta conversación.').waitFor();
      await detail.getByRole('textbox', { name: 'Respuesta' }).fill('Hola, soy de trabajo social');
      await detail.getByRole('button', { name: 'Enviar respuesta' }).click();
      await detail.getByRole('log').getByText('Hola, soy de trabajo social').waitFor();
      await shot(inbox, 'whatsapp-bandeja');

      // The family sees the staff member's answer; the bot stays silent meanwhile.
      await page.bringToFront();
      await phone.log.getByText('Hola, soy de trabajo social').waitFor({ timeout: 15_000 });

      // Closing returns the family to the bot, which answers again.
      await inbox.bringToFront();
      await phone.expectReply(async () => {
        await detail.getByRole('button', { name: 'Cerrar y regresar al bot' }).click();
        await inbox.getByText('Conversación cerrada: el ChatBot atiende de nuevo a la familia.').waitFor();
        await page.bringToFront();
      }, /men[uú]/i);
      const botBefore = await phone.log.locator('[data-author="BOT"]').count();
      await phone.expectReply(() => phone.type('hola'), /.+/);
      await until(async () => (await phone.log.locator('[data-author="BOT"]').count()) > botBefore, 'el ChatBot contesta de nuevo');
      await shot(page, 'whatsapp-simulador-final');
      await inbox.close();
    } finally {
      await context.close();
    }
  }, 180_000);

  it('el personal de una unidad sin whatsapp.inbox no ve WhatsApp ni su bandeja, y da a la familia un código para vincular su WhatsApp', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      expect(await navLinks(page)).not.toContain('WhatsApp');
      await page.goto('/whatsapp/bandeja');
      await page.getByRole('heading', { level: 1, name: 'Sin acceso' }).waitFor();

      // What unit staff do for WhatsApp: a one-time code for a guardian, dictated to the parent.
      await page.goto('/pacientes');
      await page.locator('table a').first().click();
      await page.getByRole('button', { name: 'Código para WhatsApp' }).first().click();
      const status = page.getByRole('status').filter({ hasText: 'Código para vincular WhatsApp' });
      expect((await status.getByTestId('whatsapp-code').textContent())?.trim()).toMatch(/^\d{6}$/);
      await status.getByText(/Vence el \d{2}\/\d{2}\/\d{4}/).waitFor();
      await status.getByText(/Dicte el código a .+ Sirve una sola vez durante 72 horas\./).waitFor();
    } finally {
      await context.close();
    }
  });
});
