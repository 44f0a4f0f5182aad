/**
 * One step of a flow run: the family's message (or a wait's timeout) in, the run's new state and
 * the replies out. Pure apart from `effects` (which the caller runs in its transaction); no clock
 * but `now`, no I/O.
 *
 * A run with no state (or a finished one) starts at the flow's start node. A waiting run routes the
 * input from the node where it waits. Each node entered runs its actions and then waits (the step
 * ends), routes at once on a result or contact fact, follows `next`, or ends the run. A run older
 * than its absolute lifetime starts over with a short note; a loop without a wait is cut after
 * MAX_NODES_PER_STEP nodes with an apology instead of hanging.
 */
import { runTest, type TestSubject } from './router-tests.ts';
import { LIMITS, renderTemplate, truncate } from './text.ts';
import type { ContactFacts, FlowAction, FlowDefinition, FlowEffects, FlowInput, FlowNode, FlowRouter, Outgoing, RunState } from './types.ts';

export const MAX_NODES_PER_STEP = 50;

export const ENGINE_COPY = {
  expired: 'Tu conversación anterior terminó por inactividad. Empecemos de nuevo. 🙂',
  loop: 'Tuvimos un problema con este menú y ya avisamos al equipo. Escribe MENU para empezar de nuevo.',
  brokenFlow: 'Tuvimos un problema con este menú y ya avisamos al equipo. Escribe MENU para empezar de nuevo.',
  children: 'Elige a tu hija o hijo',
};

export interface RunFlowArgs {
  flow: FlowDefinition;
  run: RunState | null;
  input: FlowInput;
  now: Date;
  contact: ContactFacts;
  effects: FlowEffects;
}

export interface RunFlowResult {
  run: RunState | null;
  outgoing: Outgoing[];
  fields: Record<string, string>;
}

interface Step {
  flow: FlowDefinition;
  nodes: Map<string, FlowNode>;
  contact: ContactFacts;
  effects: FlowEffects;
  now: Date;
  input: FlowInput;
  results: Record<string, string>;
  fields: Record<string, string>;
  outgoing: Outgoing[];
}

function lookup(step: Step, path: string): string | undefined {
  if (path === 'contact.name') return step.contact.name ?? '';
  if (path === 'contact.firstName') return (step.contact.name ?? '').trim().split(/\s+/)[0] ?? '';
  if (path === 'contact.verified') return String(step.contact.verified);
  if (path === 'children.count') return String(step.contact.children.length);
  if (path === 'input') return step.input.kind === 'message' ? step.input.text : '';
  if (path.startsWith('results.')) return step.results[path.slice(8)];
  if (path.startsWith('fields.')) {
    const name = path.slice(7);
    return step.fields[name] ?? step.contact.fields[name];
  }
  return undefined;
}

const render = (step: Step, text: string) => renderTemplate(text, (p) => lookup(step, p));

/** Shortens anything over WhatsApp's limits and drops what cannot be sent (never throws). */
function send(step: Step, o: Outgoing): void {
  if (o.kind === 'text') {
    const text = truncate(o.text.trim(), LIMITS.text);
    if (text) step.outgoing.push({ kind: 'text', text });
    return;
  }
  const body = truncate(o.text.trim(), LIMITS.interactiveBody) || '…';
  if (o.kind === 'buttons') {
    const buttons = o.buttons.slice(0, LIMITS.buttons).map((b) => ({ id: b.id.slice(0, 256), title: truncate(b.title.trim(), LIMITS.buttonTitle) || '…' }));
    step.outgoing.push(buttons.length ? { kind: 'buttons', text: body, buttons } : { kind: 'text', text: truncate(o.text.trim(), LIMITS.text) });
    return;
  }
  let room: number = LIMITS.listRows;
  const sections = o.sections
    .map((s) => {
      const rows = s.rows.slice(0, Math.max(0, room)).map((r) => {
        const description = r.description ? truncate(r.description.trim(), LIMITS.rowDescription) : '';
        return { id: r.id.slice(0, 200), title: truncate(r.title.trim(), LIMITS.rowTitle) || '…', ...(description ? { description } : {}) };
      });
      room -= rows.length;
      return { title: truncate(s.title.trim(), LIMITS.sectionTitle), rows };
    })
    .filter((s) => s.rows.length);
  if (!sections.length) {
    step.outgoing.push({ kind: 'text', text: truncate(o.text.trim(), LIMITS.text) });
    return;
  }
  // WhatsApp requires section titles when a list has more than one section.
  if (sections.length > 1) sections.forEach((s, i) => (s.title ||= `Opciones ${i + 1}`));
  step.outgoing.push({ kind: 'list', text: body, button: truncate(o.button.trim(), LIMITS.listButton) || 'Ver opciones', sections });
}

