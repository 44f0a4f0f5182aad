import type { RequestContext } from '../../platform/access/context.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import * as repo from './repo.ts';

/** The ChatBot's figures over a date range (Mexico City days): traffic, what it created, human answers, opt-outs. */
export async function getWhatsAppFigures(s: Services, ctx: RequestContext, q: { from?: string; to?: string }) {
  const to = q.to ?? dateInMexico(s.now());
  const from = q.from ?? dateInMexico(new Date(new Date(`${to}T12:00:00Z`).getTime() - 29 * 86400_000));
  if (from > to) throw validationFailed([{ field: 'from', message: 'debe ser anterior o igual a «to»' }]);
  const span = (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86400_000;
  if (span > 366) throw validationFailed([{ field: 'to', message: 'el periodo no puede pasar de un año' }]);
  const f = await repo.figures(s.db.orm, from, to);
  const days: string[] = [];
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); t <= new Date(`${to}T00:00:00Z`).getTime(); t += 86400_000) days.push(new Date(t).toISOString().slice(0, 10));
  const map = (rows: { day: string; n: number }[]) => new Map(rows.map((r) => [r.day, r.n]));
  const inbound = map(f.inbound);
  const outbound = new Map(f.outbound.map((r) => [r.day, r]));
  const cases = map(f.cases);
  const supply = map(f.supply);
  const optOuts = map(f.optOuts);
  await ctx.audit({ action: 'READ', entity: 'wa_figures', detail: { from, to } });
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    from,
    to,
    days: days.map((day) => ({ day, inbound: inbound.get(day) ?? 0, outbound: outbound.get(day)?.n ?? 0, failed: outbound.get(day)?.failed ?? 0 })),
    casesCreated: sum(cases),
    supplyRequestsCreated: sum(supply),
    casesByDay: days.map((day) => ({ day, cases: cases.get(day) ?? 0, supplyRequests: supply.get(day) ?? 0 })),
    medianFirstHumanReplyMinutes: f.human.median === null ? null : Math.round(f.human.median * 10) / 10,
    handovers: f.human.handovers,
    optOuts: sum(optOuts),
    optOutsByDay: days.map((day) => ({ day, n: optOuts.get(day) ?? 0 })),
    verifiedContacts: f.counts.verified,
    contacts: f.counts.contacts,
  };
}
