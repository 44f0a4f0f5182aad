import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOWS, DEFAULT_FLOW_SOURCES } from './default-flows.ts';
import { pathOf, validateFlow } from './validate-flow.ts';

/** A small valid flow to break one way at a time. */
function base(): any {
  return {
    key: 'demo',
    name: 'Demo',
    startNode: 'menu',
    ttlHours: 24,
    nodes: [
      {
        id: 'menu',
        actions: [{ type: 'send_buttons', text: '¿Qué quieres hacer?', buttons: [{ id: 'a', title: 'Opción A' }, { id: 'b', title: 'Opción B' }] }],
        wait: { timeoutSeconds: 1800, timeoutTo: 'bye' },
        router: { operand: 'input', cases: [{ test: 'menu', args: ['a', 1, 'opcion a'], to: 'a' }, { test: 'menu', args: ['b', 2], to: 'b' }], otherTo: 'menu' },
      },
      { id: 'a', actions: [{ type: 'invoke', effect: 'list_cases', params: {}, result: 'cases' }], router: { operand: 'result:cases.count', cases: [{ test: 'equals', args: ['0'], to: 'bye' }] }, next: 'bye' },
      { id: 'b', actions: [{ type: 'send_list', text: 'Lista', button: 'Ver', sections: [{ title: 'S', rows: [{ id: 'r1', title: 'Uno' }] }] }], next: 'bye' },
      { id: 'bye', actions: [{ type: 'send_text', text: 'Adiós, {{contact.firstName}} {{results.cases.count}}' }] },
    ],
  };
}

