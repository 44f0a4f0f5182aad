/**
 * Checks a flow definition before it is published: its shape (flow-schema.ts), then the graph —
 * unique node ids, every exit leading to an existing node, WhatsApp's limits on buttons and lists,
 * waits and routers that go together, parameters the effects need, known template variables,
 * no node left unreachable and no loop without a wait. Each error names its JSON path
 * (`nodes[3].router.cases[0].to`) and says in Spanish what to change.
 */
import type { z } from 'zod';
import { flowDefinitionSchema, type FlowDefinition } from './flow-schema.ts';
import { isKnownVariable, LIMITS, templateVariables } from './text.ts';
import type { EffectName, FlowAction, FlowNode } from './types.ts';

export interface FlowError {
  field: string;
  message: string;
}

/** Parameters each effect needs (others are allowed and passed along). */
export const EFFECT_PARAMS: Record<EffectName, string[]> = {
  verify_curp: ['curp', 'birthDate'],
  verify_code: ['code'],
  create_case: ['patientId', 'category', 'description'],
  create_supply_request: ['patientId', 'item', 'urgency'],
  list_cases: [],
  handover: ['topic'],
  opt_out: [],
  opt_in: [],
};

const NEEDS_ARGS: Record<string, { min: number; what: string }> = {
  menu: { min: 1, what: 'el id de la opción, su número y palabras clave' },
  reply_id: { min: 1, what: 'al menos un id de botón o fila' },
  has_any_word: { min: 1, what: 'al menos una palabra' },
  has_phrase: { min: 1, what: 'al menos una frase' },
  has_pattern: { min: 1, what: 'la expresión regular' },
  has_number_between: { min: 2, what: 'el mínimo y el máximo' },
  equals: { min: 1, what: 'al menos un valor' },
};

/** `["nodes", 3, "router", "cases", 0, "to"]` → `nodes[3].router.cases[0].to` */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

const EXPECTED: Record<string, string> = {
  object: 'un objeto { … }',
  array: 'una lista [ … ]',
  string: 'texto',
  number: 'un número',
  boolean: 'true o false',
};

function zodErrors(error: z.ZodError): FlowError[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `campo desconocido: ${issue.keys.join(', ')} (revise mayúsculas y ortografía)`;
    else if (issue.code === 'invalid_type' && /^Invalid input/.test(message)) message = `debe ser ${EXPECTED[issue.expected] ?? issue.expected}`;
    else if (/^(Invalid|Too|Unrecognized)/.test(message)) message = `valor no válido (${message})`;
    return { field: pathOf(issue.path), message };
  });
}

function literalLength(text: string): number | null {
  return templateVariables(text).length ? null : Array.from(text.trim()).length;
}

function checkTemplate(errors: FlowError[], field: string, text: string | undefined): void {
  if (!text) return;
  for (const v of templateVariables(text)) {
    if (!isKnownVariable(v)) {
      errors.push({
        field,
        message: `variable desconocida {{${v}}}; use contact.name, contact.firstName, children.count, input, results.<nombre> o fields.<nombre>`,
      });
    }
  }
}

function checkLength(errors: FlowError[], field: string, text: string, max: number, what: string): void {
  const n = literalLength(text);
  if (n !== null && n > max) errors.push({ field, message: `${what} admite máximo ${max} caracteres en WhatsApp (tiene ${n})` });
}

