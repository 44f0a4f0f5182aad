/**
 * The flow definition format: RapidPro-like JSON that coordination staff edit in a text editor.
 *
 *   { key, name, startNode, ttlHours, nodes: [ { id, actions, router?, wait?, next? } ] }
 *
 * A node runs its actions when entered; then it waits for the family's reply (`wait` + a router on
 * `input`), routes at once on a result or contact fact (a router on another operand), goes to
 * `next`, or ends the run. Text may use {{contact.name}}, {{contact.firstName}}, {{results.x}},
 * {{fields.x}} and {{input}}; a missing value renders as an empty string.
 *
 * The shape is checked here; graph rules (ids, exits, limits, reachability) in validate-flow.ts.
 */
import { z } from 'zod';

export const EFFECT_NAMES = ['verify_curp', 'verify_code', 'create_case', 'create_supply_request', 'list_cases', 'handover', 'opt_out', 'opt_in'] as const;

export const ROUTER_TESTS = [
  'menu',
  'reply_id',
  'has_any_word',
  'has_phrase',
  'has_pattern',
  'has_curp',
  'has_date',
  'has_phone',
  'has_number_between',
  'has_text',
  'is_child',
  'equals',
  'is_true',
  'is_false',
] as const;

/** Zod's error option: "es obligatorio" when the field is missing, else `message`. */
const need = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'es obligatorio' : message) });

const id = z
  .string(need('debe ser texto'))
  .min(1, 'es obligatorio')
  .max(64, 'no debe exceder 64 caracteres')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'solo letras sin acento, números y _ . : -');
const text = z.string(need('debe ser texto')).min(1, 'es obligatorio');
const resultName = z
  .string(need('debe ser texto'))
  .min(1, 'es obligatorio')
  .max(64, 'no debe exceder 64 caracteres')
  .regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'debe empezar con letra; solo letras sin acento, números, _ y .');

const button = z.strictObject({ id, title: text });
const row = z.strictObject({ id, title: text, description: z.string(need('debe ser texto')).optional() });
const section = z.strictObject({ title: z.string(need('debe ser texto')).default(''), rows: z.array(row, need('debe ser una lista de opciones')).min(1, 'necesita al menos una opción') });

export const actionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('send_text'), text }),
    z.strictObject({ type: z.literal('send_buttons'), text, buttons: z.array(button, need('debe ser una lista de botones')).min(1, 'necesita al menos un botón') }),
    z.strictObject({
      type: z.literal('send_list'),
      text,
      button: text,
      sections: z.array(section, need('debe ser una lista de secciones')).min(1, 'necesita al menos una sección'),
    }),
    z.strictObject({ type: z.literal('send_children'), text, button: z.string(need('debe ser texto')).optional() }),
    z.strictObject({ type: z.literal('select_child'), saveAs: resultName.default('child') }),
    z.strictObject({
      type: z.literal('invoke'),
      effect: z.enum(EFFECT_NAMES, need(`efecto desconocido; use uno de: ${EFFECT_NAMES.join(', ')}`)),
      params: z.record(z.string(), z.string(need('debe ser texto'))).default({}),
      result: resultName,
    }),
    z.strictObject({ type: z.literal('set_result'), name: resultName, value: z.string(need('debe ser texto')) }),
    z.strictObject({ type: z.literal('set_field'), name: resultName, value: z.string(need('debe ser texto')) }),
  ],
  { error: 'acción desconocida; use send_text, send_buttons, send_list, send_children, select_child, invoke, set_result o set_field' },
);

const arg = z.union([z.string(), z.number()], { error: 'debe ser texto o número' });

export const caseSchema = z.strictObject({
  test: z.enum(ROUTER_TESTS, need(`prueba desconocida; use una de: ${ROUTER_TESTS.join(', ')}`)),
  args: z.array(arg, need('debe ser una lista')).default([]),
  to: id,
  saveAs: resultName.optional(),
});

export const routerSchema = z.strictObject({
  operand: z
    .string(need('debe ser texto'))
    .regex(/^(input|contact\.verified|children\.count|result:[A-Za-z][A-Za-z0-9_.]*|field:[A-Za-z][A-Za-z0-9_.]*)$/, 'use input, contact.verified, children.count, result:<nombre> o field:<nombre>')
    .default('input'),
  cases: z.array(caseSchema, need('debe ser una lista de casos')).default([]),
  otherTo: id.optional(),
});

export const waitSchema = z.strictObject({
  timeoutSeconds: z
    .number(need('debe ser un número de segundos'))
    .int('debe ser un número entero de segundos')
    .min(60, 'debe ser al menos 60 segundos')
    .max(7 * 86400, 'no debe exceder 7 días (604800 segundos)')
    .optional(),
  timeoutTo: id.optional(),
});

export const nodeSchema = z.strictObject({
  id,
  actions: z.array(actionSchema, need('debe ser una lista de acciones')).default([]),
  router: routerSchema.optional(),
  wait: waitSchema.optional(),
  next: id.optional(),
});

export const flowDefinitionSchema = z.strictObject({
  key: id,
  name: text,
  startNode: id,
  ttlHours: z.number(need('debe ser un número de horas')).positive('debe ser mayor que 0').max(24 * 30, 'no debe exceder 720 horas').default(24),
  nodes: z.array(nodeSchema, need('debe ser una lista de nodos')).min(1, 'necesita al menos un nodo'),
});

/** A flow definition as stored and run (defaults filled). */
export type FlowDefinition = z.output<typeof flowDefinitionSchema>;
/** A flow definition as written (defaults may be left out). */
export type FlowDefinitionInput = z.input<typeof flowDefinitionSchema>;
export type FlowNode = FlowDefinition['nodes'][number];
export type FlowAction = FlowNode['actions'][number];
export type FlowRouter = NonNullable<FlowNode['router']>;
export type FlowCase = FlowRouter['cases'][number];
export type RouterTest = (typeof ROUTER_TESTS)[number];
