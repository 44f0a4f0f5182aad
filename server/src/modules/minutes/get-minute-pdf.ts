/** The minute of a meeting as a PDF download (`minuta_reunion_19.pdf`); audited as an export. */
import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import { loadMeetingRecord } from './load-meeting-record.ts';
import { minuteFileName, renderMinutePdf } from './render-minute-pdf.ts';

export async function getMinutePdf(s: Services, ctx: RequestContext, meetingId: string): Promise<{ fileName: string; body: Buffer }> {
  const record = await loadMeetingRecord(s.db.orm, meetingId);
  const body = await renderMinutePdf(record);
  await ctx.audit({
    action: 'EXPORT',
    entity: 'meeting_minute',
    entityId: meetingId,
    detail: { format: 'pdf', draft: record.meeting.status !== 'CLOSED', cases: record.cases.length, agreements: record.agreementsAdopted.length },
  });
  return { fileName: minuteFileName(record.meeting.number), body };
}