function errorsOf(def: unknown) {
  const r = validateFlow(def);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('validateFlow', () => {
  it('accepts every default flow, as written and as stored', () => {
    expect(DEFAULT_FLOWS.map((f) => f.key)).toContain('main');
    expect(DEFAULT_FLOWS.find((f) => f.key === 'main')!.name).toBe('Menú principal de familias');
    for (const f of DEFAULT_FLOW_SOURCES) expect(validateFlow(f)).toMatchObject({ ok: true });
    for (const f of DEFAULT_FLOWS) {
      const again = validateFlow(JSON.parse(JSON.stringify(f.definition)));
      expect(again.ok ? [] : again.errors).toEqual([]);
    }
  });

  it('accepts the small flow and fills defaults', () => {
    const def = base();
    delete def.ttlHours;
    delete def.nodes[3].actions;
    const r = validateFlow(def);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.flow.ttlHours).toBe(24);
      expect(r.flow.nodes[3]!.actions).toEqual([]);
    }
  });

  it.each<[string, (d: any) => void, string, RegExp]>([
    ['an exit to a missing node', (d) => (d.nodes[0].router.cases[1].to = 'nada'), 'nodes[0].router.cases[1].to', /«nada», que no existe/],
    ['otherTo to a missing node', (d) => (d.nodes[0].router.otherTo = 'nada'), 'nodes[0].router.otherTo', /no existe/],
    ['next to a missing node', (d) => (d.nodes[2].next = 'nada'), 'nodes[2].next', /no existe/],
    ['timeoutTo to a missing node', (d) => (d.nodes[0].wait.timeoutTo = 'nada'), 'nodes[0].wait.timeoutTo', /no existe/],
    ['a missing start node', (d) => (d.startNode = 'inicio'), 'startNode', /no existe un nodo/],
    ['a repeated node id', (d) => (d.nodes[2].id = 'a'), 'nodes[2].id', /se repite/],
    [
      'four buttons',
      (d) => d.nodes[0].actions[0].buttons.push({ id: 'c', title: 'C' }, { id: 'd', title: 'D' }),
      'nodes[0].actions[0].buttons',
      /máximo 3 botones/,
    ],
    ['a button title over 20 characters', (d) => (d.nodes[0].actions[0].buttons[0].title = 'Un título larguísimo!!'), 'nodes[0].actions[0].buttons[0].title', /máximo 20 caracteres/],
    ['a repeated button id', (d) => (d.nodes[0].actions[0].buttons[1].id = 'a'), 'nodes[0].actions[0].buttons[1].id', /se repite/],
    [
      'eleven list rows',
      (d) => (d.nodes[2].actions[0].sections[0].rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Fila ${i}` }))),
      'nodes[2].actions[0].sections',
      /máximo 10 opciones/,
    ],
    ['a row title over 24 characters', (d) => (d.nodes[2].actions[0].sections[0].rows[0].title = 'Reportar un caso específico'), 'nodes[2].actions[0].sections[0].rows[0].title', /máximo 24/],
    ['an unknown effect', (d) => (d.nodes[1].actions[0].effect = 'borrar_todo'), 'nodes[1].actions[0].effect', /efecto desconocido/],
    ['an effect without a parameter it needs', (d) => (d.nodes[1].actions[0] = { type: 'invoke', effect: 'verify_code', params: {}, result: 'v' }), 'nodes[1].actions[0].params', /necesita el parámetro «code»/],
    ['an unknown action', (d) => (d.nodes[3].actions[0].type = 'send_email'), 'nodes[3].actions[0].type', /acción desconocida/],
    ['an unknown test', (d) => (d.nodes[0].router.cases[0].test = 'has_emoji'), 'nodes[0].router.cases[0].test', /prueba desconocida/],
    ['a misspelt field', (d) => (d.nodes[3].action = []), 'nodes[3]', /campo desconocido: action/],
    ['a missing text', (d) => delete d.nodes[3].actions[0].text, 'nodes[3].actions[0].text', /es obligatorio/],
    ['a number where text goes', (d) => (d.nodes[3].actions[0].text = 5), 'nodes[3].actions[0].text', /debe ser texto/],
    ['an input router without a wait', (d) => delete d.nodes[0].wait, 'nodes[0].router', /necesita "wait"/],
    ['an input router without otherTo', (d) => delete d.nodes[0].router.otherTo, 'nodes[0].router.otherTo', /obligatorio/],
    ['a wait without a router', (d) => (d.nodes[2].wait = { timeoutSeconds: 600 }), 'nodes[2].wait', /necesita un router/],
    ['a wait on a result router', (d) => (d.nodes[1].wait = { timeoutSeconds: 600 }), 'nodes[1].wait', /solo sirve con operand "input"/],
    ['timeoutTo without timeoutSeconds', (d) => delete d.nodes[0].wait.timeoutSeconds, 'nodes[0].wait.timeoutSeconds', /obligatorio cuando hay timeoutTo/],
    ['an unreachable node', (d) => d.nodes.push({ id: 'isla', actions: [{ type: 'send_text', text: 'Nadie llega aquí' }] }), 'nodes[4]', /no se alcanza/],
    ['a loop of next without a wait', (d) => (d.nodes[3].next = 'b'), 'nodes[2].next', /ciclo/],
    ['a bad regular expression', (d) => (d.nodes[0].router.cases[0] = { test: 'has_pattern', args: ['(abc'], to: 'a' }), 'nodes[0].router.cases[0].args[0]', /expresión regular no válida/],
    ['a menu test without arguments', (d) => (d.nodes[0].router.cases[0].args = []), 'nodes[0].router.cases[0].args', /necesita/],
    ['has_number_between with a word', (d) => (d.nodes[0].router.cases[0] = { test: 'has_number_between', args: ['uno', 5], to: 'a' }), 'nodes[0].router.cases[0].args[0]', /debe ser un número/],
    ['is_child on a result', (d) => (d.nodes[1].router.cases[0].test = 'is_child'), 'nodes[1].router.cases[0].test', /is_child solo funciona/],
    ['an unknown template variable', (d) => (d.nodes[3].actions[0].text = 'Hola {{contacto.nombre}}'), 'nodes[3].actions[0].text', /variable desconocida \{\{contacto\.nombre\}\}/],
    ['an unknown operand', (d) => (d.nodes[1].router.operand = 'results.cases'), 'nodes[1].router.operand', /use input, contact\.verified/],
    ['a wait under a minute', (d) => (d.nodes[0].wait.timeoutSeconds = 5), 'nodes[0].wait.timeoutSeconds', /al menos 60 segundos/],
    ['no nodes', (d) => (d.nodes = []), 'nodes', /al menos un nodo/],
  ])('rejects %s, naming the path', (_, breakIt, field, message) => {
    const def = base();
    breakIt(def);
    const errors = errorsOf(def);
    const hit = errors.find((e) => e.field === field);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it.each([null, 5, 'texto', [], {}])('rejects %j with Spanish messages only', (def) => {
    const errors = errorsOf(def);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.message).not.toMatch(/Invalid|Unrecognized|expected|received/);
  });

  it('writes JSON paths as the editor shows them', () => {
    expect(pathOf(['nodes', 3, 'router', 'cases', 0, 'to'])).toBe('nodes[3].router.cases[0].to');
    expect(pathOf([])).toBe('');
  });
});
