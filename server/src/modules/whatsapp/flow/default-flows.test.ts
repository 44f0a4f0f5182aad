/**
 * The default `main` flow as a family lives it: a fake phone that types and taps, a fake set of
 * effects that records what the flow asked for and answers as the server would.
 */
import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES } from '../../meetings/schema.ts';
import { DEFAULT_FLOWS } from './default-flows.ts';
import { runFlow } from './run-flow.ts';
import type { ContactFacts, EffectName, FlowEffects, Outgoing, RunState } from './types.ts';

const main = DEFAULT_FLOWS.find((f) => f.key === 'main')!.definition;
const t0 = new Date('2025-11-24T16:00:00Z');

const SOFIA = { patientId: 'p-sofia', firstName: 'Sofía', unitId: 'u-1', unitName: 'UMAE Hospital de Pediatría CMN Siglo XXI' };
const ANGEL = { patientId: 'p-angel', firstName: 'Ángel', unitId: 'u-2', unitName: 'HGZ 1 Campeche' };

type Answers = Partial<Record<EffectName, Record<string, string>>>;

const OK_CASE = { status: 'ok', id: 'c-1', code: '63.12', hasCode: 'yes', meetingNumber: '63', meetingDate: 'jueves 27 de noviembre', folio: 'CE 63.12' };
const OK_SUPPLY = {
  status: 'ok',
  folio: 'SM-000123',
  id: 'r-1',
  'case.id': 'c-2',
  'case.code': '63.13',
  'case.hasCode': 'yes',
  'case.meetingNumber': '63',
  'case.meetingDate': 'jueves 27 de noviembre',
  'case.folio': 'CE 63.13',
};

/** A family's phone: what they send, what the bot answers (text, [buttons], • rows). */
class Phone {
  run: RunState | null = null;
  now = t0;
  last: Outgoing[] = [];
  fields: Record<string, string> = {};
  readonly calls: { name: EffectName; params: Record<string, string> }[] = [];

  constructor(
    public facts: ContactFacts,
    public answers: Answers = {},
  ) {}

  private effects: FlowEffects = {
    invoke: async (name, params) => {
      this.calls.push({ name, params });
      return this.answers[name] ?? { status: 'ok' };
    },
  };

  async input(text: string, replyId?: string): Promise<string> {
    const r = await runFlow({
      flow: main,
      run: this.run,
      input: { kind: 'message', text, replyId, messageType: replyId ? 'interactive' : 'text' },
      now: this.now,
      contact: this.facts,
      effects: this.effects,
    });
    this.run = r.run;
    this.last = r.outgoing;
    Object.assign(this.fields, r.fields);
    return render(r.outgoing);
  }

  send(text: string): Promise<string> {
    return this.input(text);
  }

  /** Taps the button or list row whose title matches, in the latest interactive message. */
  tap(title: RegExp): Promise<string> {
    const interactive = [...this.last].reverse().find((o) => o.kind !== 'text');
    const options = interactive?.kind === 'buttons' ? interactive.buttons : interactive?.kind === 'list' ? interactive.sections.flatMap((s) => s.rows) : [];
    const hit = options.find((o) => title.test(o.title));
    if (!hit) throw new Error(`no option ${title} in ${render(this.last)}`);
    return this.input(hit.title, hit.id);
  }

  async timeout(): Promise<string> {
    const r = await runFlow({ flow: main, run: this.run, input: { kind: 'timeout' }, now: this.now, contact: this.facts, effects: this.effects });
    this.run = r.run;
    this.last = r.outgoing;
    return render(r.outgoing);
  }
}

function render(out: Outgoing[]): string {
  return out
    .map((o) =>
      [o.text, ...(o.kind === 'buttons' ? o.buttons.map((b) => `[${b.title}]`) : []), ...(o.kind === 'list' ? o.sections.flatMap((s) => s.rows.map((r) => `• ${r.title}`)) : [])].join('\n'),
    )
    .join('\n---\n');
}

const guest = (answers: Answers = {}) => new Phone({ name: 'Mamá Ñandú 🌷', verified: false, children: [], fields: {} }, answers);
const family = (children = [SOFIA], answers: Answers = {}, fields: Record<string, string> = {}) => new Phone({ name: 'Papá de Sofía', verified: true, children, fields }, answers);

