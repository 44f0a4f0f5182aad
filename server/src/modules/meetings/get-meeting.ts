import type { RequestContext } from '../../platform/access/context.ts';
import { hasPermission } from '../../platform/access/guard.ts';
import type { Services } from '../../platform/services.ts';
import { caseAccess, caseView } from './case-access.ts';
import { toAgreementViews } from './list-agreements.ts';
import type { MeetingDetail } from './meeting-schemas.ts';
import { describeInstant, meetingNotFound } from './meeting-rules.ts';
import * as repo from './repo.ts';

/**
 * The whole meeting as the coordinator runs it: agenda, attendance, the cases on its agenda (taken
 * into it, reviewed in it and, while it is open, the earlier open ones), agreements to follow up
 * and adopted, evidence. Patient names are shown only to those who may read the case; families'
 * surnames only to coordination.
 */
export async function getMeeting(s: Services, ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const db = s.db.orm;
  const meeting = await repo.findMeeting(db, id);
  if (!meeting) throw meetingNotFound();
  const now = s.now();
  const [attendees, caseIds, followUp, adopted, attachments, access] = await Promise.all([
    repo.listAttendees(db, id),
    repo.agendaCaseIds(db, meeting),
    repo.listAgreements(db, now, { followUpFor: { number: meeting.number, meetingId: id, open: meeting.status !== 'CLOSED' }, limit: 500 }),
    repo.listAgreements(db, now, { adoptedIn: id, limit: 500 }),
    repo.listAttachments(db, 'MEETING', id),
    caseAccess(db, ctx),
  ]);
  const [caseRows, updates, agreementViews] = await Promise.all([
    repo.casesByIds(db, caseIds),
    repo.caseUpdatesOf(db, caseIds, id),
    toAgreementViews(db, [...followUp.slice(0, 500), ...adopted.slice(0, 500)]),
  ]);
  const visibleUnits = ctx.visibleUnits;
  const mayReadPatient = (c: repo.CaseRow) =>
    access.manage ||
    ((hasPermission(ctx, 'cases.read') || hasPermission(ctx, 'cases.write')) && (visibleUnits === 'ALL' || visibleUnits.includes(c.unitId))) ||
    (!!c.responsible && access.ownOfficialIds.includes(c.responsible.id));
  const lastInMeeting = new Map<string, repo.CaseUpdateRow>();
  for (const u of updates) lastInMeeting.set(u.caseId, u);
  const cases = caseRows.map((c) => {
    const { description: _d, reporterName: _r, reporterPhone: _p, ...view } = caseView(c);
    const shown = mayReadPatient(c);
    const update = lastInMeeting.get(c.id);
    return {
      ...view,
      patientId: shown ? view.patientId : null,
      patientName: shown ? view.patientName : null,
      carriedOver: c.meetingId !== id,
      updateInMeeting: update
        ? {
            id: update.id,
            entryDate: update.entryDate,
            text: update.text,
            officialId: update.official?.id ?? null,
            officialPosition: update.official?.position ?? null,
            statusFrom: update.statusFrom,
            statusTo: update.statusTo,
          }
        : null,
    };
  });
  const surnamesShown = hasPermission(ctx, 'meetings.manage');
  const byId = new Map(agreementViews.map((a) => [a.id, a]));
  const warnings: string[] = [];
  if (meeting.extraordinary) warnings.push(`Sesión extraordinaria: no es en jueves a las 18:00 (${describeInstant(meeting.scheduledAt)}).`);
  if (meeting.status === 'PLANNED' && now > meeting.familiesDeadline) {
    warnings.push(`La lista de participantes de las familias cerró el ${describeInstant(meeting.familiesDeadline)}; los registros posteriores quedan marcados como extemporáneos.`);
  }
  await ctx.audit({ action: 'READ', entity: 'meeting', entityId: id, detail: { number: meeting.number, cases: cases.length, patientsShown: cases.filter((c) => c.patientName).length } });
  const { casesDeadline: _cd, closedAt: _ca, ...summary } = meeting;
  return {
    ...summary,
    newCases: caseRows.filter((c) => c.meetingId === id).length,
    reviewedCases: lastInMeeting.size,
    agreements: adopted.length,
    attendees: attendees.map((a) => ({ ...a, surnames: surnamesShown ? a.surnames : null })),
    cases,
    agreementsFollowUp: followUp.map((a) => byId.get(a.id)!),
    agreementsAdopted: adopted.map((a) => byId.get(a.id)!),
    attachments: attachments.map(({ ownerId: _o, ownerType: _t, ...f }) => f),
    warnings,
  };
}
