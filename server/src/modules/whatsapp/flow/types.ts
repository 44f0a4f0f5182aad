/**
 * The flow engine's contract with the rest of the WhatsApp module (see the module's contract):
 * what a step receives (the flow, the run, the family's input, facts about the contact, effects)
 * and what it gives back (the run's new state, messages to send, contact fields to store).
 */
import type { EFFECT_NAMES } from './flow-schema.ts';

export type { FlowAction, FlowCase, FlowDefinition, FlowDefinitionInput, FlowNode, FlowRouter, RouterTest } from './flow-schema.ts';

export type Outgoing =
  | { kind: 'text'; text: string }
  | { kind: 'buttons'; text: string; buttons: { id: string; title: string }[] } // ≤3 buttons, title ≤20 chars
  | { kind: 'list'; text: string; button: string; sections: { title: string; rows: { id: string; title: string; description?: string }[] }[] }; // ≤10 rows, title ≤24, description ≤72

export type FlowInput =
  | { kind: 'message'; text: string; replyId?: string; messageType: string } // text, or the id/title of a tapped button/list row
  | { kind: 'timeout' }; // the wait's timeout fired (worker)

export interface ContactFacts {
  /** WhatsApp profile name. */
  name: string | null;
  /** Linked to at least one child as a verified guardian. */
  verified: boolean;
  children: { patientId: string; firstName: string; unitId: string; unitName: string }[];
  /** Contact fields set by set_field. */
  fields: Record<string, string>;
}

export interface RunState {
  flowKey: string;
  flowVersion: number;
  /** Where the run waits. */
  nodeId: string;
  /** Flat: "child", "case.code", "verify.status", … */
  results: Record<string, string>;
  status: 'WAITING' | 'COMPLETED' | 'EXPIRED';
  /** ISO; when the wait's timeout exit fires. */
  waitExpiresAt: string | null;
  /** ISO; absolute lifetime of the run. */
  expiresAt: string;
  startedAt: string;
}

export type EffectName = (typeof EFFECT_NAMES)[number];

export interface FlowEffects {
  /** Runs a side effect; params are the action's params with {{…}} already expanded. Returns flat string values
   *  stored as results["<resultName>.<key>"] (always includes "status": "ok" | an error code such as "no_match", "locked"). */
  invoke(name: EffectName, params: Record<string, string>): Promise<Record<string, string>>;
}