function saveChild(step: Step, saveAs: string, c: ContactFacts['children'][number]): void {
  step.results[saveAs] = c.patientId;
  step.results[`${saveAs}.name`] = c.firstName;
  step.results[`${saveAs}.unitId`] = c.unitId;
  step.results[`${saveAs}.unitName`] = c.unitName;
}

async function runAction(step: Step, a: FlowAction): Promise<void> {
  switch (a.type) {
    case 'send_text':
      return send(step, { kind: 'text', text: render(step, a.text) });
    case 'send_buttons':
      return send(step, { kind: 'buttons', text: render(step, a.text), buttons: a.buttons.map((b) => ({ id: b.id, title: render(step, b.title) })) });
    case 'send_list':
      return send(step, {
        kind: 'list',
        text: render(step, a.text),
        button: render(step, a.button),
        sections: a.sections.map((s) => ({
          title: render(step, s.title ?? ''),
          rows: s.rows.map((r) => ({ id: r.id, title: render(step, r.title), ...(r.description ? { description: render(step, r.description) } : {}) })),
        })),
      });
    case 'send_children': {
      const children = step.contact.children;
      const text = render(step, a.text);
      const numbered = children.map((c, i) => `${i + 1}. ${c.firstName}`).join('\n');
      if (!children.length) return send(step, { kind: 'text', text });
      if (children.length <= LIMITS.buttons) {
        return send(step, { kind: 'buttons', text, buttons: children.map((c) => ({ id: `child:${c.patientId}`, title: c.firstName })) });
      }
      return send(step, {
        kind: 'list',
        text: children.length > LIMITS.listRows ? `${text}\n\n${numbered}` : text,
        button: a.button ? render(step, a.button) : ENGINE_COPY.children,
        sections: [{ title: '', rows: children.slice(0, LIMITS.listRows).map((c) => ({ id: `child:${c.patientId}`, title: c.firstName, description: c.unitName })) }],
      });
    }
    case 'select_child': {
      const c = step.contact.children[0];
      if (c) saveChild(step, a.saveAs ?? 'child', c);
      return;
    }
    case 'invoke': {
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(a.params ?? {})) params[k] = render(step, v);
      const out = await step.effects.invoke(a.effect, params);
      const prefix = `${a.result}.`;
      for (const k of Object.keys(step.results)) if (k.startsWith(prefix)) delete step.results[k];
      for (const [k, v] of Object.entries(out ?? {})) step.results[`${prefix}${k}`] = String(v ?? '');
      step.results[`${prefix}status`] ??= 'ok';
      return;
    }
    case 'set_result':
      step.results[a.name] = render(step, a.value);
      return;
    case 'set_field':
      step.fields[a.name] = render(step, a.value);
      return;
  }
}

function operandValue(step: Step, operand: string): TestSubject {
  const base = { children: step.contact.children, now: step.now };
  if (operand === 'input') {
    return step.input.kind === 'message' ? { ...base, text: step.input.text ?? '', replyId: step.input.replyId || undefined } : { ...base, text: '' };
  }
  if (operand === 'contact.verified') return { ...base, text: String(step.contact.verified) };
  if (operand === 'children.count') return { ...base, text: String(step.contact.children.length) };
  if (operand.startsWith('result:')) return { ...base, text: step.results[operand.slice(7)] ?? '' };
  if (operand.startsWith('field:')) {
    const name = operand.slice(6);
    return { ...base, text: step.fields[name] ?? step.contact.fields[name] ?? '' };
  }
  return { ...base, text: '' };
}

