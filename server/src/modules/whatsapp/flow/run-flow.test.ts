/**
 * The engine's mechanics on small flows: waits, routing, timeouts, the absolute lifetime, the loop
 * guard, templates, results of effects and WhatsApp's limits.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_COPY, MAX_NODES_PER_STEP, runFlow } from './run-flow.ts';
import type { ContactFacts, FlowDefinition, FlowDefinitionInput, FlowEffects, FlowInput, RunState } from './types.ts';
import { validateFlow } from './validate-flow.ts';

const t0 = new Date('2025-11-24T16:00:00Z');
const contact: ContactFacts = { name: 'Mamá Ñandú 🌷', verified: true, children: [{ patientId: 'p-1', firstName: 'Sofía', unitId: 'u-1', unitName: 'CMN Siglo XXI' }], fields: { portalUrl: 'https://portal.example/x' } };
const noEffects: FlowEffects = { invoke: async () => ({ status: 'ok' }) };
const msg = (text: string, replyId?: string): FlowInput => ({ kind: 'message', text, replyId, messageType: replyId ? 'interactive' : 'text' });
const later = (ms: number) => new Date(t0.getTime() + ms);

function flow(def: FlowDefinitionInput): FlowDefinition {
  const r = validateFlow(def);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.flow;
}

const QUESTION = flow({
  key: 'q',
  name: 'Pregunta',
  startNode: 'ask',
  ttlHours: 24,
  nodes: [
    {
      id: 'ask',
      actions: [{ type: 'send_text', text: '¿Cuántos años tiene {{contact.firstName}}?' }],
      wait: { timeoutSeconds: 1800, timeoutTo: 'reminder' },
      router: { operand: 'input', cases: [{ test: 'has_number_between', args: [0, 18], to: 'thanks', saveAs: 'age' }], otherTo: 'again' },
    },
    { id: 'again', actions: [{ type: 'send_text', text: 'Escribe solo el número, por favor.' }], next: 'ask' },
    { id: 'thanks', actions: [{ type: 'send_text', text: 'Gracias: {{results.age}} años. {{results.nothing}}Fin{{fields.missing}}.' }] },
    { id: 'reminder', actions: [{ type: 'send_text', text: '¿Sigues ahí? Escribe MENU.' }] },
  ],
});

async function step(def: FlowDefinition, run: RunState | null, input: FlowInput, now = t0, facts = contact, effects = noEffects) {
  return runFlow({ flow: def, run, input, now, contact: facts, effects });
}

describe('runFlow', () => {
  it('starts at the start node, waits, routes the reply, renders templates (missing values empty), completes', async () => {
    const a = await step(QUESTION, null, msg('hola'));
    expect(a.outgoing).toEqual([{ kind: 'text', text: '¿Cuántos años tiene Mamá?' }]);
    expect(a.run).toMatchObject({ flowKey: 'q', nodeId: 'ask', status: 'WAITING', waitExpiresAt: later(1800_000).toISOString(), expiresAt: later(24 * 3600_000).toISOString(), startedAt: t0.toISOString() });

    const b = await step(QUESTION, a.run, msg('no sé'), later(60_000));
    expect(b.outgoing.map((o) => o.text)).toEqual(['Escribe solo el número, por favor.', '¿Cuántos años tiene Mamá?']);
    expect(b.run).toMatchObject({ nodeId: 'ask', status: 'WAITING', waitExpiresAt: later(60_000 + 1800_000).toISOString(), startedAt: t0.toISOString() });

    const c = await step(QUESTION, b.run, msg('tiene 7 años'), later(120_000));
    expect(c.outgoing).toEqual([{ kind: 'text', text: 'Gracias: 7 años. Fin.' }]);
    expect(c.run).toMatchObject({ status: 'COMPLETED', waitExpiresAt: null, results: { age: '7' } });
    expect(JSON.stringify(c)).not.toContain('undefined');

    // A completed run starts over.
    const d = await step(QUESTION, c.run, msg('hola'), later(180_000));
    expect(d.run).toMatchObject({ nodeId: 'ask', status: 'WAITING', results: {}, startedAt: later(180_000).toISOString() });
  });

  it('a timeout takes the wait’s timeoutTo; without one the run ends quietly; a timeout with no waiting run does nothing', async () => {
    const a = await step(QUESTION, null, msg('hola'));
    const b = await step(QUESTION, a.run, { kind: 'timeout' }, later(1800_000));
    expect(b.outgoing).toEqual([{ kind: 'text', text: '¿Sigues ahí? Escribe MENU.' }]);
    expect(b.run).toMatchObject({ status: 'COMPLETED', waitExpiresAt: null });

    const noTimeoutTo = flow({ ...QUESTION, nodes: QUESTION.nodes.map((n) => (n.id === 'ask' ? { ...n, wait: { timeoutSeconds: 600 } } : n)).filter((n) => n.id !== 'reminder') });
    const c = await step(noTimeoutTo, a.run, { kind: 'timeout' }, later(600_000));
    expect(c.outgoing).toEqual([]);
    expect(c.run).toMatchObject({ status: 'COMPLETED' });

    const d = await step(QUESTION, null, { kind: 'timeout' });
    expect(d).toEqual({ run: null, outgoing: [], fields: {} });
    expect((await step(QUESTION, b.run, { kind: 'timeout' })).outgoing).toEqual([]);
  });

  it('a run past its absolute lifetime starts over with a note, whatever the wait said (a week-old conversation)', async () => {
    const a = await step(QUESTION, null, msg('hola'));
    const weekLater = later(7 * 86400_000);
    const b = await step(QUESTION, a.run, msg('7'), weekLater);
    expect(b.outgoing.map((o) => o.text)).toEqual([ENGINE_COPY.expired, '¿Cuántos años tiene Mamá?']);
    expect(b.outgoing[0]!.text).toMatch(/inactividad/);
    expect(b.run).toMatchObject({ nodeId: 'ask', status: 'WAITING', results: {}, startedAt: weekLater.toISOString(), expiresAt: new Date(weekLater.getTime() + 24 * 3600_000).toISOString() });
    // Just inside the lifetime it is still the same run.
    const c = await step(QUESTION, a.run, msg('7'), later(24 * 3600_000 - 1000));
    expect(c.outgoing.map((o) => o.text)).toEqual(['Gracias: 7 años. Fin.']);
    // The worker's timeout of an expired run expires it silently.
    const d = await step(QUESTION, a.run, { kind: 'timeout' }, weekLater);
    expect(d.outgoing).toEqual([]);
    expect(d.run).toMatchObject({ status: 'EXPIRED', waitExpiresAt: null });
  });

  it('cuts an endless loop without a wait with an apology instead of hanging', async () => {
    const looping = { key: 'loop', name: 'Ciclo', startNode: 'a', ttlHours: 24, nodes: [{ id: 'a', actions: [{ type: 'set_result' as const, name: 'x', value: 'y' }], next: 'b' }, { id: 'b', actions: [], next: 'a' }] } as FlowDefinition;
    expect(validateFlow(looping).ok).toBe(false);
    const started = Date.now();
    const r = await step(looping, null, msg('hola'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.outgoing).toEqual([{ kind: 'text', text: ENGINE_COPY.loop }]);
    expect(r.run).toMatchObject({ status: 'COMPLETED' });
    expect(MAX_NODES_PER_STEP).toBe(50);
  });

  it('an exit to a node that does not exist (an unvalidated definition) gets an apology, not a crash', async () => {
    const broken = { key: 'b', name: 'Roto', startNode: 'a', ttlHours: 24, nodes: [{ id: 'a', actions: [{ type: 'send_text', text: 'Hola' }], next: 'nowhere' }] } as FlowDefinition;
    const r = await step(broken, null, msg('hola'));
    expect(r.outgoing.map((o) => o.text)).toEqual(['Hola', ENGINE_COPY.brokenFlow]);
  });

  it('keeps within WhatsApp’s limits: 4096-character texts, ≤3 buttons of ≤20 characters, ≤10 rows of ≤24/72 characters', async () => {
    const long = 'ñ'.repeat(5000);
    const def = {
      key: 'limits',
      name: 'Límites',
      startNode: 'a',
      ttlHours: 24,
      nodes: [
        {
          id: 'a',
          actions: [
            { type: 'send_text', text: `Dijiste: {{input}}` },
            { type: 'send_buttons', text: '¿Qué eliges?', buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `Botón con un título muy largo ${i}` })) },
            {
              type: 'send_list',
              text: 'Lista',
              button: 'Ver todas las opciones disponibles',
              sections: [
                { title: 'Primera', rows: Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, title: `Opción con un título demasiado largo ${i}`, description: 'd'.repeat(100) })) },
                { title: '', rows: Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, title: `Otra ${i}` })) },
              ],
            },
          ],
        },
      ],
    } as FlowDefinition;
    const r = await step(def, null, msg(long));
    const [text, btns, list] = r.outgoing;
    expect(text!.kind).toBe('text');
    expect(Array.from(text!.text)).toHaveLength(4096);
    expect(text!.text.endsWith('…')).toBe(true);
    if (btns!.kind !== 'buttons' || list!.kind !== 'list') throw new Error('kinds');
    expect(btns!.buttons).toHaveLength(3);
    for (const b of btns!.buttons) expect(Array.from(b.title).length).toBeLessThanOrEqual(20);
    expect(list!.sections.flatMap((s) => s.rows)).toHaveLength(10);
    expect(list!.button.length).toBeLessThanOrEqual(20);
    for (const row of list!.sections.flatMap((s) => s.rows)) {
      expect(Array.from(row.title).length).toBeLessThanOrEqual(24);
      expect(Array.from(row.description ?? '').length).toBeLessThanOrEqual(72);
    }
    expect(list!.sections.map((s) => s.title)).toEqual(['Primera', 'Opciones 2']);
  });

  it('stores effect results under the result name (replacing the previous call’s), and returns set_field values', async () => {
    const calls: [string, Record<string, string>][] = [];
    const answers: Record<string, string>[] = [{ status: 'no_match', hint: 'x' }, { status: 'ok', childName: 'Sofía' }];
    const effects: FlowEffects = {
      invoke: async (name, params) => {
        calls.push([name, params]);
        return answers.shift()!;
      },
    };
    const def = flow({
      key: 'fx',
      name: 'Efectos',
      startNode: 'ask',
      nodes: [
        {
          id: 'ask',
          actions: [{ type: 'send_text', text: 'Código:' }],
          wait: {},
          router: { operand: 'input', cases: [{ test: 'has_pattern', args: ['\\d{6}'], to: 'check', saveAs: 'code' }], otherTo: 'ask' },
        },
        {
          id: 'check',
          actions: [{ type: 'invoke', effect: 'verify_code', params: { code: '{{results.code}}', who: '{{contact.name}}' }, result: 'verify' }],
          router: { operand: 'result:verify.status', cases: [{ test: 'equals', args: ['ok'], to: 'ok' }], otherTo: 'ask' },
        },
        { id: 'ok', actions: [{ type: 'set_field', name: 'verifiedChild', value: '{{results.verify.childName}}' }, { type: 'send_text', text: 'Listo {{results.verify.childName}} {{results.verify.hint}}|' }] },
      ],
    });
    const a = await step(def, null, msg('hola'), t0, contact, effects);
    expect(a.run!.waitExpiresAt).toBeNull(); // a wait without timeoutSeconds never times out
    const b = await step(def, a.run, msg('111111'), t0, contact, effects);
    expect(b.run).toMatchObject({ nodeId: 'ask', results: { code: '111111', 'verify.status': 'no_match', 'verify.hint': 'x' } });
    const c = await step(def, b.run, msg('222222'), t0, contact, effects);
    expect(calls).toEqual([
      ['verify_code', { code: '111111', who: 'Mamá Ñandú 🌷' }],
      ['verify_code', { code: '222222', who: 'Mamá Ñandú 🌷' }],
    ]);
    expect(c.outgoing).toEqual([{ kind: 'text', text: 'Listo Sofía |' }]);
    expect(c.fields).toEqual({ verifiedChild: 'Sofía' });
    expect(c.run!.results).not.toHaveProperty('verify.hint');
  });

  it('a tapped option wins over an earlier option whose keywords share a word with its title', async () => {
    const def = flow({
      key: 'm',
      name: 'Menú',
      startNode: 'menu',
      nodes: [
        {
          id: 'menu',
          actions: [{ type: 'send_text', text: 'Menú' }],
          wait: { timeoutSeconds: 600 },
          router: {
            operand: 'input',
            cases: [
              { test: 'menu', args: ['report', '1', 'casos'], to: 'report' },
              { test: 'menu', args: ['status', '2', 'estado'], to: 'status' },
            ],
            otherTo: 'menu',
          },
        },
        { id: 'report', actions: [{ type: 'send_text', text: 'R' }] },
        { id: 'status', actions: [{ type: 'send_text', text: 'S' }] },
      ],
    });
    const a = await step(def, null, msg('hola'));
    expect((await step(def, a.run, msg('Estado de mis casos', 'status'))).outgoing).toEqual([{ kind: 'text', text: 'S' }]);
    expect((await step(def, a.run, msg('mis casos'))).outgoing).toEqual([{ kind: 'text', text: 'R' }]);
  });

  it('send_children: buttons for up to 3 children, a list beyond; ids child:<patientId>', async () => {
    const def = flow({
      key: 'c',
      name: 'Hijos',
      startNode: 'a',
      nodes: [{ id: 'a', actions: [{ type: 'send_children', text: '¿Para quién?' }], wait: {}, router: { operand: 'input', cases: [{ test: 'is_child', to: 'b', saveAs: 'kid' }], otherTo: 'a' } }, { id: 'b', actions: [{ type: 'send_text', text: '{{results.kid.name}} ({{results.kid.unitName}}) {{results.kid}}' }] }],
    });
    const kids = (n: number) => Array.from({ length: n }, (_, i) => ({ patientId: `p${i + 1}`, firstName: `Niña${i + 1}`, unitId: 'u', unitName: 'Hospital' }));
    const two = await step(def, null, msg('hola'), t0, { ...contact, children: kids(2) });
    expect(two.outgoing).toEqual([{ kind: 'buttons', text: '¿Para quién?', buttons: [{ id: 'child:p1', title: 'Niña1' }, { id: 'child:p2', title: 'Niña2' }] }]);
    const twelve = await step(def, null, msg('hola'), t0, { ...contact, children: kids(12) });
    const list = twelve.outgoing[0]!;
    if (list.kind !== 'list') throw new Error('list expected');
    expect(list.sections[0]!.rows).toHaveLength(10);
    expect(list.sections[0]!.rows[0]).toEqual({ id: 'child:p1', title: 'Niña1', description: 'Hospital' });
    expect(list.text).toContain('12. Niña12');
    const picked = await step(def, twelve.run, msg('12'), t0, { ...contact, children: kids(12) });
    expect(picked.outgoing).toEqual([{ kind: 'text', text: 'Niña12 (Hospital) p12' }]);
  });
});