describe('default flow: contacts not verified yet', () => {
  it('offer only information, verification and a person', async () => {
    const p = guest();
    const reply = await p.send('Hola 👋');
    expect(reply).toMatch(/verificar/i);
    expect(reply).toContain('[Información]');
    expect(reply).toContain('[Verificarme]');
    expect(reply).toContain('[Hablar con persona]');
    expect(reply).not.toMatch(/Reportar|medicamento o insumo|Estado de mis casos/);
    expect(p.run).toMatchObject({ nodeId: 'guest_menu', status: 'WAITING', waitExpiresAt: new Date(t0.getTime() + 1800_000).toISOString() });
  });

  it.each(['medicamento', 'quiero reportar un caso', 'estado'])('asking for %j first explains why verification is needed', async (text) => {
    const p = guest();
    await p.send('hola');
    const reply = await p.send(text);
    expect(reply).toMatch(/primero necesito verificar/i);
    expect(reply).toContain('[Verificarme]');
    expect(p.calls).toEqual([]);
  });

  it('unrecognised input gets help and the options again, never silence', async () => {
    const p = guest();
    await p.send('hola');
    const reply = await p.send('asdfgh qwerty');
    expect(reply).toMatch(/No entendí/);
    expect(reply).toContain('[Verificarme]');
  });

  it('verifies by CURP (re-asked with an example when malformed) and birth date, then shows the full menu', async () => {
    const p = guest({ verify_curp: { status: 'ok', childName: 'Sofía', unitName: 'CMN Siglo XXI' } });
    await p.send('hola');
    expect(await p.tap(/Verificarme/)).toMatch(/CURP/);
    const retry = await p.send('no la sé bien, GOMA1505');
    expect(retry).toMatch(/no parece una CURP/);
    expect(retry).toMatch(/GOMA150503HDFRRN05/);
    expect(retry).toContain('[Tengo un código]');
    expect(await p.send('goma 150503 hdfrrn05')).toMatch(/fecha de nacimiento/i);
    expect(await p.send('31/02/2015')).toMatch(/No reconocí la fecha/);
    const done = await p.send('3 de mayo de 2015');
    expect(p.calls).toEqual([{ name: 'verify_curp', params: { curp: 'GOMA150503HDFRRN05', birthDate: '2015-05-03' } }]);
    expect(done).toMatch(/Listo/);
    for (const row of ['Reportar un caso', 'Solicitar medicamento', 'Estado de mis casos', 'Mi carnet digital', 'Información', 'Hablar con una persona']) expect(done).toContain(`• ${row}`);
    expect(p.run).toMatchObject({ nodeId: 'menu', status: 'WAITING' });
  });

  it('a failed verification reveals nothing and offers retry, a code or a person', async () => {
    const p = guest({ verify_curp: { status: 'no_match' } });
    await p.send('hola');
    await p.send('2'); // Verificarme by number
    await p.send('GOMA150503HDFRRN05');
    const reply = await p.send('03-05-2015');
    expect(reply).toMatch(/No pudimos verificar/);
    expect(reply).not.toMatch(/Sofía|no existe|no está registrad|no coincide con/i);
    expect(reply).toContain('[Intentar de nuevo]');
    expect(reply).toContain('[Tengo un código]');
    expect(reply).toContain('[Hablar con persona]');
    expect(await p.tap(/Intentar/)).toMatch(/CURP/);
  });

  it('too many tries: the lock asks for a code from the hospital’s trabajo social', async () => {
    const p = guest({ verify_curp: { status: 'locked' } });
    await p.send('hola');
    await p.tap(/Verificarme/);
    await p.send('GOMA150503HDFRRN05');
    const reply = await p.send('2015-05-03');
    expect(reply).toMatch(/pausamos la verificación/);
    expect(reply).toMatch(/trabajo social/);
    expect(reply).toContain('[Tengo un código]');
    expect(reply).not.toMatch(/Listo/);
  });

  it('verifies with a 6-digit code from the hospital (asked again until it has 6 digits)', async () => {
    const p = guest({ verify_code: { status: 'ok', childName: 'Sofía' } });
    await p.send('hola');
    await p.tap(/Verificarme/);
    expect(await p.send('tengo un código')).toMatch(/código de 6 números/);
    expect(await p.send('12345')).toMatch(/tiene 6 números/);
    expect(await p.send('482 913')).toMatch(/Listo/);
    expect(p.calls).toEqual([{ name: 'verify_code', params: { code: '482 913' } }]);
  });

  it('a used or wrong code is a failed verification', async () => {
    const p = guest({ verify_code: { status: 'no_match' } });
    await p.send('hola');
    await p.tap(/Verificarme/);
    await p.send('x');
    await p.tap(/código/);
    const reply = await p.send('482913');
    expect(reply).toMatch(/No pudimos verificar/);
    expect(reply).not.toMatch(/Listo/);
  });

  it('information works without verification and returns to the guest menu', async () => {
    const p = guest();
    await p.send('hola');
    expect(await p.tap(/Información/)).toContain('• Cáncer infantil');
    expect(await p.send('cancer')).toMatch(/Señales de alarma/);
    expect(await p.tap(/Menú principal/)).toContain('[Verificarme]');
  });
});