/** Where the router sends this step's input or fact; undefined when nothing matches and there is no otherTo. */
function route(step: Step, router: FlowRouter): string | undefined {
  const subject = operandValue(step, router.operand ?? 'input');
  const cases = router.cases ?? [];
  // A tapped option wins over words that another (earlier) option's keywords happen to share.
  const byId = subject.replyId
    ? cases.find((c) => (c.test === 'menu' && String(c.args?.[0]) === subject.replyId) || (c.test === 'reply_id' && (c.args ?? []).map(String).includes(subject.replyId!)))
    : undefined;
  const ordered = byId ? [byId, ...cases.filter((c) => c !== byId)] : cases;
  for (const c of ordered) {
    const m = runTest(c.test, c.args ?? [], subject);
    if (!m.match) continue;
    if (c.saveAs) {
      if (c.test === 'is_child' && m.extra) {
        const child = step.contact.children.find((x) => x.patientId === m.value);
        if (child) saveChild(step, c.saveAs, child);
      } else {
        step.results[c.saveAs] = m.value ?? subject.text;
        for (const [k, v] of Object.entries(m.extra ?? {})) step.results[`${c.saveAs}.${k}`] = v;
      }
    }
    return c.to;
  }
  return router.otherTo;
}

function fresh(flow: FlowDefinition, now: Date, previous: RunState | null): RunState {
  const ttl = (flow.ttlHours ?? 24) * 3600_000;
  return {
    flowKey: flow.key,
    flowVersion: previous?.flowVersion ?? 0,
    nodeId: flow.startNode,
    results: {},
    status: 'WAITING',
    waitExpiresAt: null,
    expiresAt: new Date(now.getTime() + ttl).toISOString(),
    startedAt: now.toISOString(),
  };
}

/**
 * Enters `nodeId` and keeps going until a wait or the end. Returns the run's state after the step.
 */
async function advance(step: Step, state: RunState, nodeId: string | undefined): Promise<RunState> {
  let current = nodeId;
  for (let entered = 0; current !== undefined; entered++) {
    if (entered >= MAX_NODES_PER_STEP) {
      send(step, { kind: 'text', text: ENGINE_COPY.loop });
      return { ...state, nodeId: current, status: 'COMPLETED', waitExpiresAt: null, results: step.results };
    }
    const node = step.nodes.get(current);
    if (!node) {
      send(step, { kind: 'text', text: ENGINE_COPY.brokenFlow });
      return { ...state, nodeId: current, status: 'COMPLETED', waitExpiresAt: null, results: step.results };
    }
    for (const a of node.actions ?? []) await runAction(step, a);
    if (node.wait) {
      const seconds = node.wait.timeoutSeconds;
      return {
        ...state,
        nodeId: node.id,
        status: 'WAITING',
        waitExpiresAt: seconds ? new Date(step.now.getTime() + seconds * 1000).toISOString() : null,
        results: step.results,
      };
    }
    current = node.router ? (route(step, node.router) ?? node.next) : node.next;
    state = { ...state, nodeId: node.id };
  }
  return { ...state, status: 'COMPLETED', waitExpiresAt: null, results: step.results };
}

export async function runFlow(args: RunFlowArgs): Promise<RunFlowResult> {
  const { flow, run, input, now, contact, effects } = args;
  const step: Step = {
    flow,
    nodes: new Map((flow.nodes ?? []).map((n) => [n.id, n])),
    contact,
    effects,
    now,
    input,
    results: {},
    fields: {},
    outgoing: [],
  };
  const done = (state: RunState | null): RunFlowResult => ({ run: state, outgoing: step.outgoing, fields: step.fields });
  const waiting = run && run.status === 'WAITING' ? run : null;

  if (input.kind === 'timeout') {
    if (!waiting) return done(run);
    if (now.getTime() > new Date(waiting.expiresAt).getTime()) return done({ ...waiting, status: 'EXPIRED', waitExpiresAt: null });
    step.results = { ...waiting.results };
    const node = step.nodes.get(waiting.nodeId);
    const to = node?.wait?.timeoutTo;
    if (!to) return done({ ...waiting, status: 'COMPLETED', waitExpiresAt: null });
    return done(await advance(step, { ...waiting, results: step.results }, to));
  }

  if (waiting) {
    const expired = now.getTime() > new Date(waiting.expiresAt).getTime();
    const node = step.nodes.get(waiting.nodeId);
    if (!expired && node) {
      step.results = { ...waiting.results };
      const to = node.router ? (route(step, node.router) ?? node.next) : node.next;
      return done(await advance(step, { ...waiting, results: step.results }, to));
    }
    if (expired) send(step, { kind: 'text', text: ENGINE_COPY.expired });
  }
  return done(await advance(step, fresh(flow, now, run), flow.startNode));
}