function checkAction(errors: FlowError[], a: FlowAction, at: string): void {
  switch (a.type) {
    case 'send_text':
      checkTemplate(errors, `${at}.text`, a.text);
      checkLength(errors, `${at}.text`, a.text, LIMITS.text, 'el mensaje');
      return;
    case 'send_buttons': {
      checkTemplate(errors, `${at}.text`, a.text);
      checkLength(errors, `${at}.text`, a.text, LIMITS.interactiveBody, 'el texto de un mensaje con botones');
      if (a.buttons.length > LIMITS.buttons) errors.push({ field: `${at}.buttons`, message: `WhatsApp permite máximo ${LIMITS.buttons} botones (hay ${a.buttons.length}); use send_list para más opciones` });
      const seen = new Set<string>();
      a.buttons.forEach((b, i) => {
        checkTemplate(errors, `${at}.buttons[${i}].title`, b.title);
        checkLength(errors, `${at}.buttons[${i}].title`, b.title, LIMITS.buttonTitle, 'el título de un botón');
        if (seen.has(b.id)) errors.push({ field: `${at}.buttons[${i}].id`, message: `el id «${b.id}» se repite en este mensaje` });
        seen.add(b.id);
      });
      return;
    }
    case 'send_list': {
      checkTemplate(errors, `${at}.text`, a.text);
      checkLength(errors, `${at}.text`, a.text, LIMITS.interactiveBody, 'el texto de una lista');
      checkLength(errors, `${at}.button`, a.button, LIMITS.listButton, 'el botón de la lista');
      const rows = a.sections.reduce((n, s) => n + s.rows.length, 0);
      if (rows > LIMITS.listRows) errors.push({ field: `${at}.sections`, message: `WhatsApp permite máximo ${LIMITS.listRows} opciones en una lista (hay ${rows})` });
      if (a.sections.length > 1) {
        a.sections.forEach((s, i) => {
          if (!s.title?.trim()) errors.push({ field: `${at}.sections[${i}].title`, message: 'una lista con varias secciones necesita un título en cada sección' });
        });
      }
      const seen = new Set<string>();
      a.sections.forEach((s, i) => {
        checkLength(errors, `${at}.sections[${i}].title`, s.title ?? '', LIMITS.sectionTitle, 'el título de una sección');
        s.rows.forEach((r, j) => {
          const rf = `${at}.sections[${i}].rows[${j}]`;
          checkTemplate(errors, `${rf}.title`, r.title);
          checkTemplate(errors, `${rf}.description`, r.description);
          checkLength(errors, `${rf}.title`, r.title, LIMITS.rowTitle, 'el título de una opción');
          if (r.description) checkLength(errors, `${rf}.description`, r.description, LIMITS.rowDescription, 'la descripción de una opción');
          if (seen.has(r.id)) errors.push({ field: `${rf}.id`, message: `el id «${r.id}» se repite en esta lista` });
          seen.add(r.id);
        });
      });
      return;
    }
    case 'send_children':
      checkTemplate(errors, `${at}.text`, a.text);
      if (a.button) checkLength(errors, `${at}.button`, a.button, LIMITS.listButton, 'el botón de la lista');
      return;
    case 'invoke':
      for (const p of EFFECT_PARAMS[a.effect] ?? []) {
        if (!(p in (a.params ?? {}))) errors.push({ field: `${at}.params`, message: `el efecto ${a.effect} necesita el parámetro «${p}»` });
      }
      for (const [k, v] of Object.entries(a.params ?? {})) checkTemplate(errors, `${at}.params.${k}`, v);
      return;
    case 'set_result':
    case 'set_field':
      checkTemplate(errors, `${at}.value`, a.value);
      return;
    case 'select_child':
      return;
  }
}

function exitsOf(n: FlowNode): { field: string; to: string }[] {
  const out: { field: string; to: string }[] = [];
  n.router?.cases.forEach((c, j) => out.push({ field: `router.cases[${j}].to`, to: c.to }));
  if (n.router?.otherTo) out.push({ field: 'router.otherTo', to: n.router.otherTo });
  if (n.wait?.timeoutTo) out.push({ field: 'wait.timeoutTo', to: n.wait.timeoutTo });
  if (n.next) out.push({ field: 'next', to: n.next });
  return out;
}