describe('default flow: verified families', () => {
  it.each([
    ['1', undefined, 'report_hospital'],
    ['', 'report', 'report_hospital'],
    ['', 'supply', 'supply_item'],
    ['2.', undefined, 'supply_item'],
    ['estado', undefined, 'menu'],
    ['CARNET', undefined, 'menu'],
    ['5', undefined, 'info'],
    ['información', undefined, 'info'],
    ['quiero hablar con un asesor', undefined, null],
    ['6', undefined, null],
    ['😀 caso', undefined, 'report_hospital'],
    ['MEDICAMNETO', undefined, 'supply_item'],
    ['médicamento', undefined, 'supply_item'],
  ])('menu: %j (row %j) leads to %s', async (text, replyId, node) => {
    const p = family([SOFIA], { list_cases: { status: 'ok', count: '0', text: '' } });
    const menu = await p.send('hola');
    expect(menu).toMatch(/Hola/);
    expect(menu).toContain('• Reportar un caso');
    const reply = await p.input(text, replyId);
    expect(reply).not.toMatch(/No entendí/);
    if (node) expect(p.run).toMatchObject({ nodeId: node, status: 'WAITING' });
    else expect(p.calls.map((c) => c.name)).toEqual(['handover']);
    if (text === 'estado') expect(p.calls.map((c) => c.name)).toEqual(['list_cases']);
    if (text === 'CARNET') expect(reply).toMatch(/carnet digital/);
  });

  it('unrecognised input at the menu gets help with examples and the menu again', async () => {
    const p = family();
    await p.send('hola');
    const reply = await p.send('asdfgh');
    expect(reply).toMatch(/No entendí tu mensaje/);
    expect(reply).toMatch(/PERSONA/);
    expect(reply).toContain('• Reportar un caso');
    expect(p.run).toMatchObject({ nodeId: 'menu', status: 'WAITING' });
  });

  it('reports a case (one child: no question about which): hospital, category, description → CE code and meeting', async () => {
    const p = family([SOFIA], { create_case: OK_CASE });
    await p.send('hola');
    const hospital = await p.tap(/Reportar/);
    expect(hospital).toMatch(/UMAE Hospital de Pediatría CMN Siglo XXI/);
    expect(hospital).toMatch(/¿Es correcto\?/);
    expect(hospital).toContain('[Sí]');
    expect(hospital).toContain('[Otro hospital]');
    const categories = await p.tap(/^Sí/);
    expect(categories).toMatch(/categoría/);
    const rows = p.last.flatMap((o) => (o.kind === 'list' ? o.sections.flatMap((s) => s.rows) : []));
    expect(rows.map((r) => r.id).sort()).toEqual([...CASE_CATEGORIES].sort());
    for (const r of rows) expect(Array.from(r.title).length).toBeLessThanOrEqual(24);
    expect(await p.tap(/^Cita$/)).toMatch(/qué está pasando/);
    expect(await p.send('no dan cita')).toMatch(/más de detalle/);
    const description = 'Mi niña necesita cita con Estomatología desde hace 3 semanas y no nos la dan 😟 — Ñ';
    const done = await p.send(description);
    expect(p.calls).toEqual([{ name: 'create_case', params: { patientId: 'p-sofia', category: 'APPOINTMENT', description } }]);
    expect(done).toContain('CE 63.12');
    expect(done).toMatch(/reunión semanal número 63, el jueves 27 de noviembre/);
    expect(done).toContain('• Reportar un caso'); // back to the menu
    expect(p.run).toMatchObject({ nodeId: 'menu', status: 'WAITING' });
  });

  it('reports a case for the second of two children, chosen by name; another hospital is explained; category typed as a number', async () => {
    const p = family([SOFIA, ANGEL], { create_case: { ...OK_CASE, code: '', hasCode: 'no', meetingNumber: '', meetingDate: '', folio: 'R-1A2B3C4D' } });
    await p.send('hola');
    const which = await p.send('reportar un caso');
    expect(which).toMatch(/cuál de tus hijas o hijos/);
    expect(which).toContain('[Sofía]');
    expect(which).toContain('[Ángel]');
    expect(await p.send('mariana')).toMatch(/No encontré ese nombre/);
    expect(await p.send('es para angel')).toMatch(/HGZ 1 Campeche/);
    const other = await p.tap(/Otro hospital/);
    expect(other).toMatch(/quedará registrado con HGZ 1 Campeche/);
    expect(other).toMatch(/categoría/);
    await p.send('2'); // Medicamento faltante
    const done = await p.send('Falta el metotrexato desde el lunes; nos atendieron en La Raza');
    expect(p.calls[0]).toEqual({ name: 'create_case', params: { patientId: 'p-angel', category: 'MISSING_MEDICATION', description: 'Falta el metotrexato desde el lunes; nos atendieron en La Raza' } });
    expect(done).toMatch(/folio \*R-1A2B3C4D\*/);
    expect(done).not.toMatch(/CE \*|reunión semanal número/);
  });

  it('a failed case creation says so and returns to the menu', async () => {
    const p = family([SOFIA], { create_case: { status: 'invalid' } });
    await p.send('hola');
    await p.tap(/Reportar/);
    await p.tap(/^Sí/);
    await p.tap(/Otro$/);
    expect(await p.send('Algo pasó con la atención de mi hija')).toMatch(/No pudimos registrar tu caso/);
  });

  it('requests a medicine: item, urgency, hospital → request folio and CE code', async () => {
    const p = family([SOFIA], { create_supply_request: OK_SUPPLY });
    await p.send('hola');
    expect(await p.tap(/Solicitar medicamento/)).toMatch(/nombre o su clave/);
    expect(await p.send('Prednisona 5 mg tabletas')).toMatch(/urgente/);
    expect(await p.tap(/Urgente/)).toMatch(/se enviará a \*UMAE Hospital de Pediatría CMN Siglo XXI\*/);
    const done = await p.tap(/^Sí/);
    expect(p.calls).toEqual([{ name: 'create_supply_request', params: { patientId: 'p-sofia', item: 'Prednisona 5 mg tabletas', urgency: 'URGENT' } }]);
    expect(done).toContain('SM-000123');
    expect(done).toContain('CE 63.13');
    expect(done).toMatch(/jueves 27 de noviembre/);
  });

  it.each([
    ['esta semana', 'THIS_WEEK'],
    ['3', 'ROUTINE'],
    ['puede esperar', 'ROUTINE'],
    ['URGE', 'URGENT'],
  ])('urgency typed as %j → %s', async (text, urgency) => {
    const p = family([SOFIA, ANGEL], { create_supply_request: OK_SUPPLY });
    await p.send('hola');
    await p.send('2');
    await p.input('Sofía', 'child:p-sofia');
    await p.send('010.000.0473.00');
    await p.send(text);
    await p.send('si');
    expect(p.calls).toEqual([{ name: 'create_supply_request', params: { patientId: 'p-sofia', item: '010.000.0473.00', urgency } }]);
  });

  it('status of my cases: the lead’s lines, or none', async () => {
    const lines = '• CE 63.12 — Cita de estomatología\n   Estado: Recibido · reunión 63';
    const p = family([SOFIA], { list_cases: { status: 'ok', count: '1', text: lines } });
    await p.send('hola');
    const reply = await p.tap(/Estado/);
    expect(p.calls).toEqual([{ name: 'list_cases', params: {} }]);
    expect(reply).toContain(lines);
    const none = family([SOFIA], { list_cases: { status: 'ok', count: '0', text: '' } });
    await none.send('hola');
    expect(await none.send('3')).toMatch(/no tienes casos registrados/);
  });

  it('digital carnet: the portal link when the field is set, otherwise "pronto"', async () => {
    const p = family([SOFIA], {}, { portalUrl: 'https://familias.example/carnet' });
    await p.send('hola');
    expect(await p.send('4')).toContain('https://familias.example/carnet');
    const q = family();
    await q.send('hola');
    expect(await q.send('carnet')).toMatch(/pronto podrás consultar/);
  });

  it.each([
    [/Cáncer infantil/, /Señales de alarma[\s\S]*Unidad de Medicina Familiar/],
    [/Servicios del IMSS/, /Licencia 140 Bis[\s\S]*1 a 28 días/],
    [/ONCOCREAN/, /cerca de su casa/],
    [/Reuniones semanales/, /jueves a las 18:00[\s\S]*martes/],
  ])('information: %s', async (row, expected) => {
    const p = family();
    await p.send('hola');
    await p.tap(/Información/);
    const reply = await p.tap(row);
    expect(reply).toMatch(expected);
    expect(reply).toContain('[Otro tema]');
    expect(await p.tap(/Otro tema/)).toContain('• Reuniones semanales');
    expect(await p.tap(/Regresar/)).toContain('• Reportar un caso');
  });

  it('talk to a person: hand-over with the typed words as note, office hours, the run ends', async () => {
    const p = family();
    await p.send('hola');
    const reply = await p.send('quiero hablar con una persona');
    expect(p.calls).toEqual([{ name: 'handover', params: { topic: 'Hablar con una persona', note: 'quiero hablar con una persona' } }]);
    expect(reply).toMatch(/persona del equipo/);
    expect(reply).toMatch(/lunes a domingo, de 8:00 a 20:00/);
    expect(p.run).toMatchObject({ status: 'COMPLETED' });
  });
});

