/**
 * The record of one meeting as the published documents (minute, bulletin) see it: attendance,
 * agenda with its notes, the cases reviewed and the agreements adopted and followed up. Free text
 * typed by staff (agenda notes, case titles, updates, agreements) comes back redacted: any family
 * surname, child's name, CURP, NSS or reporter of the meeting's cases is replaced by
 * «[dato protegido]». Callers audit the read.
 */
import type { Db } from '../../platform/db/gateway.ts';
import { notFound } from '../../platform/errors.ts';
import type { AgendaItem } from '../meetings/schema.ts';
import { buildProtectedTerms, redact, type ProtectedTerms } from './protected-terms.ts';
import * as repo from './repo.ts';

export interface MeetingRecord {
  meeting: Omit<repo.MeetingRow, 'agenda'>;
  agenda: AgendaItem[];
  officials: repo.OfficialAttendeeRow[];
  families: repo.FamilyAttendeeRow[];
  cases: repo.ReviewedCaseRow[];
  agreementsAdopted: repo.AdoptedAgreementRow[];
  agreementFollowUps: repo.AgreementFollowUpRow[];
  /** What must never be published for this meeting (for the approval check). */
  terms: ProtectedTerms;
}

export async function findMeetingOr404(db: Db, meetingId: string): Promise<repo.MeetingRow> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) throw notFound('No existe una reunión con ese identificador.', 'MEETING_NOT_FOUND');
  return meeting;
}

export async function loadProtectedTerms(db: Db, meetingId: string): Promise<ProtectedTerms> {
  return buildProtectedTerms(await repo.loadProtectedRows(db, meetingId));
}

export async function loadMeetingRecord(db: Db, meetingId: string): Promise<MeetingRecord> {
  const { agenda, ...meeting } = await findMeetingOr404(db, meetingId);
  // One after another: on the embedded database concurrent queries would only queue anyway.
  const officials = await repo.listOfficialAttendees(db, meetingId);
  const families = await repo.listFamilyAttendees(db, meetingId);
  const cases = await repo.listReviewedCases(db, meetingId);
  const agreementsAdopted = await repo.listAdoptedAgreements(db, meetingId);
  const agreementFollowUps = await repo.listAgreementFollowUps(db, meetingId);
  const terms = await loadProtectedTerms(db, meetingId);
  const r = (t: string) => redact(t, terms);
  return {
    meeting,
    agenda: (agenda ?? []).map((i) => ({ key: i.key, title: r(i.title), notes: r(i.notes ?? '') })),
    officials,
    families,
    cases: cases.map((c) => ({ ...c, title: r(c.title), updates: c.updates.map((u) => ({ ...u, text: r(u.text) })) })),
    agreementsAdopted: agreementsAdopted.map((a) => ({ ...a, text: r(a.text) })),
    agreementFollowUps: agreementFollowUps.map((f) => ({ ...f, agreementText: r(f.agreementText), text: r(f.text) })),
    terms,
  };
}

/** A case's status as this meeting left it: after its last update here, else its current one. */
export function caseStatusInMeeting(c: repo.ReviewedCaseRow): repo.ReviewedCaseRow['status'] {
  return c.updates.at(-1)?.statusTo ?? c.status;
}