function graphErrors(flow: FlowDefinition): FlowError[] {
  const errors: FlowError[] = [];
  const index = new Map<string, number>();
  flow.nodes.forEach((n, i) => {
    if (index.has(n.id)) errors.push({ field: `nodes[${i}].id`, message: `el id «${n.id}» se repite (ya lo usa nodes[${index.get(n.id)}])` });
    else index.set(n.id, i);
  });
  if (!index.has(flow.startNode)) errors.push({ field: 'startNode', message: `no existe un nodo con id «${flow.startNode}»` });

  flow.nodes.forEach((n, i) => {
    const at = `nodes[${i}]`;
    for (const e of exitsOf(n)) {
      if (!index.has(e.to)) errors.push({ field: `${at}.${e.field}`, message: `lleva a «${e.to}», que no existe` });
    }
    n.actions.forEach((a, k) => checkAction(errors, a, `${at}.actions[${k}]`));
    const r = n.router;
    const onInput = r && (r.operand ?? 'input') === 'input';
    if (onInput && !n.wait) errors.push({ field: `${at}.router`, message: 'un router sobre input necesita "wait" en el mismo nodo (esperar la respuesta)' });
    if (onInput && !r.otherTo) errors.push({ field: `${at}.router.otherTo`, message: 'es obligatorio: a dónde va una respuesta que no se reconoce (nunca dejar sin respuesta)' });
    if (n.wait && !r) errors.push({ field: `${at}.wait`, message: 'una espera necesita un router sobre input que lea la respuesta' });
    if (n.wait && r && !onInput) errors.push({ field: `${at}.wait`, message: `una espera solo sirve con operand "input" (este router usa "${r.operand}")` });
    if (n.wait?.timeoutTo && !n.wait.timeoutSeconds) errors.push({ field: `${at}.wait.timeoutSeconds`, message: 'es obligatorio cuando hay timeoutTo' });
    if (r && r.cases.length === 0 && !r.otherTo) errors.push({ field: `${at}.router.cases`, message: 'el router necesita al menos un caso u otherTo' });
    r?.cases.forEach((c, j) => {
      const cf = `${at}.router.cases[${j}]`;
      const need = NEEDS_ARGS[c.test];
      if (need && c.args.length < need.min) errors.push({ field: `${cf}.args`, message: `la prueba ${c.test} necesita ${need.what}` });
      if (c.test === 'has_pattern' && c.args[0] !== undefined) {
        try {
          new RegExp(String(c.args[0]), c.args[1] === undefined ? 'iu' : String(c.args[1]));
        } catch (err) {
          errors.push({ field: `${cf}.args[0]`, message: `expresión regular no válida: ${(err as Error).message}` });
        }
      }
      if (c.test === 'has_number_between') {
        c.args.slice(0, 2).forEach((a, k) => {
          if (!Number.isFinite(Number(a))) errors.push({ field: `${cf}.args[${k}]`, message: 'debe ser un número' });
        });
      }
      if (c.test === 'has_text' && c.args[0] !== undefined && !Number.isFinite(Number(c.args[0]))) {
        errors.push({ field: `${cf}.args[0]`, message: 'debe ser el número mínimo de letras' });
      }
      if (c.test === 'is_child' && !onInput) errors.push({ field: `${cf}.test`, message: 'is_child solo funciona con operand "input"' });
    });
  });
  if (errors.length) return errors;

  // Reachability from the start node.
  const reached = new Set<string>([flow.startNode]);
  const queue = [flow.startNode];
  while (queue.length) {
    const n = flow.nodes[index.get(queue.shift()!)!]!;
    for (const e of exitsOf(n)) {
      if (!reached.has(e.to)) {
        reached.add(e.to);
        queue.push(e.to);
      }
    }
  }
  flow.nodes.forEach((n, i) => {
    if (!reached.has(n.id)) errors.push({ field: `nodes[${i}]`, message: `el nodo «${n.id}» no se alcanza desde startNode «${flow.startNode}»; conéctelo o bórrelo` });
  });

  // A chain of `next` through nodes that neither wait nor route never ends.
  flow.nodes.forEach((n, i) => {
    const seen = new Set<string>();
    let cur: FlowNode | undefined = n;
    while (cur && !cur.wait && !cur.router && cur.next) {
      if (seen.has(cur.id)) {
        errors.push({ field: `nodes[${i}].next`, message: `desde «${n.id}» se entra en un ciclo por "next" que nunca espera respuesta` });
        return;
      }
      seen.add(cur.id);
      cur = flow.nodes[index.get(cur.next)!];
    }
  });
  return errors;
}

export function validateFlow(def: unknown): { ok: true; flow: FlowDefinition } | { ok: false; errors: FlowError[] } {
  const parsed = flowDefinitionSchema.safeParse(def);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const errors = graphErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, flow: parsed.data };
}