describe('default flow: waits, timeouts and lifetime', () => {
  it('every wait reminds once after 30 minutes and ends', async () => {
    for (const node of main.nodes.filter((n) => n.wait)) expect(node.wait, node.id).toEqual({ timeoutSeconds: 1800, timeoutTo: 'timeout' });
    expect(main.ttlHours).toBe(24);
    const p = family();
    await p.send('hola');
    await p.tap(/Reportar/);
    p.now = new Date(t0.getTime() + 1800_000);
    const reminder = await p.timeout();
    expect(reminder).toMatch(/¿Sigues ahí\?[\s\S]*MENU/);
    expect(p.run).toMatchObject({ status: 'COMPLETED' });
    expect(await p.timeout()).toBe('');
  });

  it('a conversation left at a wait for a week starts over, saying why', async () => {
    const p = guest();
    await p.send('hola');
    await p.tap(/Verificarme/);
    p.now = new Date(t0.getTime() + 8 * 86400_000);
    const reply = await p.send('GOMA150503HDFRRN05');
    expect(reply).toMatch(/terminó por inactividad/);
    expect(reply).toContain('[Verificarme]');
    expect(p.calls).toEqual([]);
  });

  it('a 4096-character message is taken whole as a description and never breaks a reply', async () => {
    const p = family([SOFIA], { create_case: OK_CASE });
    await p.send('hola');
    await p.tap(/Reportar/);
    await p.tap(/^Sí/);
    await p.tap(/Trato/);
    const long = `Ñ😀 ${'a'.repeat(4090)}`.slice(0, 4096);
    await p.send(long);
    expect(p.calls[0]!.params).toMatchObject({ category: 'STAFF_CONDUCT', description: long });
    for (const o of p.last) expect(Array.from(o.text).length).toBeLessThanOrEqual(4096);
  });
});
