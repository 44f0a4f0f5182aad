/**
 * The bulletin of a meeting: the stored one (draft or approved) or, when none was saved, a fresh
 * draft built from the meeting's record (not stored). Audited as a read.
 */
import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import { bulletinAsText, draftBulletin, type BulletinText } from './draft-bulletin.ts';
import { findMeetingOr404, loadMeetingRecord, loadProtectedTerms } from './load-meeting-record.ts';
import type { BulletinView } from './minute-schemas.ts';
import { describeFinding, findProtected, type ProtectedTerms } from './protected-terms.ts';
import * as repo from './repo.ts';

const FIELDS = ['title', 'summary', 'body'] as const;

/** Protected data in a bulletin's text, by field (the approval refuses any). */
export function bulletinFindings(b: BulletinText, terms: ProtectedTerms): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const field of FIELDS) {
    const found = findProtected(b[field], terms, { caseCodes: true });
    if (found.length > 0) out.push({ field, message: describeFinding(found[0]!) });
  }
  return out;
}

export function storedView(meetingNumber: number, row: repo.BulletinRow, terms: ProtectedTerms): BulletinView {
  return {
    meetingId: row.meetingId,
    meetingNumber,
    title: row.title,
    summary: row.summary,
    body: row.body,
    status: row.status,
    version: row.version,
    generated: false,
    updatedAt: row.updatedAt,
    approvedAt: row.approvedAt,
    warnings: row.status === 'APPROVED' ? [] : bulletinFindings(row, terms),
  };
}

async function currentBulletin(s: Services, meetingId: string): Promise<BulletinView> {
  const db = s.db.orm;
  const meeting = await findMeetingOr404(db, meetingId);
  const row = await repo.findBulletin(db, meetingId);
  if (row) return storedView(meeting.number, row, await loadProtectedTerms(db, meetingId));
  const record = await loadMeetingRecord(db, meetingId);
  const draft = draftBulletin(record);
  return {
    meetingId,
    meetingNumber: meeting.number,
    ...draft,
    status: 'DRAFT',
    version: 0,
    generated: true,
    updatedAt: null,
    approvedAt: null,
    warnings: bulletinFindings(draft, record.terms),
  };
}

export async function getBulletin(s: Services, ctx: RequestContext, meetingId: string): Promise<BulletinView> {
  const view = await currentBulletin(s, meetingId);
  await ctx.audit({ action: 'READ', entity: 'meeting_bulletin', entityId: meetingId, detail: { status: view.status, generated: view.generated } });
  return view;
}

/** The bulletin as a text file: `boletin_reunion_19.txt`. Audited as an export. */
export async function getBulletinText(s: Services, ctx: RequestContext, meetingId: string): Promise<{ fileName: string; body: string }> {
  const view = await currentBulletin(s, meetingId);
  await ctx.audit({ action: 'EXPORT', entity: 'meeting_bulletin', entityId: meetingId, detail: { format: 'txt', status: view.status, generated: view.generated } });
  return { fileName: `boletin_reunion_${view.meetingNumber}.txt`, body: bulletinAsText(view, view.meetingNumber) };
}
